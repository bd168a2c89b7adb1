/** The clause library: reusable clauses with text per language and tags. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/tables';
import { textMatches } from '../db/text-filter';
import type {
  ClauseLibraryRow,
  InsertableClauseLibraryRow,
  UpdateableClauseLibraryRow,
} from './agreements.table';

type Db = Kysely<Database> | Transaction<Database>;

export async function findLibraryClause(db: Db, id: string): Promise<ClauseLibraryRow | undefined> {
  return db.selectFrom('clause_library').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertLibraryClause(
  tx: Transaction<Database>,
  row: InsertableClauseLibraryRow,
): Promise<void> {
  await tx.insertInto('clause_library').values(row).execute();
}

export async function updateLibraryClause(
  tx: Transaction<Database>,
  id: string,
  patch: UpdateableClauseLibraryRow,
): Promise<void> {
  await tx.updateTable('clause_library').set(patch).where('id', '=', id).execute();
}

/** Removes a library clause and its tags; inserted copies keep their text (the link is cleared). */
export async function deleteLibraryClause(tx: Transaction<Database>, id: string): Promise<void> {
  await tx.deleteFrom('clause_library_tags').where('clause_id', '=', id).execute();
  await tx.deleteFrom('clause_library').where('id', '=', id).execute();
}

export async function replaceTags(
  tx: Transaction<Database>,
  clauseId: string,
  tags: readonly string[],
): Promise<void> {
  await tx.deleteFrom('clause_library_tags').where('clause_id', '=', clauseId).execute();
  if (tags.length === 0) return;
  await tx
    .insertInto('clause_library_tags')
    .values(tags.map((tag) => ({ clause_id: clauseId, tag })))
    .execute();
}

/** The tags of these clauses, in alphabetical order per clause. */
export async function tagsOf(db: Db, clauseIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (clauseIds.length === 0) return out;
  const rows = await db
    .selectFrom('clause_library_tags')
    .selectAll()
    .where('clause_id', 'in', clauseIds)
    .orderBy('clause_id')
    .orderBy('tag')
    .execute();
  for (const row of rows) {
    const list = out.get(row.clause_id) ?? [];
    list.push(row.tag);
    out.set(row.clause_id, list);
  }
  return out;
}

export interface LibraryListFilter {
  /** The user's words, each found in the title or a text. */
  text?: string | undefined;
  tag?: string | undefined;
  /** Only clauses with text in this language. */
  language?: string | undefined;
  limit: number;
  offset: number;
}

/** One page of the library in title order, and the total of the filter. */
export async function listLibrary(
  db: Db,
  f: LibraryListFilter,
): Promise<{ rows: ClauseLibraryRow[]; total: number }> {
  let q = db.selectFrom('clause_library');
  const words = textMatches('clause_library.search_key', f.text);
  if (words !== null) q = q.where(words);
  if (f.tag !== undefined) {
    const tag = f.tag;
    q = q.where('id', 'in', (eb) =>
      eb.selectFrom('clause_library_tags').select('clause_id').where('tag', '=', tag),
    );
  }
  if (f.language !== undefined) {
    q = q.where(sql<boolean>`instr(languages, ${`,${f.language},`}) > 0`);
  }
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('sort_key').orderBy('id').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
