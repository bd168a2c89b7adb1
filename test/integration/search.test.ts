import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type RawBuilder } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchHit } from '../../shared/api/search.contract';
import {
  loadHitRows,
  rankedQuery,
  recentWordsQuery,
} from '../../electron/main/core/search/search.repository';
import { wordDocIds } from '../../electron/main/core/search/search.service';
import { writeSearchDocuments } from '../../electron/main/core/search/search.repository';
import { openTestDesk, type TestDesk } from '../helpers/desk';
import { letterInput } from './letters.fixtures';

const ZWNJ = '\u200c';

/** A news item of the office about its sister cities, spelled the way such items are. */
const ARTICLE = [
  `به گزارش روابط عمومی اداره کل ارتباطات و امور بین${ZWNJ}الملل شهرداری اصفهان، نشست سالانه`,
  `شهرهای خواهر${ZWNJ}خوانده اصفهان با حضور نمایندگانی از کازان، فرایبورگ، شیان و یروان برگزار شد.`,
  `مدیرکل ارتباطات گفت: پیمان همکاری اصفهان و کازان در سال ۱۴۰۴ امضا شد و برنامه${ZWNJ}های`,
  `فرهنگی، گردشگری و اقتصادی دو شهر در قالب هفته فرهنگی گسترش می${ZWNJ}یابد. وی افزود که`,
  `هیئت${ZWNJ}های تجاری ایران و روسیه نیز در این نشست با مسئولان شهری دیدار کردند.`,
].join('\n');

let t: TestDesk;
beforeEach(async () => {
  t = await openTestDesk();
});
afterEach(async () => {
  await t.cleanup();
});

async function search(text: string, extra: Record<string, unknown> = {}): Promise<SearchHit[]> {
  const result = await t.desk.call('search.query', { text, ...extra });
  if (!result.ok) throw new Error(`search for ${text} failed: ${result.error.code} ${result.error.message}`);
  return result.value.items;
}

async function ids(text: string, extra: Record<string, unknown> = {}): Promise<string[]> {
  return (await search(text, extra)).map((h) => h.id);
}

function marked(segments: { text: string; match: boolean }[]): string[] {
  return segments.filter((s) => s.match).map((s) => s.text);
}

describe('a Persian article in a letter body', () => {
  let article: string;
  let other: string;
  beforeEach(async () => {
    article = (await t.ok('letters.create', letterInput({ subject: 'گزارش نشست سالانه', body: ARTICLE }))).id;
    other = (
      await t.ok(
        'letters.create',
        letterInput({ subject: 'درخواست روادید', body: 'درخواست روادید برای هیئت تجاری' }),
      )
    ).id;
  });

  const variants: [string, string][] = [
    ['joined', 'خواهرخوانده'],
    ['with ZWNJ', `خواهر${ZWNJ}خوانده`],
    ['with a space', 'خواهر خوانده'],
    ['with ZWJ', 'خواهر\u200dخوانده'],
    ['with teh marbuta', 'خواهرخواندة'],
    ['with ae', 'خواهرخواندە'],
    ['with tatweel', 'خـواهـرخـوانـده'],
    ['with harakat', 'خَواهَرخوانِده'],
    ['in presentation forms', '\ufea7\ufeee\ufe8d\ufeeb\ufeae\ufea7\ufeee\ufe8d\ufee7\ufeaa\ufee9'],
    ['phrase, Arabic yeh', 'شهرهاي خواهرخوانده'],
    ['phrase, alef maksura and ZWNJ', `شهر${ZWNJ}هاى خواهر${ZWNJ}خوانده`],
    ['phrase quoted', '"شهرهای خواهرخوانده"'],
    ['phrase quoted, written apart', '«شهرهای خواهر خوانده»'],
    ['Isfahan', 'اصفهان'],
    ['Isfahan with harakat', 'اِصْفَهان'],
    ['Isfahan with tatweel', 'اصــفهـان'],
    ['Isfahan with alef hamza', 'أصفهان'],
    ['Isfahan with Arabic kaf and yeh around', 'اصفهان كازان ايران'],
    ['hamza words', 'هيئتهاي مسئولان'],
  ];
  it.each(variants)('finds it by %s', async (_label, query) => {
    const found = await ids(query);
    expect(found).toContain(article);
    expect(found).not.toContain(other);
  });

  it('marks the matched words in the spelling of the article', async () => {
    const [hit] = await search('شهرهاي خواهرخواندة');
    expect(hit!.id).toBe(article);
    expect(marked(hit!.snippet)).toEqual([`شهرهای خواهر${ZWNJ}خوانده`]);
    expect(hit!.snippet.map((s) => s.text).join('')).toContain(`شهرهای خواهر${ZWNJ}خوانده اصفهان`);

    const [isfahan] = await search('اَصفهان');
    expect(marked(isfahan!.snippet).every((m) => m === 'اصفهان' || m === 'اصفهان،')).toBe(true);
    expect(marked(isfahan!.snippet).length).toBeGreaterThanOrEqual(2);

    const [title] = await search('نشست');
    expect(marked(title!.titleSegments)).toEqual(['نشست']);
    expect(title!.title).toBe('گزارش نشست سالانه');
    expect(title!.type).toBe('letter');
    expect(title!.date).toBe('2025-05-04');
  });

  it('finds words written with a half-space when typed without it', async () => {
    expect(await ids('برنامههای گردشگری')).toContain(article);
    expect(await ids('مییابد')).toContain(article);
  });

  it('answers quoted phrases as written and leaves out excluded words', async () => {
    expect(await ids('"اصفهان و کازان"')).toEqual([article]);
    expect(await ids('"کازان و اصفهان"')).toEqual([]);
    expect(await ids('هیئت')).toEqual(expect.arrayContaining([article, other]));
    expect(await ids('هیئت -اصفهان')).toEqual([other]);
    expect(await ids('هیئت -"هفته فرهنگی"')).toEqual([other]);
    expect(await ids('هیئت -روادید -کازان')).toEqual([]);
  });
});

describe('compounds and their derived words', () => {
  it('finds خواهرخوانده in every spelling and خواهرخواندگی from it', async () => {
    const joined = (await t.ok('letters.create', letterInput({ subject: 'شهر خواهرخوانده جدید' }))).id;
    const apart = (await t.ok('letters.create', letterInput({ subject: 'شهر خواهر خوانده جدید' }))).id;
    const zwnj = (await t.ok('letters.create', letterInput({ subject: `شهر خواهر${ZWNJ}خوانده جدید` }))).id;
    const derived = (await t.ok('letters.create', letterInput({ subject: 'تفاهم‌نامه خواهرخواندگی' }))).id;
    const unrelated = (await t.ok('letters.create', letterInput({ subject: 'خواهش از شهر دوست' }))).id;
    for (const query of ['خواهرخوانده', 'خواهر خوانده', `خواهر${ZWNJ}خوانده`]) {
      const found = await ids(query);
      expect(found, query).toEqual(expect.arrayContaining([joined, apart, zwnj, derived]));
      expect(found, query).not.toContain(unrelated);
    }
    const hits = await search('خواهرخوانده');
    const derivedHit = hits.find((h) => h.id === derived)!;
    expect(marked(derivedHit.titleSegments)).toEqual(['خواهرخواندگی']);
    const apartHit = hits.find((h) => h.id === apart)!;
    expect(marked(apartHit.titleSegments)).toEqual(['خواهر خوانده']);
  });
});

describe('other scripts, numbers and accents', () => {
  it('finds a Persian word inside an English letter, and the English words', async () => {
    const english = (
      await t.ok(
        'letters.create',
        letterInput({
          subject: 'Invitation to the Cultural Week',
          language: 'en',
          body: 'The Mayor of Kazan thanks the Municipality of Isfahan (اصفهان) for the Cultural Week in Paris.',
        }),
      )
    ).id;
    expect(await ids('اصفهان')).toEqual([english]);
    expect(await ids('ISFAHAN')).toEqual([english]);
    expect(await ids('municipal')).toEqual([english]);
    const [hit] = await search('اصفهان');
    expect(marked(hit!.snippet)).toEqual(['(اصفهان)']);
  });

  it('finds register numbers and sender numbers in any digit script', async () => {
    const letters = [];
    for (let i = 0; i < 12; i++)
      letters.push(await t.ok('letters.create', letterInput({ subject: `نامه ${i + 1}` })));
    const twelfth = letters[11]!;
    expect(twelfth.number).toBe('12/1404/ر ب');
    expect(await ids('۱۲/۱۴۰۴')).toEqual([twelfth.id]);
    expect(await ids('١٢/١٤٠٤')).toEqual([twelfth.id]);
    expect(await ids('12/1404/ر ب')).toEqual([twelfth.id]);
    expect(await ids('1/1404')).toEqual([letters[0]!.id]);

    const withSender = await t.ok(
      'letters.create',
      letterInput({ subject: 'پاسخ سفارت', senderNumber: '٤٥٦٧/ص/٢٠' }),
    );
    expect(await ids('4567')).toEqual([withSender.id]);
    expect(await ids('۴۵۶۷/ص')).toEqual([withSender.id]);
    const [hit] = await search('۱۲/۱۴۰۴');
    expect(marked(hit!.snippet)[0]).toContain('12/1404/ر');
  });

  it('folds Latin accents both ways', async () => {
    const french = (
      await t.ok(
        'letters.create',
        letterInput({
          subject: 'Semaine culturelle',
          language: 'fr',
          body: "L'Été d'Ispahan à Issy-les-Moulineaux",
        }),
      )
    ).id;
    expect(await ids('ete')).toEqual([french]);
    expect(await ids('ÉTÉ')).toEqual([french]);
    expect(await ids('issy moulineaux')).toEqual([french]);
    const [hit] = await search('ete');
    expect(marked(hit!.snippet)).toEqual(["L'Été"]);
  });

  it('falls back to a prefix search under three characters', async () => {
    const a = (await t.ok('letters.create', letterInput({ subject: 'اصفهان' }))).id;
    const b = (await t.ok('letters.create', letterInput({ subject: 'اصول همکاری' }))).id;
    await t.ok('letters.create', letterInput({ subject: 'کازان' }));
    const found = await ids('اص', { types: ['letter'] });
    expect(found.sort()).toEqual([a, b].sort());
    const [hit] = await search('اص');
    expect(marked(hit!.titleSegments).length).toBe(1);
  });
});

describe('the index follows every write', () => {
  it('shows updates at once and forgets the old text', async () => {
    const letter = await t.ok('letters.create', letterInput({ subject: 'دعوت به اجلاس بوداپست' }));
    expect(await ids('بوداپست')).toEqual([letter.id]);
    await t.ok('letters.update', { id: letter.id, subject: 'دعوت به اجلاس بارسلون' });
    expect(await ids('بوداپست')).toEqual([]);
    expect(await ids('بارسلون')).toEqual([letter.id]);
    const rows = await sql<{ n: number }>`SELECT count(*) AS n FROM search_docs`.execute(t.desk.internals.db);
    expect(rows.rows[0]!.n).toBe(1);
  });

  it('indexes attachment names and text and forgets a removed attachment', async () => {
    const letter = await t.ok('letters.create', letterInput({ subject: 'نامه با پیوست' }));
    const file = join(t.dir, 'برنامه هفته فرهنگی.txt');
    writeFileSync(file, 'برنامه هفته فرهنگی اصفهان در پاریس: کنسرت موسیقی سنتی و نمایشگاه فرش');
    const [attachment] = await t.ok('attachments.add', {
      ownerType: 'letter',
      ownerId: letter.id,
      path: file,
    });
    expect(await ids('فرش', { types: ['attachment'] })).toEqual([attachment!.id]);
    expect(await ids('هفته فرهنگی', { types: ['attachment'] })).toEqual([attachment!.id]);
    expect(await ids('فرش', { types: ['letter'] })).toEqual([]);
    await t.ok('attachments.remove', { id: attachment!.id });
    expect(await ids('فرش')).toEqual([]);
  });

  it("finds letters, events and programme items by a partner's new name after a rename", async () => {
    const city = (
      await t.ok('partners.create', { kind: 'city', nameFa: 'کازان', nameEn: 'Kazan', country: 'RU' })
    ).id;
    const sent = await t.ok('letters.create', letterInput({ subject: 'دعوت', from: { partnerId: city } }));
    const copied = await t.ok(
      'letters.create',
      letterInput({ subject: 'گزارش', copies: [{ partnerId: city, purpose: 'information' }] }),
    );
    const unrelated = await t.ok('letters.create', letterInput({ subject: 'روادید' }));
    const week = await t.ok('events.create', {
      kind: 'cultural_week',
      title: 'هفته فرهنگی',
      startDate: '2025-06-01',
      endDate: '2025-06-07',
      ourRole: 'organiser',
      hostPartnerId: city,
    });
    const item = await t.ok('programme.add', {
      eventId: week.id,
      title: 'کنسرت',
      type: 'concert',
      date: '2025-06-02',
      partnerId: city,
    });
    expect(await ids('Kazan', { types: ['letter'] })).toHaveLength(2);

    await t.ok('partners.update', { id: city, nameFa: 'قازان', nameEn: 'Qazan' });
    expect(await ids('Kazan')).toEqual([]);
    const found = await ids('Qazan');
    expect(found).toEqual(expect.arrayContaining([city, sent.id, copied.id, week.id, item.id]));
    expect(found).not.toContain(unrelated.id);
    expect((await ids('قازان', { types: ['letter'] })).sort()).toEqual([sent.id, copied.id].sort());
  });

  it('keeps the index unchanged when a write fails', async () => {
    await t.ok('letters.create', letterInput({ subject: 'شیان' }));
    const failed = await t.fail('letters.update', {
      id: '01900000-0000-7000-8000-000000000000',
      subject: 'پکن',
    });
    expect(failed.code).toBe('NOT_FOUND');
    expect(await ids('پکن')).toEqual([]);
  });
});

describe('filters and paging', () => {
  it('filters by kind of record and by date range', async () => {
    const may = (await t.ok('letters.create', letterInput({ subject: 'کازان', letterDate: '2025-05-04' })))
      .id;
    const nowruz = (await t.ok('letters.create', letterInput({ subject: 'کازان', letterDate: '2025-03-21' })))
      .id;
    const lastYear = (
      await t.ok('letters.create', letterInput({ subject: 'کازان', letterDate: '2025-03-20' }))
    ).id;
    expect((await ids('کازان')).sort()).toEqual([may, nowruz, lastYear].sort());
    // The Jalali year 1404 starts on 2025-03-21.
    expect((await ids('کازان', { filters: { from: '2025-03-21', to: '2026-03-20' } })).sort()).toEqual(
      [may, nowruz].sort(),
    );
    expect(await ids('کازان', { filters: { to: '2025-03-20' } })).toEqual([lastYear]);
    expect(await ids('کازان', { filters: { from: '2025-05-01' } })).toEqual([may]);
    expect(await ids('کازان', { filters: { from: '2030-01-01' } })).toEqual([]);
    expect(await ids('کازان', { types: ['partner', 'agreement'] })).toEqual([]);
    expect((await ids('کازان', { types: ['letter'] })).length).toBe(3);
    const bad = await t.fail('search.query', {
      text: 'کازان',
      filters: { from: '2025-05-01', to: '2025-01-01' },
    });
    expect(bad.code).toBe('VALIDATION');
  });

  it('pages through the hits without repeating one', async () => {
    for (let i = 0; i < 7; i++) await t.ok('letters.create', letterInput({ subject: `همکاری فرهنگی ${i}` }));
    // Two more found only through the trigram index (the compound written apart).
    for (let i = 0; i < 2; i++) await t.ok('letters.create', letterInput({ subject: `هم کاری ${i}` }));
    const seen: string[] = [];
    let offset = 0;
    for (;;) {
      const result = await t.ok('search.query', { text: 'همکاری', limit: 4, offset });
      seen.push(...result.items.map((h) => h.id));
      if (!result.hasMore) break;
      offset += 4;
    }
    expect(seen).toHaveLength(9);
    expect(new Set(seen).size).toBe(9);
  });
});

describe('hostile queries', () => {
  it('answers results or VALIDATION, never an SQL error', async () => {
    await t.ok(
      'letters.create',
      letterInput({ subject: 'near and or not اصفهان', body: 'title: meta: "x"' }),
    );
    const queries = [
      '"',
      '"unbalanced',
      'unbalanced"',
      '""',
      '*',
      '**',
      '-',
      '- -',
      '-*',
      'NEAR(',
      'NEAR(a b',
      'a NEAR b',
      'AND',
      'OR OR',
      'NOT',
      '(',
      ')',
      '{title}: x',
      'meta : tletter',
      'title:اصفهان',
      '^اصفهان',
      'اصفهان*',
      '+',
      "'; DROP TABLE letters; --",
      '\\',
      '%_',
      '\u202eاصفهان',
      '\u200c\u200c',
      'ـ',
      'ً',
      'a'.repeat(500),
      '" OR "'.repeat(50),
      Array.from({ length: 24 }, () => 'NEAR(').join(' '),
    ];
    for (const text of queries) {
      const result = await t.desk.call('search.query', { text });
      if (!result.ok) expect(result.error.code, text).toBe('VALIDATION');
    }
    for (const text of ['x'.repeat(10_000), 'اصفهان '.repeat(2000), 'a\u0000b', 'w '.repeat(30)]) {
      const result = await t.desk.call('search.query', { text });
      expect(result.ok, text.slice(0, 20)).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('VALIDATION');
    }
    expect(await ids('اصفهان*')).toHaveLength(1);
    expect(await ids('title:اصفهان')).toHaveLength(0);
    expect(await ids('near')).toHaveLength(1);
  });
});

describe('query plans', () => {
  async function plan(query: RawBuilder<unknown>): Promise<string[]> {
    const { rows } = await sql<{ detail: string }>`EXPLAIN QUERY PLAN ${query}`.execute(t.desk.internals.db);
    return rows.map((r) => r.detail);
  }

  it('lets FTS5 match, rank and limit inside the virtual tables', async () => {
    for (const query of [
      rankedQuery('search_words', '"اصفهان"*', 51),
      rankedQuery('search_words', '"اصفهان"*', 200, { above: 8192 }),
      rankedQuery('search_words', '"اصفهان"*', 51, { atMost: 8192 }),
      rankedQuery('search_grams', '"اصفهان"', 51),
      recentWordsQuery('"اص"*', 51),
    ]) {
      const detail = (await plan(query)).join('\n');
      expect(detail).toMatch(/^SCAN search_(words|grams) VIRTUAL TABLE INDEX \d+:M/);
      expect(detail).not.toMatch(/TEMP B-TREE/);
    }
    expect((await plan(rankedQuery('search_words', '"x"', 5, { above: 1 }))).join('')).toMatch(/:M\d*>/);
  });

  it('reads the hits of a page by rowid only', async () => {
    const { rows } = await sql<{ detail: string }>`EXPLAIN QUERY PLAN SELECT d.doc_id FROM search_docs d
      JOIN search_words w ON w.rowid = d.doc_id WHERE d.doc_id IN (1, 2, 3)`.execute(t.desk.internals.db);
    const detail = rows.map((r) => r.detail).join('\n');
    expect(detail).toMatch(/SEARCH d USING INTEGER PRIMARY KEY/);
    expect(detail).toMatch(/VIRTUAL TABLE INDEX \d+:=/);
    expect(await loadHitRows(t.desk.internals.db, [])).toEqual([]);
  });
});

describe('search.reindex', () => {
  it('rebuilds the index from every record with progress, and sweeps what no record holds', async () => {
    const a = (await t.ok('letters.create', letterInput({ subject: 'فرایبورگ' }))).id;
    const b = (await t.ok('letters.create', letterInput({ subject: 'فرایبورگ و یروان' }))).id;
    const db = t.desk.internals.db;
    // The index lost (as after a restore of an older file) and a stray row of a record that is gone.
    await sql`DELETE FROM search_words`.execute(db);
    await sql`INSERT INTO search_grams (search_grams) VALUES ('delete-all')`.execute(db);
    await sql`DELETE FROM search_docs`.execute(db);
    await sql`INSERT INTO search_docs (type, entity_id, title, body, date) VALUES
      ('letter', '01900000-0000-7000-8000-000000000001', 'فرایبورگ', '', NULL),
      ('retired_kind', '01900000-0000-7000-8000-000000000002', 'فرایبورگ', '', NULL)`.execute(db);
    expect(await ids('یروان')).toEqual([]);

    const progress: { phase: string; done: number; total: number }[] = [];
    const off = t.desk.on('progress', (p) => {
      if (p.method === 'search.reindex') progress.push(p);
    });
    const result = await t.ok('search.reindex', {});
    off();
    expect(result).toEqual({ indexed: 2, removed: 2, cancelled: false });
    expect(await ids('یروان')).toEqual([b]);
    expect((await ids('فرایبورگ')).sort()).toEqual([a, b].sort());
    const count = await sql<{ n: number }>`SELECT count(*) AS n FROM search_docs`.execute(db);
    expect(count.rows[0]!.n).toBe(2);
    expect(progress.map((p) => p.phase)).toEqual(
      expect.arrayContaining(['counting', 'indexing', 'cleaning']),
    );
    expect(progress.find((p) => p.phase === 'indexing' && p.done === p.total)?.total).toBe(2);
    const audit = await t.ok('audit.list', { entity: 'search' });
    expect(audit.items[0]!.action).toBe('search.reindex');

    // The register's text filter reads its own index, rebuilt by the same pass.
    const listed = async () =>
      (await t.ok('letters.list', { text: 'فرایبورگ و یروان' })).items.map((l) => l.id);
    expect(await listed()).toEqual([b]);
    await sql`INSERT INTO letter_key_grams (letter_key_grams) VALUES ('delete-all')`.execute(db);
    expect(await listed()).toEqual([]);
    await t.ok('search.reindex', {});
    expect(await listed()).toEqual([b]);

    // A second pass rewrites everything again and finds nothing to sweep.
    expect(await t.ok('search.reindex', {})).toEqual({ indexed: 2, removed: 0, cancelled: false });
    expect(await ids('یروان')).toEqual([b]);
  });

  it('stops when cancelled and leaves the index answering as before', async () => {
    const letter = (await t.ok('letters.create', letterInput({ subject: 'سمرقند' }))).id;
    const off = t.desk.on('progress', (p) => {
      if (p.method === 'search.reindex') t.desk.cancel(p.taskId);
    });
    const result = await t.ok('search.reindex', {});
    off();
    expect(result).toEqual({ indexed: 0, removed: 0, cancelled: true });
    expect(await ids('سمرقند')).toEqual([letter]);
  });
});

describe('ranking of words found almost everywhere', () => {
  it('ranks the newest block first only when it alone holds many hits, the same on every page', async () => {
    const db = t.desk.internals.db;
    // 40 records; every one mentions کازان, every fifth twice (ranked higher); only the
    // first ten mention سمرقند. The newest records' index keeps the newest ten.
    const docs = Array.from({ length: 40 }, (_, i) => ({
      type: 'letter',
      id: `01900000-0000-7000-8000-${String(i).padStart(12, '0')}`,
      title: `نامه ${i}`,
      body: `${i % 5 === 0 ? 'کازان کازان' : 'کازان'} ${i < 10 ? 'سمرقند' : ''} ${'متن '.repeat(i % 7)}`,
      date: null,
    }));
    await db.transaction().execute((tx) =>
      writeSearchDocuments(
        tx,
        'letter',
        docs.map((d) => d.id),
        docs,
        { recentBlock: 10, recentStep: 1 },
      ),
    );
    const common = 5;
    const all = await wordDocIds(db, '"کازان"', 41, common);
    expect(all).toHaveLength(40);
    expect(new Set(all).size).toBe(40);
    // The newest ten (doc ids 31–40) come first, best first; then the older thirty.
    expect(all.slice(0, 10).every((id) => id > 30)).toBe(true);
    expect(all.slice(10).every((id) => id <= 30)).toBe(true);
    expect(all[0]! % 5).toBe(1); // doc ids 31 and 36 hold records 30 and 35: کازان twice
    // Pages agree with the whole list.
    expect(await wordDocIds(db, '"کازان"', 5, common)).toEqual(all.slice(0, 5));
    expect(await wordDocIds(db, '"کازان"', 15, common)).toEqual(all.slice(0, 15));
    // A prefix is ranked as typed.
    expect(await wordDocIds(db, '"کاز"*', 41, common)).toEqual(all);
    // سمرقند is not found in the newest block: all its hits are ranked together, in the whole
    // index, exactly as without tiers.
    const rare = await wordDocIds(db, '"سمرقند"', 20, common);
    expect(rare).toEqual(
      (
        await sql<{ id: number }>`SELECT rowid AS id FROM search_words WHERE search_words MATCH '"سمرقند"'
        ORDER BY rank LIMIT 20`.execute(db)
      ).rows.map((r) => r.id),
    );
    expect([...rare].sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    // Nor when the block holds fewer hits than asked to count as common.
    expect(await wordDocIds(db, '"کازان"', 41, 11)).toEqual(
      (
        await sql<{ id: number }>`SELECT rowid AS id FROM search_words WHERE search_words MATCH '"کازان"'
        ORDER BY rank LIMIT 41`.execute(db)
      ).rows.map((r) => r.id),
    );
  });

  it('ranks all hits together when the whole desk fits in one block', async () => {
    const db = t.desk.internals.db;
    const docs = Array.from({ length: 40 }, (_, i) => ({
      type: 'letter',
      id: `01900000-0000-7000-8000-${String(i).padStart(12, '0')}`,
      title: `نامه ${i}`,
      body: `${i % 5 === 0 ? 'کازان کازان' : 'کازان'} ${'متن '.repeat(i % 7)}`,
      date: null,
    }));
    await db.transaction().execute((tx) =>
      writeSearchDocuments(
        tx,
        'letter',
        docs.map((d) => d.id),
        docs,
        { recentBlock: 50, recentStep: 1 },
      ),
    );
    const whole = await sql<{ id: number }>`SELECT rowid AS id FROM search_words
      WHERE search_words MATCH '"کازان"' ORDER BY rank, rowid`.execute(db);
    const ranked = await wordDocIds(db, '"کازان"', 41, 5);
    expect(ranked).toHaveLength(40);
    expect([...ranked].sort((a, b) => a - b)).toEqual(whole.rows.map((r) => r.id).sort((a, b) => a - b));
    // The same order, but for records the ranking cannot tell apart.
    const ranks = await sql<{ id: number; rank: number }>`SELECT rowid AS id, rank FROM search_words
      WHERE search_words MATCH '"کازان"'`.execute(db);
    const rankOf = new Map(ranks.rows.map((r) => [r.id, r.rank]));
    const inOrder = ranked.map((id) => rankOf.get(id)!);
    expect(inOrder).toEqual([...inOrder].sort((a, b) => a - b));
  });
});

describe('the search migration', () => {
  it('creates the display table and both FTS5 indexes with their tokenizers and ranking', async () => {
    const db = t.desk.internals.db;
    const { rows } = await sql<{ name: string; sql: string }>`SELECT name, sql FROM sqlite_master
      WHERE name IN ('search_docs', 'search_words', 'search_grams')`.execute(db);
    const byName = new Map(rows.map((r) => [r.name, r.sql]));
    expect(byName.get('search_words')).toMatch(/unicode61 remove_diacritics 2/);
    expect(byName.get('search_grams')).toMatch(/trigram/);
    expect(byName.get('search_grams')).toMatch(/contentless_delete = 1/);
    expect(byName.get('search_docs')).toMatch(/"search_docs_entity" unique \("type", "entity_id"\)/);
    const words = await sql<{ v: string }>`SELECT v FROM search_words_config WHERE k = 'rank'`.execute(db);
    expect(words.rows[0]!.v).toBe('bm25(4.0, 1.0, 1.0, 0.0)');
    const grams = await sql<{ v: string }>`SELECT v FROM search_grams_config WHERE k = 'rank'`.execute(db);
    expect(grams.rows[0]!.v).toBe('bm25(4.0, 1.0, 0.0)');
    // A seeded row is found through both indexes and removed from both.
    await db.transaction().execute((tx) =>
      writeSearchDocuments(
        tx,
        'partner',
        ['01900000-0000-7000-8000-000000000009'],
        [
          {
            type: 'partner',
            id: '01900000-0000-7000-8000-000000000009',
            title: 'ایسی لے مولینو',
            body: '',
            date: null,
          },
        ],
      ),
    );
    expect(await ids('مولینو')).toEqual(['01900000-0000-7000-8000-000000000009']);
    expect(await ids('ولین')).toEqual(['01900000-0000-7000-8000-000000000009']);
    await db
      .transaction()
      .execute((tx) => writeSearchDocuments(tx, 'partner', ['01900000-0000-7000-8000-000000000009'], []));
    expect(await ids('مولینو')).toEqual([]);
    expect(await ids('ولین')).toEqual([]);
  });
});
