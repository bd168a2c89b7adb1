/** One relationship: its sides, statutory stage, areas, activity, timeline, files and history. */
import { Anchor, Badge, Button, Grid, Group, Stack, Stepper, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { RELATIONSHIP_STAGES } from '../../../../shared/api/relationships.contract';
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
import { useQuery } from '../../lib/query';
import { RELATIONSHIP_COLORS, partnerLabel } from '../partners/partner-view';
import { ActivityByArea } from './ActivityByArea';
import { STATUS_COLORS } from './relationship-view';
import { TasksCard } from '../tasks/TasksCard';
import { NoActivityNote } from './NoActivityNote';

export function RelationshipDetail({ id }: { id: string }) {
  const i18n = useI18n();
  const { t, name, date, number } = i18n;
  const query = useQuery(
    'relationships.get',
    { id },
    { entities: ['relationship', 'partner', 'letter', 'case'] },
  );
  if (query.error) return <ErrorNotice error={query.error} onRetry={query.refresh} />;
  const r = query.data ?? (query.previous?.id === id ? query.previous : undefined);
  if (!r) return <Loading />;
  // The stage reached is the step in hand; once signed, every step is done.
  const stageIndex =
    r.stage === 'signed' ? RELATIONSHIP_STAGES.length : r.stage ? RELATIONSHIP_STAGES.indexOf(r.stage) : -1;

  return (
    <Stack gap="lg">
      <PageHeader
        title={
          <bdi dir="auto">
            {t('relationships.between', { own: name(r.ownUnit), partner: name(r.partner) })}
          </bdi>
        }
        subtitle={
          <Group gap="xs" component="span">
            <Badge variant="dot" color={RELATIONSHIP_COLORS[r.type]}>
              {t(`relationships.type.${r.type}`)}
            </Badge>
            <Badge variant="light" color={STATUS_COLORS[r.status]} data-testid="relationship-status-badge">
              {t(`relationships.status.${r.status}`)}
            </Badge>
            {r.dormant && <NoActivityNote />}
          </Group>
        }
        actions={
          <Button
            variant="default"
            leftSection={<IconPencil size={18} aria-hidden />}
            onClick={() => navigate({ section: 'relationships', id, action: 'edit' })}
          >
            {t('action.edit')}
          </Button>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            <SectionCard title={t('relationships.section.details')}>
              <Facts
                facts={[
                  {
                    label: t('relationships.field.ownUnit'),
                    value: (
                      <Anchor href={routeHref({ section: 'partners', id: r.ownUnit.id })}>
                        {name(r.ownUnit)}
                      </Anchor>
                    ),
                  },
                  {
                    label: t('relationships.field.partner'),
                    value: (
                      <Anchor href={routeHref({ section: 'partners', id: r.partner.id })}>
                        {partnerLabel(r.partner, i18n)}
                      </Anchor>
                    ),
                  },
                  {
                    label: t('relationships.field.establishedOn'),
                    value: r.establishedOn ? date(r.establishedOn, 'long') : '—',
                    testId: 'relationship-established-on',
                  },
                  {
                    label: t('relationships.level'),
                    value: r.level ? t(`relationships.level.${r.level}`) : '—',
                  },
                  {
                    label: t('relationships.field.lastActivity'),
                    value: r.lastActivity ? date(r.lastActivity, 'long') : '—',
                  },
                  {
                    label: t('relationships.activity.label'),
                    value: `${t('relationships.activity.count', { n: r.activityCount })} · ${t('relationships.activity.breadth', { n: r.breadth })}`,
                  },
                ]}
              />
              {r.areas.length > 0 && (
                <Group gap="xs" mt="md">
                  {r.areas.map((area) => (
                    <Badge key={area} variant="outline" color="desk">
                      {t(`relationships.area.${area}`)}
                    </Badge>
                  ))}
                </Group>
              )}
              {r.notes && (
                <Text size="sm" mt="md" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
                  {r.notes}
                </Text>
              )}
            </SectionCard>
            <SectionCard title={t('relationships.timeline')}>
              <ActivityTimeline method="relationships.timeline" id={id} />
            </SectionCard>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            <SectionCard title={t('relationships.stage')}>
              <Stepper
                active={stageIndex}
                size="xs"
                allowNextStepsSelect={false}
                orientation="vertical"
                iconSize={24}
              >
                {RELATIONSHIP_STAGES.map((stage, index) => (
                  <Stepper.Step
                    key={stage}
                    label={t(`relationships.stage.${stage}`)}
                    icon={number(index + 1)}
                  />
                ))}
              </Stepper>
            </SectionCard>
            <SectionCard title={t('relationships.activity.title')}>
              <ActivityByArea relationship={r} />
            </SectionCard>
            <TasksCard ownerType="relationship" ownerId={id} />
            <SectionCard title={t('attachments.title')}>
              <AttachmentsPanel ownerType="relationship" ownerId={id} />
            </SectionCard>
            <SectionCard title={t('letters.section.history')}>
              <HistoryTimeline entity="relationship" entityId={id} />
            </SectionCard>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
