/**
 * The full-text indexes are merged while the desk is idle, not inside a registration: the
 * segments that registrations leave stay few, every letter is still found, a call is not held
 * up by merging, closing does not wait for it, and a merge cut short by the program stopping
 * loses nothing.
 */
import { spawn } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../electron/main/core';
import { FTS_TABLES, ftsLevels, type FtsTable } from '../../electron/main/core/search/index-merge';
import type { IndexUpkeepOptions } from '../../electron/main/core/search/index-upkeep';
import { deskOptions, tempDir } from '../helpers/desk';
import { letterInput } from './letters.fixtures';

/** 3 × 16 + 12: back to back, FTS5's crisis merges leave 12 segments on the lowest level. */
const LETTERS = 60;

let dir: string;
let desk: Desk | null = null;

afterEach(async () => {
  await desk?.close();
  desk = null;
  rmSync(dir, { recursive: true, force: true });
});

function open(indexUpkeep: IndexUpkeepOptions): Promise<Desk> {
  return openDesk(deskOptions(dir, { indexUpkeep }));
}

/** A word only letter `n` holds (Persian letters, so both the word and trigram indexes see it). */
function marker(n: number): string {
  return `نشان${[...String(n).padStart(3, '0')].map((d) => 'ابپتثجچحخد'[Number(d)]).join('')}`;
}

/** A body of many words no other letter holds, so that each letter's segments span pages. */
function bodyOf(n: number): string {
  const word = (k: number) => [...String(k)].map((d) => 'ابپتثجچحخد'[Number(d)]).join('');
  return Array.from({ length: 300 }, (_, k) => `کلمه${word(n * 300 + k)}`).join(' ');
}

/** Registers the letters one call each, as a secretariat does. */
async function register(d: Desk): Promise<string[]> {
  const ids: string[] = [];
  for (let n = 0; n < LETTERS; n++) {
    const created = await d.call(
      'letters.create',
      letterInput({ subject: `گزارش ${marker(n)}`, body: bodyOf(n) }),
    );
    if (!created.ok) throw new Error(created.error.message);
    ids.push(created.value.id);
  }
  return ids;
}

/** The most segments any level of the table holds, and whether a merge is under way. */
async function crowding(d: Desk, table: FtsTable): Promise<{ most: number; merging: boolean }> {
  const levels = await ftsLevels(d.internals.db, table);
  return {
    most: Math.max(0, ...levels.map((l) => l.segments)),
    merging: levels.some((l) => l.merging),
  };
}

/** True when every table is as merged as idle merging leaves it (fewer than 4 on any level). */
async function merged(d: Desk): Promise<boolean> {
  for (const table of FTS_TABLES) {
    const { most, merging } = await crowding(d, table);
    if (most >= 4 || merging) return false;
  }
  return true;
}

async function until(done: () => Promise<boolean> | boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Every letter is found by search and by the register's text filter, and FTS5 finds no fault. */
async function expectEveryLetterFound(d: Desk, ids: string[]): Promise<void> {
  for (const [n, id] of ids.entries()) {
    const found = await d.call('search.query', { text: marker(n) });
    if (!found.ok) throw new Error(found.error.message);
    expect(found.value.items.map((h) => h.id)).toEqual([id]);
    const listed = await d.call('letters.list', { text: marker(n) });
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.value.items.map((l) => l.id)).toEqual([id]);
  }
  for (const table of FTS_TABLES) {
    await sql`INSERT INTO ${sql.table(table)} (${sql.ref(table)}) VALUES ('integrity-check')`.execute(
      d.internals.db,
    );
  }
}

describe('merging the search index while the desk is idle', () => {
  it('no table merges inside a write: each keeps automerge off', async () => {
    dir = tempDir();
    desk = await open({});
    for (const table of FTS_TABLES) {
      const row = await sql<{ v: number }>`SELECT v FROM ${sql.table(`${table}_config`)}
        WHERE k = 'automerge'`.execute(desk.internals.db);
      expect(row.rows[0]?.v, table).toBe(0);
    }
  });

  it('brings the segments registrations left under four a level, and every letter is still found', async () => {
    dir = tempDir();
    desk = await open({ quietMs: 100, gapMs: 0 });
    const ids = await register(desk);
    // Back to back, nothing was merged but FTS5's crisis merges (16 on a level).
    expect((await crowding(desk, 'search_grams')).most).toBeGreaterThanOrEqual(4);
    await expectEveryLetterFound(desk, ids);
    await until(() => merged(desk!));
    await expectEveryLetterFound(desk, ids);
  });

  it('then copies the write-ahead log into the database file, so a registration need not', async () => {
    dir = tempDir();
    desk = await open({ quietMs: 100, gapMs: 0 });
    // Only the idle checkpoint copies pages into the file here (none when the log is full).
    await sql`PRAGMA wal_autocheckpoint = 0`.execute(desk.internals.db);
    await register(desk);
    const inFile = () => statSync(join(dir, 'desk.sqlite')).size;
    const inDatabase = async () =>
      (
        await sql<{
          n: number;
        }>`SELECT page_count * page_size AS n FROM pragma_page_count, pragma_page_size`.execute(
          desk!.internals.db,
        )
      ).rows[0]!.n;
    // The newest pages are in the log only.
    expect(inFile()).toBeLessThan(await inDatabase());
    await until(() => merged(desk!));
    await until(async () => inFile() === (await inDatabase()));
  });

  it('answers a call that arrives while it merges, and merges no further until the desk is quiet again', async () => {
    dir = tempDir();
    desk = await open({ quietMs: 300, gapMs: 0, pagesPerStep: 1 });
    const ids = await register(desk);
    const afterWrites = desk.callsStarted;
    // The steps are background jobs: the count moves only because of them now.
    await until(() => desk!.callsStarted > afterWrites + 2);
    const before = desk.callsStarted;
    const found = await desk.call('search.query', { text: marker(7) });
    const during = desk.callsStarted - before;
    expect(found.ok && found.value.items.map((h) => h.id)).toEqual([ids[7]]);
    // Only the call itself started meanwhile: no merge step began while it was in flight.
    expect(during).toBe(1);
    // The call came back before merging was done; merging resumes after a quiet spell.
    expect(await merged(desk)).toBe(false);
    await until(() => merged(desk!));
    await expectEveryLetterFound(desk, ids);
  });

  it('does not hold up closing: the step in progress ends, the rest waits for the next start', async () => {
    dir = tempDir();
    desk = await open({ quietMs: 50, gapMs: 20, pagesPerStep: 1 });
    const ids = await register(desk);
    const afterWrites = desk.callsStarted;
    await until(() => desk!.callsStarted > afterWrites);
    await desk.close();
    desk = await open({ quietMs: 60_000 });
    // Closed part-way: there is merging left to do, and nothing was lost.
    expect(await merged(desk)).toBe(false);
    await expectEveryLetterFound(desk, ids);
  });

  it('loses nothing when the program is killed while merging', async () => {
    dir = tempDir();
    desk = await open({ quietMs: 60_000 });
    const ids = await register(desk);
    await desk.close();
    desk = null;
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/merging-desk.ts', dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    let out = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    await until(() => out.includes('merging') || child.exitCode !== null);
    expect(child.exitCode, `the desk stopped by itself: ${stderr}`).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 15));
    child.kill('SIGKILL');
    await exited;
    desk = await open({ quietMs: 60_000 });
    await expectEveryLetterFound(desk, ids);
    await desk.close();
    // Merging picks up where it was cut off and finishes.
    desk = await open({ quietMs: 0, gapMs: 0 });
    await until(() => merged(desk!));
    await expectEveryLetterFound(desk, ids);
  });
});
