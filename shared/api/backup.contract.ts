/**
 * Backups of the whole desk: the database (through SQLite's online backup API), the
 * attachment files it references and a manifest of hashes, in backups/<id>/ and, on request,
 * in a folder the user chooses (a USB drive). The renderer never sends a path: folders come
 * from the operating system's folder dialog.
 */
import { z } from 'zod';
import { method } from './define';
import { empty, isoTimestamp } from './schema';

/** Why a backup was made. `damaged` holds the files of a desk that could not be opened. */
export const BACKUP_KINDS = ['manual', 'daily', 'pre-migration', 'pre-restore', 'damaged'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/**
 * A backup's id is its folder name: the UTC time it was made and its kind, e.g.
 * `2025-05-05T09-00-00-000Z-daily`, with `-2`, `-3`… when two are made in the same millisecond.
 */
export const BACKUP_ID_PATTERN =
  /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-(manual|daily|pre-migration|pre-restore|damaged)(-\d{1,4})?$/;

export const backupId = z.string().max(80).regex(BACKUP_ID_PATTERN, { message: 'not a backup id' });

export const BACKUP_STATUSES = ['verified', 'unverified', 'failed'] as const;

export const backupInfo = z.object({
  id: z.string(),
  kind: z.enum(BACKUP_KINDS),
  createdAt: isoTimestamp,
  /** The backup's folder. */
  location: z.string(),
  appVersion: z.string().nullable(),
  /** The newest structure update the backed-up desk had. */
  schemaVersion: z.string().nullable(),
  sizeBytes: z.number().int(),
  /** Attachment files in the backup. */
  attachmentFiles: z.number().int(),
  /** Rows in all tables of the backed-up database. */
  records: z.number().int(),
  /** The last row of the audit trail when the backup was made. */
  auditHeadSeq: z.number().int().nullable(),
  /** Attachment files the desk referenced but did not have (missing or damaged) when backed up. */
  missingAttachments: z.number().int(),
  /**
   * `verified`: every hash, the database's integrity, counts and audit chain were checked and
   * matched; `failed`: a check did not match (see problems); `unverified`: not checked since
   * it changed or since it was made (a new backup is kept at once and verified in the
   * background; one the program closed before verifying is verified at the next start).
   */
  status: z.enum(BACKUP_STATUSES),
  verifiedAt: isoTimestamp.nullable(),
  problems: z.array(z.string()),
});
export type BackupInfo = z.infer<typeof backupInfo>;

/** A backup in the desk's backups folder, or one in a folder the user picks (a USB drive). */
const backupSource = z.union([
  z.strictObject({ id: backupId }),
  z.strictObject({ chooseFolder: z.literal(true) }),
]);

/** A verified backup offered to restore a desk whose file cannot be opened. */
export const restorableBackup = z.object({
  id: z.string(),
  kind: z.string(),
  createdAt: isoTimestamp,
  location: z.string(),
});

export const damagedDesk = z.object({
  /** True when the desk file could not be opened (CORRUPT) and nothing else can run. */
  damaged: z.boolean(),
  /** The desk file. */
  file: z.string(),
  /** Why it could not be opened, in the core's words (for the office's IT staff). */
  reason: z.string().nullable(),
  /** Verified backups that can restore it, newest first. */
  backups: z.array(restorableBackup),
});
export type DamagedDesk = z.infer<typeof damagedDesk>;

export const backupContract = {
  'backup.create': method({
    kind: 'task',
    input: z.strictObject({
      /** Also copies the backup into a folder the user chooses (a USB drive), verifying that copy. */
      copyToChosenFolder: z.boolean().default(false),
    }),
    output: z.object({ backup: backupInfo, copiedTo: z.string().nullable() }),
    doc: 'Writes a complete, consistent backup while the desk stays usable and keeps it as soon as it is synced (unverified); its verification follows in the background and is shown by backup.list. Optionally copies it to a chosen folder and verifies that copy.',
  }),
  'backup.list': method({
    kind: 'query',
    input: empty,
    output: z.array(backupInfo),
    doc: 'The backups in the desk’s backups folder, newest first, each with its verification status.',
  }),
  'backup.verify': method({
    kind: 'task',
    input: backupSource,
    output: backupInfo,
    doc: 'Checks every hash, the database’s integrity, its row counts and its audit chain against the manifest.',
  }),
  'backup.restore': method({
    kind: 'task',
    input: backupSource,
    output: z.object({
      restored: backupInfo,
      /** The backup of the desk as it was just before the restore. */
      previous: backupInfo,
      /** Structure updates applied to the restored desk (when it came from an older version). */
      migrated: z.array(z.string()),
    }),
    doc: 'Verifies a backup as untrusted input, backs up the current desk, then swaps the backup in and reopens.',
  }),
  'backup.damaged': method({
    kind: 'query',
    input: empty,
    output: damagedDesk,
    doc: 'Whether the desk file could not be opened: the file and the verified backups that can restore it. An open desk answers damaged: false.',
  }),
  'backup.restoreDamaged': method({
    kind: 'task',
    input: z.strictObject({ id: backupId }),
    output: z.object({
      /** Where the damaged files were moved (never deleted); null when there was no file. */
      damagedKeptIn: z.string().nullable(),
      migrated: z.array(z.string()),
    }),
    doc: 'Restores a verified backup into a desk whose file could not be opened, keeping the damaged files; an open desk refuses it (use backup.restore).',
  }),
} as const;
