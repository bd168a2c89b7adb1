/**
 * The correspondence register: letters and their bodies, references (پیرو / عطف), copies,
 * referrals, partner links, and the register-number counters. Frozen: never edit after release; add a
 * new migration instead.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('register_counters')
    .addColumn('secretariat', 'text', (c) => c.notNull())
    .addColumn('jalali_year', 'integer', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull().check(sql`last_seq > 0`))
    .addPrimaryKeyConstraint('register_counters_pk', ['secretariat', 'jalali_year'])
    .execute();

  await db.schema
    .createTable('letters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('direction', 'text', (c) =>
      c.notNull().check(sql`direction IN ('incoming', 'outgoing', 'internal')`),
    )
    .addColumn('secretariat', 'text', (c) => c.notNull())
    .addColumn('jalali_year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull().check(sql`seq > 0`))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('registered_at', 'text', (c) => c.notNull())
    .addColumn('letter_date', 'text', (c) => c.notNull())
    .addColumn('sender_number', 'text')
    .addColumn('sender_date', 'text')
    .addColumn('from_partner_id', 'text', (c) => c.references('partners.id'))
    .addColumn('from_contact_id', 'text', (c) => c.references('contacts.id'))
    .addColumn('from_text', 'text')
    .addColumn('to_partner_id', 'text', (c) => c.references('partners.id'))
    .addColumn('to_contact_id', 'text', (c) => c.references('contacts.id'))
    .addColumn('to_text', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) =>
      c.check(
        sql`channel IS NULL OR channel IN ('post', 'email', 'fax', 'diplomatic_pouch', 'by_hand', 'online_portal')`,
      ),
    )
    .addColumn('attachments_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('needs_reply', 'integer', (c) => c.notNull().check(sql`needs_reply IN (0, 1)`))
    .addColumn('follow_up_date', 'text')
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state IN ('none', 'awaiting_reply', 'replied', 'closed')`),
    )
    .addColumn('closed_at', 'text')
    .addColumn('close_note', 'text')
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('relationship_id', 'text', (c) => c.references('relationships.id'))
    .addColumn('current_referral_id', 'text', (c) => c.references('letter_referrals.id'))
    .addColumn('referred_to_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('search_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // The long text lives beside the register row: list, filter and count scans read only the
  // short register rows (a tenth of the bytes at office scale).
  await db.schema
    .createTable('letter_bodies')
    .addColumn('letter_id', 'text', (c) => c.primaryKey().references('letters.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();

  // Never the same number twice in one secretariat and year; also the "sort by number" index.
  await db.schema
    .createIndex('letters_number')
    .on('letters')
    .columns(['jalali_year', 'seq', 'secretariat'])
    .unique()
    .execute();
  // The list sorts by letter date (then id) within each filter. The four short columns the
  // list filters on ride along after the sort columns, so that combined filters and their
  // counts are decided from index entries, without reading the register rows.
  const ride = ['direction', 'state', 'classification', 'urgency'];
  const indexes: [string, string[]][] = [
    ['letters_letter_date', ['letter_date', 'id', ...ride]],
    ['letters_direction_date', ['direction', 'letter_date', 'id', ...ride]],
    ['letters_direction_state', ['direction', 'state', 'letter_date', 'id']],
    ['letters_state_date', ['state', 'letter_date', 'id', ...ride]],
    ['letters_classification', ['classification', 'letter_date', 'id', ...ride]],
    ['letters_urgency', ['urgency', 'letter_date', 'id', ...ride]],
    ['letters_state_follow_up', ['state', 'follow_up_date', 'id']],
    ['letters_registered_at', ['registered_at', 'id']],
    ['letters_subject', ['subject', 'id']],
    ['letters_case', ['case_id', 'letter_date', 'id']],
    ['letters_relationship', ['relationship_id', 'letter_date', 'id']],
    ['letters_referred_to', ['referred_to_user_id', 'letter_date', 'id']],
    // For the foreign keys: finding a partner's or contact's letters before it is removed.
    ['letters_from_partner', ['from_partner_id']],
    ['letters_to_partner', ['to_partner_id']],
    ['letters_from_contact', ['from_contact_id']],
    ['letters_to_contact', ['to_contact_id']],
  ];
  for (const [name, columns] of indexes) {
    // A column that is also the index's leading column is not repeated.
    const unique = columns.filter((c, i) => columns.indexOf(c) === i);
    await db.schema.createIndex(name).on('letters').columns(unique).execute();
  }
  // The list's text filter scans this index instead of the register rows. Partial, so that
  // it is never mistaken for the narrowest index when counting every letter.
  await db.schema
    .createIndex('letters_search_key')
    .on('letters')
    .column('search_key')
    .where(sql.ref('search_key'), '<>', '')
    .execute();

  await db.schema
    .createTable('letter_references')
    .addColumn('letter_id', 'text', (c) => c.notNull().references('letters.id').onDelete('cascade'))
    .addColumn('target_id', 'text', (c) => c.notNull().references('letters.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('follows', 'refers')`))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('letter_references_pk', ['letter_id', 'target_id'])
    .addCheckConstraint('letter_references_not_self', sql`letter_id <> target_id`)
    .modifyEnd(sql`without rowid`)
    .execute();
  await db.schema
    .createIndex('letter_references_target')
    .on('letter_references')
    .columns(['target_id', 'letter_id'])
    .execute();

  await db.schema
    .createTable('letter_copies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('letter_id', 'text', (c) => c.notNull().references('letters.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('partner_id', 'text', (c) => c.references('partners.id'))
    .addColumn('contact_id', 'text', (c) => c.references('contacts.id'))
    .addColumn('text', 'text')
    .addColumn('purpose', 'text', (c) =>
      c.notNull().check(sql`purpose IN ('information', 'action', 'filing')`),
    )
    .execute();
  await db.schema
    .createIndex('letter_copies_letter')
    .on('letter_copies')
    .columns(['letter_id', 'position'])
    .execute();
  await db.schema.createIndex('letter_copies_partner').on('letter_copies').column('partner_id').execute();
  await db.schema.createIndex('letter_copies_contact').on('letter_copies').column('contact_id').execute();

  await db.schema
    .createTable('letter_referrals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('letter_id', 'text', (c) => c.notNull().references('letters.id').onDelete('cascade'))
    .addColumn('to_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('instruction', 'text')
    .addColumn('due_date', 'text')
    .addColumn('referred_by', 'text', (c) => c.notNull())
    .addColumn('referred_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('letter_referrals_letter')
    .on('letter_referrals')
    .columns(['letter_id', 'referred_at', 'id'])
    .execute();
  await db.schema.createIndex('letter_referrals_user').on('letter_referrals').column('to_user_id').execute();

  await db.schema
    .createTable('letter_partners')
    .addColumn('letter_id', 'text', (c) => c.notNull().references('letters.id').onDelete('cascade'))
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id'))
    // 1 when a user linked the partner; 0 when it is linked only as the letter's sender or addressee.
    .addColumn('explicit', 'integer', (c) => c.notNull().check(sql`explicit IN (0, 1)`))
    .addPrimaryKeyConstraint('letter_partners_pk', ['letter_id', 'partner_id'])
    .modifyEnd(sql`without rowid`)
    .execute();
  await db.schema
    .createIndex('letter_partners_partner')
    .on('letter_partners')
    .columns(['partner_id', 'letter_id'])
    .execute();
}
