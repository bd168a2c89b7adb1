/**
 * The composition root of the core: opens the database, joins every domain's handlers into
 * one registry and answers a Desk. Nothing here, or anywhere under core/, imports Electron.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BACKUP_ID_PATTERN } from '../../../shared/api/backup.contract';
import { agreementSearchSource } from './agreements/agreement.search';
import { agreementsHandlers } from './agreements/agreements.handlers';
import { clauseLibraryHandlers } from './agreements/clause-library.handlers';
import { approvalsHandlers } from './approvals/approvals.handlers';
import { eventsHandlers } from './events/events.handlers';
import { exportHandlers } from './export/export.handlers';
import { importHandlers } from './import/import.handlers';
import {
  delegationMemberSearchSource,
  eventSearchSource,
  programmeItemSearchSource,
} from './events/event.search';
import { attachmentSearchSource } from './attachments/attachment.search';
import { cleanTempDir } from './attachments/attachment-store';
import { attachmentsHandlers } from './attachments/attachments.handlers';
import { auditHandlers } from './audit/audit.handlers';
import { caseSearchSource } from './cases/case.search';
import { casesHandlers } from './cases/cases.handlers';
import { contactSearchSource } from './contacts/contact.search';
import { contactsHandlers } from './contacts/contacts.handlers';
import { documentsHandlers } from './documents/documents.handlers';
import { restoreDamaged } from './backup/backup.damaged';
import { startBackupVerifier } from './backup/backup.verifier';
import { backupHandlers } from './backup/backup.handlers';
import { cleanInterruptedBackups, openDeskDatabase, startAutomaticBackup } from './backup/backup.startup';
import type { DeskPaths } from './context';
import type { UpgradeProgress } from './db/upgrade-progress';
import { Desk, consoleLogger, type DeskLogger } from './desk';
import { notFound } from './errors';
import { acquireDeskLock } from './lock/desk-lock';
import type { Clock, Platform } from './platform/platform.port';
import { letterSearchSource } from './letters/letter.search';
import { lettersHandlers } from './letters/letters.handlers';
import { partnerSearchSource } from './partners/partner.search';
import { partnersHandlers } from './partners/partners.handlers';
import { overviewHandlers } from './overview/overview.handlers';
import { Registry } from './registrar';
import { sampleHandlers } from './sample/sample.handlers';
import type { HandlerTable } from './sample/sample.invoke';
import { relationshipSearchSource } from './relationships/relationship.search';
import { relationshipsHandlers } from './relationships/relationships.handlers';
import { searchHandlers } from './search/search.handlers';
import { startIndexUpkeep, type IndexUpkeepOptions } from './search/index-upkeep';
import { createIndexer, type SearchSource } from './search/search.indexer';
import { settingsHandlers } from './settings/settings.handlers';
import { setupHandlers } from './setup/setup.handlers';
import { systemHandlers } from './system/system.handlers';
import { tasksHandlers } from './tasks/tasks.handlers';
import { usersHandlers } from './users/users.handlers';

export { Desk } from './desk';
export { DamagedDeskError, DeskError } from './errors';
export type { Platform, Clock } from './platform/platform.port';
export { systemClock } from './platform/platform.port';

export interface OpenDeskOptions {
  /** The folder that holds desk.sqlite, attachments/ and backups/. */
  dataDir: string;
  /** The workstation login of the person using the desk; written into every audit row. */
  actor: string;
  platform: Platform;
  clock: Clock;
  logger?: DeskLogger;
  /** The daily backup at start (on unless turned off; a new desk has nothing to back up). */
  automaticBackups?: boolean;
  /** The program's read-only files (sample data); defaults to ./resources of the working folder. */
  resourcesDir?: string;
  /**
   * Hears how far opening a desk that needs its structure updated is (its backup, the proof
   * of that backup and each migration), for the opening screen; nothing for an up-to-date desk.
   */
  onUpgrade?: (progress: UpgradeProgress) => void;
  /** When the search index is merged while the desk is idle (tests shorten the waits). */
  indexUpkeep?: IndexUpkeepOptions;
}

/** Every domain's handlers; the registry refuses duplicates and missing methods. */
const handlerMaps = [
  systemHandlers,
  settingsHandlers,
  usersHandlers,
  auditHandlers,
  partnersHandlers,
  contactsHandlers,
  relationshipsHandlers,
  casesHandlers,
  backupHandlers,
  attachmentsHandlers,
  overviewHandlers,
  tasksHandlers,
  approvalsHandlers,
  eventsHandlers,
  lettersHandlers,
  agreementsHandlers,
  clauseLibraryHandlers,
];

/** Every domain's searchable records. */
const searchSources: SearchSource[] = [
  partnerSearchSource,
  contactSearchSource,
  relationshipSearchSource,
  caseSearchSource,
  attachmentSearchSource,
  letterSearchSource,
  agreementSearchSource,
  eventSearchSource,
  programmeItemSearchSource,
  delegationMemberSearchSource,
];

/** Every handler by method name, for sample.load, which builds its records through them. */
const handlerTable: HandlerTable = new Map(
  handlerMaps.flatMap(
    (map) => Object.entries(map) as [string, (ctx: never, input: unknown) => Promise<unknown>][],
  ),
);

export function deskPaths(dataDir: string, resourcesDir = 'resources'): DeskPaths {
  const root = resolve(dataDir);
  return {
    dataDir: root,
    databaseFile: join(root, 'desk.sqlite'),
    attachmentsDir: join(root, 'attachments'),
    backupsDir: join(root, 'backups'),
    tempDir: join(root, 'tmp'),
    resourcesDir: resolve(resourcesDir),
  };
}

/**
 * Opens the desk in `dataDir`: takes the folder's lock (CONFLICT while another process has
 * it open), checks the database file before writing to it (CORRUPT, with the backups that
 * can restore it, when it is damaged or not a desk), backs it up before any migration, and
 * starts the daily automatic backup and the verification of backups not yet verified in the
 * background.
 */
export async function openDesk(options: OpenDeskOptions): Promise<Desk> {
  const sample = sampleHandlers(handlerTable);
  const registry = new Registry([
    ...handlerMaps,
    searchHandlers(searchSources),
    sample,
    setupHandlers(handlerTable, sample['sample.load']),
    documentsHandlers(handlerTable),
    importHandlers(handlerTable),
    exportHandlers(handlerTable),
  ]);
  const paths = deskPaths(options.dataDir, options.resourcesDir);
  mkdirSync(paths.dataDir, { recursive: true });
  const lock = acquireDeskLock(paths.dataDir);
  try {
    const env = {
      paths,
      platform: options.platform,
      clock: options.clock,
      actor: options.actor,
      workstation: options.platform.workstation(),
      appVersion: options.platform.appVersion(),
    };
    const existed = existsSync(paths.databaseFile);
    const reopenDatabase = () => openDeskDatabase(env);
    const opened = await openDeskDatabase(env, options.onUpgrade);
    for (const dir of [paths.attachmentsDir, paths.backupsDir, paths.tempDir])
      mkdirSync(dir, { recursive: true });
    await cleanTempDir(paths);
    await cleanInterruptedBackups(paths);
    const indexTouched = createIndexer(searchSources);
    const desk = new Desk({
      db: opened.db,
      driver: opened.driver,
      registry,
      env,
      indexTouched,
      logger: options.logger ?? consoleLogger,
      closeDatabase: () => opened.close(),
      reopenDatabase,
      onClose: async () => lock.release(),
    });
    startBackupVerifier(desk);
    startIndexUpkeep(desk, options.indexUpkeep);
    if (existed && options.automaticBackups !== false) startAutomaticBackup(desk);
    return desk;
  } catch (error) {
    lock.release();
    throw error;
  }
}

/**
 * Restores a backup into a data folder whose desk cannot be opened (openDesk answered a
 * DamagedDeskError): the backup is verified first, and the damaged files are moved into
 * backups/<time>-damaged/, never deleted. Open the desk again afterwards.
 */
export async function restoreDamagedDesk(
  options: Omit<OpenDeskOptions, 'logger' | 'automaticBackups'> & { backupId: string },
): Promise<{ damagedKeptIn: string | null; migrated: string[] }> {
  const paths = deskPaths(options.dataDir);
  const folder = join(paths.backupsDir, options.backupId);
  if (!BACKUP_ID_PATTERN.test(options.backupId) || !existsSync(folder))
    throw notFound('Backup', options.backupId);
  const lock = acquireDeskLock(paths.dataDir);
  try {
    const { damagedKeptIn, migrated } = await restoreDamaged(folder, {
      paths,
      clock: options.clock,
      actor: options.actor,
      workstation: options.platform.workstation(),
      appVersion: options.platform.appVersion(),
    });
    return { damagedKeptIn, migrated };
  } finally {
    lock.release();
  }
}
