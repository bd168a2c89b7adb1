/**
 * Writing many new letters at once (an import): each table gets its rows in a few
 * multi-row statements instead of one statement per letter. The chunk sizes stay the same
 * from batch to batch, so the driver keeps reusing the same prepared statements.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/tables';
import type {
  InsertableLetterRow,
  LetterBodiesTable,
  LetterCopyRow,
  LetterPartnersTable,
  LetterReferencesTable,
} from './letters.table';

/** Rows per statement: a letter row binds 36 values, well under SQLite's limit of 32,766. */
const LETTER_CHUNK = 50;
const SMALL_CHUNK = 200;

async function insertChunked<T>(
  rows: readonly T[],
  size: number,
  insert: (chunk: T[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** Inserts new register rows (their numbers taken in the same transaction). */
export async function insertLetterRows(
  tx: Transaction<Database>,
  rows: readonly InsertableLetterRow[],
): Promise<void> {
  await insertChunked(rows, LETTER_CHUNK, (chunk) => tx.insertInto('letters').values(chunk).execute());
}

/** Inserts the bodies of new letters. */
export async function insertLetterBodies(
  tx: Transaction<Database>,
  rows: readonly LetterBodiesTable[],
): Promise<void> {
  await insertChunked(rows, SMALL_CHUNK, (chunk) => tx.insertInto('letter_bodies').values(chunk).execute());
}

/** Inserts the references, copies and partner links of new letters. */
export async function insertLetterLinks(
  tx: Transaction<Database>,
  links: {
    references: readonly LetterReferencesTable[];
    copies: readonly LetterCopyRow[];
    partners: readonly LetterPartnersTable[];
  },
): Promise<void> {
  await insertChunked(links.references, SMALL_CHUNK, (chunk) =>
    tx.insertInto('letter_references').values(chunk).execute(),
  );
  await insertChunked(links.copies, SMALL_CHUNK, (chunk) =>
    tx.insertInto('letter_copies').values(chunk).execute(),
  );
  await insertChunked(links.partners, SMALL_CHUNK, (chunk) =>
    tx.insertInto('letter_partners').values(chunk).execute(),
  );
}
