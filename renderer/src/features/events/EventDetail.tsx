/**
 * One event: its facts, the reciprocal event both ways, the programme by day, the
 * delegation with passport and visa warnings, gifts, and the outcome report.
 */
import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { navigate, routeHref } from '../../app/routes';
import { hasMethod } from '../../app/sections';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ExportButton } from '../../components/ExportButton';
import { Facts } from '../../components/Facts';
import { HistoryTimeline } from '../../components/HistoryTimeline';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { SectionCard } from '../../components/SectionCard';
import { useI18n } from '../../i18n/locale';
import { useQuery } from '../../lib/query';
import { DelegationTable } from './DelegationTable';
import { EVENT_STATUS_COLORS } from './event-view';
import { GiftsCard, OutcomeCard } from './GiftsAndOutcome';
import { TasksCard } from '../tasks/TasksCard';
import { ProgrammeGrid } from './ProgrammeGrid';

export function EventDetail({ id }: { id: string }) {
  const { t, date, name, locale } = useI18n();
  const query = useQuery(
    'events.get',
    { id },
    { entities: ['event', 'programme_item', 'delegation_member', 'gift'] },
  );
  if (query.error) return <ErrorNotice error={query.error} onRetry={query.refresh} />;
  const event = query.data ?? query.previous;
  if (!event || event.id !== id) return <Loading />;
  const link = (e: { id: string; title: string; startDate: string }) => (
    <Anchor key={e.id} href={routeHref({ section: 'events', id: e.id })} size="sm" display="block">
      <bdi dir="auto">{e.title}</bdi> — {date(e.startDate, 'short')}
    </Anchor>
  );
  const separator = locale === 'fa' ? '، ' : ', ';
  const programmeFirst =
    event.kind === 'cultural_week' || event.kind === 'exhibition' || event.programme.length > 0;

  const programme = <ProgrammeGrid event={event} onChanged={query.refresh} />;
  const delegation = <DelegationTable event={event} onChanged={query.refresh} />;

  return (
    <Stack gap="lg">
      <PageHeader
        title={<bdi dir="auto">{event.title}</bdi>}
        subtitle={
          <Group gap="xs" component="span">
            <span>{t(`events.kind.${event.kind}`)}</span>
            <Badge
              variant="light"
              color={EVENT_STATUS_COLORS[event.status]}
              tt="none"
              data-testid="event-status"
            >
              {t(`events.status.${event.status}`)}
            </Badge>
          </Group>
        }
        actions={
          <>
            <Button variant="default" onClick={() => navigate({ section: 'events' })}>
              {t('action.back')}
            </Button>
            <Button
              variant="light"
              onClick={() => navigate({ section: 'events', id: event.id, action: 'edit' })}
              data-testid="event-edit"
            >
              {t('action.edit')}
            </Button>
            {hasMethod('documents.export') && <ExportButton kind="eventBrief" id={event.id} />}
          </>
        }
      />
      <SectionCard title={t('events.facts')}>
        <Facts
          cols={4}
          facts={[
            {
              label: t('events.field.period'),
              value: `${date(event.startDate)} – ${date(event.endDate)}`,
              testId: 'event-period',
            },
            { label: t('events.role'), value: t(`events.role.${event.ourRole}`) },
            {
              label: t('events.field.host'),
              value: event.host ? <bdi dir="auto">{name(event.host)}</bdi> : '—',
            },
            {
              label: t('events.field.venue'),
              value: event.venue ? <bdi dir="auto">{event.venue}</bdi> : '—',
            },
            event.registrationDeadline !== null && {
              label: t('events.field.deadline'),
              value: date(event.registrationDeadline),
            },
            event.partners.length > 0 && {
              label: t('events.filter.partner'),
              value: event.partners.map((p) => name(p)).join(separator),
            },
            {
              label: t('events.field.reciprocal'),
              value: event.reciprocal ? link(event.reciprocal) : t('events.reciprocal.none'),
              testId: 'event-reciprocal',
            },
            event.answeredBy.length > 0 && {
              label: t('events.field.answeredBy'),
              value: <>{event.answeredBy.map(link)}</>,
              testId: 'event-answered-by',
            },
          ]}
        />
        {event.objectives && (
          <Text size="sm" mt="md" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
            {event.objectives}
          </Text>
        )}
      </SectionCard>
      {programmeFirst ? programme : delegation}
      {programmeFirst ? delegation : programme}
      <TasksCard ownerType="event" ownerId={event.id} />
      <GiftsCard event={event} onChanged={query.refresh} />
      <OutcomeCard key={event.outcomeRecordedAt ?? 'none'} event={event} onChanged={query.refresh} />
      <SectionCard title={t('letters.section.history')}>
        <HistoryTimeline entity="event" entityId={event.id} />
      </SectionCard>
    </Stack>
  );
}
