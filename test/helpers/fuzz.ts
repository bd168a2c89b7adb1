/**
 * The checks of the fuzz test and scripts/fuzz-long.ts: one call with one hostile input
 * must answer a typed result or a typed error other than INTERNAL, leave the database and the
 * attachment folder as they were when it answers an error, and leave every built-in
 * prototype alone. Inputs come from fuzz-input.ts.
 */
import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES } from '../../shared/api/errors';
import { METHOD_NAMES } from '../../shared/api/contract';
import { openDesk, type Desk } from '../../electron/main/core';
import { TestClock, tempDir } from './desk';
import { fakePlatform } from './fake-platform';
import { StringPool } from './fuzz-input';
import { addPartnerRow, attachText, deskState } from './reliability';

export { HOSTILE_STRINGS, StringPool, hostileInput, hostileValue, shapedLike } from './fuzz-input';

/** What Object.prototype and friends look like; a difference afterwards is prototype pollution. */
export function prototypeSnapshot(): string {
  const describe = (target: object) =>
    Object.getOwnPropertyNames(target)
      .sort()
      .map((name) => {
        const d = Object.getOwnPropertyDescriptor(target, name)!;
        return `${name}:${typeof d.value}:${d.get ? 'get' : ''}:${d.set ? 'set' : ''}`;
      })
      .join(',');
  const probe: Record<string, unknown> = {};
  const inherited: string[] = [];
  for (const key in probe) inherited.push(key);
  return [
    describe(Object.prototype),
    describe(Array.prototype),
    describe(Function.prototype),
    describe(String.prototype),
    inherited.join(','),
    String((probe as { polluted?: unknown }).polluted),
    String((probe as { isAdmin?: unknown }).isAdmin),
  ].join('|');
}

export type DeskState = Awaited<ReturnType<typeof deskState>>;

/**
 * Rows changed through the desk's connection since it opened (rolled-back changes count
 * too). While it stands still, nothing can have been written; only when it moves is the
 * whole database compared, which keeps thousands of calls affordable.
 */
async function totalChanges(desk: Desk): Promise<number> {
  return desk.internals.driver.withConnection(
    (c) =>
      new Promise<number>((resolve, reject) =>
        c.raw.all('SELECT total_changes() AS n', [], (err: Error | null, rows: { n: number }[]) =>
          err ? reject(err) : resolve(rows[0]!.n),
        ),
      ),
  );
}

/** Every file of the attachment folder with its size, change time and inode: any write moves one. */
function attachmentSignature(dir: string): string {
  const out: string[] = [];
  const walk = (folder: string, rel: string) => {
    for (const name of readdirSync(folder).sort()) {
      const full = join(folder, name);
      const stat = lstatSync(full, { bigint: true });
      if (stat.isDirectory()) walk(full, `${rel}${name}/`);
      else out.push(`${rel}${name}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}:${stat.ino}:${stat.mode}`);
    }
  };
  if (existsSync(join(dir, 'attachments'))) walk(join(dir, 'attachments'), '');
  return out.join('\n');
}

export interface FuzzTally {
  inputs: number;
  answeredOk: number;
  errors: Record<string, number>;
  /** Errors that reached the boundary as something other than a DeskError (mapped, and logged). */
  unexpectedExceptions: number;
  /** Refusals after the handler had written (and rolled back), checked against a full fingerprint. */
  rolledBackChecked: number;
}

export function emptyTally(): FuzzTally {
  return { inputs: 0, answeredOk: 0, errors: {}, unexpectedExceptions: 0, rolledBackChecked: 0 };
}

/** What the fuzz knows of the desk before the next call. */
export interface FuzzState {
  /** The full fingerprint, or null when a successful write made it stale. */
  full: DeskState | null;
  changes: number;
  files: string;
}

async function fuzzState(t: { desk: Desk; dir: string }): Promise<FuzzState> {
  return { full: await deskState(t), changes: await totalChanges(t.desk), files: attachmentSignature(t.dir) };
}

/**
 * Calls one method with one input and checks the promises of the boundary; answers a
 * problem in words, or null. `state` describes the desk before the call and is brought up
 * to date.
 */
export async function checkOneCall(
  t: { desk: Desk; dir: string },
  method: string,
  input: unknown,
  pool: StringPool,
  tally: FuzzTally,
  state: FuzzState,
  logged: unknown[],
): Promise<string | null> {
  if (state.full === null) Object.assign(state, await fuzzState(t));
  const prototypes = prototypeSnapshot();
  const loggedBefore = logged.length;
  let result: unknown;
  try {
    result = await t.desk.call(method, input);
  } catch (error) {
    return `threw instead of answering: ${String(error)}`;
  }
  tally.inputs += 1;
  if (prototypeSnapshot() !== prototypes) return 'Object.prototype (or another built-in prototype) changed';
  if (typeof result !== 'object' || result === null || typeof (result as { ok?: unknown }).ok !== 'boolean') {
    return `answered something that is not a result: ${String(result)}`;
  }
  const changes = await totalChanges(t.desk);
  const files = attachmentSignature(t.dir);
  const moved = changes !== state.changes || files !== state.files;
  const answer = result as { ok: true; value: unknown } | { ok: false; error: Record<string, unknown> };
  if (answer.ok) {
    tally.answeredOk += 1;
    pool.collect(answer.value);
    if (moved) state.full = null;
    return null;
  }
  const { error } = answer;
  const code = error.code as string;
  tally.errors[code] = (tally.errors[code] ?? 0) + 1;
  if (!(ERROR_CODES as readonly string[]).includes(code)) return `answered an unknown error code ${code}`;
  if (typeof error.message !== 'string' || error.message.length === 0)
    return 'answered an error without a message';
  if (/\n\s+at\s|SQLITE_|sqlite_master|\bSELECT\b.*\bFROM\b/.test(error.message)) {
    return `the error message leaks internals: ${error.message.slice(0, 200)}`;
  }
  if (logged.length > loggedBefore) tally.unexpectedExceptions += 1;
  if (code === 'INTERNAL') {
    return `an unexpected failure (INTERNAL): ${error.message} ${String(logged.at(-1) ?? '')}`;
  }
  if (moved) {
    tally.rolledBackChecked += 1;
    const before = state.full!;
    const after = await deskState(t);
    // The next call starts from what is there now, whatever this one did.
    Object.assign(state, { full: after, changes, files });
    const changed = [
      ...Object.keys({ ...before.database, ...after.database }).filter(
        (table) => JSON.stringify(before.database[table]) !== JSON.stringify(after.database[table]),
      ),
      ...(JSON.stringify(before.attachments) === JSON.stringify(after.attachments)
        ? []
        : ['the attachment folder']),
    ];
    if (changed.length > 0) {
      return `answered ${code} (${error.message}) but changed ${changed.slice(0, 8).join(', ')}`;
    }
  }
  return null;
}

export interface FuzzDesk {
  desk: Desk;
  dir: string;
  pool: StringPool;
  /** What the desk logged: every INTERNAL error and every exception that was not a DeskError. */
  logged: string[];
}

/**
 * A desk for fuzzing on a fresh folder, with a few records to aim at (a partner with an
 * attachment, a user, a backup); the pool then grows with every id the desk answers, and
 * the create methods come before the others of their domain in the contract.
 */
export async function openFuzzDesk(): Promise<FuzzDesk> {
  const dir = tempDir('desk-fuzz-');
  const logged: string[] = [];
  const desk = await openDesk({
    dataDir: dir,
    actor: 'fuzzer',
    platform: fakePlatform(),
    clock: new TestClock(),
    logger: { error: (message, detail) => logged.push(`${message}: ${String(detail)}`) },
    automaticBackups: false,
  });
  const pool = new StringPool();
  const ok = async (method: string, input: unknown): Promise<unknown> => {
    const result = await desk.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value;
  };
  const seeding = { desk, dir, ok } as unknown as Parameters<typeof addPartnerRow>[0];
  const partner = await addPartnerRow(seeding);
  pool.add(partner);
  await attachText(seeding, partner, 'fuzz', 'a file to aim at');
  await ok('users.create', { username: 'fuzz.user', nameFa: 'کاربر آزمون' });
  const { backup } = (await ok('backup.create', {})) as { backup: { id: string } };
  pool.add(backup.id);
  for (const method of METHOD_NAMES.filter((m) => m.endsWith('.list'))) {
    const result = await desk.call(method, {});
    if (result.ok) pool.collect(result.value);
  }
  return { desk, dir, pool, logged };
}
