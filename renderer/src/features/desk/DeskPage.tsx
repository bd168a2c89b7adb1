/** The Desk: where the day starts — what needs attention, the office in numbers, the map. */
import { Card, Grid, Stack, Title } from '@mantine/core';
import { useSession } from '../../app/session';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/locale';
import { useQuery } from '../../lib/query';
import { PartnerMap } from '../partners/PartnerMap';
import { ApprovalsWaitingChart, RelationshipsChart } from './DeskCharts';
import { DeskLists } from './DeskLists';
import { overviewInput } from './desk-queries';
import { LettersChart } from './LettersChart';
import { StatCards } from './StatCards';
import { SystemCard } from './SystemCard';

export function DeskPage() {
  const { t, name, dateOf, calendar } = useI18n();
  const { info } = useSession();
  // One call for everything drawn first: counts, lists and charts (the map, approvals and
  // events read their own, after).
  const overview = useQuery('desk.overview', overviewInput(calendar), {});
  const user = info.currentUser;
  const data = overview.data ?? overview.previous;
  return (
    <Stack gap="lg">
      <PageHeader
        title={user ? t('desk.greeting', { name: name(user) }) : t('desk.greeting.anonymous')}
        subtitle={<span data-testid="today">{dateOf(info.now, 'weekday')}</span>}
      />
      {overview.error ? (
        <ErrorNotice error={overview.error} onRetry={overview.refresh} />
      ) : !data ? (
        <Loading />
      ) : (
        <>
          <StatCards counts={data.counts} />
          <DeskLists overview={data} today={data.today} />
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <LettersChart months={data.lettersByMonth} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <Card component="section" aria-label={t('desk.map.title')} h="100%">
                <Title order={2} fz="h5" mb="sm">
                  {t('desk.map.title')}
                </Title>
                <PartnerMap compact />
              </Card>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <RelationshipsChart byStatus={data.relationshipsByStatus} byArea={data.relationshipsByArea} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <ApprovalsWaitingChart today={data.today} />
            </Grid.Col>
          </Grid>
        </>
      )}
      <SystemCard info={info} />
    </Stack>
  );
}
