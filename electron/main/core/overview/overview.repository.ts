/** Counts and short lists across the domains, for the Desk page. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/tables';

type Db = Kysely<Database> | Transaction<Database>;

async function count(query: {
  executeTakeFirstOrThrow(): Promise<{ n: number | string | bigint }>;
}): Promise<number> {
  return Number((await query.executeTakeFirstOrThrow()).n);
}

/** How much the office holds: partners not archived, relationships, cases not closed, letters of a date range, attachments. */
export async function officeCounts(db: Db, lettersFrom: string, lettersTo: string) {
  const [partners, relationships, openCases, lettersThisYear, attachments] = await Promise.all([
    count(
      db
        .selectFrom('partners')
        .where('archived', '=', 0)
        .select((eb) => eb.fn.countAll<number>().as('n')),
    ),
    count(db.selectFrom('relationships').select((eb) => eb.fn.countAll<number>().as('n'))),
    count(
      db
        .selectFrom('cases')
        .where('closed_on', 'is', null)
        .select((eb) => eb.fn.countAll<number>().as('n')),
    ),
    count(
      db
        .selectFrom('letters')
        .where('letter_date', '>=', lettersFrom)
        .where('letter_date', '<=', lettersTo)
        .select((eb) => eb.fn.countAll<number>().as('n')),
    ),
    count(db.selectFrom('attachments').select((eb) => eb.fn.countAll<number>().as('n'))),
  ]);
  return { partners, relationships, openCases, lettersThisYear, attachments };
}

/**
 * The partner map's partners: every partner, archived ones too, in the partner list's name
 * order (its sort key, then id), `limit` at most; only the columns the map draws.
 */
export async function mapPartners(db: Db, limit: number) {
  return db
    .selectFrom('partners')
    .select([
      'id',
      'kind',
      'name_fa',
      'name_en',
      'country',
      'latitude',
      'longitude',
      'parent_id',
      'own',
      'archived',
    ])
    .orderBy('sort_key', 'asc')
    .orderBy('id', 'asc')
    .limit(limit)
    .execute();
}

/**
 * The partner map's relationships: in the relationship list's default order (the partner's
 * sort key, the own unit's, then id), `limit` at most; their type and two sides only.
 */
export async function mapRelationships(db: Db, limit: number) {
  return db
    .selectFrom('relationships')
    .innerJoin('partners as partner', 'partner.id', 'relationships.partner_id')
    .innerJoin('partners as unit', 'unit.id', 'relationships.own_unit_id')
    .select([
      'relationships.id',
      'relationships.type',
      'relationships.own_unit_id',
      'relationships.partner_id',
    ])
    .orderBy('partner.sort_key', 'asc')
    .orderBy('unit.sort_key', 'asc')
    .orderBy('relationships.id', 'asc')
    .limit(limit)
    .execute();
}
