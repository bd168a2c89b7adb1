/**
 * The whole database as Kysely sees it: each domain declares its tables in its own
 * `*.table.ts`, and they are joined here.
 */
import type { AuditLogTable } from '../audit/audit.table';
import type { SettingsTable } from '../settings/settings.table';
import type { UsersTable } from '../users/users.table';

export interface Database {
  settings: SettingsTable;
  users: UsersTable;
  audit_log: AuditLogTable;
}
