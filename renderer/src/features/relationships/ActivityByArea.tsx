/**
 * How much of a relationship's activity falls in each area of cooperation: one bar per area,
 * drawn in HTML so it reads from the start side in either language.
 */
import { Group, Progress, Stack, Text } from '@mantine/core';
import type { RelationshipDetail } from '../../../../shared/api/relationships.contract';
import { useI18n } from '../../i18n/locale';

export function ActivityByArea({ relationship }: { relationship: RelationshipDetail }) {
  const { t, number } = useI18n();
  const rows = relationship.activityByArea.filter((a) => a.count > 0 || relationship.areas.includes(a.area));
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('relationships.timeline.empty')}
      </Text>
    );
  }
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <Stack gap="xs" data-testid="activity-by-area">
      {rows.map((row) => {
        const label = t(`relationships.area.${row.area}`);
        return (
          <Stack gap={2} key={row.area}>
            <Group justify="space-between" gap="xs">
              <Text size="xs">{label}</Text>
              <Text size="xs" c="dimmed">
                {number(row.count)}
              </Text>
            </Group>
            <Progress
              value={(row.count / max) * 100}
              size="sm"
              aria-label={`${label}: ${number(row.count)}`}
            />
          </Stack>
        );
      })}
    </Stack>
  );
}
