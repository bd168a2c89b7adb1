/**
 * Cases, the unit of the office's work (a trip, a forum, a cultural week, a negotiation),
 * with their linked partners and tags. Frozen: never edit after release; add a new migration.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('restrict'))
    .addColumn('due_on', 'text')
    .addColumn('relationship_id', 'text', (c) => c.references('relationships.id').onDelete('restrict'))
    // The area of cooperation this work serves, for a relationship's breadth of activity.
    .addColumn('area', 'text')
    .addColumn('description', 'text')
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('closed_on', 'text')
    .addColumn('search_key', 'text', (c) => c.notNull().defaultTo(''))
    // The title as a key that sorts in Persian alphabetical order.
    .addColumn('sort_key', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cases_status_due').on('cases').columns(['status', 'due_on']).execute();
  await db.schema.createIndex('cases_owner').on('cases').columns(['owner_id', 'status']).execute();
  await db.schema.createIndex('cases_due').on('cases').column('due_on').execute();
  await db.schema
    .createIndex('cases_relationship')
    .on('cases')
    .columns(['relationship_id', 'opened_on'])
    .execute();

  await db.schema
    .createTable('case_partners')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('restrict'))
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id').onDelete('restrict'))
    .addPrimaryKeyConstraint('case_partners_pk', ['case_id', 'partner_id'])
    .execute();
  await db.schema
    .createIndex('case_partners_partner')
    .on('case_partners')
    .columns(['partner_id', 'case_id'])
    .execute();

  await db.schema
    .createTable('case_tags')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('restrict'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_tags_pk', ['case_id', 'tag'])
    .execute();
  await db.schema.createIndex('case_tags_tag').on('case_tags').columns(['tag', 'case_id']).execute();
}
