/**
 * A long register stays light: with 2,000 letters only the rows in view are drawn, pages
 * are read as the list scrolls, the keyboard reaches the last letter, and Ctrl+F jumps to
 * the list's filter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './harness';

const COUNT = 2000;
/** The register's scrolling body: the row group that holds the rows. */
const BODY = '[role="table"] [role="rowgroup"]:has([data-index])';

/** Back to the top of the list: the same route keeps the list where an earlier case left it. */
function toTop(page: Page): Promise<unknown> {
  return page.locator(BODY).evaluate((body) => ((body as unknown as { scrollTop: number }).scrollTop = 0));
}

/** Runs `work` while scroll events keep coming every 20 ms, as from a wheel's momentum. */
async function whileScrolling(page: Page, work: () => Promise<void>): Promise<void> {
  await page.evaluate(`window.__keepScrolling = setInterval(() => {
    document.querySelector('${BODY}')?.dispatchEvent(new Event('scroll'));
  }, 20)`);
  try {
    await work();
  } finally {
    await page.evaluate(`clearInterval(window.__keepScrolling)`);
  }
}

describe('a long register', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({
      seed: async (t) => {
        for (let i = 1; i <= COUNT; i++) {
          const day = new Date(Date.UTC(2024, 0, 1) + (i % 480) * 86_400_000).toISOString().slice(0, 10);
          await t.ok('letters.create', {
            direction: i % 3 === 0 ? 'outgoing' : 'incoming',
            letterDate: day,
            from: { text: `فرستندهٔ ${i}` },
            to: { text: 'اداره کل ارتباطات و امور بین‌الملل' },
            subject: `نامهٔ شمارهٔ ${i} دربارهٔ همکاری شهری`,
          });
        }
      },
    });
  }, 300_000);

  afterAll(async () => {
    await h?.close();
  });

  it('draws only the rows in view, and reads more as the list scrolls', async () => {
    const page = h.page;
    await h.open('/correspondence?sort=subject&dir=asc');
    await expect.poll(() => page.getByTestId('letters-count').textContent()).toBe('۲٬۰۰۰ مورد');
    const rows = page.locator('[role="rowgroup"] [role="row"]');
    expect(await rows.count()).toBeLessThan(60);

    // Keyboard to the end: End on a row jumps to the last letter.
    await page.locator('[role="row"][data-index="0"]').focus();
    await page.keyboard.press('End');
    const last = page.locator(`[role="row"][data-index="${COUNT - 1}"]`);
    await expect
      .poll(() => last.textContent(), { timeout: 30_000 })
      .toMatch(/نامهٔ شمارهٔ \d+ دربارهٔ همکاری شهری/);
    expect(await rows.count()).toBeLessThan(60);
    // Jumping to the end read the pages it showed, not all twenty of the register.
    const offsets = new Set(
      h.calls
        .filter((c) => c.method === 'letters.list' && (c.input as { limit?: number }).limit === 100)
        .map((c) => (c.input as { offset: number }).offset),
    );
    expect(offsets.has(0)).toBe(true);
    expect(offsets.has(1900)).toBe(true);
    expect(offsets.size).toBeLessThan(6);

    await page.keyboard.press('Control+f');
    await expect
      .poll(() =>
        page.evaluate(`document.activeElement && document.activeElement.getAttribute('data-list-filter')`),
      )
      .not.toBeNull();
    h.assertClean();
  });

  it('reads the page after the rows in view before the user scrolls to it', async () => {
    const page = h.page;
    await h.open('/correspondence?sort=subject&dir=asc');
    await expect.poll(() => page.getByTestId('letters-count').textContent()).toBe('۲٬۰۰۰ مورد');
    const asked = () =>
      h.calls
        .filter((c) => c.method === 'letters.list' && (c.input as { limit?: number }).limit === 100)
        .map((c) => (c.input as { offset: number }).offset);
    const before = asked().length;
    // Rows 150 to about 165 in view: their page starts at 100; the next one (200) is read ahead.
    await page.evaluate(
      `document.querySelector('[role="table"] [role="rowgroup"]:has([data-index])').scrollTop = 150 * 52`,
    );
    await expect
      .poll(() => page.locator('[role="row"][data-index="150"]').textContent())
      .toMatch(/نامهٔ شمارهٔ/);
    await expect.poll(() => asked().slice(before)).toContain(200);
    h.assertClean();
  });

  it('draws a scrolled row once: rows carry no style of their own, keep their element while in view, and a badge is one element', async () => {
    const page = h.page;
    await h.open('/correspondence?sort=subject&dir=asc');
    const row = (index: number) => page.locator(`[role="row"][data-index="${index}"]`);
    const scrollTo = (rows: number) =>
      page.evaluate(
        `document.querySelector('[role="table"] [role="rowgroup"]:has([data-index])').scrollTop = ${rows} * 52`,
      );
    await scrollTo(0);
    await expect.poll(() => row(4).textContent()).toMatch(/نامهٔ شمارهٔ/);
    // Height and columns come from the table, and one block moves to the first row drawn: a
    // new row is styled from the rules every row shares and gets no layer of its own.
    const styled = await page.evaluate(
      `[...document.querySelectorAll('[role="row"][data-index]')].filter((r) => r.hasAttribute('style')).length`,
    );
    expect(styled).toBe(0);
    const badges = row(4).locator('[data-variant]');
    expect(await badges.count()).toBe(2);
    expect(await badges.evaluateAll((all) => all.map((b) => b.childElementCount))).toEqual([0, 0]);

    // Scrolling by a few rows keeps the element of a row still in view, and its cells.
    await row(4).evaluate((r) => ((r as unknown as { kept: boolean }).kept = true));
    const firstDrawn = () => page.locator('[role="row"][data-index]').first().getAttribute('data-index');
    expect(await firstDrawn()).toBe('0');
    await scrollTo(5);
    await expect.poll(firstDrawn).not.toBe('0');
    expect(await row(4).evaluate((r) => (r as unknown as { kept?: boolean }).kept)).toBe(true);
    h.assertClean();
  });

  it('draws the rows in view in the frame of the scroll itself, and the rows beyond them just after', async () => {
    const page = h.page;
    await h.open('/correspondence?sort=subject&dir=asc');
    await expect.poll(() => page.locator('[role="row"][data-index="4"]').textContent()).toMatch(/نامهٔ شمارهٔ/);
    // A jump far past every row drawn, read in the first frame after it: the scroll event has
    // run (it comes before the frame's animation callbacks) and the frame is about to be drawn.
    const frame = (await page.evaluate(`new Promise((resolve) => {
      const body = document.querySelector('[role="table"] [role="rowgroup"]:has([data-index])');
      body.scrollTop = 1200 * 52;
      requestAnimationFrame(() => {
        const drawn = [...body.querySelectorAll('[role="row"][data-index]')].map((r) => Number(r.dataset.index));
        resolve({ drawn, top: body.scrollTop, height: body.clientHeight });
      });
    })`)) as { drawn: number[]; top: number; height: number };
    const first = Math.floor(frame.top / 52);
    const last = Math.floor((frame.top + frame.height - 1) / 52);
    expect(last - first).toBeGreaterThan(3);
    // Every row in view is there (a row whose page is still read is a still bar, not a gap) …
    const inView = Array.from({ length: last - first + 1 }, (_, i) => first + i);
    expect(frame.drawn.filter((index) => index >= first && index <= last)).toEqual(inView);
    // … and nothing beyond them yet: those rows come in a render of their own.
    expect(Math.min(...frame.drawn)).toBe(first);
    expect(Math.max(...frame.drawn)).toBe(last);
    // Just after, three rows beyond each edge are drawn too, for the next small scroll.
    const drawn = () =>
      page.evaluate(
        `[...document.querySelectorAll('[role="row"][data-index]')].map((r) => Number(r.dataset.index))`,
      ) as Promise<number[]>;
    await expect
      .poll(async () => [Math.min(...(await drawn())), Math.max(...(await drawn()))])
      .toEqual([first - 3, last + 3]);
    await expect
      .poll(() => page.locator(`[role="row"][data-index="${first}"]`).textContent())
      .toMatch(/نامهٔ شمارهٔ/);
    h.assertClean();
  });

  it('takes the pointer off the rows while the list scrolls, and gives it back when the scroll rests', async () => {
    const page = h.page;
    await h.open('/correspondence?sort=subject&dir=asc');
    await toTop(page);
    await expect.poll(() => page.locator('[role="row"][data-index="4"]').textContent()).toMatch(/نامهٔ شمارهٔ/);
    const marked = () => page.locator(BODY).getAttribute('data-scrolling');
    await expect.poll(marked).toBeNull();
    const box = (await page.locator(BODY).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 130);
    const hovered = () =>
      page.evaluate(`document.querySelector('[role="row"][data-index]:hover')?.dataset.index ?? null`);
    await expect.poll(hovered).toBe('2');

    // In the frame of a scroll, no row takes the pointer.
    const during = (await page.evaluate(`new Promise((resolve) => {
      const body = document.querySelector('${BODY}');
      body.scrollTop = 10 * 52;
      requestAnimationFrame(() => {
        const row = body.querySelector('[role="row"][data-index="12"]');
        resolve({ marked: 'scrolling' in body.dataset, pointer: getComputedStyle(row).pointerEvents });
      });
    })`)) as { marked: boolean; pointer: string };
    expect(during).toEqual({ marked: true, pointer: 'none' });
    // The pointer moves while the scroll goes on …
    await whileScrolling(page, async () => {
      await page.mouse.move(box.x + box.width / 2 + 2, box.y + 130);
      expect(await marked()).toBe('');
    });

    // … and once the scroll rests, the row now under the pointer is highlighted without it moving again.
    await expect.poll(async () => [await marked(), await hovered()]).toEqual([null, '12']);
    const colour = (index: number) =>
      page.evaluate(
        `getComputedStyle(document.querySelector('[role="row"][data-index="${index}"]')).backgroundColor`,
      );
    expect(await colour(12)).not.toBe(await colour(13));
    h.assertClean();
  });

  it('opens the letter clicked while the list is still scrolling', async () => {
    const page = h.page;
    await h.open('/correspondence?sort=subject&dir=asc');
    await toTop(page);
    const row = page.locator('[role="row"][data-index="2"]');
    await expect.poll(() => row.textContent()).toMatch(/نامهٔ شمارهٔ/);
    const subject = (await row.textContent())!.match(/نامهٔ شمارهٔ \d+/)![0];
    const box = (await row.boundingBox())!;
    // The pointer clicks the row while the scroll goes on.
    await whileScrolling(page, async () => {
      await expect.poll(() => page.locator(BODY).getAttribute('data-scrolling')).toBe('');
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    });
    await expect.poll(() => page.evaluate('location.hash')).toMatch(/^#\/correspondence\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('main').textContent()).toContain(subject);
    h.assertClean();
  });

  it('keeps every column inside the table in a narrow window', async () => {
    const page = h.page;
    const size = page.viewportSize();
    await page.setViewportSize({ width: 900, height: 800 });
    try {
      await h.open('/correspondence');
      const row = page.locator('[role="row"][data-index="0"]');
      await expect.poll(() => row.textContent()).toMatch(/نامهٔ شمارهٔ/);
      expect(await row.evaluate((r) => r.scrollWidth - r.clientWidth)).toBeLessThanOrEqual(0);
    } finally {
      if (size) await page.setViewportSize(size);
    }
    h.assertClean();
  });
});
