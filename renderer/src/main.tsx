/**
 * The renderer's entry. It asks the desk for the first screen's answers before anything else,
 * then loads the program and the screen it opens on: the desk works on the answers while the
 * page reads the code.
 */
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './styles/fonts.css';
import './styles/global.css';
import { askFirstQuestions } from './app/first-screen';
import { PAGE_LOADERS } from './app/page-loaders';
import { parseHash } from './app/routes';
import { markLanguage, storedPreferences } from './i18n/preferences';

/** Vazirmatn's weights that every screen uses (styles/fonts.css declares them). */
const FIRST_FACES = [400, 500, 600, 700];

/** How long the program waits, once its code is here, for the opening screen's answers. */
const SCREEN_ANSWER_WAIT_MS = 400;

// index.html's start mark speaks the language last chosen here until the program is drawn.
markLanguage(storedPreferences().locale);
const answers = askFirstQuestions(window.location.hash);
// The four faces every screen is drawn in, asked for now, while the program's code is read: the
// browser would ask for them only when it first lays out the drawn screen, which would then show
// in the fallback font and be laid out again as each face arrived.
for (const weight of FIRST_FACES) void document.fonts.load(`${weight} 1em Vazirmatn`).catch(() => {});
// The screen the window opens on is fetched alongside the program, and the program is drawn once
// both are here: the shell then draws that screen at once instead of a loading fallback first
// (React holds back what replaces a fallback for up to 300 ms). A screen that fails to load does
// not hold the program back: the shell asks for it again and shows the failure as for any screen.
const section = parseHash(window.location.hash)?.section;
const screen = section ? PAGE_LOADERS[section]?.().catch(() => {}) : undefined;
const code = Promise.all([import('./app/mount'), screen]);
// Drawn once the start-up answers are here too (nothing can be drawn before them), and the
// screen's own answers, unless they take longer than SCREEN_ANSWER_WAIT_MS after the code: then
// the screen shows its spinner until they come. Drawn this way, the first render is the screen
// itself, not each start-up gate, the session and the screen drawn empty in turn.
const screenAnswers = Promise.race([
  answers.screen,
  code.then(() => new Promise((resolve) => setTimeout(resolve, SCREEN_ANSWER_WAIT_MS))),
]);
void Promise.all([code, answers.startup, screenAnswers]).then(([[program]]) => program.mount());
