/**
 * The first screen's questions, asked as the page starts: the desk answers them while the
 * program's code is still being read, and the screens take the answers up as they mount
 * (lib/preload). The core answers one call at a time, in the order asked, so they are asked
 * in the order the screen needs them: what every page waits for (the upgrade, damaged-desk
 * and setup gates, the user, the session), then the page's own.
 */
import { overviewInput } from '../features/desk/desk-queries';
import { storedPreferences } from '../i18n/preferences';
import { preload } from '../lib/preload';
import { parseHash } from './routes';

/** The first screen's questions, as promises that settle (never reject) once answered. */
export interface FirstAnswers {
  /** What every page waits for before anything is drawn: the gates, the user, the session. */
  startup: Promise<unknown>;
  /** The opening screen's own answers (none for a screen that asks nothing first). */
  screen: Promise<unknown>;
}

export function askFirstQuestions(hash: string): FirstAnswers {
  // The start-up screens' gates come first: nothing is drawn until they have answered.
  const startup = Promise.allSettled([
    preload('system.upgrade', {}),
    preload('backup.damaged', {}),
    preload('setup.status', {}),
    preload('users.me', {}),
    preload('system.info', {}),
    preload('settings.get', {}),
  ]);
  if (parseHash(hash)?.section !== 'desk') return { startup, screen: Promise.resolve() };
  // The Desk: its overview, which everything drawn first comes from. What lies below the fold
  // asks for itself as it is drawn (the approvals and events lists as the page mounts, the map
  // and the approvals chart as they are scrolled toward), after the first paint, instead of
  // keeping the desk busy while the program's code is being served and read.
  const screen = Promise.allSettled([preload('desk.overview', overviewInput(storedPreferences().calendar))]);
  return { startup, screen };
}
