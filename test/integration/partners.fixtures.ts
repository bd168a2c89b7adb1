/**
 * Fixtures for the partners, contacts, relationships and cases tests: records made through
 * the desk's own methods, and counts to prove a refused call changed nothing.
 */
import { sql } from 'kysely';
import type { PartnerCreateInput } from '../../shared/api/partners.contract';
import type { TestDesk } from '../helpers/desk';

export async function addPartner(t: TestDesk, input: Partial<PartnerCreateInput> & { nameFa: string }) {
  return t.ok('partners.create', { kind: 'city', ...input });
}

/** Isfahan and its New Julfa neighbourhood, flagged own. */
export async function addOwnCity(t: TestDesk) {
  const city = await addPartner(t, {
    nameFa: 'اصفهان',
    nameEn: 'Isfahan',
    country: 'IR',
    latitude: 32.65,
    longitude: 51.67,
    own: true,
  });
  const julfa = await addPartner(t, {
    kind: 'district',
    nameFa: 'جلفا',
    nameEn: 'New Julfa',
    country: 'IR',
    parentId: city.id,
    own: true,
  });
  return { city, julfa };
}

type Table =
  | 'audit_log'
  | 'partners'
  | 'contacts'
  | 'relationships'
  | 'relationship_areas'
  | 'cases'
  | 'case_partners'
  | 'case_tags';

export async function countRows(t: TestDesk, table: Table): Promise<number> {
  const result = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(
    t.desk.internals.db,
  );
  return Number(result.rows[0]!.n);
}

/** Counts of the audit trail and the given tables, to compare before and after a refused call. */
export async function snapshot(t: TestDesk, tables: readonly Table[]): Promise<Record<string, number>> {
  const out: Record<string, number> = { audit_log: await countRows(t, 'audit_log') };
  for (const table of tables) out[table] = await countRows(t, table);
  return out;
}

/** The audit rows of one record, oldest first. */
export async function auditOf(t: TestDesk, entity: string, entityId: string) {
  const page = await t.ok('audit.list', { entity, entityId, limit: 500 });
  return [...page.items].reverse();
}
