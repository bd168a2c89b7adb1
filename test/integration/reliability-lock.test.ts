/**
 * One program per data folder: the lock file refuses a second open while its holder lives,
 * and a lock left by a process that is gone (or from before the machine last started) is
 * taken over. The crash test checks the same with a real desk killed by SIGKILL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../electron/main/core';
import { DeskError } from '../../electron/main/core/errors';
import { LOCK_FILE, acquireDeskLock } from '../../electron/main/core/lock/desk-lock';
import { deskOptions, tempDir } from '../helpers/desk';

const dirs: string[] = [];
const desks: Desk[] = [];
const children: ChildProcess[] = [];

function freshDir(): string {
  const dir = tempDir('desk-lock-');
  dirs.push(dir);
  return dir;
}

async function open(dir: string): Promise<Desk> {
  const desk = await openDesk(deskOptions(dir));
  desks.push(desk);
  return desk;
}

async function openError(dir: string): Promise<DeskError> {
  const error = await open(dir).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeskError);
  return error as DeskError;
}

function writeLock(dir: string, holder: object | string): void {
  writeFileSync(join(dir, LOCK_FILE), typeof holder === 'string' ? holder : JSON.stringify(holder));
}

function lockHolder(dir: string): { pid: number; token: string } {
  return JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as { pid: number; token: string };
}

/** A process that lives until the test ends it. */
function liveProcess(): ChildProcess {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 120000)'], { stdio: 'ignore' });
  children.push(child);
  return child;
}

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const desk of desks.splice(0)) await desk.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the data folder lock', () => {
  it('refuses a second open of the same folder with CONFLICT, and allows it once the first is closed', async () => {
    const dir = freshDir();
    const first = await open(dir);
    expect(lockHolder(dir).pid).toBe(process.pid);
    const error = await openError(dir);
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain(dir);
    expect(error.message).toContain(`process ${process.pid}`);
    // The refused open took nothing away from the first desk.
    expect((await first.call('system.info', {})).ok).toBe(true);
    await first.close();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    const second = await open(dir);
    expect((await second.call('system.info', {})).ok).toBe(true);
  });

  it('refuses while another live process holds the lock, and takes it over once that process is gone', async () => {
    const dir = freshDir();
    const child = liveProcess();
    writeLock(dir, { pid: child.pid, host: hostname(), createdAt: Date.now(), token: 'other' });
    const error = await openError(dir);
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain(`process ${child.pid}`);
    expect(lockHolder(dir).token).toBe('other');

    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    const desk = await open(dir);
    expect(lockHolder(dir).pid).toBe(process.pid);
    expect((await desk.call('system.info', {})).ok).toBe(true);
  });

  it('takes over the lock of a process that is no longer running', async () => {
    const dir = freshDir();
    writeLock(dir, { pid: await deadPid(), host: hostname(), createdAt: Date.now(), token: 'dead' });
    await open(dir);
    expect(lockHolder(dir).pid).toBe(process.pid);
  });

  it('takes over a lock written before the computer last started, even if its pid is in use again', async () => {
    const dir = freshDir();
    const child = liveProcess();
    writeLock(dir, { pid: child.pid, host: hostname(), createdAt: Date.UTC(2001, 0, 1), token: 'old' });
    await open(dir);
    expect(lockHolder(dir).pid).toBe(process.pid);
  });

  it('takes over an unreadable lock (a power cut while it was written)', async () => {
    const dir = freshDir();
    writeLock(dir, '{"pid": 12');
    await open(dir);
    expect(lockHolder(dir).pid).toBe(process.pid);
  });

  it('does not take over a lock from another computer, which it cannot check', async () => {
    const dir = freshDir();
    writeLock(dir, { pid: 1, host: `${hostname()}-elsewhere`, createdAt: Date.now(), token: 'remote' });
    expect((await openError(dir)).code).toBe('CONFLICT');
    expect(lockHolder(dir).token).toBe('remote');
  });

  it('releasing removes only its own lock', () => {
    const dir = freshDir();
    const lock = acquireDeskLock(dir);
    writeLock(dir, { pid: process.pid, host: hostname(), createdAt: Date.now(), token: 'someone-else' });
    lock.release();
    expect(lockHolder(dir).token).toBe('someone-else');
  });

  it('leaves no lock behind when the desk cannot be opened', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'desk.sqlite'), 'not a database at all, just some text that is long enough');
    expect((await openError(dir)).code).toBe('CORRUPT');
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });
});
