/**
 * Relationships between one of the office's own units (the city or a neighbourhood) and a
 * partner, with their areas of cooperation in a table of their own so "every relationship
 * in tourism" is an indexed lookup. Frozen: never edit after release; add a new migration.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('relationships')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('own_unit_id', 'text', (c) => c.notNull().references('partners.id').onDelete('restrict'))
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id').onDelete('restrict'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('stage', 'text')
    .addColumn('established_on', 'text')
    .addColumn('level', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('relationships_partner').on('relationships').column('partner_id').execute();
  await db.schema.createIndex('relationships_own_unit').on('relationships').column('own_unit_id').execute();
  await db.schema
    .createIndex('relationships_status')
    .on('relationships')
    .columns(['status', 'type'])
    .execute();

  await db.schema
    .createTable('relationship_areas')
    .addColumn('relationship_id', 'text', (c) =>
      c.notNull().references('relationships.id').onDelete('restrict'),
    )
    .addColumn('area', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('relationship_areas_pk', ['relationship_id', 'area'])
    .execute();
  await db.schema
    .createIndex('relationship_areas_area')
    .on('relationship_areas')
    .columns(['area', 'relationship_id'])
    .execute();
}
