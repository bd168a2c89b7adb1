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
void import('./app/mount');
// Fetched alongside the program; the shell's lazy screen finds it loaded (or on its way).
const section = parseHash(window.location.hash)?.section;
if (section) void PAGE_LOADERS[section]?.().catch(() => {});
