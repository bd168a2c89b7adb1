/** Contacts as stored: plain functions over the database, no validation (the service does that). */
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { contactListInput } from '../../../../shared/api/contacts.contract';
import { textMatches } from '../db/text-filter';
import type { Database } from '../db/tables';
import type { ContactRow, InsertableContactRow, UpdateableContactRow } from './contacts.table';

type Db = Kysely<Database> | Transaction<Database>;

/** The list input after parsing: defaults applied. */
export type ContactListFilters = z.output<typeof contactListInput>;

export async function findContact(db: Db, id: string): Promise<ContactRow | undefined> {
  return db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertContact(tx: Transaction<Database>, row: InsertableContactRow): Promise<void> {
  await tx.insertInto('contacts').values(row).execute();
}

export async function updateContact(
  tx: Transaction<Database>,
  id: string,
  patch: UpdateableContactRow,
): Promise<void> {
  await tx.updateTable('contacts').set(patch).where('id', '=', id).execute();
}

function filtered(db: Db, f: ContactListFilters) {
  let q = db.selectFrom('contacts').leftJoin('partners', 'partners.id', 'contacts.partner_id');
  if (f.partnerId !== undefined) q = q.where('contacts.partner_id', '=', f.partnerId);
  if (f.archived !== 'all') q = q.where('contacts.archived', '=', f.archived === 'archived' ? 1 : 0);
  const text = textMatches('contacts.search_key', f.text);
  if (text) q = q.where(text);
  return q;
}

const SORT_COLUMNS = {
  name: ['contacts.sort_key'],
  nameEn: ['contacts.name_en', 'contacts.sort_key'],
  partner: ['partners.sort_key', 'contacts.sort_key'],
  createdAt: ['contacts.created_at'],
  updatedAt: ['contacts.updated_at'],
} as const;

/** The page query of contacts.list. */
export function contactListQuery(db: Db, f: ContactListFilters) {
  let q = filtered(db, f).selectAll('contacts');
  for (const column of SORT_COLUMNS[f.sort.field]) q = q.orderBy(column, f.sort.direction);
  return q.orderBy('contacts.id', f.sort.direction).limit(f.limit).offset(f.offset);
}

export async function listContacts(
  db: Db,
  f: ContactListFilters,
): Promise<{ rows: ContactRow[]; total: number }> {
  const rows = await contactListQuery(db, f).execute();
  const count = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.total) };
}

/** The contacts whose search documents name this partner. */
export async function contactIdsOfPartner(db: Db, partnerId: string): Promise<string[]> {
  const rows = await db.selectFrom('contacts').select('id').where('partner_id', '=', partnerId).execute();
  return rows.map((r) => r.id);
}
