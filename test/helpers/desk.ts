/**
 * Opens a real desk on a fresh temporary folder for one test, and helpers to call it.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import type { DeskErrorShape } from '../../shared/api/errors';
import { openDesk, type Desk, type OpenDeskOptions } from '../../electron/main/core';
import type { Clock } from '../../electron/main/core/platform/platform.port';
import { fakePlatform, type FakePlatform } from './fake-platform';

/** A clock the test moves by hand; starts at 2025-05-05 09:00 UTC unless told otherwise. */
export class TestClock implements Clock {
  #now: number;
  constructor(start: string | Date = '2025-05-05T09:00:00.000Z') {
    this.#now = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.#now);
  }
  set(at: string | Date): void {
    this.#now = new Date(at).getTime();
  }
  advance(ms: number): void {
    this.#now += ms;
  }
}

export interface TestDesk {
  desk: Desk;
  dir: string;
  clock: TestClock;
  platform: FakePlatform;
  /** Calls a method and answers its value; fails the test with the error otherwise. */
  ok<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  /** Calls a method that must fail; answers the error. */
  fail<M extends MethodName>(method: M, input: unknown): Promise<DeskErrorShape>;
  /** Closes and reopens the desk on the same folder. */
  reopen(): Promise<void>;
  cleanup(): Promise<void>;
}

export function tempDir(prefix = 'desk-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

let template: Promise<string> | null = null;

/**
 * A fully migrated, empty desk file made once per test process. Migrating a new desk costs
 * a few hundred milliseconds of fsyncs; copying this file costs one. Tests of migrations
 * themselves open their own folders (pass `dir`, or `fresh: true`).
 */
function migratedTemplate(): Promise<string> {
  template ??= (async () => {
    const dir = tempDir('desk-template-');
    const desk = await openDesk({
      dataDir: dir,
      actor: 'template',
      platform: fakePlatform(),
      clock: new TestClock(),
      logger: { error: () => {} },
      automaticBackups: false,
    });
    // Closing the only connection checkpoints the WAL into the file.
    await desk.close();
    return join(dir, 'desk.sqlite');
  })();
  return template;
}

/**
 * The options a test opens a desk with: the actor `tester`, a fake platform, a test clock, a
 * silent log and no daily backup; `overrides` changes any of them for what the test is about.
 */
export function deskOptions(dataDir: string, overrides: Partial<OpenDeskOptions> = {}): OpenDeskOptions {
  return {
    dataDir,
    actor: 'tester',
    platform: fakePlatform(),
    clock: new TestClock(),
    logger: { error: () => {} },
    automaticBackups: false,
    ...overrides,
  };
}

export async function openTestDesk(
  options: {
    dir?: string;
    clock?: TestClock;
    actor?: string;
    /** Migrate a new database instead of copying the migrated template. */
    fresh?: boolean;
    /** The daily backup at start; off in tests unless a test is about it. */
    automaticBackups?: boolean;
  } = {},
): Promise<TestDesk> {
  const dir = options.dir ?? tempDir();
  if (options.dir === undefined && !options.fresh)
    copyFileSync(await migratedTemplate(), join(dir, 'desk.sqlite'));
  const clock = options.clock ?? new TestClock();
  const platform = fakePlatform();
  const open = () =>
    openDesk(
      deskOptions(dir, {
        actor: options.actor ?? 'tester',
        platform,
        clock,
        automaticBackups: options.automaticBackups ?? false,
      }),
    );
  const t: TestDesk = {
    desk: await open(),
    dir,
    clock,
    platform,
    async ok(method, input) {
      const result = await t.desk.call(method, input);
      if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
    async fail(method, input) {
      const result = await t.desk.call(method as string, input);
      if (result.ok) throw new Error(`${method} unexpectedly succeeded`);
      return result.error;
    },
    async reopen() {
      await t.desk.close();
      t.desk = await open();
    },
    async cleanup() {
      await t.desk.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return t;
}
