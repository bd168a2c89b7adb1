/**
 * The newest records' word index (`search_recent`, migration 2026-11-28-22-search-recent):
 * a word found almost everywhere is ranked among the newest records as if they were the
 * whole index, so its cost does not grow with the office; the index holds exactly the records
 * above its split through new, changed and removed records, batches and reindexing; and a desk
 * made before it gains it on opening.
 */
import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../electron/main/core/db/tables';
import type { SearchDocument } from '../../electron/main/core/search/search.indexer';
import {
  RECENT_BLOCK,
  insertNewSearchDocuments,
  rankedQuery,
  recentSplit,
  writeSearchDocuments,
} from '../../electron/main/core/search/search.repository';
import { wordDocIds } from '../../electron/main/core/search/search.service';
import { openTestDesk, type TestDesk } from '../helpers/desk';
import { letterInput } from './letters.fixtures';
import { undoMigrationsAfter } from './undo-migrations';

let t: TestDesk;
beforeEach(async () => {
  t = await openTestDesk();
});
afterEach(async () => {
  await t.cleanup();
});

function doc(i: number, body: string, title = `نامه ${i}`): SearchDocument {
  return {
    type: 'letter',
    id: `01900000-0000-7000-8000-${String(i).padStart(12, '0')}`,
    title,
    body,
    date: null,
  };
}

async function write(
  db: Kysely<Database>,
  docs: SearchDocument[],
  ids = docs.map((d) => d.id),
  block?: number,
  step = 1,
) {
  await db
    .transaction()
    .execute((tx) =>
      writeSearchDocuments(
        tx,
        'letter',
        ids,
        docs,
        block === undefined ? {} : { recentBlock: block, recentStep: step },
      ),
    );
}

const ids = async (db: Kysely<Database>, query: ReturnType<typeof rankedQuery>) =>
  (await query.execute(db)).rows.map((r) => r.doc_id);

const QUERIES = ['"کازان"', '"سمرقند"', '"ویرایش"', '"کاز"*', '{title} : "نامه"', '"هیئت"'];

/**
 * The newest records' index holds the records above its split, and only them, each with the
 * word index's own entries: every query finds there what the word index finds above the split.
 */
async function expectInStep(db: Kysely<Database>, queries: string[]): Promise<number> {
  const split = await recentSplit(db);
  const held = await sql<{ id: number }>`SELECT rowid AS id FROM search_recent ORDER BY rowid`.execute(db);
  const above = await sql<{ id: number }>`SELECT doc_id AS id FROM search_docs WHERE doc_id > ${split}
    ORDER BY doc_id`.execute(db);
  expect(held.rows).toEqual(above.rows);
  for (const match of queries) {
    const recent = await sql<{ id: number }>`SELECT rowid AS id FROM search_recent
      WHERE search_recent MATCH ${match} ORDER BY rowid`.execute(db);
    const words = await sql<{ id: number }>`SELECT rowid AS id FROM search_words
      WHERE search_words MATCH ${match} AND rowid > ${split} ORDER BY rowid`.execute(db);
    expect(recent.rows, match).toEqual(words.rows);
  }
  return split;
}

describe('ranking among the newest records', () => {
  it("weighs a query's words by how few of the newest records hold them, not the whole index", async () => {
    const db = t.desk.internals.db;
    // 40 older records hold یروان only. Of the newest 20, all hold فرایبورگ and six also
    // یروان: three with فرایبورگ twice, three with یروان twice, all of one length.
    const older = Array.from({ length: 40 }, (_, i) => doc(i, 'یروان متن متن متن'));
    const newest = Array.from({ length: 20 }, (_, i) => {
      const body =
        i < 3 ? 'فرایبورگ فرایبورگ یروان متن' : i < 6 ? 'فرایبورگ یروان یروان متن' : 'فرایبورگ متن متن متن';
      return doc(40 + i, body);
    });
    await write(db, [...older, ...newest], undefined, 20);
    const match = '"فرایبورگ" AND "یروان"';
    const split = await recentSplit(db);
    expect(split).toBe(40);

    // Among the newest twenty, یروان (6 of 20) is the rare word and فرایبورگ (all 20) is not:
    // the records holding یروان twice come first.
    const ranked = await wordDocIds(db, match, 6, 5);
    expect(ranked.slice(0, 3).sort()).toEqual([44, 45, 46]);
    expect(ranked.slice(3).sort()).toEqual([41, 42, 43]);
    // Weighed over the whole index (یروان in 46 of 60, فرایبورگ in 20), the order would be the
    // other way round: that was the ranking of the newest block before, at a cost that grew
    // with the office.
    const wholeIndex = await ids(db, rankedQuery('search_words', match, 6, { above: split }));
    expect(wholeIndex.slice(0, 3).sort()).toEqual([41, 42, 43]);
  });

  it('is asked no more than the newest records: older ones follow, ranked in the whole index', async () => {
    const db = t.desk.internals.db;
    const docs = Array.from({ length: 30 }, (_, i) =>
      doc(i, i % 3 === 0 ? 'کازان کازان متن' : 'کازان متن متن'),
    );
    await write(db, docs, undefined, 10);
    const all = await wordDocIds(db, '"کازان"', 31, 5);
    expect(all.slice(0, 10)).toEqual(await ids(db, rankedQuery('search_recent', '"کازان"', 10)));
    expect(all.slice(10)).toEqual(await ids(db, rankedQuery('search_words', '"کازان"', 20, { atMost: 20 })));
  });
});

describe('the newest records index kept in step', () => {
  it('through new, changed and removed records, one at a time and in batches', async () => {
    const db = t.desk.internals.db;
    const block = 25;
    const city = (i: number) => (i % 3 === 0 ? 'کازان' : 'سمرقند');
    const first = Array.from({ length: 60 }, (_, i) => doc(i, `${city(i)} متن`));
    await write(db, first, undefined, block);
    expect(await expectInStep(db, QUERIES)).toBe(35);

    // One record at a time: each new one enters, the oldest leaves.
    for (let i = 60; i < 70; i++) await write(db, [doc(i, `${city(i)} متن`)], undefined, block);
    expect(await expectInStep(db, QUERIES)).toBe(45);

    // A record of the block and an older one change; the newest record and one of the block
    // are removed. The split does not fall back: no older record re-enters.
    await write(db, [doc(50, 'ویرایش کازان'), doc(5, 'ویرایش سمرقند')], undefined, block);
    await write(db, [], [doc(69, '').id, doc(55, '').id], block);
    expect(await expectInStep(db, QUERIES)).toBe(45);
    const edited = await wordDocIds(db, '"ویرایش"', 10, 1);
    expect(edited.sort((a, b) => a - b)).toEqual([6, 51]);

    // The three newest removed; then one call adds a record and, in a later part of the call,
    // changes one just below the split. The new record's id is only 42 above the block, but
    // the split stays 45 (read again, not taken from the newest id): the changed one stays out.
    await write(db, [], [doc(68, '').id, doc(67, '').id, doc(66, '').id], block);
    const unknown = Array.from({ length: 499 }, (_, i) => doc(1000 + i, '').id);
    await write(
      db,
      [doc(300, 'کازان تازه'), doc(42, 'ویرایش دوم')],
      [doc(300, '').id, ...unknown, doc(42, '').id],
      block,
    );
    expect(await expectInStep(db, QUERIES)).toBe(45);
    expect(await wordDocIds(db, '"تازه"', 10, 1)).toEqual([67]);

    // A batch larger than the block (an import): only its newest records stay.
    const batch = Array.from({ length: 40 }, (_, i) => doc(100 + i, `${city(i)} متن`));
    await db
      .transaction()
      .execute((tx) => insertNewSearchDocuments(tx, 'letter', batch, 0, { split: 45, block, step: 1 }));
    const newest = await sql<{ n: number }>`SELECT max(doc_id) AS n FROM search_docs`.execute(db);
    expect(await expectInStep(db, QUERIES)).toBe(newest.rows[0]!.n - block);
  });

  it('lets the oldest records go a step at a time, holding a block and less than a step more', async () => {
    const db = t.desk.internals.db;
    const [block, step] = [10, 4];
    for (let i = 0; i < 30; i++) {
      await write(db, [doc(i, i % 2 ? 'کازان' : 'سمرقند')], undefined, block, step);
      const split = await expectInStep(db, QUERIES);
      const newest = i + 1;
      expect(split).toBe(Math.max(0, Math.floor(newest / step) * step - block));
      if (newest >= block + step) expect(newest - split).toBeGreaterThanOrEqual(block);
      expect(newest - split).toBeLessThan(block + step);
    }
    // A batch that passes two multiples of the step leaves the index at the last one.
    const batch = Array.from({ length: 9 }, (_, i) => doc(30 + i, 'کازان'));
    await db
      .transaction()
      .execute((tx) => insertNewSearchDocuments(tx, 'letter', batch, 0, { split: null, block, step }));
    expect(await expectInStep(db, QUERIES)).toBe(36 - block);
  });

  it('through the registrations of the desk, a reindex, and every record removed', async () => {
    const db = t.desk.internals.db;
    const letter = (await t.ok('letters.create', letterInput({ subject: 'سفر هیئت به کازان' }))).id;
    await t.ok('letters.create', letterInput({ subject: 'سفر هیئت به سمرقند' }));
    await t.ok('letters.update', { id: letter, subject: 'ویرایش سفر هیئت' });
    expect(await expectInStep(db, QUERIES)).toBe(0);
    expect((await t.ok('search.query', { text: 'ویرایش' })).items.map((h) => h.id)).toEqual([letter]);
    expect((await t.ok('search.query', { text: 'کازان' })).items.map((h) => h.id)).not.toContain(letter);

    // A reindex rewrites every record and leaves the index in step.
    const before = await sql`SELECT rowid FROM search_recent ORDER BY rowid`.execute(db);
    await t.ok('search.reindex', {});
    expect(await expectInStep(db, QUERIES)).toBe(0);
    expect((await sql`SELECT rowid FROM search_recent ORDER BY rowid`.execute(db)).rows).toEqual(before.rows);

    // Everything removed: the index is empty and begins above the newest record.
    const all = await sql<{
      type: string;
      entity_id: string;
    }>`SELECT type, entity_id FROM search_docs`.execute(db);
    for (const type of new Set(all.rows.map((r) => r.type))) {
      const of = all.rows.filter((r) => r.type === type).map((r) => r.entity_id);
      await db.transaction().execute((tx) => writeSearchDocuments(tx, type, of, []));
    }
    expect((await sql`SELECT rowid FROM search_recent`.execute(db)).rows).toEqual([]);
    expect(await recentSplit(db)).toBe(0);
  });
});

describe('the newest records index migration', () => {
  it('gives a desk made before it the newest block of its records, found and ranked as before', async () => {
    const db = () => t.desk.internals.db;
    for (let i = 0; i < 12; i++) {
      await t.ok('letters.create', letterInput({ subject: `سفر هیئت ${i % 2 ? 'کازان' : 'سمرقند'}` }));
    }
    const before = (await t.ok('search.query', { text: 'هیئت', limit: 50 })).items.map((h) => h.id);
    await undoMigrationsAfter(db(), '2026-11-28-20-desk-count-indexes');
    expect(
      (await sql`SELECT name FROM sqlite_master WHERE name = 'search_recent'`.execute(db())).rows,
    ).toEqual([]);

    await t.reopen();
    const count = await sql<{ n: number }>`SELECT count(*) AS n FROM search_docs`.execute(db());
    expect(count.rows[0]!.n).toBeLessThan(RECENT_BLOCK);
    expect(await expectInStep(db(), QUERIES)).toBe(0);
    expect((await t.ok('search.query', { text: 'هیئت', limit: 50 })).items.map((h) => h.id)).toEqual(before);
    const config = await sql<{ v: string }>`SELECT v FROM search_recent_config WHERE k = 'rank'`.execute(
      db(),
    );
    expect(config.rows[0]!.v).toBe('bm25(4.0, 1.0, 1.0, 0.0)');
  });
});
