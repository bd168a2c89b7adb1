/**
 * One program per data folder. The Electron shell keeps a second copy of the program from
 * starting at all; this lock file is the core's own guard, so that nothing else that opens
 * the same folder (a second profile, a script, a test) can write to a desk another process
 * has open.
 *
 * The lock is `desk.lock` in the data folder: a small JSON file naming the process that
 * holds it. It is created complete (written to a temp file, then hard-linked into place,
 * which fails if the name exists), so a reader never sees half a lock. A lock whose process
 * is gone, or that was written before the machine last started (these machines are switched
 * off at the wall, so the pid may since belong to someone else), is stale and taken over.
 */
import { randomUUID } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { hostname, uptime } from 'node:os';
import { join } from 'node:path';
import { DeskError } from '../errors';

export const LOCK_FILE = 'desk.lock';

/** What a lock file says about its holder. */
export interface LockHolder {
  pid: number;
  host: string;
  /** Wall-clock time the lock was taken, ms since the epoch. */
  createdAt: number;
  /** Distinguishes two locks of the same pid (two desks opened in turn by one process). */
  token: string;
}

export interface DeskLock {
  readonly file: string;
  readonly holder: LockHolder;
  /** Removes the lock file if it is still ours. Safe to call twice. */
  release(): void;
}

/** Slack for clock adjustments when comparing a lock's time with the machine's start. */
const BOOT_SLACK_MS = 60_000;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseHolder(text: string): LockHolder | null {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (
      typeof value.pid === 'number' &&
      Number.isSafeInteger(value.pid) &&
      value.pid > 0 &&
      typeof value.host === 'string' &&
      typeof value.createdAt === 'number' &&
      typeof value.token === 'string'
    ) {
      return value as LockHolder;
    }
  } catch {
    // An unreadable lock is judged below like a lock of a dead process.
  }
  return null;
}

/** Answers why the holder no longer holds the lock, or null while it is alive. */
function staleReason(holder: LockHolder | null, now = Date.now()): string | null {
  if (!holder) return 'the lock file is unreadable';
  if (holder.host !== hostname()) return null; // another machine: we cannot tell, so it holds
  const bootedAt = now - uptime() * 1000;
  if (holder.createdAt < bootedAt - BOOT_SLACK_MS) return 'it was taken before the computer last started';
  if (!isRunning(holder.pid)) return `process ${holder.pid} is no longer running`;
  return null;
}

function readHolder(file: string): { text: string; holder: LockHolder | null } | null {
  try {
    const text = readFileSync(file, 'utf8');
    return { text, holder: parseHolder(text) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function writeComplete(file: string, text: string): void {
  const fd = openSync(file, 'wx');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Links the complete lock into place; false when a lock already exists. */
function tryPlace(lockFile: string, text: string): boolean {
  const temp = `${lockFile}.${randomUUID()}.tmp`;
  writeComplete(temp, text);
  try {
    linkSync(temp, lockFile);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(temp);
  }
}

function heldElsewhere(dataDir: string, holder: LockHolder | null): DeskError {
  const who = holder ? ` (process ${holder.pid} on ${holder.host})` : '';
  return new DeskError(
    'CONFLICT',
    `The desk in ${dataDir} is already open in another copy of the program${who}. Close it there first.`,
  );
}

/**
 * Takes the lock of a data folder, or answers CONFLICT while another live process holds it.
 * A stale lock is moved aside under a unique name before it is removed, so two processes
 * that both find it stale cannot both take it over.
 */
export function acquireDeskLock(dataDir: string): DeskLock {
  const file = join(dataDir, LOCK_FILE);
  const holder: LockHolder = {
    pid: process.pid,
    host: hostname(),
    createdAt: Date.now(),
    token: randomUUID(),
  };
  const text = JSON.stringify(holder);

  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (tryPlace(file, text)) return ownedLock(file, holder);
    const found = readHolder(file);
    if (!found) continue; // released meanwhile
    if (staleReason(found.holder) === null) throw heldElsewhere(dataDir, found.holder);
    const aside = `${file}.${randomUUID()}.stale`;
    try {
      renameSync(file, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue; // someone else moved it
      throw error;
    }
    const moved = readFileSync(aside, 'utf8');
    if (moved !== found.text) {
      // Between reading and moving, another process replaced the stale lock with its own
      // live one: put it back and step aside.
      try {
        linkSync(aside, file);
      } finally {
        unlinkSync(aside);
      }
      throw heldElsewhere(dataDir, parseHolder(moved));
    }
    unlinkSync(aside);
  }
  throw heldElsewhere(dataDir, readHolder(file)?.holder ?? null);
}

function ownedLock(file: string, holder: LockHolder): DeskLock {
  let released = false;
  return {
    file,
    holder,
    release() {
      if (released) return;
      released = true;
      const found = readHolder(file);
      if (found?.holder?.token === holder.token) unlinkSync(file);
    },
  };
}
