import type { Insertable, Selectable, Updateable } from 'kysely';

export interface ContactsTable {
  id: string;
  partner_id: string | null;
  name_fa: string;
  name_en: string | null;
  /** Honorific or academic title (Dr., Prof., H.E.). */
  title: string | null;
  position: string | null;
  /** JSON array of strings. */
  emails: string;
  /** JSON array of strings. */
  phones: string;
  /** JSON array of language tags. */
  languages: string;
  notes: string | null;
  archived: number;
  search_key: string;
  /** sortKey() of the Persian name (title), so lists sort in Persian alphabetical order. */
  sort_key: string;
  created_at: string;
  updated_at: string;
}

export type ContactRow = Selectable<ContactsTable>;
export type InsertableContactRow = Insertable<ContactsTable>;
export type UpdateableContactRow = Updateable<ContactsTable>;
