/**
 * The composition root of the core: opens the database, joins every domain's handlers into
 * one registry and answers a Desk. Nothing here, or anywhere under core/, imports Electron.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { agreementSearchSource } from './agreements/agreement.search';
import { agreementsHandlers } from './agreements/agreements.handlers';
import { clauseLibraryHandlers } from './agreements/clause-library.handlers';
import { attachmentSearchSource } from './attachments/attachment.search';
import { cleanTempDir } from './attachments/attachment-store';
import { attachmentsHandlers } from './attachments/attachments.handlers';
import { auditHandlers } from './audit/audit.handlers';
import { caseSearchSource } from './cases/case.search';
import { casesHandlers } from './cases/cases.handlers';
import { contactSearchSource } from './contacts/contact.search';
import { contactsHandlers } from './contacts/contacts.handlers';
import type { DeskPaths } from './context';
import { openDatabase } from './db/database';
import { Desk, consoleLogger, type DeskLogger } from './desk';
import { partnerSearchSource } from './partners/partner.search';
import { partnersHandlers } from './partners/partners.handlers';
import type { Clock, Platform } from './platform/platform.port';
import { Registry } from './registrar';
import { relationshipSearchSource } from './relationships/relationship.search';
import { relationshipsHandlers } from './relationships/relationships.handlers';
import { searchHandlers } from './search/search.handlers';
import { createIndexer, type SearchSource } from './search/search.indexer';
import { settingsHandlers } from './settings/settings.handlers';
import { systemHandlers } from './system/system.handlers';
import { tasksHandlers } from './tasks/tasks.handlers';
import { usersHandlers } from './users/users.handlers';

export { Desk } from './desk';
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
  attachmentsHandlers,
  tasksHandlers,
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
  agreementSearchSource,
];

export function deskPaths(dataDir: string): DeskPaths {
  const root = resolve(dataDir);
  return {
    dataDir: root,
    databaseFile: join(root, 'desk.sqlite'),
    attachmentsDir: join(root, 'attachments'),
    backupsDir: join(root, 'backups'),
    tempDir: join(root, 'tmp'),
  };
}

export async function openDesk(options: OpenDeskOptions): Promise<Desk> {
  const registry = new Registry([...handlerMaps, searchHandlers(searchSources)]);
  const paths = deskPaths(options.dataDir);
  mkdirSync(paths.dataDir, { recursive: true });
  const opened = await openDatabase(paths.databaseFile);
  for (const dir of [paths.attachmentsDir, paths.backupsDir, paths.tempDir])
    mkdirSync(dir, { recursive: true });
  await cleanTempDir(paths);
  const indexTouched = createIndexer(searchSources);
  return new Desk({
    db: opened.db,
    driver: opened.driver,
    registry,
    env: {
      paths,
      platform: options.platform,
      clock: options.clock,
      actor: options.actor,
      workstation: options.platform.workstation(),
      appVersion: options.platform.appVersion(),
    },
    indexTouched,
    logger: options.logger ?? consoleLogger,
    onClose: () => opened.close(),
  });
}
