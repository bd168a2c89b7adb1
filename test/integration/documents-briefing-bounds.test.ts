/**
 * A briefing on a partner with a long history lists only what a manager reads before a
 * meeting — the most recent activity, the open cases due soonest, the letters waiting
 * longest — and says plainly how many of how many it shows; the cover's figures are the
 * whole counts, not the length of the printed lists.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDesk, tempDir, type TestDesk } from '../helpers/desk';
import { bodyText, expectInOrder, openDocx, tablesIn, type DocxPackage } from './documents.inspect';

let t: TestDesk;
let out: string;
let partnerId: string;

const LETTERS = 34;
const CASES = 23;
const day = (i: number) => `2025-0${1 + Math.floor(i / 28)}-${String(1 + (i % 28)).padStart(2, '0')}`;

beforeAll(async () => {
  // "Today" on the desk is 2025-05-05.
  t = await openTestDesk();
  out = tempDir('briefing-bounds-');
  const home = await t.ok('partners.create', {
    kind: 'city',
    nameFa: 'اصفهان',
    nameEn: 'Isfahan',
    country: 'IR',
    latitude: 32.65,
    longitude: 51.67,
    own: true,
  });
  const kazan = await t.ok('partners.create', {
    kind: 'city',
    nameFa: 'قازان',
    nameEn: 'Kazan',
    country: 'RU',
    latitude: 55.79,
    longitude: 49.12,
  });
  partnerId = kazan.id;
  // Letter i is dated day(i): letter 0 has waited longest.
  for (let i = 0; i < LETTERS; i++) {
    await t.ok('letters.create', {
      direction: 'incoming',
      letterDate: day(i),
      from: { partnerId: kazan.id },
      to: { partnerId: home.id },
      subject: `Letter K${String(i).padStart(2, '0')} from Kazan`,
      body: 'Kazan asks for an answer.',
      language: 'en',
      needsReply: true,
    });
  }
  // Case i is due on 2025-06-(i+1): case 0 is due soonest.
  for (let i = 0; i < CASES; i++) {
    await t.ok('cases.create', {
      title: `Case C${String(i).padStart(2, '0')} with Kazan`,
      kind: 'incoming_request',
      partnerIds: [kazan.id],
      openedOn: '2025-01-10',
      dueOn: `2025-06-${String(i + 1).padStart(2, '0')}`,
    });
  }
});
afterAll(async () => {
  await t.cleanup();
  rmSync(out, { recursive: true, force: true });
});

async function briefing(language: 'fa' | 'en'): Promise<DocxPackage> {
  const path = join(out, `briefing-${language}.docx`);
  await t.ok('documents.export', { kind: 'partnerBriefing', id: partnerId, language, path });
  return openDocx(readFileSync(path));
}

describe('a briefing on a partner with a long history', () => {
  it('lists the letters waiting longest and the cases due soonest, and says of how many', async () => {
    const pkg = await briefing('en');
    const text = bodyText(pkg);
    expectInOrder(text, [
      'The last 24 months',
      'The 30 most recent; in all, 34 letters and 0 events in this period.',
      'Open cases',
      'The 20 due soonest of 23 open cases.',
      'Case C00',
      'Letters awaiting reply',
      'The 20 waiting longest of 34 letters awaiting reply.',
      'Letter K00',
    ]);

    const tables = tablesIn(pkg.document);
    const letters = tables.find((x) => x.text.includes('Letter K00'))!;
    for (let i = 0; i < 20; i++) expect(letters.text).toContain(`Letter K${String(i).padStart(2, '0')}`);
    for (let i = 20; i < LETTERS; i++) expect(letters.text).not.toContain(`Letter K${i}`);
    const cases = tables.find((x) => x.text.includes('Case C00'))!;
    expect(cases.text).toContain('Case C19');
    expect(cases.text).not.toContain('Case C20');
    expect(cases.text).not.toContain('Case C22');
  });

  it('gives the whole counts on the cover', async () => {
    const pkg = await briefing('en');
    const cover = tablesIn(pkg.document)[0]!.text;
    expect(cover).toContain('23Open cases');
    expect(cover).toContain('34Letters awaiting reply');
  });

  it('says the same in Persian, with Persian digits', async () => {
    const text = bodyText(await briefing('fa'));
    expect(text).toContain('۲۰ نامه‌ای که بیشترین مدت در انتظار پاسخ مانده‌اند، از ۳۴ نامه.');
    expect(text).toContain('۲۰ پرونده با نزدیک‌ترین سررسید، از ۲۳ پرونده باز.');
  });
});
