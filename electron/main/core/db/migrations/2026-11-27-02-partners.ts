/**
 * Partners (cities, neighbourhoods, organisations — the office's own city among them) and
 * the people who work there. Frozen: never edit after release; add a new migration instead.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('partners')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('org_type', 'text')
    .addColumn('name_fa', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('name_native', 'text')
    .addColumn('native_language', 'text')
    .addColumn('country', 'text')
    .addColumn('latitude', 'real')
    .addColumn('longitude', 'real')
    .addColumn('parent_id', 'text', (c) => c.references('partners.id').onDelete('restrict'))
    .addColumn('website', 'text')
    .addColumn('notes', 'text')
    .addColumn('own', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    // Names, notes and country names normalised by searchKey(), for the Persian-aware LIKE filter.
    .addColumn('search_key', 'text', (c) => c.notNull().defaultTo(''))
    // name_fa as a key that sorts in Persian alphabetical order (پ after ب, not after و).
    .addColumn('sort_key', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The list filters: by kind then country (the partners page), by country alone (the map),
  // by parent (a city's neighbourhoods), by own (the units that hold relationships). Each
  // also holds the archive flag every list filters on (so the planner never prefers the
  // flag alone) and ends in the list's order (sort_key, then id for a stable page), so a
  // page is read in order without sorting.
  await db.schema
    .createIndex('partners_kind_country')
    .on('partners')
    .columns(['kind', 'country', 'archived', 'sort_key', 'id'])
    .execute();
  await db.schema
    .createIndex('partners_country')
    .on('partners')
    .columns(['country', 'archived', 'sort_key', 'id'])
    .execute();
  await db.schema
    .createIndex('partners_parent')
    .on('partners')
    .columns(['parent_id', 'archived', 'sort_key', 'id'])
    .execute();
  await db.schema
    .createIndex('partners_own')
    .on('partners')
    .columns(['own', 'archived', 'sort_key', 'id'])
    .execute();
  // The unfiltered page: in use (or archived), by name.
  await db.schema
    .createIndex('partners_archived')
    .on('partners')
    .columns(['archived', 'sort_key', 'id'])
    .execute();

  await db.schema
    .createTable('contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partner_id', 'text', (c) => c.references('partners.id').onDelete('restrict'))
    .addColumn('name_fa', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('title', 'text')
    .addColumn('position', 'text')
    // JSON arrays of strings: shown and edited as lists, never filtered on in SQL.
    .addColumn('emails', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('phones', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('languages', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('notes', 'text')
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('search_key', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sort_key', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('contacts_archived')
    .on('contacts')
    .columns(['archived', 'sort_key', 'id'])
    .execute();
  await db.schema
    .createIndex('contacts_partner')
    .on('contacts')
    .columns(['partner_id', 'archived', 'sort_key', 'id'])
    .execute();
}
