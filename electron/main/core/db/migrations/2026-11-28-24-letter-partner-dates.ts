/**
 * A partner's letters in date order, and how many letters each partner has. The register
 * listed a partner's correspondence by fetching every letter linked to the partner and sorting
 * them by date for a page of 50: a partner's letters grow with the register (445 for a partner
 * at 3×, 3 ms a page). `letter_partner_dates` holds each link with its letter's date, keyed in
 * the list's order (partner, date, letter), so a page reads its 50 entries and their letters;
 * `letter_partner_counts` keeps each partner's number of links, so the total of a partner alone
 * is one row (the office's own city is linked to nearly every letter). Triggers keep both in
 * the transaction that writes a link or changes a letter's date, whichever code writes it;
 * existing links are copied here. Frozen: never edit after release; add a new migration instead.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('letter_partner_dates')
    .addColumn('partner_id', 'text', (c) => c.notNull())
    .addColumn('letter_date', 'text', (c) => c.notNull())
    .addColumn('letter_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('letter_partner_dates_pk', ['partner_id', 'letter_date', 'letter_id'])
    .modifyEnd(sql`without rowid`)
    .execute();
  await sql`INSERT INTO letter_partner_dates (partner_id, letter_date, letter_id)
    SELECT lp.partner_id, l.letter_date, lp.letter_id
    FROM letter_partners AS lp JOIN letters AS l ON l.id = lp.letter_id
    ORDER BY 1, 2, 3`.execute(db);
  // A letter's entries, for a change of its date or of its links.
  await db.schema
    .createIndex('letter_partner_dates_letter')
    .on('letter_partner_dates')
    .columns(['letter_id', 'partner_id'])
    .execute();
  await db.schema
    .createTable('letter_partner_counts')
    .addColumn('partner_id', 'text', (c) => c.primaryKey())
    .addColumn('n', 'integer', (c) => c.notNull())
    .modifyEnd(sql`without rowid`)
    .execute();
  await sql`INSERT INTO letter_partner_counts (partner_id, n)
    SELECT partner_id, count(*) FROM letter_partners GROUP BY partner_id`.execute(db);

  await sql`CREATE TRIGGER letter_partner_dates_insert AFTER INSERT ON letter_partners BEGIN
    INSERT INTO letter_partner_dates (partner_id, letter_date, letter_id)
      SELECT new.partner_id, letter_date, new.letter_id FROM letters WHERE id = new.letter_id;
    INSERT INTO letter_partner_counts (partner_id, n) VALUES (new.partner_id, 1)
      ON CONFLICT (partner_id) DO UPDATE SET n = n + 1;
  END`.execute(db);
  await sql`CREATE TRIGGER letter_partner_dates_update
    AFTER UPDATE OF letter_id, partner_id ON letter_partners
    WHEN old.letter_id IS NOT new.letter_id OR old.partner_id IS NOT new.partner_id
    BEGIN
      DELETE FROM letter_partner_dates WHERE letter_id = old.letter_id AND partner_id = old.partner_id;
      UPDATE letter_partner_counts SET n = n - 1 WHERE partner_id = old.partner_id;
      INSERT INTO letter_partner_dates (partner_id, letter_date, letter_id)
        SELECT new.partner_id, letter_date, new.letter_id FROM letters WHERE id = new.letter_id;
      INSERT INTO letter_partner_counts (partner_id, n) VALUES (new.partner_id, 1)
        ON CONFLICT (partner_id) DO UPDATE SET n = n + 1;
    END`.execute(db);
  // Also when the link goes with its letter (the foreign key's cascade).
  await sql`CREATE TRIGGER letter_partner_dates_delete AFTER DELETE ON letter_partners BEGIN
    DELETE FROM letter_partner_dates WHERE letter_id = old.letter_id AND partner_id = old.partner_id;
    UPDATE letter_partner_counts SET n = n - 1 WHERE partner_id = old.partner_id;
  END`.execute(db);
  await sql`CREATE TRIGGER letter_partner_dates_letter_date AFTER UPDATE OF letter_date ON letters
    WHEN old.letter_date IS NOT new.letter_date
    BEGIN
      UPDATE letter_partner_dates SET letter_date = new.letter_date WHERE letter_id = new.id;
    END`.execute(db);
}
