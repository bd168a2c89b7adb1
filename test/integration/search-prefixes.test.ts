/**
 * The word index's prefix indexes (migration 2026-11-27-15-search-prefixes): a desk indexed
 * before them is upgraded with the same rows, settings, hits and ranking, and a prefix of any
 * length finds and ranks exactly what reading every word it starts finds (FTS5 without a
 * prefix index of that length).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID } from '../../electron/main/core/db/database';
import { migrations } from '../../electron/main/core/db/migrations';
import { Sqlite3Driver, openRaw } from '../../electron/main/core/db/sqlite3-driver';
import type { Database } from '../../electron/main/core/db/tables';
import type { SearchDocument } from '../../electron/main/core/search/search.indexer';
import { parseQuery, planSearch } from '../../electron/main/core/search/search.parse';
import { createSearchRows, writeSearchDocuments } from '../../electron/main/core/search/search.repository';
import { openTestDesk, tempDir, type TestDesk } from '../helpers/desk';
import { letterInput } from './letters.fixtures';

const ZWNJ = '\u200c';
const BEFORE_PREFIXES = Object.keys(migrations)
  .sort()
  .filter((name) => name < '2026-11-27-15-search-prefixes');

const CITIES = ['اصفهان', 'کازان', 'فرایبورگ', 'Kraków', 'Québec', 'اصفهانی', 'اصطهبانات'];

/** Record i: words shared by many records, in varying counts, so bm25 orders them. */
function doc(i: number): SearchDocument {
  const city = CITIES[i % CITIES.length]!;
  const other = CITIES[(i * 3 + 1) % CITIES.length]!;
  return {
    type: 'letter',
    id: `01900000-0000-7000-8000-${String(i).padStart(12, '0')}`,
    title: `${i % 4 === 0 ? `دانشگاه${ZWNJ}های ${city}` : `همکاری با ${city}`}، نامه ${i % 3 === 0 ? '۱۴۰۳' : i}`,
    body: [
      `شهرهای خواهر${ZWNJ}خوانده ${city} و ${other}`,
      i % 5 === 0 ? `هیئت${ZWNJ}های تجاری ${city} ${city}` : 'برنامه هفته فرهنگی',
      i % 6 === 0 ? 'تفاهم‌نامه خواهرخواندگی' : 'اصل نامه',
      'متن '.repeat(i % 9),
    ].join('\n'),
    date: `2025-0${1 + (i % 9)}-1${i % 10}`,
  };
}

/** What users type: prefixes of 1 to 7 characters, phrases with half-spaces, NOT, short queries. */
const TEXTS = [
  'ا',
  'اص',
  'اصف',
  'اصفه',
  'اصفها',
  'اصفهان',
  'اصفهانی',
  'کاز',
  `دانشگاه${ZWNJ}های اصفهان`,
  `دانشگاه${ZWNJ}های اصف`,
  `خواهر${ZWNJ}خوانده`,
  `"شهرهای خواهر${ZWNJ}خوانده کازان"`,
  `هیئت${ZWNJ}های تجاری`,
  'هیئت -اصفهان',
  'شهرهای -"هفته فرهنگی" -کاز',
  'تفاهم‌نامه خواهر',
  'Kra',
  'québ',
  '1403',
];

interface Answer {
  text: string;
  ranked: { id: number; rank: number }[];
  newest: number[];
}

/** Every hit of each text's word-index query, ranked, and newest first as short queries read. */
async function answers(db: Kysely<Database>, table = 'search_words'): Promise<Answer[]> {
  const fts = sql.table(table);
  const out: Answer[] = [];
  for (const text of TEXTS) {
    const match = planSearch(parseQuery(text), { types: null, dates: null })!.words;
    const ranked = await sql<{ id: number; rank: number }>`SELECT rowid AS id, rank FROM ${fts}
      WHERE ${fts} MATCH ${match} ORDER BY rank, rowid`.execute(db);
    const newest = await sql<{ id: number }>`SELECT rowid AS id FROM ${fts}
      WHERE ${fts} MATCH ${match} ORDER BY rowid DESC`.execute(db);
    out.push({
      text,
      ranked: ranked.rows.map((r) => ({ id: r.id, rank: Math.round(r.rank * 1e9) / 1e9 })),
      newest: newest.rows.map((r) => r.id),
    });
  }
  return out;
}

async function openBeforePrefixes(dir: string): Promise<Kysely<Database>> {
  const raw = await openRaw(join(dir, 'desk.sqlite'), { create: true });
  const driver = new Sqlite3Driver(raw);
  await driver.connection.exec(
    `PRAGMA application_id = ${APPLICATION_ID}; PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;`,
  );
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => driver,
      createIntrospector: (k) => new SqliteIntrospector(k),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  });
  const migrator = new Migrator({
    db,
    provider: {
      getMigrations: async () => Object.fromEntries(BEFORE_PREFIXES.map((n) => [n, migrations[n]!])),
    },
  });
  const { error } = await migrator.migrateToLatest();
  expect(error).toBeUndefined();
  return db;
}

async function writeDocs(db: Kysely<Database>, docs: SearchDocument[]): Promise<void> {
  await db.transaction().execute((tx) =>
    writeSearchDocuments(
      tx,
      'letter',
      docs.map((d) => d.id),
      docs,
    ),
  );
}

/**
 * Writes to a desk made before the newest records' index (migration
 * 2026-11-28-22-search-recent), which today's writes keep in step: it stands in while they
 * write and is gone again, as on a desk of that time.
 */
async function writeDocsToOldDesk(db: Kysely<Database>, docs: SearchDocument[]): Promise<void> {
  await migrations['2026-11-28-22-search-recent']!.up(db);
  // The view today's writes go through, as the desk's connection has it once open.
  await createSearchRows(db);
  await writeDocs(db, docs);
  await sql`DROP VIEW temp.search_rows`.execute(db);
  await sql`DROP TABLE search_recent`.execute(db);
}

const DOCS = Array.from({ length: 120 }, (_, i) => doc(i));

let t: TestDesk | null = null;
let dir: string | null = null;
afterEach(async () => {
  await t?.cleanup();
  t = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

describe('the search prefixes migration', () => {
  it('rebuilds the word index with prefix indexes, keeping its rows, settings, hits and ranking', async () => {
    dir = tempDir('desk-prefixes-');
    const db = await openBeforePrefixes(dir);
    const old = await sql<{ sql: string }>`SELECT sql FROM sqlite_master WHERE name = 'search_words'`.execute(
      db,
    );
    expect(old.rows[0]!.sql).toMatch(/prefix = '1 2'/);
    await writeDocsToOldDesk(db, DOCS);
    // A merge setting made on the old index, as a later version may make, is kept.
    await sql`INSERT INTO search_words (search_words, rank) VALUES ('crisismerge', 8)`.execute(db);
    const before = await answers(db);
    const rowsBefore = await sql`SELECT rowid, * FROM search_words ORDER BY rowid`.execute(db);
    await db.destroy();
    for (const answer of before) expect(answer.ranked.length, answer.text).toBeGreaterThan(0);

    t = await openTestDesk({ dir });
    dir = null;
    const upgraded = t.desk.internals.db;
    const { rows } = await sql<{ name: string; sql: string }>`SELECT name, sql FROM sqlite_master
      WHERE name LIKE 'search_words%' ORDER BY name`.execute(upgraded);
    expect(rows.map((r) => r.name)).toEqual([
      'search_words',
      'search_words_config',
      'search_words_content',
      'search_words_data',
      'search_words_docsize',
      'search_words_idx',
    ]);
    expect(rows[0]!.sql).toMatch(/prefix = '1 2 3 4 5 6'/);
    expect(rows[0]!.sql).toMatch(/unicode61 remove_diacritics 2/);
    const config = await sql<{ k: string; v: unknown }>`SELECT k, v FROM search_words_config
      WHERE k IN ('crisismerge', 'rank') ORDER BY k`.execute(upgraded);
    expect(config.rows).toEqual([
      { k: 'crisismerge', v: 8 },
      { k: 'rank', v: 'bm25(4.0, 1.0, 1.0, 0.0)' },
    ]);
    expect((await sql`SELECT rowid, * FROM search_words ORDER BY rowid`.execute(upgraded)).rows).toEqual(
      rowsBefore.rows,
    );
    expect(await answers(upgraded)).toEqual(before);

    // The upgraded index answers the desk's searches and follows later writes.
    const found = async (text: string) =>
      (await t!.ok('search.query', { text, limit: 100 })).items.map((h) => h.id).sort();
    const isfahan = DOCS.filter((d) => `${d.title} ${d.body}`.includes('اصفهان')).map((d) => d.id);
    expect(await found('اصفها')).toEqual(isfahan.sort());
    const added = (await t.ok('letters.create', letterInput({ subject: 'دعوت از شهردار اصطهبانات' }))).id;
    expect(await found('اصطهب')).toContain(added);
    await t.desk.internals.db
      .transaction()
      .execute((tx) => writeSearchDocuments(tx, 'letter', [DOCS[0]!.id], []));
    expect(await found('اصفها')).toEqual(isfahan.filter((id) => id !== DOCS[0]!.id).sort());
  });

  it('reports its progress in doc ids as it copies the rows', async () => {
    dir = tempDir('desk-prefixes-');
    const db = await openBeforePrefixes(dir);
    try {
      await writeDocsToOldDesk(db, DOCS);
      const before = await answers(db);
      const reports: [number, number][] = [];
      const migration = migrations['2026-11-27-15-search-prefixes']!;
      await (migration.up as (db: Kysely<Database>, context: unknown) => Promise<void>)(db, {
        progress: (done: number, total: number) => reports.push([done, total]),
      });
      expect(reports).toEqual([[DOCS.length, DOCS.length]]);
      expect(await answers(db)).toEqual(before);
    } finally {
      await db.destroy();
    }
  });
});

describe('prefixes of every length', () => {
  it('find and rank what FTS5 finds by reading every word a prefix starts', async () => {
    t = await openTestDesk();
    const db = t.desk.internals.db;
    await writeDocs(db, DOCS);
    // The same rows in an index with prefix indexes for 1 and 2 characters only, where a
    // longer prefix is answered by merging the postings of every word it starts.
    await sql`CREATE VIRTUAL TABLE reference_words USING fts5(
      title, body, joined, meta, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2'
    )`.execute(db);
    await sql`INSERT INTO reference_words (reference_words, rank) VALUES ('rank', 'bm25(4.0, 1.0, 1.0, 0.0)')`.execute(
      db,
    );
    await sql`INSERT INTO reference_words (rowid, title, body, joined, meta)
      SELECT rowid, title, body, joined, meta FROM search_words`.execute(db);
    // Segments written one record at a time as well as merged ones.
    for (const d of DOCS.slice(0, 5)) {
      await writeDocs(db, [{ ...d, body: `${d.body} اصفهان` }]);
      await sql`DELETE FROM reference_words WHERE rowid IN
        (SELECT doc_id FROM search_docs WHERE entity_id = ${d.id})`.execute(db);
      await sql`INSERT INTO reference_words (rowid, title, body, joined, meta)
        SELECT w.rowid, w.title, w.body, w.joined, w.meta FROM search_words w
        JOIN search_docs d ON d.doc_id = w.rowid WHERE d.entity_id = ${d.id}`.execute(db);
    }
    const expected = await answers(db, 'reference_words');
    for (const answer of expected) expect(answer.ranked.length, answer.text).toBeGreaterThan(0);
    expect(await answers(db)).toEqual(expected);
  });
});
