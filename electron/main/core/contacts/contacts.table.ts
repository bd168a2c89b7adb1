import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface ContactsTable {
  id: string;
  partner_id: string | null;
  name_fa: string;
  name_en: string | null;
  /** Honorific or academic title (Dr., Prof., H.E.). */
  title: string | null;
  position: string | null;
  /** JSON array of strings. */
  emails: Generated<string>;
  /** JSON array of strings. */
  phones: Generated<string>;
  /** JSON array of language tags. */
  languages: Generated<string>;
  notes: string | null;
  archived: Generated<number>;
  search_key: Generated<string>;
  /** sortKey() of the Persian name (title), so lists sort in Persian alphabetical order. */
  sort_key: Generated<string>;
  created_at: string;
  updated_at: string;
}

export type ContactRow = Selectable<ContactsTable>;
export type InsertableContactRow = Insertable<ContactsTable>;
export type UpdateableContactRow = Updateable<ContactsTable>;
