/**
 * The search index written for many records at once (an import of thousands of letters) in
 * multi-row statements must be exactly the index written one record at a time: the same
 * search_docs rows under the same doc ids, the same word-index rows, and the same hits.
 */
import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../electron/main/core/db/tables';
import type { SearchDocument } from '../../electron/main/core/search/search.indexer';
import { INSERT_ROWS, writeSearchDocuments } from '../../electron/main/core/search/search.repository';
import { indexedForm } from '../../electron/main/core/search/search.text';
import { openTestDesk, type TestDesk } from '../helpers/desk';

const ZWNJ = '\u200c';
const CITIES = ['کازان', 'فرایبورگ', 'شیان', 'یروان', 'سمرقند', 'Kraków', 'Québec'];

/** Record i, spelled as letters are: half-spaces, Persian and ASCII digits, Arabic forms. */
function doc(i: number, edit = ''): SearchDocument {
  const city = CITIES[i % CITIES.length]!;
  return {
    type: 'letter',
    id: `01900000-0000-7000-8000-${String(i).padStart(12, '0')}`,
    title: `درخواست همکاری با ${city}، نامه ${i % 3 === 0 ? String(i) : '۱۴۰۳/' + i}${edit}`,
    body: [
      `شهرهای خواهر${ZWNJ}خوانده ${city} و اصفهان`,
      i % 4 === 0 ? `هيئت${ZWNJ}های تجاری كشور` : 'برنامه فرهنگی',
      'متن '.repeat(i % 9),
      edit,
    ].join('\n'),
    date: i % 5 === 0 ? null : `2025-0${1 + (i % 9)}-1${i % 10}`,
  };
}

const QUERIES = [
  // The word index: words, prefixes, a phrase, a kind and date token of meta.
  ['search_words', '"کازان"'],
  ['search_words', '"هیئت"*'],
  ['search_words', '"خواهرخوانده"'],
  ['search_words', '"1403"'],
  ['search_words', '"kraków"'],
  ['search_words', '"ویرایش"'],
  // The trigram index (contentless: only its hits can be compared).
  ['search_grams', '"هرخوان"'],
  ['search_grams', '"یروان"'],
  ['search_grams', '"کشور"'],
  ['search_grams', '"ویرایش"'],
] as const;

async function snapshot(db: Kysely<Database>) {
  const docs = await sql`SELECT doc_id, type, entity_id, title, body, date, generation
    FROM search_docs ORDER BY doc_id`.execute(db);
  const words = await sql`SELECT rowid, title, body, joined, meta FROM search_words ORDER BY rowid`.execute(
    db,
  );
  const hits: Record<string, unknown> = {};
  for (const [table, match] of QUERIES) {
    const fts = sql.table(table);
    hits[`${table} ${match}`] = (
      await sql<{ id: number }>`SELECT rowid AS id FROM ${fts} WHERE ${fts} MATCH ${match}
        ORDER BY rank, rowid`.execute(db)
    ).rows.map((r) => r.id);
  }
  return { docs: docs.rows, words: words.rows, hits };
}

let batched: TestDesk;
let single: TestDesk;
beforeEach(async () => {
  batched = await openTestDesk();
  single = await openTestDesk();
});
afterEach(async () => {
  await batched.cleanup();
  await single.cleanup();
});

/** Writes the documents to both desks: in one call to one, a record per call to the other. */
async function writeBoth(ids: string[], docs: SearchDocument[], generation?: number) {
  const options = generation === undefined ? {} : { generation };
  await batched.desk.internals.db
    .transaction()
    .execute((tx) => writeSearchDocuments(tx, 'letter', ids, docs, options));
  const byId = new Map(docs.map((d) => [d.id, d]));
  await single.desk.internals.db.transaction().execute(async (tx) => {
    for (const id of ids) {
      const one = byId.get(id);
      await writeSearchDocuments(tx, 'letter', [id], one ? [one] : [], options);
    }
  });
}

describe('search index written in batches', () => {
  it('writes new records in multi-row statements exactly as one at a time', async () => {
    // More than two statements' worth, so the last statement is a shorter one.
    const count = INSERT_ROWS * 2 + 37;
    const docs = Array.from({ length: count }, (_, i) => doc(i));
    await writeBoth(
      docs.map((d) => d.id),
      docs,
    );
    const expected = await snapshot(single.desk.internals.db);
    expect(expected.docs).toHaveLength(count);
    expect(expected.hits['search_words "کازان"']).not.toHaveLength(0);
    expect(expected.hits['search_grams "هرخوان"']).toHaveLength(count);
    expect(await snapshot(batched.desk.internals.db)).toEqual(expected);
    // Doc ids follow the order the records were given, each with its own text in the index.
    const rows = expected.docs as { doc_id: number; entity_id: string }[];
    expect(rows.map((r) => r.entity_id)).toEqual(docs.map((d) => d.id));
    const words = expected.words as { rowid: number; title: string; body: string }[];
    expect(words.map((w) => w.rowid)).toEqual(rows.map((r) => r.doc_id));
    docs.forEach((d, i) => {
      expect(words[i]!.title).toBe(indexedForm(d.title).keys);
      expect(words[i]!.body).toBe(indexedForm(d.body).keys);
    });

    // The same records found through the desk's own search.
    for (const text of ['کازان', 'هیئت', 'خواهر خوانده', 'Kraków']) {
      const a = await batched.desk.call('search.query', { text });
      const b = await single.desk.call('search.query', { text });
      expect(a.ok && b.ok).toBe(true);
      if (a.ok && b.ok) {
        expect(a.value.items.length).toBeGreaterThan(0);
        expect(a.value).toEqual(b.value);
      }
    }
  });

  it('mixes new, changed, unchanged and removed records in one call as one at a time does', async () => {
    const first = Array.from({ length: 120 }, (_, i) => doc(i));
    await writeBoth(
      first.map((d) => d.id),
      first,
    );
    // Records 0–59 stay, every third of them edited; record 7 is gone; 120–299 are new.
    const next = [
      ...first.slice(0, 60).flatMap((d, i) => (i === 7 ? [] : [i % 3 === 0 ? doc(i, ' ویرایش') : d])),
      ...Array.from({ length: 180 }, (_, i) => doc(120 + i)),
    ];
    const ids = [first[7]!.id, ...next.map((d) => d.id)];
    await writeBoth(ids, next);
    const expected = await snapshot(single.desk.internals.db);
    expect(expected.docs).toHaveLength(120 - 1 + 180);
    expect(expected.hits['search_words "ویرایش"']).toHaveLength(20);
    expect(expected.hits['search_grams "ویرایش"']).toHaveLength(20);
    expect(await snapshot(batched.desk.internals.db)).toEqual(expected);

    // A reindex pass stamps its generation on new and rewritten rows alike.
    await writeBoth(
      next.slice(0, 150).map((d) => d.id),
      next.slice(0, 150),
      4,
    );
    const stamped = await snapshot(batched.desk.internals.db);
    expect(stamped).toEqual(await snapshot(single.desk.internals.db));
    expect(stamped.docs.filter((r) => (r as { generation: number }).generation === 4)).toHaveLength(150);
  });
});

describe('the view the index is written through', () => {
  it('is the connection’s own, made again when the desk opens, and never stored in the desk file', async () => {
    const names = async (table: 'sqlite_master' | 'sqlite_temp_master') =>
      (
        await sql<{
          name: string;
        }>`SELECT name FROM ${sql.table(table)} WHERE name LIKE 'search_rows%' ORDER BY name`.execute(
          batched.desk.internals.db,
        )
      ).rows.map((r) => r.name);
    for (let round = 0; round < 2; round++) {
      expect(await names('sqlite_master')).toEqual([]);
      expect(await names('sqlite_temp_master')).toEqual(['search_rows', 'search_rows_insert']);
      const subject = `نامه شهر خواهرخوانده یروان ${round}`;
      const created = await batched.ok('letters.create', {
        direction: 'incoming',
        letterDate: '2025-05-04',
        subject,
        from: { text: 'شهرداری یروان' },
        to: { text: 'اداره کل ارتباطات و امور بین‌الملل' },
      });
      const found = await batched.ok('search.query', { text: `یروان ${round}` });
      expect(found.items.map((i) => i.id)).toContain(created.id);
      // In the word, trigram and newest records' indexes alike.
      const db = batched.desk.internals.db;
      const { rows } = await sql<{ w: number; g: number; r: number }>`SELECT
          (SELECT count(*) FROM search_words WHERE rowid = d.doc_id) AS w,
          (SELECT count(*) FROM search_grams WHERE rowid = d.doc_id) AS g,
          (SELECT count(*) FROM search_recent WHERE rowid = d.doc_id) AS r
        FROM search_docs AS d WHERE d.entity_id = ${created.id}`.execute(db);
      expect(rows).toEqual([{ w: 1, g: 1, r: 1 }]);
      await batched.reopen();
    }
  });
});
