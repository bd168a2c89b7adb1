/**
 * Reads and writes of the search index. `search_docs` goes through Kysely; the two FTS5
 * tables through raw SQL here and nowhere else. Writes take a Transaction: the index always
 * changes together with the records it describes.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/tables';
import { metaOf } from './search.parse';
import type { SearchDocRow } from './search.table';
import { compactOf, indexedForm } from './search.text';
import type { SearchDocument } from './search.indexer';

type Db = Kysely<Database> | Transaction<Database>;

/** Ids per statement: well under SQLite's limit of bound parameters. */
const CHUNK = 500;
/** Text beyond this is not indexed (a very long attachment's tail). */
export const MAX_INDEXED_CHARS = 500_000;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function capped(text: string): string {
  if (text.length <= MAX_INDEXED_CHARS) return text;
  const cut = text.lastIndexOf(' ', MAX_INDEXED_CHARS);
  return text.slice(0, cut > MAX_INDEXED_CHARS / 2 ? cut : MAX_INDEXED_CHARS);
}

/** Removes a record's FTS5 rows; from the newest records' index only when it may hold it. */
async function deleteFts(tx: Transaction<Database>, docId: number, split = -1): Promise<void> {
  await sql`DELETE FROM search_words WHERE rowid = ${docId}`.execute(tx);
  await sql`DELETE FROM search_grams WHERE rowid = ${docId}`.execute(tx);
  if (docId > split) await sql`DELETE FROM search_recent WHERE rowid = ${docId}`.execute(tx);
}

/** Records the newest records' index (`search_recent`) holds: the newest this many doc ids. */
export const RECENT_BLOCK = 8192;
/** Records leave the newest records' index this many at a time (one write in so many). */
export const RECENT_STEP = 32;

/**
 * The newest records' index holds the word-index rows of every record whose doc id is above
 * its split, and of no other. A new record's doc id is above every other, so it always enters.
 * The oldest leave when the newest doc id reaches a multiple of `step`: the split becomes that
 * multiple less `block`, so the index holds the newest `block` records and up to `step - 1`
 * more, and the split only rises. A record changed or removed is changed or removed there
 * too. `split` is read only when a change of an existing record needs it (null until then).
 */
export interface RecentWindow {
  split: number | null;
  block: number;
  step: number;
}

/** The window of a write: the desk's, or a smaller one a test asks for. */
export function recentWindowOf(options: { recentBlock?: number; recentStep?: number } = {}): RecentWindow {
  return { split: null, block: options.recentBlock ?? RECENT_BLOCK, step: options.recentStep ?? RECENT_STEP };
}

/** The split the index has once the newest doc id is `newest`: a multiple of the step less a block. */
function splitFor(window: RecentWindow, newest: number): number {
  return Math.floor(newest / window.step) * window.step - window.block;
}

/**
 * Where the newest records' index begins: below its oldest row. Empty, it begins above the
 * newest record (a new desk, or one whose newest records were all removed).
 */
export async function recentSplit(db: Db): Promise<number> {
  const { rows } = await sql<{ id: number }>`SELECT rowid AS id FROM search_recent
    ORDER BY rowid LIMIT 1`.execute(db);
  const oldest = rows[0]?.id;
  return oldest === undefined ? newestDocId(db) : Number(oldest) - 1;
}

async function splitOf(db: Db, window: RecentWindow): Promise<number> {
  return (window.split ??= await recentSplit(db));
}

/**
 * After new records `first..newest`: when their ids reach a multiple of the step, the records
 * at or below the new split leave the newest records' index.
 */
async function trimRecent(
  tx: Transaction<Database>,
  window: RecentWindow,
  first: number,
  newest: number,
): Promise<void> {
  if (Math.floor(newest / window.step) === Math.floor((first - 1) / window.step)) return;
  const leaving = splitFor(window, newest);
  if (leaving <= 0 || (window.split !== null && leaving <= window.split)) return;
  await sql`DELETE FROM search_recent WHERE rowid <= ${leaving}`.execute(tx);
  // A split already read is now `leaving`. One not read yet stays unread: it may be above
  // `leaving` (the newest records removed), and is read when a change needs it.
  if (window.split !== null) window.split = leaving;
}

/** The FTS5 rows of one document: exactly what both indexes are given for it. */
interface FtsRow {
  docId: number;
  titleKeys: string;
  bodyKeys: string;
  joined: string;
  meta: string;
}

function ftsRow(docId: number, doc: SearchDocument, type: string): FtsRow {
  const titleForm = indexedForm(capped(doc.title));
  const bodyForm = indexedForm(capped(doc.body));
  return {
    docId,
    titleKeys: titleForm.keys,
    bodyKeys: bodyForm.keys,
    joined: `${titleForm.joined} ${bodyForm.joined}`.trim(),
    meta: metaOf(type, doc.date),
  };
}

async function insertFts(
  tx: Transaction<Database>,
  docId: number,
  doc: SearchDocument,
  type: string,
  split: number,
) {
  await insertFtsRows(tx, [ftsRow(docId, doc, type)], split);
}

/**
 * Rows per multi-row INSERT of new documents: search_docs takes 6 values a row, search_rows
 * (the FTS5 tables) 8, so a statement binds at most 800 values (SQLite allows 32,766; older
 * builds 999). Only the last statement of a batch has another shape to prepare.
 */
export const INSERT_ROWS = 100;

/**
 * The FTS5 rows of new documents are written in one statement: an insert into a temporary
 * view whose trigger writes each row to the word index, to the newest records' index when
 * asked, and to the trigram index. Three statements cost three hand-overs to SQLite's thread
 * in every registration. Temporary: created on the desk's connection each time it opens,
 * after its migrations (openDatabase), never written into the desk file, so the desk's
 * structure and its checks are unchanged.
 */
export async function createSearchRows(db: Db): Promise<void> {
  await sql`CREATE TEMP VIEW IF NOT EXISTS search_rows
    (doc_id, title_keys, body_keys, joined, meta, title_grams, body_grams, recent)
    AS SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL WHERE 0`.execute(db);
  await sql`CREATE TEMP TRIGGER IF NOT EXISTS search_rows_insert INSTEAD OF INSERT ON search_rows BEGIN
    INSERT INTO search_words (rowid, title, body, joined, meta)
      VALUES (new.doc_id, new.title_keys, new.body_keys, new.joined, new.meta);
    INSERT INTO search_recent (rowid, title, body, joined, meta)
      SELECT new.doc_id, new.title_keys, new.body_keys, new.joined, new.meta WHERE new.recent;
    INSERT INTO search_grams (rowid, title, body, meta)
      VALUES (new.doc_id, new.title_grams, new.body_grams, new.meta);
  END`.execute(db);
}

/** Writes the rows to both indexes, and those above `recentAbove` to the newest records' index. */
async function insertFtsRows(
  tx: Transaction<Database>,
  rows: readonly FtsRow[],
  recentAbove: number,
): Promise<void> {
  for (const part of chunks(rows, INSERT_ROWS)) {
    const values = part.map(
      (r) =>
        sql`(${r.docId}, ${r.titleKeys}, ${r.bodyKeys}, ${r.joined}, ${r.meta}, ${compactOf(r.titleKeys)}, ${compactOf(r.bodyKeys)}, ${r.docId > recentAbove ? 1 : 0})`,
    );
    await sql`INSERT INTO search_rows (doc_id, title_keys, body_keys, joined, meta, title_grams, body_grams, recent)
      VALUES ${sql.join(values)}`.execute(tx);
  }
}

/**
 * Documents with no row in the index yet, written in multi-row statements: their
 * search_docs rows in the order given (so doc ids grow in that order, as one insert after
 * another gives them), then their FTS5 rows.
 */
export async function insertNewSearchDocuments(
  tx: Transaction<Database>,
  type: string,
  docs: readonly SearchDocument[],
  generation = 0,
  window?: RecentWindow,
): Promise<void> {
  if (docs.length === 0) return;
  const recent = window ?? recentWindowOf();
  let first = Infinity;
  let newest = 0;
  let left = docs.length;
  for (const part of chunks(docs, INSERT_ROWS)) {
    const inserted = await tx
      .insertInto('search_docs')
      .values(
        part.map((doc) => ({
          type,
          entity_id: doc.id,
          title: doc.title,
          body: doc.body,
          date: doc.date ?? null,
          generation,
        })),
      )
      // SQLite does not promise RETURNING's order, so each id is matched by its record.
      .returning(['doc_id', 'entity_id'])
      .execute();
    const docIds = new Map(inserted.map((r) => [r.entity_id, r.doc_id]));
    for (const r of inserted) {
      first = Math.min(first, r.doc_id);
      newest = Math.max(newest, r.doc_id);
    }
    left -= part.length;
    // A new record enters the newest records' index, but for one at or below the split the
    // ids still to come reach (each takes an id above these): it would leave again before
    // this call ends, since those ids pass the multiple of the step that split is made of.
    await insertFtsRows(
      tx,
      part.map((doc) => {
        const docId = docIds.get(doc.id);
        if (docId === undefined) throw new Error(`search_docs answered no doc id for ${type} ${doc.id}`);
        return ftsRow(docId, doc, type);
      }),
      splitFor(recent, newest + left),
    );
  }
  await trimRecent(tx, recent, first, newest);
}

export interface WriteOptions {
  /** Rewrite even when the text is unchanged (a reindex), stamping this generation. */
  generation?: number;
  /** Records the newest records' index keeps, and leave it at a time (tests use a few). */
  recentBlock?: number;
  recentStep?: number;
}

export interface WriteCounts {
  written: number;
  removed: number;
}

/**
 * Brings the index in line with the documents of one kind: an id with a document is
 * written (skipped when its text and date are unchanged), an id without one is removed.
 */
export async function writeSearchDocuments(
  tx: Transaction<Database>,
  type: string,
  ids: readonly string[],
  docs: readonly SearchDocument[],
  options: WriteOptions = {},
): Promise<WriteCounts> {
  const counts: WriteCounts = { written: 0, removed: 0 };
  const byId = new Map(docs.map((d) => [d.id, d]));
  const window = recentWindowOf(options);
  for (const part of chunks([...new Set(ids)])) {
    const existing = new Map(
      (
        await tx
          .selectFrom('search_docs')
          .selectAll()
          .where('type', '=', type)
          .where('entity_id', 'in', part)
          .execute()
      ).map((row) => [row.entity_id, row]),
    );
    const fresh: SearchDocument[] = [];
    for (const id of part) {
      const doc = byId.get(id);
      const row = existing.get(id);
      if (!doc) {
        if (row) {
          await deleteFts(tx, row.doc_id, await splitOf(tx, window));
          await tx.deleteFrom('search_docs').where('doc_id', '=', row.doc_id).execute();
          counts.removed++;
        }
        continue;
      }
      const date = doc.date ?? null;
      if (row) {
        const same = row.title === doc.title && row.body === doc.body && row.date === date;
        if (same && options.generation === undefined) continue;
        await deleteFts(tx, row.doc_id, await splitOf(tx, window));
        await tx
          .updateTable('search_docs')
          .set({
            title: doc.title,
            body: doc.body,
            date,
            ...(options.generation !== undefined && { generation: options.generation }),
          })
          .where('doc_id', '=', row.doc_id)
          .execute();
        await insertFts(tx, row.doc_id, doc, type, await splitOf(tx, window));
      } else {
        fresh.push(doc);
      }
      counts.written++;
    }
    if (fresh.length > 0) await insertNewSearchDocuments(tx, type, fresh, options.generation ?? 0, window);
  }
  return counts;
}

/** Removes index rows by doc id (records of a kind no source describes any more). */
export async function removeSearchRows(tx: Transaction<Database>, docIds: readonly number[]): Promise<void> {
  for (const docId of docIds) {
    await deleteFts(tx, docId);
    await tx.deleteFrom('search_docs').where('doc_id', '=', docId).execute();
  }
}

/** The FTS5 indexes of search: words, trigrams, and the newest records' words. */
export type FtsTable = 'search_words' | 'search_grams' | 'search_recent';

/** A slice of the index by rowid (doc ids grow as records are first indexed). */
export interface RowidRange {
  above?: number;
  atMost?: number;
}

/**
 * An FTS5 query, best first: FTS5 matches, ranks (bm25 with the weights set in the
 * migration) and limits inside the virtual table; a rowid range is applied there too.
 */
export function rankedQuery(table: FtsTable, match: string, limit: number, range: RowidRange = {}) {
  const fts = sql.table(table);
  const above = range.above === undefined ? sql`` : sql` AND rowid > ${range.above}`;
  const atMost = range.atMost === undefined ? sql`` : sql` AND rowid <= ${range.atMost}`;
  return sql<{ doc_id: number }>`SELECT rowid AS doc_id FROM ${fts}
    WHERE ${fts} MATCH ${match}${above}${atMost} ORDER BY rank LIMIT ${limit}`;
}

/** How many records above `above` (a doc id) match, counting no further than `upTo`; unranked. */
export async function countAbove(
  db: Db,
  table: FtsTable,
  match: string,
  above: number,
  upTo: number,
): Promise<number> {
  const fts = sql.table(table);
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT rowid FROM ${fts}
    WHERE ${fts} MATCH ${match} AND rowid > ${above} LIMIT ${upTo})`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** The word-index query for short prefixes, newest records first (no ranking of huge sets). */
export function recentWordsQuery(match: string, limit: number) {
  return sql<{ doc_id: number }>`SELECT rowid AS doc_id FROM search_words
    WHERE search_words MATCH ${match} ORDER BY rowid DESC LIMIT ${limit}`;
}

export async function matchingDocIds(db: Db, query: ReturnType<typeof recentWordsQuery>): Promise<number[]> {
  return (await query.execute(db)).rows.map((r) => r.doc_id);
}

/** The highest doc id: the most recently indexed record. */
export async function newestDocId(db: Db): Promise<number> {
  const row = await db
    .selectFrom('search_docs')
    .select((eb) => eb.fn.max('doc_id').as('newest'))
    .executeTakeFirst();
  return Number(row?.newest ?? 0);
}

export interface HitRow extends SearchDocRow {
  title_keys: string | null;
  body_keys: string | null;
}

/** The records of these doc ids with their stored keys, for titles and snippets. */
export async function loadHitRows(db: Db, docIds: readonly number[]): Promise<HitRow[]> {
  if (docIds.length === 0) return [];
  const { rows } = await sql<HitRow>`SELECT d.doc_id, d.type, d.entity_id, d.title, d.body, d.date,
      d.generation, w.title AS title_keys, w.body AS body_keys
    FROM search_docs d JOIN search_words w ON w.rowid = d.doc_id
    WHERE d.doc_id IN (${sql.join(docIds)})`.execute(db);
  return rows;
}

/** The earliest and latest dates in the index, to bound open date filters. */
export async function dateBounds(db: Db): Promise<{ min: string | null; max: string | null }> {
  const row = await db
    .selectFrom('search_docs')
    .select((eb) => [eb.fn.min('date').as('min'), eb.fn.max('date').as('max')])
    .executeTakeFirst();
  return { min: (row?.min as string | null) ?? null, max: (row?.max as string | null) ?? null };
}

export async function nextGeneration(db: Db): Promise<number> {
  const row = await db
    .selectFrom('search_docs')
    .select((eb) => eb.fn.max('generation').as('g'))
    .executeTakeFirst();
  return Number(row?.g ?? 0) + 1;
}

/** Rows not written by the current reindex pass, a page at a time. */
export async function staleRows(
  db: Db,
  generation: number,
  limit: number,
): Promise<Pick<SearchDocRow, 'doc_id' | 'type' | 'entity_id'>[]> {
  return db
    .selectFrom('search_docs')
    .select(['doc_id', 'type', 'entity_id'])
    .where('generation', '<', generation)
    .orderBy('generation')
    .limit(limit)
    .execute();
}

/** Merges FTS5 segments after a full rebuild, so queries read one b-tree per index. */
export async function optimizeIndexes(tx: Transaction<Database>): Promise<void> {
  await sql`INSERT INTO search_words (search_words) VALUES ('optimize')`.execute(tx);
  await sql`INSERT INTO search_grams (search_grams) VALUES ('optimize')`.execute(tx);
  await sql`INSERT INTO search_recent (search_recent) VALUES ('optimize')`.execute(tx);
}
