/**
 * The sample office (Isfahan's sister cities, the Paris cultural week, the Singapore trip)
 * loaded through the real core, and every section looked at in Persian and English: the
 * Desk's lists, numbers, chart and map agree with the core, and each screen is pictured.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RELATIONSHIP_STATUSES } from '../../shared/api/relationships.contract';
import { clippedTexts, screenshot, setLocale, startHarness, type Harness } from './harness';

describe('a tour of the sample office', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({
      actor: 'm.ahmadi',
      seed: async (t) => {
        const loaded = await t.ok('sample.load', {});
        expect(loaded.loaded).toBe(true);
      },
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('shows on the Desk what the core counts', async () => {
    const page = h.page;
    await h.open('/desk');
    const overview = await h.desk.ok('desk.overview', {});
    expect(overview.counts.partners).toBeGreaterThan(10);
    const persian = (n: number) => n.toLocaleString('fa-IR', { useGrouping: false });
    await expect
      .poll(() => page.getByTestId('count-partners').textContent())
      .toContain(persian(overview.counts.partners));
    expect(await page.getByTestId('count-relationships').textContent()).toContain(
      persian(overview.counts.relationships),
    );

    const overdue = overview.lettersAwaitingReplyOverdue.items[0]!;
    await expect.poll(() => page.getByTestId('desk-overdue').textContent()).toContain(overdue.subject);
    const dormant = await h.desk.ok('relationships.list', { dormant: true, limit: 1 });
    await expect
      .poll(() => page.getByTestId('desk-dormant').getByRole('link', { name: /^همه/ }).textContent())
      .toBe(`همه (${persian(dormant.total)})`);

    const placed = (await h.desk.ok('partners.list', { limit: 500 })).items.filter(
      (p) => p.latitude !== null,
    );
    // The map and the charts are drawn as they are scrolled toward.
    await page.getByTestId('desk-figures').scrollIntoViewIfNeeded();
    await expect
      .poll(() => page.getByTestId('partner-map').getByTestId('map-point').count())
      .toBe(placed.length);
    await expect
      .poll(() => page.getByTestId('letters-chart').locator('.recharts-bar-rectangle').count())
      .toBeGreaterThan(0);
    h.assertClean();
  });

  it('charts relationships by status and area and approvals by authority, each bar opening its list', async () => {
    const page = h.page;
    await h.open('/desk');
    const persian = (n: number) => n.toLocaleString('fa-IR', { useGrouping: false });
    const active = (await h.desk.ok('relationships.list', { status: 'active', limit: 1 })).total;
    const cultural = (await h.desk.ok('relationships.list', { area: 'cultural', limit: 1 })).total;
    expect(active).toBeGreaterThan(0);
    await page.getByTestId('desk-figures').scrollIntoViewIfNeeded();
    await expect
      .poll(() => page.getByTestId('status-chart').getAttribute('aria-label'))
      .toContain(`فعال: ${persian(active)}`);
    expect(await page.getByTestId('area-chart').getAttribute('aria-label')).toContain(
      `فرهنگی: ${persian(cultural)}`,
    );

    const waiting = (await h.desk.ok('approvals.waiting', { limit: 500 })).filter(
      (w) => w.state === 'waiting',
    );
    expect(waiting.length).toBeGreaterThan(0);
    const first = waiting[0]!;
    const atFirst = waiting.filter((w) => w.authorityId === first.authorityId).length;
    await expect
      .poll(() => page.getByTestId('approvals-chart').getAttribute('aria-label'))
      .toContain(`${first.authorityNameFa}: ${persian(atFirst)}`);

    const statuses = await page.getByTestId('status-chart').locator('.recharts-bar-rectangle').count();
    expect(statuses).toBeGreaterThan(0);
    // One bar per status that has relationships, in the order of the lifecycle.
    const present: string[] = [];
    for (const status of RELATIONSHIP_STATUSES) {
      if ((await h.desk.ok('relationships.list', { status, limit: 1 })).total > 0) present.push(status);
    }
    expect(statuses).toBe(present.length);
    const index = present.indexOf('active');
    await page.getByTestId('status-chart').locator('.recharts-bar-rectangle').nth(index).click();
    await page.waitForURL(/#\/relationships\?status=active$/);
    await expect.poll(() => page.getByTestId('relationships-count').textContent()).toContain(persian(active));
    h.assertClean();
  });

  it('reads right in English: whole button labels, isolated register numbers, one state per relationship, typed Persian from the right', async () => {
    const page = h.page;
    const cases = await h.desk.ok('cases.list', { limit: 50 });
    const singapore = cases.items.find((c) => c.title.includes('سنگاپور'))!;
    await h.open(`/cases/${singapore.id}`);
    await setLocale(page, 'en');
    // The follow-ups card sits in the narrow column: its button keeps its whole label.
    const add = page.getByRole('button', { name: 'New follow-up' });
    await add.waitFor();
    expect(await clippedTexts(add)).toEqual([]);
    // The register number in the timeline is set apart from the subject after it.
    const number = page.getByTestId('register-number').first();
    await number.waitFor();
    expect(await number.evaluate((el) => el.tagName)).toBe('BDI');
    expect(await number.textContent()).toMatch(/^\d+\/\d+\/ر ب$/);

    // Persian typed into an English form runs from the right.
    await h.open(`/cases/${singapore.id}/edit`);
    const title = page.getByRole('textbox', { name: /Title/ });
    await title.waitFor();
    expect(await title.getAttribute('dir')).toBe('auto');
    expect(await title.evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).direction)).toBe(
      'rtl',
    );

    // An active relationship that has gone quiet: active, with no activity for over N months.
    const quiet = (await h.desk.ok('relationships.list', { dormant: true, status: 'active', limit: 1 }))
      .items[0]!;
    await h.open(`/relationships/${quiet.id}`);
    await setLocale(page, 'en');
    await expect.poll(() => page.getByTestId('relationship-status-badge').textContent()).toBe('Active');
    expect(await page.getByTestId('no-activity-note').textContent()).toBe('No activity for over 12 months');
    expect(await page.locator('main').getByText('Dormant', { exact: true }).count()).toBe(0);
    await h.open('/relationships?status=active');
    const row = page.getByRole('row', { name: new RegExp(quiet.partner.nameEn ?? quiet.partner.nameFa) });
    await expect.poll(() => row.getByTestId('no-activity-note').count()).toBe(1);
    expect(await row.getByText('Dormant', { exact: true }).count()).toBe(0);

    // Every column of a list stays inside the table; a narrow window shortens them all.
    await h.open('/cases');
    await setLocale(page, 'en');
    const firstRow = page.locator('[role="row"][data-index="0"]');
    await firstRow.waitFor();
    expect(await firstRow.evaluate((row) => row.scrollWidth - row.clientWidth)).toBeLessThanOrEqual(0);

    // The office's classifications are shown by the names the letters use.
    await h.open('/settings?tab=office');
    await setLocale(page, 'en');
    await expect
      .poll(() => page.getByTestId('level-pill').allTextContents())
      .toEqual(expect.arrayContaining(['Normal', 'Confidential', 'Top secret', 'Very urgent']));
    await setLocale(page, 'fa');
    h.assertClean();
  });

  it('pictures every section in Persian and English', async () => {
    const page = h.page;
    const relationship = (await h.desk.ok('relationships.list', { type: 'sister_city', limit: 1 })).items[0]!;
    const partner = relationship.partner;
    const letters = await h.desk.ok('letters.list', { limit: 50 });
    const threaded = letters.items.find((l) => l.state === 'replied') ?? letters.items[0]!;
    const caseRecord = (await h.desk.ok('cases.list', { limit: 1 })).items[0]!;
    const shots: [string, string][] = [
      ['/desk', 'desk'],
      ['/partners', 'partners'],
      ['/partners?view=map', 'partners-map'],
      ['/partners?view=contacts', 'contacts'],
      [`/partners/${partner.id}`, 'partner'],
      ['/relationships', 'relationships'],
      [`/relationships/${relationship.id}`, 'relationship'],
      ['/cases', 'cases'],
      [`/cases/${caseRecord.id}`, 'case'],
      ['/correspondence', 'correspondence'],
      [`/correspondence/${threaded.id}`, 'letter'],
    ];
    for (const locale of ['fa', 'en'] as const) {
      await setLocale(page, locale);
      for (const [route, name] of shots) {
        // The Desk and the detail pages are pictured whole; lists fill the window anyway.
        await screenshot(page, route, locale, name, {
          fullPage: name === 'desk' || (!route.slice(1).includes('?') && route.split('/').length > 2),
        });
      }
    }
    await setLocale(page, 'fa');
    h.assertClean();
  });
});
