/**
 * Puts a desk's structure back as it was before the latest migrations, for the tests that
 * open a desk made before one of them. The structure check on opening compares each object's
 * SQL with what the applied migrations make, so each object is made again exactly as the
 * earlier migration made it.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../electron/main/core/db/tables';

/** Before 2026-11-28-25-letter-date-blocks: no date bounds of the letters' rowid blocks. */
async function undoLetterDateBlocks(db: Kysely<Database>): Promise<void> {
  for (const trigger of ['letter_date_blocks_insert', 'letter_date_blocks_update'])
    await sql`DROP TRIGGER ${sql.ref(trigger)}`.execute(db);
  await sql`DROP TABLE letter_date_blocks`.execute(db);
}

/** Before 2026-11-28-24-letter-partner-dates: a partner's letters neither kept in date order nor counted. */
async function undoLetterPartnerDates(db: Kysely<Database>): Promise<void> {
  for (const trigger of [
    'letter_partner_dates_insert',
    'letter_partner_dates_update',
    'letter_partner_dates_delete',
    'letter_partner_dates_letter_date',
  ])
    await sql`DROP TRIGGER ${sql.ref(trigger)}`.execute(db);
  await sql`DROP TABLE letter_partner_dates`.execute(db);
  await sql`DROP TABLE letter_partner_counts`.execute(db);
}

/** Before 2026-11-28-23-letter-month-counts: no counts per month, the subject index without the date. */
async function undoLetterMonthCounts(db: Kysely<Database>): Promise<void> {
  for (const trigger of [
    'letter_month_counts_insert',
    'letter_month_counts_update',
    'letter_month_counts_delete',
  ])
    await sql`DROP TRIGGER ${sql.ref(trigger)}`.execute(db);
  await sql`DROP TABLE letter_month_counts`.execute(db);
  await db.schema.dropIndex('letters_subject').execute();
  await db.schema.createIndex('letters_subject').on('letters').columns(['subject', 'id']).execute();
}

/** Before 2026-11-28-22-search-recent: no index of the newest records' words. */
async function undoSearchRecent(db: Kysely<Database>): Promise<void> {
  await sql`DROP TABLE search_recent`.execute(db);
}

/** Before 2026-11-28-20-desk-count-indexes: the two indexes without their last column. */
async function undoDeskCountIndexes(db: Kysely<Database>): Promise<void> {
  await db.schema.dropIndex('letters_referred_to').execute();
  await db.schema
    .createIndex('letters_referred_to')
    .on('letters')
    .columns(['referred_to_user_id', 'letter_date', 'id'])
    .execute();
  await db.schema.dropIndex('tasks_done_due').execute();
  await db.schema.createIndex('tasks_done_due').on('tasks').columns(['done', 'due_date']).execute();
}

/** Before 2026-11-27-19-cases-open: no index of open cases. */
async function undoCasesOpen(db: Kysely<Database>): Promise<void> {
  await sql`DROP INDEX cases_open`.execute(db);
}

const UNDO: [name: string, undo: (db: Kysely<Database>) => Promise<void>][] = [
  ['2026-11-28-25-letter-date-blocks', undoLetterDateBlocks],
  ['2026-11-28-24-letter-partner-dates', undoLetterPartnerDates],
  ['2026-11-28-23-letter-month-counts', undoLetterMonthCounts],
  ['2026-11-28-22-search-recent', undoSearchRecent],
  ['2026-11-28-20-desk-count-indexes', undoDeskCountIndexes],
  ['2026-11-27-19-cases-open', undoCasesOpen],
];

/**
 * Undoes every migration after `name` (the newest first) and forgets they ran, so that the
 * next opening runs them again. Only the migrations listed here can be undone.
 */
export async function undoMigrationsAfter(db: Kysely<Database>, name: string): Promise<void> {
  for (const [migration, undo] of UNDO) {
    if (migration <= name) break;
    await undo(db);
  }
  await sql`DELETE FROM kysely_migration WHERE name > ${name}`.execute(db);
}
