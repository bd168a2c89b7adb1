/**
 * Fixtures for the letters tests: partners, contacts, cases and relationships written straight into the
 * desk's database with only their required columns (their own sections are tested
 * elsewhere), and a letter with sensible defaults.
 */
import { sql } from 'kysely';
import type { LetterCreateInput } from '../../shared/api/letters.contract';
import { newId } from '../../electron/main/core/ids';
import type { TestDesk } from '../helpers/desk';

const NOW = '2026-01-01T00:00:00.000Z';

export async function addPartner(t: TestDesk, nameFa: string, nameEn: string | null = null): Promise<string> {
  const id = newId();
  await sql`INSERT INTO partners (id, kind, name_fa, name_en, created_at, updated_at)
    VALUES (${id}, 'city', ${nameFa}, ${nameEn}, ${NOW}, ${NOW})`.execute(t.desk.internals.db);
  return id;
}

export async function addContact(t: TestDesk, partnerId: string | null, nameFa: string): Promise<string> {
  const id = newId();
  await sql`INSERT INTO contacts (id, partner_id, name_fa, created_at, updated_at)
    VALUES (${id}, ${partnerId}, ${nameFa}, ${NOW}, ${NOW})`.execute(t.desk.internals.db);
  return id;
}

export async function addCase(t: TestDesk, title: string): Promise<string> {
  const id = newId();
  await sql`INSERT INTO cases (id, title, kind, status, priority, opened_on, created_at, updated_at)
    VALUES (${id}, ${title}, 'incoming_request', 'open', 'normal', '2026-01-01', ${NOW}, ${NOW})`.execute(
    t.desk.internals.db,
  );
  return id;
}

export async function addRelationship(t: TestDesk, ownUnitId: string, partnerId: string): Promise<string> {
  const id = newId();
  await sql`INSERT INTO relationships (id, own_unit_id, partner_id, type, status, created_at, updated_at)
    VALUES (${id}, ${ownUnitId}, ${partnerId}, 'sister_city', 'active', ${NOW}, ${NOW})`.execute(
    t.desk.internals.db,
  );
  return id;
}

export async function addUser(
  t: TestDesk,
  username: string,
  nameFa: string,
  nameEn?: string,
): Promise<string> {
  return (await t.ok('users.create', { username, nameFa, ...(nameEn && { nameEn }) })).id;
}

/** A letter from an embassy to the office unless told otherwise. */
export function letterInput(overrides: Partial<LetterCreateInput> = {}): LetterCreateInput {
  return {
    direction: 'incoming',
    letterDate: '2025-05-04',
    subject: 'دعوت به اجلاس شهرهای جهان',
    from: { text: 'سفارت سنگاپور' },
    to: { text: 'اداره کل ارتباطات و امور بین‌الملل' },
    ...overrides,
  };
}

export async function countRows(
  t: TestDesk,
  table: 'letters' | 'audit_log' | 'register_counters',
): Promise<number> {
  const result = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(
    t.desk.internals.db,
  );
  return result.rows[0]!.n;
}

/**
 * The ids of the letters whose search key contains `textKey`, in date order, every key tested
 * with `instr`: what the register's text filter must answer, however it reaches it.
 */
export async function lettersContaining(
  t: TestDesk,
  textKey: string,
  { direction, order = 'desc' }: { direction?: string; order?: 'asc' | 'desc' } = {},
): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`SELECT id FROM letters
    WHERE search_key <> '' AND instr(search_key, ${textKey}) > 0
      AND (${direction ?? null} IS NULL OR direction = ${direction ?? null})
    ORDER BY letter_date ${sql.raw(order)}, id ${sql.raw(order)}`.execute(t.desk.internals.db);
  return rows.map((r) => r.id);
}
