/**
 * The benchmark measures a generated office with its search indexes merged as the desk's own
 * idle upkeep leaves them (bench/dataset.ts, settleIndexes): the registrations' segments are
 * merged until no level holds four, every letter is still found the same way, and a desk
 * already settled is left as it is.
 */
import { rmSync } from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../electron/main/core';
import { FTS_TABLES, ftsLevels } from '../../electron/main/core/search/index-merge';
import { settleIndexes } from '../../bench/dataset';
import { deskOptions, tempDir } from '../helpers/desk';
import { letterInput } from './letters.fixtures';

let dir: string;
let desk: Desk | null = null;

afterEach(async () => {
  await desk?.close();
  desk = null;
  rmSync(dir, { recursive: true, force: true });
});

async function mostOnALevel(d: Desk): Promise<number> {
  let most = 0;
  for (const table of FTS_TABLES)
    for (const level of await ftsLevels(d.internals.db, table)) most = Math.max(most, level.segments);
  return most;
}

async function found(d: Desk, text: string): Promise<string[]> {
  const list = await d.call('letters.list', {
    text,
    sort: { by: 'letterDate', direction: 'desc' },
    limit: 50,
  });
  if (!list.ok) throw new Error(list.error.message);
  const search = await d.call('search.query', { text, limit: 50 });
  if (!search.ok) throw new Error(search.error.message);
  return [...list.value.items.map((l) => l.id), ...search.value.items.map((h) => h.id)];
}

it('merges what registrations back to back left, as an idle desk would, and finds the same letters', async () => {
  dir = tempDir();
  // Never idle during the test: only settleIndexes merges.
  desk = await openDesk(deskOptions(dir, { indexUpkeep: { quietMs: 3_600_000 } }));
  for (let n = 0; n < 12; n++) {
    const created = await desk.call(
      'letters.create',
      letterInput({ subject: `گزارش سفر هیئت شماره ${n}`, body: `متن نامه درباره هفته فرهنگی ${n}` }),
    );
    if (!created.ok) throw new Error(created.error.message);
  }
  expect(await mostOnALevel(desk)).toBeGreaterThanOrEqual(12);
  const before = await found(desk, 'هفته فرهنگی');
  expect(before.length).toBeGreaterThanOrEqual(12);

  const settled = await settleIndexes(desk);
  expect(settled.steps).toBeGreaterThan(0);
  expect(settled.segmentsAfter).toBeLessThan(settled.segmentsBefore);
  expect(await mostOnALevel(desk)).toBeLessThan(4);
  expect(await found(desk, 'هفته فرهنگی')).toEqual(before);

  const again = await settleIndexes(desk);
  expect(again).toMatchObject({ steps: 0, segmentsBefore: settled.segmentsAfter });
});
