/**
 * Events (forums, cultural weeks, delegations) with their partners, programme items,
 * delegation members and gifts. Frozen: never edit after release; add a new migration.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('our_role', 'text', (c) => c.notNull())
    .addColumn('host_partner_id', 'text', (c) => c.references('partners.id').onDelete('restrict'))
    .addColumn('organiser_partner_id', 'text', (c) => c.references('partners.id').onDelete('restrict'))
    .addColumn('venue', 'text')
    .addColumn('registration_deadline', 'text')
    .addColumn('objectives', 'text')
    .addColumn('outcome', 'text')
    .addColumn('outcome_recorded_at', 'text')
    .addColumn('reciprocal_event_id', 'text', (c) => c.references('events.id').onDelete('restrict'))
    .addColumn('case_id', 'text', (c) => c.references('cases.id').onDelete('restrict'))
    .addColumn('relationship_id', 'text', (c) => c.references('relationships.id').onDelete('restrict'))
    .addColumn('search_key', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_start').on('events').columns(['start_date', 'end_date']).execute();
  await db.schema.createIndex('events_kind_start').on('events').columns(['kind', 'start_date']).execute();
  await db.schema
    .createIndex('events_relationship')
    .on('events')
    .columns(['relationship_id', 'start_date'])
    .execute();
  await db.schema.createIndex('events_case').on('events').column('case_id').execute();
  await db.schema.createIndex('events_host').on('events').column('host_partner_id').execute();
  await db.schema.createIndex('events_reciprocal').on('events').column('reciprocal_event_id').execute();

  await db.schema
    .createTable('event_partners')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('restrict'))
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id').onDelete('restrict'))
    .addPrimaryKeyConstraint('event_partners_pk', ['event_id', 'partner_id'])
    .execute();
  await db.schema
    .createIndex('event_partners_partner')
    .on('event_partners')
    .columns(['partner_id', 'event_id'])
    .execute();

  await db.schema
    .createTable('programme_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('restrict'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('start_time', 'text')
    .addColumn('end_time', 'text')
    .addColumn('venue', 'text')
    .addColumn('responsible', 'text')
    .addColumn('partner_id', 'text', (c) => c.references('partners.id').onDelete('restrict'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('programme_items_event')
    .on('programme_items')
    .columns(['event_id', 'date', 'start_time'])
    .execute();

  await db.schema
    .createTable('delegation_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('restrict'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'text')
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('restrict'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('passport_number', 'text')
    .addColumn('passport_expiry', 'text')
    .addColumn('visa_status', 'text', (c) => c.notNull())
    .addColumn('invitation_letter_id', 'text', (c) => c.references('letters.id').onDelete('restrict'))
    .addColumn('travel_from', 'text')
    .addColumn('travel_to', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('delegation_members_event')
    .on('delegation_members')
    .column('event_id')
    .execute();

  await db.schema
    .createTable('gifts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('restrict'))
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('giver', 'text', (c) => c.notNull())
    .addColumn('receiver', 'text', (c) => c.notNull())
    .addColumn('date', 'text')
    .addColumn('estimated_value', 'real')
    .addColumn('currency', 'text')
    .addColumn('registry_number', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('gifts_event').on('gifts').column('event_id').execute();
}
