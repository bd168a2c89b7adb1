/**
 * How many letters each month of letter dates holds, per direction, state, classification and
 * urgency together, so that the register's exact total for a date range is a sum over the
 * whole months inside it plus the letters of its two edge months read from the date indexes,
 * instead of a count of every letter in the range (a year is a constant share of the register
 * and grows with it). The month is the first seven characters of the stored letter date
 * (YYYY-MM); letters/letters.repository.ts sums the months by comparing those keys with the
 * range's bounds as strings, the way the indexes compare the dates, so the total is exact
 * whatever a stored date holds. Triggers keep the counts in the transaction that writes a
 * letter, whichever code writes it, including a change of date; existing letters are counted
 * here. A row whose count falls to zero stays (it adds nothing).
 *
 * The subject index gains the letter date: a date range sorted by subject is read in subject
 * order until the page is full, and the date of each letter passed over is now checked on the
 * index entry instead of on the register row (a year at 3× read about 400 rows for a page).
 * Frozen: never edit after release; add a new migration instead.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('letter_month_counts')
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('letter_month_counts_pk', [
      'month',
      'direction',
      'state',
      'classification',
      'urgency',
    ])
    .modifyEnd(sql`without rowid`)
    .execute();
  await sql`CREATE TRIGGER letter_month_counts_insert AFTER INSERT ON letters BEGIN
    INSERT INTO letter_month_counts (month, direction, state, classification, urgency, n)
      VALUES (substr(new.letter_date, 1, 7), new.direction, new.state, new.classification, new.urgency, 1)
      ON CONFLICT (month, direction, state, classification, urgency) DO UPDATE SET n = n + 1;
  END`.execute(db);
  await sql`CREATE TRIGGER letter_month_counts_update
    AFTER UPDATE OF letter_date, direction, state, classification, urgency ON letters
    WHEN substr(old.letter_date, 1, 7) IS NOT substr(new.letter_date, 1, 7)
      OR old.direction IS NOT new.direction OR old.state IS NOT new.state
      OR old.classification IS NOT new.classification OR old.urgency IS NOT new.urgency
    BEGIN
      UPDATE letter_month_counts SET n = n - 1 WHERE month = substr(old.letter_date, 1, 7)
        AND direction = old.direction AND state = old.state
        AND classification = old.classification AND urgency = old.urgency;
      INSERT INTO letter_month_counts (month, direction, state, classification, urgency, n)
        VALUES (substr(new.letter_date, 1, 7), new.direction, new.state, new.classification, new.urgency, 1)
        ON CONFLICT (month, direction, state, classification, urgency) DO UPDATE SET n = n + 1;
    END`.execute(db);
  await sql`CREATE TRIGGER letter_month_counts_delete AFTER DELETE ON letters BEGIN
    UPDATE letter_month_counts SET n = n - 1 WHERE month = substr(old.letter_date, 1, 7)
      AND direction = old.direction AND state = old.state
      AND classification = old.classification AND urgency = old.urgency;
  END`.execute(db);
  await sql`INSERT INTO letter_month_counts (month, direction, state, classification, urgency, n)
    SELECT substr(letter_date, 1, 7), direction, state, classification, urgency, count(*) FROM letters
    GROUP BY 1, 2, 3, 4, 5`.execute(db);

  await db.schema.dropIndex('letters_subject').execute();
  await db.schema
    .createIndex('letters_subject')
    .on('letters')
    .columns(['subject', 'id', 'letter_date'])
    .execute();
}
