/**
 * The manifest of a backup: what was backed up, by which program, and the SHA-256 of every
 * file. A manifest is read as untrusted input (a backup may come back from a USB drive that
 * travelled), so its schema is strict and bounded and every path in it is checked.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { BACKUP_ID_PATTERN, type BackupKind } from '../../../../shared/api/backup.contract';
import { isPlainFile } from './backup.files';

export const MANIFEST_FILE = 'manifest.json';
export const DATABASE_FILE = 'desk.sqlite';
export const MANIFEST_FORMAT = 'city-diplomacy-desk-backup';
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
/** The only files a backup holds: the database and content-addressed attachment files. */
const filePath = z
  .string()
  .max(100)
  .refine((p) => p === DATABASE_FILE || ATTACHMENT_PATH.test(p), { message: 'not a backup file path' });
const ATTACHMENT_PATH = /^attachments\/([0-9a-f]{2})\/(\1[0-9a-f]{62})$/;

const manifestSchema = z.strictObject({
  format: z.literal(MANIFEST_FORMAT),
  formatVersion: z.literal(1),
  id: z.string().max(80).regex(BACKUP_ID_PATTERN),
  kind: z.enum(['manual', 'daily', 'pre-migration', 'pre-restore']),
  createdAt: z.string().max(30),
  appVersion: z.string().max(100),
  schemaVersion: z.string().max(200),
  actor: z.string().max(300),
  workstation: z.string().max(300),
  /** Rows in every table of the database, by table name. */
  counts: z.record(z.string().max(200), z.number().int().min(0)),
  audit: z.strictObject({
    headSeq: z.number().int().min(1).nullable(),
    headHash: sha256.nullable(),
  }),
  files: z
    .array(z.strictObject({ path: filePath, size: z.number().int().min(0), sha256 }))
    .min(1)
    .max(2_000_000),
  missingAttachments: z.array(sha256).max(2_000_000),
});

export type BackupManifest = z.infer<typeof manifestSchema>;
export type ManifestFile = BackupManifest['files'][number];
export type ManifestKind = Exclude<BackupKind, 'damaged'>;

/** The sha256 an attachment path names, or null for the database. */
export function attachmentHashOf(path: string): string | null {
  return ATTACHMENT_PATH.exec(path)?.[2] ?? null;
}

export function attachmentPath(hash: string): string {
  return `attachments/${hash.slice(0, 2)}/${hash}`;
}

/** Reads and checks a backup folder's manifest; the reason in words when it cannot be used. */
export async function readManifest(
  folder: string,
): Promise<{ manifest: BackupManifest; text: string } | { problem: string }> {
  const file = join(folder, MANIFEST_FILE);
  if (!(await isPlainFile(file))) return { problem: 'the manifest is missing' };
  const bytes = await readFile(file).catch(() => null);
  if (!bytes) return { problem: 'the manifest cannot be read' };
  if (bytes.length > MAX_MANIFEST_BYTES) return { problem: 'the manifest is too large' };
  let value: unknown;
  const text = bytes.toString('utf8');
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: 'the manifest is not valid JSON' };
  }
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      problem: `the manifest is not valid (${issue ? issue.path.join('.') || 'top level' : 'unknown'})`,
    };
  }
  const manifest = parsed.data;
  const paths = new Set<string>();
  for (const f of manifest.files) {
    if (paths.has(f.path)) return { problem: `the manifest lists ${f.path} twice` };
    paths.add(f.path);
    const named = attachmentHashOf(f.path);
    if (named !== null && named !== f.sha256)
      return { problem: `the manifest's hash of ${f.path} is not its name` };
  }
  if (!paths.has(DATABASE_FILE)) return { problem: 'the manifest lists no database' };
  return { manifest, text };
}

export function manifestText(manifest: BackupManifest): string {
  return `${JSON.stringify(manifestSchema.parse(manifest), null, 2)}\n`;
}
