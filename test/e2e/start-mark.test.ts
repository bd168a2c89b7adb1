/**
 * What the window shows before the program is drawn: index.html's start mark, in the language
 * last chosen on this workstation, hidden for the first half second, then with a line about a
 * slow start after ten seconds; the program replaces it once the desk has answered. The desk
 * here holds back its answers until the test lets them go.
 */
import type { Page } from 'playwright-core';
import { afterEach, expect, it } from 'vitest';
import type { TestDesk } from '../helpers/desk';
import { settle, startHarness, type Harness } from './harness';

/** Where the renderer keeps the workstation's last choice (renderer/src/i18n/preferences.ts). */
const STORAGE_KEY = 'desk.preferences';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

interface StartElement {
  getAttribute(name: string): string | null;
  textContent: string | null;
}
interface StartGlobals {
  document: {
    documentElement: { lang: string; dir: string };
    timeline: { currentTime: number | null };
    querySelector(selector: string): StartElement | null;
    querySelectorAll(selector: string): ArrayLike<StartElement>;
  };
  getComputedStyle(element: StartElement): { opacity: string; visibility: string; display: string };
}

/** A harness whose desk answers nothing until `release` is called. */
async function heldHarness(): Promise<{ harness: Harness; release: () => void }> {
  let released = false;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const harness = await startHarness({
    port: () => {
      if (released) return null;
      return {
        call: (async (method: string, input: unknown) => {
          await gate;
          return harness.desk.desk.call(method, input);
        }) as TestDesk['desk']['call'],
      };
    },
  });
  return {
    harness,
    release: () => {
      released = true;
      release();
    },
  };
}

/** CSS animations from now on at twenty times their speed: the ten seconds pass quickly. */
async function fastAnimations(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Animation.enable');
  await cdp.send('Animation.setPlaybackRate', { playbackRate: 20 });
}

/** Waits until the start mark has faded in. */
async function markShown(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const w = globalThis as unknown as StartGlobals;
    const mark = w.document.querySelector('[data-start]');
    return mark !== null && w.getComputedStyle(mark).opacity === '1';
  });
}

/** Waits until the line about a slow start, in `lang`, is on screen. */
async function slowLineShown(page: Page, lang: 'fa' | 'en'): Promise<void> {
  await page.waitForFunction((l) => {
    const w = globalThis as unknown as StartGlobals;
    const slow = w.document.querySelector(`[data-start] .start-slow[lang="${l}"]`);
    return slow !== null && w.getComputedStyle(slow).visibility === 'visible';
  }, lang);
}

/** Lets the desk answer, then checks the program is drawn in the mark's place, cleanly. */
async function programReplacesMark(harness: Harness, release: () => void): Promise<void> {
  release();
  await harness.page.getByRole('main').first().waitFor({ timeout: 20_000 });
  await settle(harness.page);
  expect(await seen(harness.page)).toBeNull();
  harness.assertClean();
}

/** The start mark as the user sees it: shown or not, and the lines on screen with their language. */
function seen(page: Page) {
  return page.evaluate(() => {
    const w = globalThis as unknown as StartGlobals;
    const mark = w.document.querySelector('[data-start]');
    if (!mark) return null;
    const lines = Array.from(w.document.querySelectorAll('[data-start] p'))
      .filter((p) => {
        const style = w.getComputedStyle(p);
        return style.display !== 'none' && style.visibility === 'visible';
      })
      .map((p) => ({
        lang: p.getAttribute('lang'),
        dir: p.getAttribute('dir'),
        text: (p.textContent ?? '').replace(/\s+/g, ' ').trim(),
      }));
    const html = w.document.documentElement;
    return {
      opacity: w.getComputedStyle(mark).opacity,
      role: mark.getAttribute('role'),
      html: { lang: html.lang, dir: html.dir },
      lines,
    };
  });
}

it('shows nothing for the first half second of a start, so a quick start does not flash', async () => {
  const held = await heldHarness();
  h = held.harness;
  await h.page.goto(`${h.origin}/index.html#/desk`, { waitUntil: 'commit' });
  await h.page.waitForSelector('[data-start]', { state: 'attached' });
  const early = await h.page.evaluate(() => {
    const w = globalThis as unknown as StartGlobals;
    return {
      time: w.document.timeline.currentTime ?? 0,
      opacity: w.getComputedStyle(w.document.querySelector('[data-start]')!).opacity,
    };
  });
  // Read within the first 450 ms of the page's timeline, the mark is still fully transparent.
  if (early.time < 450) expect(early.opacity).toBe('0');
  // Later it shows, and the desk's answers then draw the program over it.
  await markShown(h.page);
  await programReplacesMark(h, held.release);
});

it('says in Persian that the desk is opening, and after ten seconds that it is taking longer than usual', async () => {
  const held = await heldHarness();
  h = held.harness;
  await h.page.goto(`${h.origin}/index.html#/desk`, { waitUntil: 'commit' });
  await markShown(h.page);
  const first = await seen(h.page);
  expect(first?.role).toBe('status');
  expect(first?.html).toEqual({ lang: 'fa', dir: 'rtl' });
  expect(first?.lines).toEqual([{ lang: 'fa', dir: 'rtl', text: 'میز دیپلماسی شهری باز می‌شود…' }]);
  // The rest of the ten seconds, quickly.
  await fastAnimations(h.page);

  await slowLineShown(h.page, 'fa');
  const late = await seen(h.page);
  expect(late?.lines.map((l) => l.lang)).toEqual(['fa', 'fa']);
  expect(late?.lines[1]?.text).toMatch(/^باز شدن میز بیش از معمول طول کشیده است/);

  await programReplacesMark(h, held.release);
});

it('speaks English, left to right, on a workstation where English was last chosen', async () => {
  const held = await heldHarness();
  h = held.harness;
  await h.context.addInitScript(
    ([key]) => {
      (
        globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
      ).localStorage.setItem(key as string, JSON.stringify({ locale: 'en', calendar: 'gregorian' }));
    },
    [STORAGE_KEY],
  );
  await fastAnimations(h.page);
  await h.page.goto(`${h.origin}/index.html#/desk`, { waitUntil: 'commit' });
  await slowLineShown(h.page, 'en');
  const late = await seen(h.page);
  expect(late?.html).toEqual({ lang: 'en', dir: 'ltr' });
  expect(late?.lines).toEqual([
    { lang: 'en', dir: 'ltr', text: 'City Diplomacy Desk is opening…' },
    {
      lang: 'en',
      dir: 'ltr',
      text:
        'Opening is taking longer than usual; the desk may be checking or upgrading its file. ' +
        "If it stays like this for several minutes, tell the office's IT support.",
    },
  ]);
  await programReplacesMark(h, held.release);
});
