/** Counts and short lists across the domains, for the Desk page. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/tables';
import { letterCountQuery } from '../letters/letters.repository';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The statement of officeCounts, exported so tests can EXPLAIN it. Open cases are counted
 * over the partial index of cases without a closing day (cases_open); the year's letters as
 * the register counts a date range (letter_month_counts, migration 23).
 */
export function officeCountsQuery(db: Db, lettersFrom: string, lettersTo: string) {
  return db.selectNoFrom((eb) => [
    eb
      .selectFrom('partners')
      .where('archived', '=', 0)
      .select((e) => e.fn.countAll<number>().as('n'))
      .as('partners'),
    eb
      .selectFrom('relationships')
      .select((e) => e.fn.countAll<number>().as('n'))
      .as('relationships'),
    eb
      .selectFrom('cases')
      .where('closed_on', 'is', null)
      .select((e) => e.fn.countAll<number>().as('n'))
      .as('openCases'),
    // The register's own total for a date range: the months' kept counts and the edge months'
    // letters from the date index, not a count of every letter of the year.
    letterCountQuery(db, { dateFrom: lettersFrom, dateTo: lettersTo }).as('lettersThisYear'),
    eb
      .selectFrom('attachments')
      .select((e) => e.fn.countAll<number>().as('n'))
      .as('attachments'),
  ]);
}

/**
 * How much the office holds: partners not archived, relationships, cases not closed, letters
 * of a date range, attachments. One statement, each count a subquery.
 */
export async function officeCounts(db: Db, lettersFrom: string, lettersTo: string) {
  const row = await officeCountsQuery(db, lettersFrom, lettersTo).executeTakeFirstOrThrow();
  return {
    partners: Number(row.partners),
    relationships: Number(row.relationships),
    openCases: Number(row.openCases),
    lettersThisYear: Number(row.lettersThisYear),
    attachments: Number(row.attachments),
  };
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
