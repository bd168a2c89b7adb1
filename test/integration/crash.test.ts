/**
 * Crash safety: a child process registers letters (with attachments) and acknowledges each
 * after its commit; it is killed with SIGKILL at a random moment, 20 rounds on the same
 * desk, sometimes while it is still opening (creating, migrating, checking, backing up).
 * After every kill the file passes a full integrity check, read-only; at the end every
 * acknowledged letter is present and complete, register numbers are unique, the audit
 * chain verifies, and no attachment is missing or damaged. While the writer runs, a second
 * open of its folder is refused; once it is dead, its lock is taken over.
 * CRASH_ROUNDS sets the rounds (CI: 20), CRASH_SEED replays the kill times.
 */
import { spawn } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../electron/main/core';
import { checkDeskFile } from '../../electron/main/core/db/file-check';
import { DeskError } from '../../electron/main/core/errors';
import { sha256, type Ack } from '../helpers/crash-writer';
import { deskOptions, tempDir } from '../helpers/desk';

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 20);
const SEED = process.env.CRASH_SEED === undefined ? Date.now() % 2 ** 31 : Number(process.env.CRASH_SEED);
const root = tempDir('desk-crash-');
const dir = join(root, 'desk');

/** A small deterministic generator, so a failing run can be replayed with CRASH_SEED. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

interface Round {
  acks: Ack[];
  killedAfterMs: number;
  stderr: string;
  secondOpen: string | null;
}

async function tryOpen(): Promise<Desk | DeskError> {
  return openDesk(deskOptions(dir, { actor: 'checker' })).catch((error: unknown) => error as DeskError);
}

/**
 * Runs the writer until a random moment and kills it with SIGKILL. Half the rounds die
 * while the writer is still opening the desk (at a random point of the time opening took
 * the round before); the others once it has acknowledged a letter, a random while later.
 */
async function runRound(
  round: number,
  next: () => number,
  openingMs: number,
): Promise<Round & { readyMs: number | null }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/helpers/crash-writer.ts', dir, String(round)],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let out = '';
  let stderr = '';
  let readyMs: number | null = null;
  const started = Date.now();
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    if (readyMs === null && out.includes('ready\n')) readyMs = Date.now() - started;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const until = (done: () => boolean) =>
    new Promise<boolean>((resolve) => {
      const poll = setInterval(() => {
        if (done()) resolve(true);
        else if (child.exitCode !== null) resolve(false);
        else return;
        clearInterval(poll);
      }, 5);
    });
  let secondOpen: string | null = null;
  if (next() < 0.5) {
    const wait = next() * openingMs;
    await Promise.race([new Promise((resolve) => setTimeout(resolve, wait)), exited]);
  } else {
    expect(await until(() => readyMs !== null), `the writer did not start: ${stderr}`).toBe(true);
    const second = await tryOpen();
    secondOpen = second instanceof DeskError ? second.code : 'opened';
    if (!(second instanceof DeskError)) await second.close();
    expect(await until(() => out.includes('{')), `the writer acknowledged nothing: ${stderr}`).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, next() * 500));
  }
  expect(child.exitCode, `the writer stopped by itself: ${stderr}`).toBeNull();
  child.kill('SIGKILL');
  await exited;
  const acks = out
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Ack);
  return { acks, killedAfterMs: Date.now() - started, stderr, secondOpen, readyMs };
}

const figures = {
  seed: SEED,
  rounds: 0,
  killedWhileOpening: 0,
  acknowledged: 0,
  present: 0,
  lost: 0,
  letters: 0,
};

afterAll(() => {
  writeFileSync(join(root, '..', 'desk-crash-figures.json'), JSON.stringify(figures, null, 2));
  console.log(`crash: ${JSON.stringify(figures)}`);
  rmSync(root, { recursive: true, force: true });
});

describe(`killing the desk with SIGKILL (seed ${SEED})`, () => {
  it(`loses no acknowledged letter in ${ROUNDS} rounds`, async () => {
    const next = random(SEED);
    const acks: Ack[] = [];
    let openingMs = 3000;
    for (let round = 1; round <= ROUNDS; round += 1) {
      const result = await runRound(round, next, openingMs);
      if (result.readyMs !== null) openingMs = result.readyMs;
      figures.rounds += 1;
      if (result.secondOpen === null) figures.killedWhileOpening += 1;
      // While the writer was alive, a second open of its folder was refused.
      if (result.secondOpen !== null) expect(result.secondOpen).toBe('CONFLICT');
      acks.push(...result.acks);
      // Right after the kill, before anything opens it for writing: a full integrity check.
      // (A writer killed during the very first start may have left no desk yet.)
      if (existsSync(join(dir, 'desk.sqlite')) || result.acks.length > 0) {
        await expect(
          checkDeskFile(join(dir, 'desk.sqlite'), { role: 'desk', integrity: 'full' }),
        ).resolves.toBeDefined();
      }
    }
    figures.acknowledged = acks.length;
    expect(acks.length).toBeGreaterThan(0);

    // The dead writer's lock is taken over; the desk opens with every check.
    const opened = await tryOpen();
    if (opened instanceof DeskError) throw opened;
    const desk = opened;
    try {
      const db = desk.internals.db;
      const integrity = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(db);
      expect(integrity.rows).toEqual([{ integrity_check: 'ok' }]);

      for (const ack of acks) {
        const got = await desk.call('letters.get', { id: ack.id });
        expect(got.ok, `acknowledged letter ${ack.round}/${ack.n} is missing`).toBe(true);
        if (!got.ok) continue;
        expect(got.value.number).toBe(ack.number);
        expect(got.value.subject).toBe(ack.subject);
        expect(sha256(got.value.body ?? '')).toBe(ack.bodySha256);
        if (ack.attachmentSha256) {
          const files = await desk.call('attachments.list', { ownerType: 'letter', ownerId: ack.id });
          expect(files.ok && files.value.items.map((f) => f.sha256)).toEqual([ack.attachmentSha256]);
        }
        figures.present += 1;
      }
      figures.lost = figures.acknowledged - figures.present;

      const letters = await sql<{ n: number; numbers: number }>`SELECT count(*) AS n,
        count(DISTINCT secretariat || '/' || jalali_year || '/' || seq) AS numbers FROM letters`.execute(db);
      figures.letters = letters.rows[0]!.n;
      expect(letters.rows[0]!.numbers).toBe(letters.rows[0]!.n);
      const numbers = await sql<{ number: string }>`SELECT number FROM letters`.execute(db);
      expect(new Set(numbers.rows.map((r) => r.number)).size).toBe(figures.letters);

      const chain = await desk.call('audit.verify', {});
      expect(chain.ok && chain.value.ok).toBe(true);
      const store = await desk.call('attachments.verify', {});
      expect(store.ok && store.value.missing).toEqual([]);
      expect(store.ok && store.value.mismatched).toEqual([]);
    } finally {
      await desk.close();
    }
    expect(figures.lost).toBe(0);
  }, 600_000);
});
