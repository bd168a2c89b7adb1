/**
 * The first screen's questions, asked as the page starts: the desk answers them while the
 * program's code is still being read, and the screens take the answers up as they mount
 * (lib/preload). The core answers one call at a time, in the order asked, so they are asked
 * in the order the screen needs them: what every page waits for (the upgrade, damaged-desk
 * and setup gates, the user, the session), then the page's own.
 */
import {
  overviewInput,
  APPROVALS_WAITING,
  turnaroundInput,
  upcomingEventsInput,
} from '../features/desk/desk-queries';
import { MAP_QUERY } from '../features/partners/map-queries';
import { storedPreferences } from '../i18n/preferences';
import { preload } from '../lib/preload';
import { parseHash } from './routes';

export function askFirstQuestions(hash: string): void {
  // The start-up screens' gates come first: nothing is drawn until they have answered.
  preload('system.upgrade', {});
  preload('backup.damaged', {});
  preload('setup.status', {});
  preload('users.me', {});
  preload('system.info', {});
  preload('settings.get', {});
  if (parseHash(hash)?.section !== 'desk') return;
  // The Desk: its overview, the map (its first drawing waits for the partners), the lists,
  // then what needs the desk's date, which comes with the overview.
  preload('desk.overview', overviewInput(storedPreferences().calendar)).then(
    (overview) => {
      preload('events.list', upcomingEventsInput(overview.today));
      preload('approvals.turnaround', turnaroundInput(overview.today));
    },
    () => {},
  );
  preload('desk.map', MAP_QUERY);
  preload('approvals.waiting', APPROVALS_WAITING);
}
