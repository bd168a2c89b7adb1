import type { Selectable } from 'kysely';

export interface SettingsTable {
  key: string;
  /** JSON text of the value. */
  value: string;
  updated_at: string;
}

export type SettingRow = Selectable<SettingsTable>;
