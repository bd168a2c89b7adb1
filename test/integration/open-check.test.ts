/**
 * Opening a large desk: the checks that read a few pages (header, length, application id,
 * structure) run before it opens; the page-by-page check runs in the background right after,
 * on its own read-only connection, and reports through system.info and the `integrity` event.
 * A desk that did not close cleanly is still checked page by page before it opens.
 */
import { copyFileSync, cpSync, rmSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../shared/api/events';
import { openDesk, type Desk } from '../../electron/main/core';
import { CHECK_BEFORE_OPEN_UP_TO_BYTES } from '../../electron/main/core/db/database';
import type { DeskError } from '../../electron/main/core/errors';
import { deskOptions, openTestDesk, tempDir } from '../helpers/desk';
import { addPartnerRow, scribble, withFile } from '../helpers/reliability';

const scratch: string[] = [];
let template: string;
/** The first page of the partners table: real records, far from the schema on page 1. */
let partnersPage: number;

function copyOfDesk(): string {
  const dir = tempDir('desk-large-');
  scratch.push(dir);
  cpSync(template, dir, { recursive: true });
  return dir;
}

/** Opens the desk and waits for the background check's verdict, through the event. */
async function openAndWatch(dir: string): Promise<{
  desk: Desk;
  stateAfterOpen: string;
  verdict: EventPayload<'integrity'>;
}> {
  const desk = await openDesk(deskOptions(dir));
  const verdict = new Promise<EventPayload<'integrity'>>((resolve) => desk.on('integrity', resolve));
  const info = await desk.call('system.info', {});
  if (!info.ok) throw new Error(info.error.message);
  return { desk, stateAfterOpen: info.value.integrity.state, verdict: await verdict };
}

beforeAll(async () => {
  const source = await openTestDesk();
  for (const name of ['فلورانس', 'قازان', 'ایروان']) await addPartnerRow(source, name);
  await source.desk.close();
  template = source.dir;
  // Grown past the limit with free pages, as years of edits leave them.
  const file = join(template, 'desk.sqlite');
  await withFile(file, async (run) => {
    await run(
      `INSERT INTO settings (key, value, updated_at) VALUES ('padding', hex(zeroblob(${CHECK_BEFORE_OPEN_UP_TO_BYTES / 2 + 1_000_000})), '2025-01-01T00:00:00.000Z')`,
    );
    await run(`DELETE FROM settings WHERE key = 'padding'`);
    await run('PRAGMA wal_checkpoint(TRUNCATE)');
    const [root] = await run(`SELECT rootpage FROM sqlite_master WHERE name = 'partners'`);
    partnersPage = Number(root!.rootpage);
  });
  expect(statSync(file).size).toBeGreaterThan(CHECK_BEFORE_OPEN_UP_TO_BYTES);
}, 60_000);

afterAll(() => {
  rmSync(template, { recursive: true, force: true });
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

describe('opening a large desk that closed cleanly', () => {
  it('opens before the page-by-page check, which then passes in the background', async () => {
    const { desk, stateAfterOpen, verdict } = await openAndWatch(copyOfDesk());
    // Not checked page by page before opening: the check was still running, or just done.
    expect(['checking', 'passed']).toContain(stateAfterOpen);
    expect(verdict).toMatchObject({ state: 'passed', problem: null });
    const info = await desk.call('system.info', {});
    expect(info.ok && info.value.integrity).toMatchObject({ state: 'passed', problem: null });
    const partners = await desk.call('partners.list', { limit: 10 });
    expect(partners.ok && partners.value.total).toBe(3);
    await desk.close();
  });

  it('reports damaged pages found in the background, through the event and system.info', async () => {
    const dir = copyOfDesk();
    const file = join(dir, 'desk.sqlite');
    scribble(file, (partnersPage - 1) * 4096 + 8, 4000);
    const { desk, verdict } = await openAndWatch(dir);
    expect(verdict.state).toBe('damaged');
    expect(verdict.problem).toBeTruthy();
    const info = await desk.call('system.info', {});
    expect(info.ok && info.value.integrity.state).toBe('damaged');
    await desk.close();
  });

  it('refuses a file shorter than its header says before opening, without reading it whole', async () => {
    const dir = copyOfDesk();
    const file = join(dir, 'desk.sqlite');
    truncateSync(file, statSync(file).size - 4096 * 4);
    const error = await openDesk(deskOptions(dir)).then(
      async (desk) => {
        await desk.close();
        return null;
      },
      (e: unknown) => e as DeskError,
    );
    expect(error?.code).toBe('CORRUPT');
    expect(error?.message).toMatch(/shorter than its header says/);
  });

  it('stops the background check when the desk closes at once', async () => {
    const desk = await openDesk(deskOptions(copyOfDesk()));
    await desk.close();
    // Closed cleanly: no -wal left, so the next open does not have to read every page first.
    const again = await openDesk(deskOptions(join(desk.internals.env.paths.dataDir)));
    const info = await again.call('system.info', {});
    expect(info.ok && info.value.integrity.state).not.toBe('checked_at_open');
    await again.close();
  });
});

describe('opening a large desk that did not close cleanly', () => {
  it('checks every page before opening, and refuses damaged pages with CORRUPT', async () => {
    const dir = copyOfDesk();
    // A desk killed while open: its -wal is still there.
    const live = await openDesk(deskOptions(dir));
    await live.call('settings.set', { key: 'relationships.dormantMonths', value: 7 });
    const crashed = tempDir('desk-large-crashed-');
    scratch.push(crashed);
    for (const name of ['desk.sqlite', 'desk.sqlite-wal', 'desk.sqlite-shm'])
      copyFileSync(join(dir, name), join(crashed, name));
    await live.close();

    const healthy = tempDir('desk-large-crashed-');
    scratch.push(healthy);
    cpSync(crashed, healthy, { recursive: true });
    const desk = await openDesk(deskOptions(healthy));
    const info = await desk.call('system.info', {});
    expect(info.ok && info.value.integrity.state).toBe('checked_at_open');
    const settings = await desk.call('settings.get', {});
    expect(settings.ok && settings.value['relationships.dormantMonths']).toBe(7);
    await desk.close();

    scribble(join(crashed, 'desk.sqlite'), (partnersPage - 1) * 4096 + 8, 4000);
    const error = await openDesk(deskOptions(crashed)).then(
      async (d) => {
        await d.close();
        return null;
      },
      (e: unknown) => e as DeskError,
    );
    expect(error?.code).toBe('CORRUPT');
    expect(error?.message).toMatch(/quick check failed/);
  });
});
