/**
 * Agreements (MoUs, sister-city agreements, friendship protocols, cooperation programmes)
 * with their parties, ordered clauses, frozen versions and status history, and the clause
 * library. Frozen: never edit after release; add a new migration instead.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('clause_library')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    // JSON object: ISO 639-1 code → text.
    .addColumn('texts', 'text', (c) => c.notNull())
    // The languages it has text in, between commas (",fa,en,"), for the language filter.
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('search_key', 'text', (c) => c.notNull())
    .addColumn('sort_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('clause_library_sort')
    .on('clause_library')
    .columns(['sort_key', 'id'])
    .execute();

  await db.schema
    .createTable('clause_library_tags')
    .addColumn('clause_id', 'text', (c) => c.notNull().references('clause_library.id').onDelete('cascade'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('clause_library_tags_pk', ['clause_id', 'tag'])
    .execute();
  await db.schema
    .createIndex('clause_library_tags_tag')
    .on('clause_library_tags')
    .columns(['tag', 'clause_id'])
    .execute();

  await db.schema
    .createTable('agreements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind IN ('mou', 'sister_city', 'friendship_protocol', 'cooperation_programme')`),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    // The recorded status; an in-force agreement past its expiry date reads as expired.
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`status IN ('draft', 'internal_review', 'legal_review', 'awaiting_approvals', 'approved', 'signed', 'in_force', 'expired', 'terminated')`,
        ),
    )
    // JSON array of ISO 639-1 codes, in column order.
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('signed_place', 'text')
    .addColumn('signed_date', 'text')
    .addColumn('effective_date', 'text')
    .addColumn('term_years', 'integer', (c) =>
      c.check(sql`term_years IS NULL OR term_years BETWEEN 1 AND 50`),
    )
    .addColumn('term_calendar', 'text', (c) =>
      c.notNull().check(sql`term_calendar IN ('jalali', 'gregorian')`),
    )
    .addColumn('renewal_notice_months', 'integer', (c) =>
      c.check(sql`renewal_notice_months IS NULL OR renewal_notice_months BETWEEN 1 AND 36`),
    )
    // Computed from the dates above on every change, stored so lists filter them with an index.
    .addColumn('expiry_date', 'text')
    .addColumn('reminder_date', 'text')
    .addColumn('relationship_id', 'text', (c) => c.references('relationships.id').onDelete('restrict'))
    .addColumn('case_id', 'text', (c) => c.references('cases.id').onDelete('restrict'))
    .addColumn('latest_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('search_key', 'text', (c) => c.notNull())
    .addColumn('sort_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // JSON object: ISO 639-1 code → text. Last, so list scans stop before it.
    .addColumn('preamble', 'text', (c) => c.notNull())
    .execute();
  const indexes: [string, string[]][] = [
    ['agreements_status_expiry', ['status', 'expiry_date']],
    ['agreements_expiry', ['expiry_date']],
    ['agreements_reminder', ['reminder_date']],
    ['agreements_updated', ['updated_at', 'id']],
    ['agreements_sort', ['sort_key', 'id']],
    ['agreements_signed', ['signed_date', 'id']],
    ['agreements_relationship', ['relationship_id']],
    ['agreements_case', ['case_id']],
  ];
  for (const [name, columns] of indexes) {
    await db.schema.createIndex(name).on('agreements').columns(columns).execute();
  }

  // Our own unit and the partners, with the signature block of each.
  await db.schema
    .createTable('agreement_parties')
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreements.id').onDelete('restrict'))
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id').onDelete('restrict'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('is_own', 'integer', (c) => c.notNull().check(sql`is_own IN (0, 1)`))
    .addColumn('signatory_name', 'text')
    .addColumn('signatory_position', 'text')
    .addPrimaryKeyConstraint('agreement_parties_pk', ['agreement_id', 'partner_id'])
    .execute();
  await db.schema
    .createIndex('agreement_parties_partner')
    .on('agreement_parties')
    .columns(['partner_id', 'agreement_id'])
    .execute();

  // The working text. A clause keeps its key for life, across edits, moves and versions.
  await db.schema
    .createTable('agreement_clauses')
    .addColumn('clause_key', 'text', (c) => c.primaryKey())
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreements.id').onDelete('restrict'))
    .addColumn('position', 'integer', (c) => c.notNull().check(sql`position > 0`))
    .addColumn('library_clause_id', 'text', (c) => c.references('clause_library.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('texts', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('agreement_clauses_order')
    .on('agreement_clauses')
    .columns(['agreement_id', 'position'])
    .unique()
    .execute();

  // Frozen snapshots: the file itself refuses to change or delete one.
  await db.schema
    .createTable('agreement_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreements.id').onDelete('restrict'))
    .addColumn('number', 'integer', (c) => c.notNull().check(sql`number > 0`))
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    // JSON array: [{ language, complete, missing }].
    .addColumn('completeness', 'text', (c) => c.notNull())
    .addColumn('clause_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('agreement_versions_number')
    .on('agreement_versions')
    .columns(['agreement_id', 'number'])
    .unique()
    .execute();
  await sql`CREATE TRIGGER agreement_versions_no_update BEFORE UPDATE ON agreement_versions
    BEGIN SELECT RAISE(ABORT, 'agreement versions are immutable'); END`.execute(db);
  await sql`CREATE TRIGGER agreement_versions_no_delete BEFORE DELETE ON agreement_versions
    BEGIN SELECT RAISE(ABORT, 'agreement versions are immutable'); END`.execute(db);

  // Every change of status with who and when; the history is append-only like the audit trail.
  await db.schema
    .createTable('agreement_transitions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreements.id').onDelete('restrict'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('agreement_transitions_agreement')
    .on('agreement_transitions')
    .columns(['agreement_id', 'at', 'id'])
    .execute();
  await sql`CREATE TRIGGER agreement_transitions_no_update BEFORE UPDATE ON agreement_transitions
    BEGIN SELECT RAISE(ABORT, 'agreement transitions are append-only'); END`.execute(db);
  await sql`CREATE TRIGGER agreement_transitions_no_delete BEFORE DELETE ON agreement_transitions
    BEGIN SELECT RAISE(ABORT, 'agreement transitions are append-only'); END`.execute(db);
}
