import type { Insertable, Selectable } from 'kysely';

export interface AuditLogTable {
  seq: number;
  ts_utc: string;
  actor: string;
  workstation: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

export type AuditRow = Selectable<AuditLogTable>;
export type InsertableAuditRow = Insertable<AuditLogTable>;
