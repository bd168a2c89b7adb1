/**
 * The browser harness: the built renderer served on 127.0.0.1, opened in Chromium through
 * playwright-core, with `window.desk` bound to a real Desk on a temporary folder. The page
 * sees exactly what the preload gives it — `call` and `on` — and nothing else.
 *
 * It builds nothing: `npm test` and `npm run test:e2e` run `npm run build:renderer` first.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type LaunchOptions,
  type Locator,
  type Page,
} from 'playwright-core';
import { EVENT_NAMES } from '../../shared/api/events';
import { openTestDesk, type TestClock, type TestDesk } from '../helpers/desk';
import { serveStatic, type StaticServer } from './static-server';

const PROJECT = resolve(import.meta.dirname, '../..');
export const RENDERER_DIR = join(PROJECT, 'out/renderer');
export const SCREENSHOTS_DIR = join(PROJECT, 'docs/screenshots');

export type Locale = 'fa' | 'en';

/** The little of the page's globals that harness code evaluated in the page touches. */
export interface PageGlobals {
  document: {
    documentElement: { lang: string; dir: string };
    fonts: { ready: Promise<unknown> };
    querySelector(selector: string): unknown;
  };
  __deskEmit?: (event: string, payload: unknown) => void;
}

export interface Problem {
  kind: 'console' | 'pageerror' | 'requestfailed' | 'http' | 'foreign-request';
  text: string;
}

export interface Harness {
  page: Page;
  context: BrowserContext;
  desk: TestDesk;
  origin: string;
  /** Every call the page made to the desk, in order. */
  calls: { method: string; input: unknown }[];
  /** Everything that went wrong in the page since the harness started (or since `clearProblems`). */
  problems: Problem[];
  /** Opens a route such as `/desk` or `/partners/<id>` and waits for the page to settle. */
  open(route: string): Promise<void>;
  /** Fails with the list of problems when any console error, page error or stray request happened. */
  assertClean(): void;
  clearProblems(): void;
  close(): Promise<void>;
}

/**
 * Chrome reports these for the CSP meta tag itself, by design: `frame-ancestors` only works
 * as an HTTP header, and the same policy string is shared with the Electron header where it
 * does apply. They say nothing about the page.
 */
const EXPECTED_CONSOLE = [/frame-ancestors' is ignored when delivered via a <meta> element/];

/** Where Chromium is: CHROMIUM_PATH, Debian's /usr/bin/chromium, or Edge/Chrome on Windows. */
export function chromiumLaunchOptions(): LaunchOptions[] {
  const base: LaunchOptions = { headless: true, args: ['--disable-gpu'] };
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH points to ${fromEnv}, which does not exist.`);
    return [{ ...base, executablePath: fromEnv }];
  }
  if (existsSync('/usr/bin/chromium')) return [{ ...base, executablePath: '/usr/bin/chromium' }];
  if (process.platform === 'win32')
    return [
      { ...base, channel: 'msedge' },
      { ...base, channel: 'chrome' },
    ];
  throw new Error(
    'No Chromium found for the e2e tests. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.',
  );
}

async function launchBrowser(): Promise<Browser> {
  const failures: string[] = [];
  for (const options of chromiumLaunchOptions()) {
    try {
      return await chromium.launch(options);
    } catch (error) {
      failures.push(
        `${options.executablePath ?? options.channel}: ${(error as Error).message.split('\n')[0]}`,
      );
    }
  }
  throw new Error(`Could not start a browser for the e2e tests:\n${failures.join('\n')}`);
}

/** Runs in the page before any of its scripts: the same `window.desk` the preload exposes. */
function installBridge(eventNames: string[]): void {
  type Listener = (payload: unknown) => void;
  type Binding = (method: string, input: unknown) => Promise<unknown>;
  const page = globalThis as unknown as {
    __deskCall: Binding;
    __deskEmit?: (event: string, payload: unknown) => void;
    desk?: unknown;
  };
  const listeners = new Map<string, Set<Listener>>();
  Object.defineProperty(page, '__deskEmit', {
    value: (event: string, payload: unknown) => {
      for (const listener of listeners.get(event) ?? []) {
        try {
          listener(payload);
        } catch (error) {
          console.error('desk event listener failed', error);
        }
      }
    },
  });
  Object.defineProperty(page, 'desk', {
    value: Object.freeze({
      call: (method: string, input: unknown) => page.__deskCall(method, input),
      on: (event: string, listener: Listener) => {
        if (!eventNames.includes(event)) throw new Error(`unknown desk event: ${event}`);
        let set = listeners.get(event);
        if (!set) listeners.set(event, (set = new Set()));
        set.add(listener);
        return () => set.delete(listener);
      },
    }),
  });
}

export interface HarnessOptions {
  clock?: TestClock;
  /** The workstation login the desk is opened for (default 'tester'). */
  actor?: string;
  /** Run before the page opens, for example to register the user or load records. */
  seed?: (desk: TestDesk) => Promise<void>;
  viewport?: { width: number; height: number };
  /**
   * What window.desk calls instead of the test desk, asked on every call: the stand-in of a
   * desk whose file cannot be opened, for example, until it has been restored.
   */
  port?: () => Pick<TestDesk['desk'], 'call'> | null;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error(
      `The renderer is not built (${RENDERER_DIR}/index.html is missing). Run \`npm run build:renderer\` first.`,
    );
  }
  const desk = await openTestDesk({
    ...(options.clock && { clock: options.clock }),
    ...(options.actor && { actor: options.actor }),
  });
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  try {
    await options.seed?.(desk);
    server = await serveStatic(RENDERER_DIR);
    browser = await launchBrowser();
    const origin = server.origin;
    const context = await browser.newContext({
      viewport: options.viewport ?? { width: 1440, height: 900 },
      deviceScaleFactor: 1,
      locale: 'fa-IR',
      timezoneId: 'Asia/Tehran',
    });
    const problems: Problem[] = [];
    const sameOrigin = (url: string) => {
      if (url.startsWith('data:') || url.startsWith('blob:')) return true;
      try {
        return new URL(url).origin === origin;
      } catch {
        return false;
      }
    };
    // Nothing may leave the app; anything that tries is recorded and stopped here.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (sameOrigin(url)) return route.continue();
      problems.push({ kind: 'foreign-request', text: url });
      return route.abort('blockedbyclient');
    });
    context.on('request', (request) => {
      if (!sameOrigin(request.url())) problems.push({ kind: 'foreign-request', text: request.url() });
    });
    const calls: { method: string; input: unknown }[] = [];
    await context.exposeBinding('__deskCall', (_source, method: string, input: unknown) => {
      calls.push({ method, input });
      return (options.port?.() ?? desk.desk).call(method, input);
    });
    await context.addInitScript(installBridge, EVENT_NAMES as string[]);
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      if (EXPECTED_CONSOLE.some((re) => re.test(message.text()))) return;
      problems.push({ kind: 'console', text: message.text() });
    });
    page.on('pageerror', (error) => problems.push({ kind: 'pageerror', text: error.message }));
    page.on('requestfailed', (request) => {
      if (!sameOrigin(request.url())) return; // already recorded as foreign
      // The page itself let go of it (a screen's code still loading when the user moved on):
      // no answer was refused, and a request the server failed still shows as an error.
      if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
      problems.push({
        kind: 'requestfailed',
        text: `${request.url()} ${request.failure()?.errorText ?? ''}`,
      });
    });
    page.on('response', (response) => {
      if (response.status() >= 400)
        problems.push({ kind: 'http', text: `${response.status()} ${response.url()}` });
    });

    const unsubscribe = EVENT_NAMES.map((event) =>
      desk.desk.on(event, (payload) => {
        page
          .evaluate(([name, data]) => (globalThis as unknown as PageGlobals).__deskEmit?.(name, data), [
            event,
            payload,
          ] as const)
          .catch(() => {}); // the page may be navigating or closed; the next load reads fresh data
      }),
    );

    const openedServer = server;
    const openedBrowser = browser;
    return {
      page,
      context,
      desk,
      origin,
      calls,
      problems,
      async open(route) {
        await page.goto(`${origin}/index.html#${route.startsWith('/') ? route : `/${route}`}`);
        await settle(page);
      },
      assertClean() {
        if (problems.length > 0) {
          throw new Error(
            `The page had problems:\n${problems.map((p) => `  ${p.kind}: ${p.text}`).join('\n')}`,
          );
        }
      },
      clearProblems() {
        problems.length = 0;
      },
      async close() {
        for (const off of unsubscribe) off();
        await openedBrowser.close();
        await openedServer.close();
        await desk.cleanup();
      },
    };
  } catch (error) {
    await browser?.close();
    await server?.close();
    await desk.cleanup();
    throw error;
  }
}

/** Waits until fonts are in, nothing is loading and no spinner is showing. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.evaluate(() => (globalThis as unknown as PageGlobals).document.fonts.ready);
  await page.locator('main').waitFor();
  await page.waitForFunction(
    () => (globalThis as unknown as PageGlobals).document.querySelector('.mantine-Loader-root') === null,
  );
}

/** Switches the language through the header switch, as a user would. */
export async function setLocale(page: Page, locale: Locale): Promise<void> {
  const current = await page.evaluate(
    () => (globalThis as unknown as PageGlobals).document.documentElement.lang,
  );
  if (current === locale) return;
  await page
    .getByRole('banner')
    .getByRole('radiogroup', { name: /زبان|Language/ })
    .getByText(locale === 'fa' ? 'فارسی' : 'English')
    .click();
  await page.waitForFunction(
    (want) => (globalThis as unknown as PageGlobals).document.documentElement.lang === want,
    locale,
  );
  await settle(page);
}

/**
 * Opens a route in a language and saves a screenshot as docs/screenshots/<name>.<locale>.png.
 * Answers the file path.
 */
export async function screenshot(
  page: Page,
  route: string,
  locale: Locale,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<string> {
  const url = new URL(page.url());
  url.hash = route.startsWith('/') ? route : `/${route}`;
  if (page.url() !== url.toString()) {
    await page.goto(url.toString());
  }
  await settle(page);
  await setLocale(page, locale);
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const file = join(SCREENSHOTS_DIR, `${name}.${locale}.png`);
  // Toasts of earlier steps would cover the page; hover states would colour a row.
  // Closing one toast renumbers the rest, so always close the first until none is left.
  const toastClose = page.locator('.mantine-Notification-root button');
  for (let left = 20; left > 0 && (await toastClose.count()) > 0; left--) {
    await toastClose
      .first()
      .click({ timeout: 2_000 })
      .catch(() => {});
    await page.waitForTimeout(100);
  }
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
  if (options.fullPage) {
    // A window as tall as the page, so the fixed header and sidebar reach the bottom too.
    const original = page.viewportSize();
    const height = await page.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollHeight: number } } }).document
          .documentElement.scrollHeight,
    );
    if (original)
      await page.setViewportSize({ width: original.width, height: Math.max(original.height, height) });
    await page.waitForTimeout(200);
    await page.screenshot({ path: file });
    if (original) await page.setViewportSize(original);
  } else {
    await page.screenshot({ path: file });
  }
  return file;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core in the page (WCAG 2 A and AA rules) and answers the serious and critical
 * violations. axe is put in through the debugging protocol, not a script tag, so the page's
 * CSP stays as strict as it ships.
 */
export async function axeScan(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(`
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
      .then((r) => r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' — ' + (n.failureSummary || '').split('\\n').slice(0, 2).join(' ')),
      })))
  `)) as AxeViolation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * The words inside `root` that the page cuts short: elements that hide what overflows them
 * (a badge's or a button's label, a table header) and hold more than they show. A list
 * cell may end in "…" on purpose and say the rest in a tooltip; pass only what must be whole.
 */
export async function clippedTexts(root: Locator): Promise<string[]> {
  return root.evaluate((top) => {
    const cut: string[] = [];
    const win = top.ownerDocument.defaultView!;
    for (const el of [top, ...top.querySelectorAll('*')]) {
      const style = win.getComputedStyle(el);
      const hides = style.overflowX === 'hidden' || style.overflowX === 'clip';
      if (hides && el.textContent?.trim() && el.scrollWidth > el.clientWidth + 1) {
        cut.push(el.textContent.trim());
      }
    }
    return cut;
  });
}
