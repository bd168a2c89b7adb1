/** The Desk: where the day starts — what needs attention, the office in numbers, the map. */
import { Stack } from '@mantine/core';
import { lazy } from 'react';
import { useSession } from '../../app/session';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/locale';
import { useQuery } from '../../lib/query';
import { DeskLists } from './DeskLists';
import { overviewInput } from './desk-queries';
import { StatCards } from './StatCards';
import { SystemCard } from './SystemCard';
import { WhenVisible } from './WhenVisible';

/** The charts and the map, below the lists: their code is read when they are scrolled toward. */
const DeskFigures = lazy(() => import('./DeskFigures').then((m) => ({ default: m.DeskFigures })));

/** Room kept for the figures until they are drawn: two rows of cards on a wide window. */
const FIGURES_HEIGHT = 820;

export function DeskPage() {
  const { t, name, dateOf, calendar } = useI18n();
  const { info } = useSession();
  // One call for everything drawn first: counts, lists and charts (the map, approvals and
  // events read their own as they are drawn); app/first-screen.ts asks it as the page starts.
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
          <WhenVisible minHeight={FIGURES_HEIGHT} testId="desk-figures">
            <DeskFigures overview={data} />
          </WhenVisible>
        </>
      )}
      <SystemCard info={info} />
    </Stack>
  );
}
