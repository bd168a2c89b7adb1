/** The audit trail of one record: who changed it, when, from which workstation. */
import { Button, Text, Timeline } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useI18n } from '../i18n/locale';
import { useQuery } from '../lib/query';
import { ErrorNotice } from './ErrorNotice';
import { Loading } from './Loading';

export function HistoryTimeline({ entity, entityId }: { entity: string; entityId: string }) {
  const { t, dateTime } = useI18n();
  const [limit, setLimit] = useState(10);
  const audit = useQuery('audit.list', { entity, entityId, limit }, { entities: [entity] });
  if (audit.error) return <ErrorNotice error={audit.error} onRetry={audit.refresh} />;
  const data = audit.data ?? audit.previous;
  if (!data) return <Loading />;
  if (data.items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('history.empty')}
      </Text>
    );
  return (
    <>
      <Timeline bulletSize={24} lineWidth={2}>
        {data.items.map((entry) => {
          const kind = entry.before === null ? 'created' : entry.after === null ? 'removed' : 'changed';
          const Icon = kind === 'created' ? IconPlus : kind === 'removed' ? IconTrash : IconPencil;
          return (
            <Timeline.Item
              key={entry.seq}
              bullet={<Icon size={14} aria-hidden />}
              title={t(`history.${kind}`)}
            >
              <Text size="xs" c="dimmed">
                {dateTime(entry.tsUtc)}
              </Text>
              <Text size="xs" c="dimmed">
                {t('history.by', { actor: entry.actor, workstation: entry.workstation })}
              </Text>
            </Timeline.Item>
          );
        })}
      </Timeline>
      {data.total > data.items.length && (
        <Button variant="subtle" size="xs" mt="sm" onClick={() => setLimit((l) => l + 20)}>
          {t('history.more')}
        </Button>
      )}
    </>
  );
}
