import type { Insertable, Selectable, Updateable } from 'kysely';

export interface UsersTable {
  id: string;
  username: string;
  name_fa: string;
  name_en: string | null;
  position: string | null;
  role: string;
  locale: string;
  calendar: string;
  active: number;
  created_at: string;
  updated_at: string;
}

export type UserRow = Selectable<UsersTable>;
export type InsertableUserRow = Insertable<UsersTable>;
export type UpdateableUserRow = Updateable<UsersTable>;
