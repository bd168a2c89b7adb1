/** Everything linked to a relationship or case, newest first; each item opens its record. */
import { Anchor, Button, Text, Timeline } from '@mantine/core';
import {
  IconArrowDownLeft,
  IconArrowUpRight,
  IconArrowsExchange,
  IconCalendarEvent,
  IconCalendarCheck,
  IconCalendarX,
  IconCircleCheck,
  IconCircleX,
  IconFileText,
  IconFolderOpen,
  IconSignature,
} from '@tabler/icons-react';
import { useState } from 'react';
import type { TimelineItem, TimelineItemKind } from '../../../shared/api/relationships.contract';
import { routeHref } from '../app/routes';
import { useI18n } from '../i18n/locale';
import { useQuery } from '../lib/query';
import { ErrorNotice } from './ErrorNotice';
import { Loading } from './Loading';

const ICONS: Record<TimelineItemKind, typeof IconFolderOpen> = {
  case_opened: IconFolderOpen,
  case_done: IconCircleCheck,
  case_cancelled: IconCircleX,
  letter_incoming: IconArrowDownLeft,
  letter_outgoing: IconArrowUpRight,
  letter_internal: IconArrowsExchange,
  agreement_drafted: IconFileText,
  agreement_signed: IconSignature,
  event_planned: IconCalendarEvent,
  event_confirmed: IconCalendarEvent,
  event_held: IconCalendarCheck,
  event_cancelled: IconCalendarX,
};

const SECTION_OF = {
  case: 'cases',
  letter: 'correspondence',
  agreement: 'agreements',
  event: 'events',
} as const;

function hrefOf(item: TimelineItem): string {
  return routeHref({ section: SECTION_OF[item.source], id: item.id });
}

export function ActivityTimeline({
  method,
  id,
}: {
  method: 'relationships.timeline' | 'cases.timeline';
  id: string;
}) {
  const { t, date, digits } = useI18n();
  const [limit, setLimit] = useState(20);
  const timeline = useQuery(method, { id, limit }, { entities: ['letter', 'case', 'relationship'] });
  if (timeline.error) return <ErrorNotice error={timeline.error} onRetry={timeline.refresh} />;
  const data = timeline.data ?? timeline.previous;
  if (!data) return <Loading />;
  if (data.items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('relationships.timeline.empty')}
      </Text>
    );
  }
  return (
    <>
      <Timeline bulletSize={26} lineWidth={2} data-testid="activity-timeline">
        {data.items.map((item) => {
          const Icon = ICONS[item.kind];
          return (
            <Timeline.Item
              key={`${item.source}-${item.id}-${item.kind}`}
              bullet={<Icon size={14} aria-hidden />}
              title={
                <Text size="sm" fw={600}>
                  {t(`relationships.timeline.${item.kind}`)}
                  {item.area ? ` · ${t(`relationships.area.${item.area}`)}` : ''}
                </Text>
              }
            >
              <Anchor href={hrefOf(item)} size="sm">
                {item.reference && (
                  <>
                    <bdi dir="auto" data-testid="register-number">
                      {digits(item.reference)}
                    </bdi>
                    {' · '}
                  </>
                )}
                <bdi dir="auto">{item.title}</bdi>
              </Anchor>
              <Text size="xs" c="dimmed">
                {date(item.date, 'weekday')}
              </Text>
            </Timeline.Item>
          );
        })}
      </Timeline>
      {data.total > data.items.length && (
        <Button variant="subtle" size="xs" mt="sm" onClick={() => setLimit((l) => l + 40)}>
          {t('history.more')}
        </Button>
      )}
    </>
  );
}
