/**
 * The backups folder: naming, listing with each backup's verification status, leftovers of
 * interrupted backups, and rotation of automatic backups (7 daily, 4 weekly, 12 monthly).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import {
  BACKUP_ID_PATTERN,
  BACKUP_KINDS,
  type BackupInfo,
  type BackupKind,
} from '../../../../shared/api/backup.contract';
import { isPlainFolder, writeFileDurable } from './backup.files';
import { DATABASE_FILE, readManifest, type BackupManifest } from './backup.manifest';
import type { VerifyReport } from './backup.verify';

const VERIFICATION_FILE = 'verification.json';
const PARTIAL = /^\.(.+)\.partial$/;

/** `2025-05-05T09:00:00.000Z` → `2025-05-05T09-00-00-000Z-daily`. */
export function backupIdFor(at: Date, kind: BackupKind): string {
  return `${at.toISOString().replace(/[:.]/g, '-')}-${kind}`;
}

function parseBackupId(id: string): { createdAt: string; kind: BackupKind } | null {
  if (!BACKUP_ID_PATTERN.test(id)) return null;
  const stamp = id.slice(0, 24); // 2025-05-05T09-00-00-000Z
  const createdAt = `${stamp.slice(0, 13)}:${stamp.slice(14, 16)}:${stamp.slice(17, 19)}.${stamp.slice(20, 23)}Z`;
  const kind = BACKUP_KINDS.find((k) => id.slice(25) === k || id.slice(25).startsWith(`${k}-`));
  return kind && !Number.isNaN(Date.parse(createdAt)) ? { createdAt, kind } : null;
}

export function stagingFolder(parent: string, id: string): string {
  return join(parent, `.${id}.partial`);
}

/**
 * Picks a free id for a new backup in `parent` and creates its staging folder (the final
 * name appears only when the backup is complete and verified).
 */
export async function reserveBackup(
  parent: string,
  at: Date,
  kind: BackupKind,
): Promise<{ id: string; staging: string; folder: string }> {
  await mkdir(parent, { recursive: true });
  const base = backupIdFor(at, kind);
  for (let n = 1; n < 10_000; n += 1) {
    const id = n === 1 ? base : `${base}-${n}`;
    const folder = join(parent, id);
    if (await stat(folder).catch(() => null)) continue;
    const staging = stagingFolder(parent, id);
    try {
      await mkdir(staging);
      return { id, staging, folder };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  throw new Error('no free backup name');
}

/** Removes what interrupted backups left behind (only our own `.<id>.partial` folders). */
export async function cleanPartialBackups(parent: string): Promise<number> {
  const names = await readdir(parent).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    const id = PARTIAL.exec(name)?.[1];
    if (id === undefined || !BACKUP_ID_PATTERN.test(id)) continue;
    await rm(join(parent, name), { recursive: true, force: true });
    removed += 1;
  }
  return removed;
}

const verificationRecord = z.strictObject({
  verifiedAt: z.string().max(30),
  ok: z.boolean(),
  problems: z.array(z.string().max(2000)).max(50),
  manifestSha256: z.string().max(64),
});
type VerificationRecord = z.infer<typeof verificationRecord>;

function sha256Of(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Remembers the outcome of a full verification beside the backup, bound to its manifest. */
export async function recordVerification(folder: string, report: VerifyReport, at: Date): Promise<void> {
  const record: VerificationRecord = {
    verifiedAt: at.toISOString(),
    ok: report.ok,
    problems: report.problems,
    manifestSha256: report.manifestText === null ? '' : sha256Of(report.manifestText),
  };
  await writeFileDurable(join(folder, VERIFICATION_FILE), `${JSON.stringify(record, null, 2)}\n`);
}

async function readVerification(folder: string): Promise<VerificationRecord | null> {
  try {
    const parsed = verificationRecord.safeParse(
      JSON.parse(await readFile(join(folder, VERIFICATION_FILE), 'utf8')),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** What the list shows of a backup, from its manifest and an optional verification outcome. */
export function backupInfoOf(
  id: string,
  folder: string,
  manifest: BackupManifest | null,
  verification: { status: BackupInfo['status']; verifiedAt: string | null; problems: string[] },
): BackupInfo {
  const parsed = parseBackupId(id);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  return {
    id,
    kind: manifest?.kind ?? parsed?.kind ?? 'damaged',
    createdAt: manifest?.createdAt ?? parsed?.createdAt ?? new Date(0).toISOString(),
    location: folder,
    appVersion: manifest?.appVersion ?? null,
    schemaVersion: manifest?.schemaVersion ?? null,
    sizeBytes: manifest ? sum(manifest.files.map((f) => f.size)) : 0,
    attachmentFiles: manifest ? manifest.files.length - 1 : 0,
    records: manifest ? sum(Object.values(manifest.counts)) : 0,
    auditHeadSeq: manifest?.audit.headSeq ?? null,
    missingAttachments: manifest?.missingAttachments.length ?? 0,
    ...verification,
  };
}

/**
 * Describes one backup folder cheaply: its manifest, and the last full verification if it
 * was of this very manifest and the database file is still there at its size.
 */
export async function describeBackup(folder: string, id: string): Promise<BackupInfo> {
  const read = await readManifest(folder);
  if ('problem' in read) {
    return backupInfoOf(id, folder, null, { status: 'failed', verifiedAt: null, problems: [read.problem] });
  }
  const { manifest, text } = read;
  const record = await readVerification(folder);
  const dbEntry = manifest.files.find((f) => f.path === DATABASE_FILE);
  const dbStat = await stat(join(folder, DATABASE_FILE)).catch(() => null);
  if (!dbStat || dbStat.size !== dbEntry?.size) {
    return backupInfoOf(id, folder, manifest, {
      status: 'failed',
      verifiedAt: record?.verifiedAt ?? null,
      problems: [`${DATABASE_FILE} is missing or has changed size`],
    });
  }
  if (!record || record.manifestSha256 !== sha256Of(text)) {
    return backupInfoOf(id, folder, manifest, { status: 'unverified', verifiedAt: null, problems: [] });
  }
  return backupInfoOf(id, folder, manifest, {
    status: record.ok ? 'verified' : 'failed',
    verifiedAt: record.verifiedAt,
    problems: record.problems,
  });
}

/** Every backup in the backups folder, newest first. */
export async function listBackups(parent: string): Promise<BackupInfo[]> {
  const names = await readdir(parent).catch(() => [] as string[]);
  const out: BackupInfo[] = [];
  for (const name of names) {
    if (!BACKUP_ID_PATTERN.test(name)) continue;
    const folder = join(parent, name);
    if (!(await isPlainFolder(folder))) continue;
    out.push(await describeBackup(folder, name));
  }
  return out.sort((a, b) =>
    a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1,
  );
}

/** The ISO 8601 week of a UTC date, e.g. `2025-W19`: weeks start on Monday, and belong to the year of their Thursday. */
export function isoWeek(iso: string): string {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7) + 3);
  const year = date.getUTCFullYear();
  const dayOfYear = Math.round((date.getTime() - Date.UTC(year, 0, 1)) / 86_400_000);
  return `${year}-W${String(Math.floor(dayOfYear / 7) + 1).padStart(2, '0')}`;
}

const ROTATION = { daily: 7, weekly: 4, monthly: 12, eachOtherAutomatic: 3 } as const;

/**
 * Which automatic backups rotation keeps: of the daily ones, the newest of each of the 7
 * most recent days, 4 most recent ISO weeks and 12 most recent months (UTC) that have one;
 * of the pre-migration and pre-restore ones, the newest 3 each; and, whatever its age, the
 * newest verified backup, so newer backups not yet verified (or failed) never push out the
 * last one known to be sound. Manual backups and copies of damaged desks are never rotated away.
 */
export function backupsToRemove(
  backups: readonly (Pick<BackupInfo, 'id' | 'kind' | 'createdAt'> & Partial<Pick<BackupInfo, 'status'>>)[],
): string[] {
  const newestFirst = [...backups].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  const keep = new Set<string>();
  const daily = newestFirst.filter((b) => b.kind === 'daily');
  const policies: [number, (iso: string) => string][] = [
    [ROTATION.daily, (iso) => iso.slice(0, 10)],
    [ROTATION.weekly, isoWeek],
    [ROTATION.monthly, (iso) => iso.slice(0, 7)],
  ];
  for (const [limit, bucket] of policies) {
    let last: string | null = null;
    let kept = 0;
    for (const b of daily) {
      if (kept >= limit) break;
      const key = bucket(b.createdAt);
      if (key !== last) {
        keep.add(b.id);
        last = key;
        kept += 1;
      }
    }
  }
  for (const kind of ['pre-migration', 'pre-restore'] as const) {
    for (const b of newestFirst.filter((x) => x.kind === kind).slice(0, ROTATION.eachOtherAutomatic))
      keep.add(b.id);
  }
  const newestVerified = newestFirst.find((b) => b.status === 'verified');
  if (newestVerified) keep.add(newestVerified.id);
  const rotated = new Set<BackupKind>(['daily', 'pre-migration', 'pre-restore']);
  return newestFirst.filter((b) => rotated.has(b.kind) && !keep.has(b.id)).map((b) => b.id);
}

/** Applies rotation to the backups folder; answers the ids removed. */
export async function rotateBackups(parent: string): Promise<string[]> {
  const backups = await listBackups(parent);
  const remove = backupsToRemove(backups);
  for (const id of remove) {
    if (!BACKUP_ID_PATTERN.test(id)) continue;
    await rm(join(parent, id), { recursive: true, force: true });
  }
  return remove;
}
