/** Staff members of the office who use this desk. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/tables';
import type { InsertableUserRow, UpdateableUserRow, UserRow } from './users.table';

type Db = Kysely<Database> | Transaction<Database>;

export async function findUser(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function listUsers(db: Db, includeInactive: boolean): Promise<UserRow[]> {
  let q = db.selectFrom('users').selectAll();
  if (!includeInactive) q = q.where('active', '=', 1);
  return q.orderBy('name_fa').execute();
}

export async function insertUser(tx: Transaction<Database>, row: InsertableUserRow): Promise<void> {
  await tx.insertInto('users').values(row).execute();
}

export async function updateUser(
  tx: Transaction<Database>,
  id: string,
  patch: UpdateableUserRow,
): Promise<void> {
  await tx.updateTable('users').set(patch).where('id', '=', id).execute();
}
