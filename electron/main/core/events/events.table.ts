import type { Insertable, Selectable } from 'kysely';

export interface EventsTable {
  id: string;
  /** EVENT_KINDS. */
  kind: string;
  title: string;
  /** EVENT_STATUSES. */
  status: string;
  start_date: string;
  end_date: string;
  /** EVENT_ROLES. */
  our_role: string;
  host_partner_id: string | null;
  organiser_partner_id: string | null;
  venue: string | null;
  registration_deadline: string | null;
  objectives: string | null;
  outcome: string | null;
  outcome_recorded_at: string | null;
  /** The event this one answers (the Paris week in Isfahan answering the Isfahan week in Paris). */
  reciprocal_event_id: string | null;
  case_id: string | null;
  relationship_id: string | null;
  /** searchKey() of title, venue and objectives, for the list's text filter. */
  search_key: string;
  created_at: string;
  updated_at: string;
}

export interface EventPartnersTable {
  event_id: string;
  partner_id: string;
}

export interface ProgrammeItemsTable {
  id: string;
  event_id: string;
  title: string;
  type: string;
  date: string;
  start_time: string | null;
  end_time: string | null;
  venue: string | null;
  responsible: string | null;
  partner_id: string | null;
  status: string;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface DelegationMembersTable {
  id: string;
  event_id: string;
  name: string;
  position: string | null;
  user_id: string | null;
  role: string;
  passport_number: string | null;
  passport_expiry: string | null;
  visa_status: string;
  invitation_letter_id: string | null;
  travel_from: string | null;
  travel_to: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface GiftsTable {
  id: string;
  event_id: string;
  direction: string;
  description: string;
  giver: string;
  receiver: string;
  date: string | null;
  estimated_value: number | null;
  currency: string | null;
  registry_number: string | null;
  created_at: string;
  updated_at: string;
}

export type EventRow = Selectable<EventsTable>;
export type InsertableEventRow = Insertable<EventsTable>;
export type ProgrammeItemRow = Selectable<ProgrammeItemsTable>;
export type DelegationMemberRow = Selectable<DelegationMembersTable>;
export type GiftRow = Selectable<GiftsTable>;
