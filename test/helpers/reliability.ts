/**
 * Helpers for the reliability tests: a stable fingerprint of a desk's database and
 * attachment folder (to prove that something changed nothing), folder listings with hashes,
 * records written straight into the database, and tools to tamper with a backup the way an
 * attacker with a text editor and a SQLite tool would.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { sql } from 'kysely';
import sqlite3 from 'sqlite3';
import { canonicalJson } from '../../electron/main/core/audit/canonical-json';
import { newId } from '../../electron/main/core/ids';
import type { Desk } from '../../electron/main/core';
import type { TestDesk } from './desk';

type Row = Record<string, unknown>;

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Every file under `root` (relative path with `/` → sha256), optionally skipping some names. */
export function folderHashes(
  root: string,
  skip: (rel: string) => boolean = () => false,
): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      const rel = relative(root, full).split(sep).join('/');
      if (skip(rel)) continue;
      const stat = lstatSync(full);
      if (stat.isDirectory()) walk(full);
      else
        out[rel] = stat.isFile()
          ? sha256(readFileSync(full))
          : `(${stat.isSymbolicLink() ? 'link' : 'special'})`;
    }
  };
  if (existsSync(root)) walk(root);
  return out;
}

function stableValue(value: unknown): unknown {
  return Buffer.isBuffer(value) ? `blob:${value.toString('hex')}` : value;
}

/**
 * A fingerprint of the whole database as the open desk sees it: every table (virtual
 * tables included), every row, in a stable order. Equal fingerprints mean equal content.
 */
export async function databaseFingerprint(
  desk: Desk,
): Promise<Record<string, { rows: number; sha256: string }>> {
  return desk.internals.driver.withConnection(async (connection) => {
    const all = (text: string) =>
      new Promise<Row[]>((resolve, reject) =>
        connection.raw.all(text, [], (err: Error | null, rows: Row[]) => (err ? reject(err) : resolve(rows))),
      );
    const tables = await all(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`,
    );
    const out: Record<string, { rows: number; sha256: string }> = {};
    for (const { name } of tables as { name: string }[]) {
      const rows = await all(`SELECT * FROM "${name.replace(/"/g, '""')}"`);
      const lines = rows
        .map((row) =>
          canonicalJson(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, stableValue(v)]))),
        )
        .sort();
      out[name] = { rows: rows.length, sha256: sha256(lines.join('\n')) };
    }
    const schema = await all(`SELECT type, name, sql FROM sqlite_master ORDER BY type, name`);
    out['(schema)'] = { rows: schema.length, sha256: sha256(canonicalJson(schema)) };
    return out;
  });
}

/** The desk's database fingerprint and its attachment folder, for "nothing changed" checks. */
export async function deskState(t: { desk: Desk; dir: string }) {
  return {
    database: await databaseFingerprint(t.desk),
    attachments: folderHashes(join(t.dir, 'attachments')),
  };
}

const NOW = '2025-05-05T09:00:00.000Z';

/** A partner written straight into the database (partners are tested in their own files). */
export async function addPartnerRow(t: TestDesk, nameFa = 'شهر نمونه'): Promise<string> {
  const id = newId();
  await sql`INSERT INTO partners (id, kind, name_fa, created_at, updated_at)
    VALUES (${id}, 'city', ${nameFa}, ${NOW}, ${NOW})`.execute(t.desk.internals.db);
  return id;
}

/** Attaches a small text file with the given content to a partner; answers its sha256. */
export async function attachText(
  t: TestDesk,
  partnerId: string,
  name: string,
  content: string,
): Promise<string> {
  const path = join(t.dir, '..', `${name}-${newId()}.txt`);
  writeFileSync(path, content, 'utf8');
  const [added] = await t.ok('attachments.add', { ownerType: 'partner', ownerId: partnerId, path });
  return added!.sha256;
}

/** Runs SQL on a database file with its own connection (to tamper with a closed file or a backup copy). */
export async function withFile<T>(
  file: string,
  fn: (run: (text: string) => Promise<Row[]>) => Promise<T>,
): Promise<T> {
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const d = new sqlite3.Database(file, (err) => (err ? reject(err) : resolve(d)));
  });
  const run = (text: string) =>
    new Promise<Row[]>((resolve, reject) =>
      db.all(text, [], (err: Error | null, rows: Row[]) => (err ? reject(err) : resolve(rows))),
    );
  try {
    return await fn(run);
  } finally {
    await new Promise<void>((resolve) => db.close(() => resolve()));
  }
}

/** Rewrites the manifest's sizes and hashes to match the files as they are now (a thorough tamperer). */
export function resealManifest(folder: string, change: (manifest: Row) => void = () => {}): void {
  const file = join(folder, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Row & {
    files: { path: string; size: number; sha256: string }[];
  };
  for (const entry of manifest.files) {
    const bytes = readFileSync(join(folder, ...entry.path.split('/')));
    entry.size = bytes.length;
    entry.sha256 = sha256(bytes);
  }
  change(manifest);
  writeFileSync(file, JSON.stringify(manifest, null, 2));
}

/** Overwrites `length` bytes at `offset` of a file with a pattern. */
export function scribble(file: string, offset: number, length: number, byte = 0x5a): void {
  const bytes = readFileSync(file);
  bytes.fill(byte, offset, offset + length);
  writeFileSync(file, bytes);
}

/**
 * A second connection to the database in the middle of a read, as the page check after
 * opening a large desk is: while it reads, no checkpoint can copy later commits into the
 * database file, so the file alone is not the desk's last state. Answers `release`, which
 * ends the read and closes the connection (once; later calls do nothing).
 */
export async function holdRead(file: string): Promise<() => Promise<void>> {
  const reader = new sqlite3.Database(file, sqlite3.OPEN_READONLY);
  const run = (text: string) =>
    new Promise<void>((resolve, reject) => reader.all(text, (e) => (e ? reject(e) : resolve())));
  let released = false;
  const release = async () => {
    if (released) return;
    released = true;
    await run('COMMIT').catch(() => {});
    await new Promise<void>((resolve) => reader.close(() => resolve()));
  };
  try {
    await run('BEGIN');
    await run('SELECT count(*) FROM sqlite_master');
  } catch (error) {
    await release();
    throw error;
  }
  return release;
}
