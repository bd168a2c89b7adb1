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

askFirstQuestions(window.location.hash);
// The screen the window opens on is fetched alongside the program, and the program is drawn once
// both are here: the shell then draws that screen at once instead of a loading fallback first
// (React holds back what replaces a fallback for up to 300 ms). A screen that fails to load does
// not hold the program back: the shell asks for it again and shows the failure as for any screen.
const section = parseHash(window.location.hash)?.section;
const screen = section ? PAGE_LOADERS[section]?.().catch(() => {}) : undefined;
void Promise.all([import('./app/mount'), screen]).then(([program]) => program.mount());
