import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface PartnersTable {
  id: string;
  /** PARTNER_KINDS: city, district, organisation. */
  kind: string;
  /** ORGANISATION_TYPES for organisations; null otherwise. */
  org_type: string | null;
  name_fa: string;
  name_en: string | null;
  name_native: string | null;
  /** BCP 47 tag of the native name (ru, fr, zh, ...). */
  native_language: string | null;
  /** ISO 3166-1 alpha-2, upper-case. */
  country: string | null;
  latitude: number | null;
  longitude: number | null;
  parent_id: string | null;
  website: string | null;
  notes: string | null;
  /** 1 for the office's own city and its neighbourhoods. */
  own: Generated<number>;
  archived: Generated<number>;
  search_key: Generated<string>;
  /** sortKey() of the Persian name (title), so lists sort in Persian alphabetical order. */
  sort_key: Generated<string>;
  created_at: string;
  updated_at: string;
}

export type PartnerRow = Selectable<PartnersTable>;
export type InsertablePartnerRow = Insertable<PartnersTable>;
export type UpdateablePartnerRow = Updateable<PartnersTable>;
