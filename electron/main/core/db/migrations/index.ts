/**
 * The static list of migrations. Bundling breaks folder scanning, so every migration is
 * imported here by name; names sort by their date prefix.
 */
import type { Migration, MigrationProvider } from 'kysely/migration';
import * as foundation from './2026-11-27-01-foundation';
import * as partners from './2026-11-27-02-partners';
import * as relationships from './2026-11-27-03-relationships';
import * as cases from './2026-11-27-04-cases';
import * as letters from './2026-11-27-05-letters';
import * as attachments from './2026-11-27-06-attachments';
import * as tasks from './2026-11-27-07-tasks';
import * as search from './2026-11-27-09-search';
import * as agreements from './2026-11-27-10-agreements';
import * as approvals from './2026-11-27-11-approvals';
import * as events from './2026-11-27-12-events';
import * as letterKeyGrams from './2026-11-27-13-letter-key-grams';
import * as activityIndexes from './2026-11-27-14-activity-indexes';
import * as searchPrefixes from './2026-11-27-15-search-prefixes';
import * as searchMergeWhenIdle from './2026-11-27-16-search-merge-when-idle';
import * as lettersUnusedIndexes from './2026-11-27-17-letters-unused-indexes';
import * as letterCounts from './2026-11-27-18-letter-counts';
import * as casesOpen from './2026-11-27-19-cases-open';
import * as deskCountIndexes from './2026-11-28-20-desk-count-indexes';
import * as searchRecent from './2026-11-28-22-search-recent';
import * as letterMonthCounts from './2026-11-28-23-letter-month-counts';
import * as letterPartnerDates from './2026-11-28-24-letter-partner-dates';
import * as letterDateBlocks from './2026-11-28-25-letter-date-blocks';

export const migrations: Record<string, Migration> = {
  '2026-11-27-01-foundation': foundation,
  '2026-11-27-02-partners': partners,
  '2026-11-27-03-relationships': relationships,
  '2026-11-27-04-cases': cases,
  '2026-11-27-05-letters': letters,
  '2026-11-27-06-attachments': attachments,
  '2026-11-27-07-tasks': tasks,
  '2026-11-27-09-search': search,
  '2026-11-27-10-agreements': agreements,
  '2026-11-27-11-approvals': approvals,
  '2026-11-27-12-events': events,
  '2026-11-27-13-letter-key-grams': letterKeyGrams,
  '2026-11-27-14-activity-indexes': activityIndexes,
  '2026-11-27-15-search-prefixes': searchPrefixes,
  '2026-11-27-16-search-merge-when-idle': searchMergeWhenIdle,
  '2026-11-27-17-letters-unused-indexes': lettersUnusedIndexes,
  '2026-11-27-18-letter-counts': letterCounts,
  '2026-11-27-19-cases-open': casesOpen,
  '2026-11-28-20-desk-count-indexes': deskCountIndexes,
  '2026-11-28-22-search-recent': searchRecent,
  '2026-11-28-23-letter-month-counts': letterMonthCounts,
  '2026-11-28-24-letter-partner-dates': letterPartnerDates,
  '2026-11-28-25-letter-date-blocks': letterDateBlocks,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};

/** The schema version a fully migrated desk reports. */
export const LATEST_SCHEMA_VERSION = Object.keys(migrations).sort().at(-1)!;
