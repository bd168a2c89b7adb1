/**
 * The Desk draws its first screen from one overview call: the counts, lists and charts come
 * together, and no chart asks the core for its bars one by one (thirty calls queued on the
 * one connection made a large office's Desk take seconds to appear).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settle, startHarness, type Harness } from './harness';

describe('the Desk', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({
      actor: 'm.ahmadi',
      seed: async (t) => {
        expect((await t.ok('sample.load', {})).loaded).toBe(true);
      },
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('draws its counts, lists and charts from one call, counted as the lists count', async () => {
    const page = h.page;
    h.calls.length = 0;
    await h.open('/desk');
    // The charts and the map are drawn as they are scrolled toward, as a person would.
    await page.getByTestId('desk-figures').scrollIntoViewIfNeeded();
    await expect
      .poll(() => page.getByTestId('letters-chart').locator('.recharts-bar-rectangle').count())
      .toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('status-chart').getAttribute('aria-label')).toContain('فعال');

    const methods = h.calls.map((c) => c.method);
    expect(methods.filter((m) => m === 'desk.overview')).toHaveLength(1);
    // The charts' bars and the awaiting and dormant lists came with the overview.
    const counting = h.calls.filter(
      (c) =>
        (c.method === 'letters.list' || c.method === 'relationships.list') &&
        (c.input as { limit?: number }).limit !== 500,
    );
    expect(counting).toEqual([]);

    // What the Desk shows is what the lists answer.
    const persian = (n: number) => n.toLocaleString('fa-IR', { useGrouping: false });
    const awaiting = await h.desk.ok('letters.list', {
      state: 'awaiting_reply',
      sort: { by: 'letterDate', direction: 'asc' },
      limit: 6,
    });
    await expect
      .poll(() => page.getByTestId('desk-awaiting').getByRole('link', { name: /^همه/ }).textContent())
      .toBe(`همه (${persian(awaiting.total)})`);
    expect(await page.getByTestId('desk-awaiting').textContent()).toContain(awaiting.items[0]!.subject);
    const active = await h.desk.ok('relationships.list', { status: 'active', limit: 1 });
    expect(await page.getByTestId('status-chart').getAttribute('aria-label')).toContain(
      `فعال: ${persian(active.total)}`,
    );
    h.assertClean();
  });
  it('draws the charts and the map only as they are scrolled toward', async () => {
    // A page of its own, opened at the top as the program starts.
    const page = await h.context.newPage();
    try {
      await page.goto(`${h.origin}/index.html#/desk`);
      await settle(page);
      const figures = page.getByTestId('desk-figures');
      // Below the lists, out of a 900-pixel window: room kept, nothing drawn yet.
      expect(await figures.getAttribute('data-drawn')).toBe('false');
      expect(await page.getByTestId('letters-chart').count()).toBe(0);
      expect((await figures.boundingBox())!.height).toBeGreaterThan(600);
      await figures.scrollIntoViewIfNeeded();
      await expect.poll(() => figures.getAttribute('data-drawn')).toBe('true');
      await expect
        .poll(() => page.getByTestId('partner-map').getByTestId('map-point').count())
        .toBeGreaterThan(0);
      await expect.poll(() => page.getByTestId('status-chart').getAttribute('aria-label')).toContain('فعال');
      await expect.poll(() => page.getByTestId('approvals-chart').count()).toBe(1);
    } finally {
      await page.close();
    }
    h.assertClean();
  });
  it('is drawn whole in its first render once its first answers are here: no spinner on the way', async () => {
    // A page of its own, watched from before its first script: every spinner that ever shows.
    const page = await h.context.newPage();
    try {
      await page.addInitScript(() => {
        const g = globalThis as unknown as {
          __spinners: number;
          document: { querySelector(s: string): unknown };
          MutationObserver: new (cb: () => void) => { observe(n: unknown, o: object): void };
        };
        g.__spinners = 0;
        new g.MutationObserver(() => {
          if (g.document.querySelector('.mantine-Loader-root')) g.__spinners += 1;
        }).observe(g.document, { childList: true, subtree: true });
      });
      await page.goto(`${h.origin}/index.html#/desk`);
      await settle(page);
      await expect.poll(() => page.getByTestId('count-partners').count()).toBe(1);
      // Not the gates, the session and the Desk drawn empty in turn, each with its spinner.
      expect(await page.evaluate(() => (globalThis as unknown as { __spinners: number }).__spinners)).toBe(0);
    } finally {
      await page.close();
    }
    h.assertClean();
  });
  it('asks for its four faces of Vazirmatn while its code is read, so it is drawn in them at once', async () => {
    const page = await h.context.newPage();
    try {
      await page.goto(`${h.origin}/index.html#/desk`);
      await settle(page);
      const loaded = await page.evaluate(() =>
        (
          globalThis as unknown as {
            performance: {
              getEntriesByType(t: string): { name: string; startTime: number; responseEnd: number }[];
            };
          }
        ).performance
          .getEntriesByType('resource')
          .map((e) => ({ name: e.name.split('/').pop()!, asked: e.startTime, arrived: e.responseEnd })),
      );
      const program = loaded.find((e) => e.name.startsWith('mount-'))!;
      const fonts = loaded.filter((e) => e.name.endsWith('.woff2'));
      expect(fonts.map((f) => f.name.split('-')[1]).sort()).toEqual([
        'Bold',
        'Medium',
        'Regular',
        'SemiBold',
      ]);
      // Asked for before the program's code had arrived, not when the drawn Desk was first laid
      // out (then it showed in the fallback font and was laid out again as each face came).
      for (const font of fonts) expect(font.asked, font.name).toBeLessThan(program.arrived);
    } finally {
      await page.close();
    }
    h.assertClean();
  });
  it('asks the desk for each of its first answers once, as the page starts, and the rest as it is drawn', async () => {
    const page = h.page;
    await h.open('/desk');
    await page.evaluate(() =>
      (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0),
    );
    h.calls.length = 0;
    await page.reload();
    await settle(page);
    // The gates and the overview are asked as the page starts; the approvals and events lists
    // (below the fold) ask as the Desk mounts.
    const first = [
      'system.upgrade',
      'backup.damaged',
      'setup.status',
      'users.me',
      'system.info',
      'settings.get',
      'desk.overview',
      'approvals.waiting',
      'events.list',
    ];
    await expect.poll(() => first.filter((m) => h.calls.some((c) => c.method === m))).toEqual(first);
    await page.waitForTimeout(500);
    // Asked before the program's code had loaded, then taken up by the screens that show them:
    // a screen asking again would mean an answer asked for and thrown away.
    const asked = h.calls.map((c) => c.method);
    expect(asked.slice(0, first.length)).toEqual(first);
    for (const method of first)
      expect(
        asked.filter((m) => m === method),
        method,
      ).toHaveLength(1);
    await expect.poll(() => page.getByTestId('desk-approvals').textContent()).not.toContain('در حال');
    // The map and the approvals chart ask when they are scrolled toward, once each.
    const later = ['desk.map', 'approvals.turnaround'];
    if ((await page.getByTestId('desk-figures').getAttribute('data-drawn')) === 'false') {
      expect(asked.filter((m) => later.includes(m))).toEqual([]);
    }
    await page.getByTestId('desk-figures').scrollIntoViewIfNeeded();
    await expect.poll(() => later.filter((m) => h.calls.some((c) => c.method === m))).toEqual(later);
    for (const method of later)
      expect(
        h.calls.filter((c) => c.method === method),
        method,
      ).toHaveLength(1);
    h.assertClean();
  });
});
