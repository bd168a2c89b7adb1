/** One case: what, who, by when, what it serves; its letters, timeline, files and history. */
import { Anchor, Badge, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconMailPlus, IconPencil, IconRotate } from '@tabler/icons-react';
import { navigate, routeHref } from '../../app/routes';
import { ActivityTimeline } from '../../components/ActivityTimeline';
import { AttachmentsPanel } from '../../components/AttachmentsPanel';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Facts } from '../../components/Facts';
import { HistoryTimeline } from '../../components/HistoryTimeline';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { SectionCard } from '../../components/SectionCard';
import { useI18n } from '../../i18n/locale';
import { call } from '../../lib/api';
import { notifyDone, notifyFailure } from '../../lib/notify';
import { useQuery } from '../../lib/query';
import { DIRECTION_COLORS, STATE_COLORS, letterNumber } from '../correspondence/letter-view';
import { partnerLabel } from '../partners/partner-view';
import { CASE_STATUS_COLORS, PRIORITY_COLORS } from './case-view';
import { TasksCard } from '../tasks/TasksCard';

function CaseLetters({ caseId }: { caseId: string }) {
  const { t, date, locale } = useI18n();
  const letters = useQuery('letters.list', { caseId, limit: 50 }, { entities: ['letter'] });
  const data = letters.data ?? letters.previous;
  return (
    <SectionCard
      title={t('cases.section.letters')}
      actions={
        <Button
          size="xs"
          variant="light"
          leftSection={<IconMailPlus size={14} aria-hidden />}
          onClick={() =>
            navigate({
              section: 'correspondence',
              id: 'new',
              params: { direction: 'incoming', case: caseId },
            })
          }
        >
          {t('cases.letters.new')}
        </Button>
      }
    >
      {letters.error ? (
        <ErrorNotice error={letters.error} onRetry={letters.refresh} />
      ) : !data ? (
        <Loading />
      ) : data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('cases.letters.none')}
        </Text>
      ) : (
        <Stack gap="xs" data-testid="case-letters">
          {data.items.map((l) => (
            <Group key={l.id} gap="xs" wrap="nowrap">
              <Badge size="xs" variant="light" color={DIRECTION_COLORS[l.direction]}>
                {t(`letters.direction.${l.direction}`)}
              </Badge>
              <Anchor href={routeHref({ section: 'correspondence', id: l.id })} size="sm" truncate="end">
                <bdi dir="auto">{letterNumber(l.number, locale)}</bdi> · <bdi dir="auto">{l.subject}</bdi>
              </Anchor>
              <Badge size="xs" variant="light" color={STATE_COLORS[l.state]}>
                {t(`letters.state.${l.state}`)}
              </Badge>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {date(l.letterDate, 'short')}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}

export function CaseDetail({ id }: { id: string }) {
  const i18n = useI18n();
  const { t, name, date } = i18n;
  const query = useQuery('cases.get', { id }, { entities: ['case', 'partner', 'relationship', 'user'] });
  if (query.error) return <ErrorNotice error={query.error} onRetry={query.refresh} />;
  const c = query.data ?? (query.previous?.id === id ? query.previous : undefined);
  if (!c) return <Loading />;
  const closed = c.status === 'done' || c.status === 'cancelled';

  const setStatus = async (status: 'done' | 'open') => {
    try {
      await call('cases.update', { id, status });
      notifyDone(t('form.saved'));
    } catch (error) {
      notifyFailure(error, t);
    }
  };

  return (
    <Stack gap="lg">
      <PageHeader
        title={<bdi dir="auto">{c.title}</bdi>}
        subtitle={
          <Group gap="xs" component="span">
            <Text size="sm" c="dimmed" component="span">
              {t(`cases.kind.${c.kind}`)}
            </Text>
            <Badge variant="light" color={CASE_STATUS_COLORS[c.status]} data-testid="case-status">
              {t(`cases.status.${c.status}`)}
            </Badge>
            <Badge variant="dot" color={PRIORITY_COLORS[c.priority]}>
              {t(`cases.priority.${c.priority}`)}
            </Badge>
            {c.overdue && <Badge color="red">{t('cases.overdue')}</Badge>}
          </Group>
        }
        actions={
          <>
            {closed ? (
              <Button
                variant="light"
                leftSection={<IconRotate size={18} aria-hidden />}
                onClick={() => void setStatus('open')}
              >
                {t('letters.action.reopen')}
              </Button>
            ) : (
              <Button
                variant="light"
                leftSection={<IconCheck size={18} aria-hidden />}
                onClick={() => void setStatus('done')}
              >
                {t('cases.status.done')}
              </Button>
            )}
            <Button
              variant="default"
              leftSection={<IconPencil size={18} aria-hidden />}
              onClick={() => navigate({ section: 'cases', id, action: 'edit' })}
            >
              {t('action.edit')}
            </Button>
          </>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            <SectionCard title={t('cases.section.details')}>
              <Facts
                facts={[
                  { label: t('cases.field.owner'), value: c.owner ? name(c.owner) : t('cases.noOwner') },
                  { label: t('cases.field.openedOn'), value: date(c.openedOn, 'long') },
                  {
                    label: t('cases.field.dueOn'),
                    value: c.dueOn ? (
                      <Text span c={c.overdue ? 'red' : undefined} inherit>
                        {date(c.dueOn, 'weekday')}
                      </Text>
                    ) : (
                      '—'
                    ),
                    testId: 'case-due-on',
                  },
                  c.closedOn !== null && {
                    label: t('cases.field.closedOn'),
                    value: date(c.closedOn, 'long'),
                  },
                  c.relationship && {
                    label: t('cases.field.relationship'),
                    value: (
                      <Anchor href={routeHref({ section: 'relationships', id: c.relationship.id })}>
                        {t('relationships.between', {
                          own: name(c.relationship.ownUnit),
                          partner: name(c.relationship.partner),
                        })}
                      </Anchor>
                    ),
                  },
                  c.area !== null && {
                    label: t('cases.field.area'),
                    value: t(`relationships.area.${c.area}`),
                  },
                ]}
              />
              {c.partners.length > 0 && (
                <Group gap="xs" mt="md" aria-label={t('cases.field.partners')}>
                  {c.partners.map((p) => (
                    <Anchor key={p.id} href={routeHref({ section: 'partners', id: p.id })} size="sm">
                      <Badge variant="light" style={{ cursor: 'pointer' }}>
                        <bdi dir="auto">{partnerLabel(p, i18n)}</bdi>
                      </Badge>
                    </Anchor>
                  ))}
                </Group>
              )}
              {c.tags.length > 0 && (
                <Group gap={6} mt="sm">
                  {c.tags.map((tag) => (
                    <Badge key={tag} variant="outline" color="gray" size="sm">
                      <bdi dir="auto">{tag}</bdi>
                    </Badge>
                  ))}
                </Group>
              )}
              {c.description && (
                <Text size="sm" mt="md" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
                  {c.description}
                </Text>
              )}
            </SectionCard>
            <CaseLetters caseId={id} />
            <SectionCard title={t('cases.section.timeline')}>
              <ActivityTimeline method="cases.timeline" id={id} />
            </SectionCard>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            <TasksCard ownerType="case" ownerId={id} />
            <SectionCard title={t('attachments.title')}>
              <AttachmentsPanel ownerType="case" ownerId={id} />
            </SectionCard>
            <SectionCard title={t('letters.section.history')}>
              <HistoryTimeline entity="case" entityId={id} />
            </SectionCard>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
