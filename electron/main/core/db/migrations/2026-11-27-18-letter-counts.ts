/**
 * How many letters the register holds of each direction, state, classification and urgency
 * together, so the register's exact total for those filters is a sum over a few dozen rows
 * instead of a count of every matching index entry (a common direction or state is a third
 * of the register, and grows with it). Triggers keep the counts in the transaction that
 * writes a letter, whichever code writes it; existing letters are counted here. A row whose
 * count falls to zero stays (it adds nothing). Frozen: never edit after release; add a new
 * migration instead.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('letter_counts')
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('letter_counts_pk', ['direction', 'state', 'classification', 'urgency'])
    .modifyEnd(sql`without rowid`)
    .execute();
  await sql`CREATE TRIGGER letter_counts_insert AFTER INSERT ON letters BEGIN
    INSERT INTO letter_counts (direction, state, classification, urgency, n)
      VALUES (new.direction, new.state, new.classification, new.urgency, 1)
      ON CONFLICT (direction, state, classification, urgency) DO UPDATE SET n = n + 1;
  END`.execute(db);
  await sql`CREATE TRIGGER letter_counts_update
    AFTER UPDATE OF direction, state, classification, urgency ON letters
    WHEN old.direction IS NOT new.direction OR old.state IS NOT new.state
      OR old.classification IS NOT new.classification OR old.urgency IS NOT new.urgency
    BEGIN
      UPDATE letter_counts SET n = n - 1 WHERE direction = old.direction AND state = old.state
        AND classification = old.classification AND urgency = old.urgency;
      INSERT INTO letter_counts (direction, state, classification, urgency, n)
        VALUES (new.direction, new.state, new.classification, new.urgency, 1)
        ON CONFLICT (direction, state, classification, urgency) DO UPDATE SET n = n + 1;
    END`.execute(db);
  await sql`CREATE TRIGGER letter_counts_delete AFTER DELETE ON letters BEGIN
    UPDATE letter_counts SET n = n - 1 WHERE direction = old.direction AND state = old.state
      AND classification = old.classification AND urgency = old.urgency;
  END`.execute(db);
  await sql`INSERT INTO letter_counts (direction, state, classification, urgency, n)
    SELECT direction, state, classification, urgency, count(*) FROM letters
    GROUP BY direction, state, classification, urgency`.execute(db);
}
