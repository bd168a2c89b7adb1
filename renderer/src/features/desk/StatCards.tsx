/** The office in numbers, each number a way into its section. */
import { Card, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import type { DeskOverview } from '../../../../shared/api/overview.contract';
import { routeHref, type Route } from '../../app/routes';
import { useI18n, type MessageKey } from '../../i18n/locale';

interface Stat {
  key: keyof DeskOverview['counts'];
  label: MessageKey;
  route: Route;
}

const STATS: Stat[] = [
  { key: 'partners', label: 'desk.counts.partners', route: { section: 'partners' } },
  { key: 'relationships', label: 'desk.counts.relationships', route: { section: 'relationships' } },
  { key: 'openCases', label: 'desk.counts.openCases', route: { section: 'cases' } },
  { key: 'lettersThisYear', label: 'desk.counts.lettersThisYear', route: { section: 'correspondence' } },
  { key: 'openTasks', label: 'desk.counts.openTasks', route: { section: 'cases' } },
  { key: 'attachments', label: 'desk.counts.attachments', route: { section: 'correspondence' } },
];

export function StatCards({ counts }: { counts: DeskOverview['counts'] }) {
  const { t, number } = useI18n();
  return (
    <SimpleGrid
      cols={{ base: 2, sm: 3, lg: 6 }}
      spacing="md"
      aria-label={t('desk.counts.label')}
      component="section"
    >
      {STATS.map((stat) => (
        <UnstyledButton
          key={stat.key}
          component="a"
          href={routeHref(stat.route)}
          data-testid={`count-${stat.key}`}
        >
          <Card padding="md" h="100%">
            <Text fz={28} fw={700} lh={1.1} c="desk.8">
              {number(counts[stat.key])}
            </Text>
            <Text size="sm" c="dimmed">
              {t(stat.label)}
            </Text>
            {stat.key === 'openTasks' && counts.overdueTasks > 0 && (
              <Text size="xs" c="red">
                {t('desk.counts.overdueTasks', { n: counts.overdueTasks })}
              </Text>
            )}
          </Card>
        </UnstyledButton>
      ))}
    </SimpleGrid>
  );
}
