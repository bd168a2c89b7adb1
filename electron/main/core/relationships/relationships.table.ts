import type { Insertable, Selectable, Updateable } from 'kysely';

export interface RelationshipsTable {
  id: string;
  /** A partner flagged own: the city or one of its neighbourhoods. */
  own_unit_id: string;
  partner_id: string;
  /** RELATIONSHIP_TYPES. */
  type: string;
  /** RELATIONSHIP_STATUSES. */
  status: string;
  /** RELATIONSHIP_STAGES: where the statutory approval stands. */
  stage: string | null;
  established_on: string | null;
  /** RELATIONSHIP_LEVELS. */
  level: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

/** One row per area of cooperation of a relationship (COOPERATION_AREAS). */
export interface RelationshipAreasTable {
  relationship_id: string;
  area: string;
}

export type RelationshipRow = Selectable<RelationshipsTable>;
export type InsertableRelationshipRow = Insertable<RelationshipsTable>;
export type UpdateableRelationshipRow = Updateable<RelationshipsTable>;
