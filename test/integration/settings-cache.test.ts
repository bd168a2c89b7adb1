/**
 * Settings are parsed once and kept while the stored rows stay the same; a letter
 * registration reads them each time. Any change — through settings.set, written to the
 * file another way (a restored backup), or rolled back — is what the next letter sees.
 */
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSettings } from '../../electron/main/core/settings/settings.repository';
import { openTestDesk, type TestDesk } from '../helpers/desk';
import { letterInput } from './letters.fixtures';

let t: TestDesk;
beforeEach(async () => {
  t = await openTestDesk();
});
afterEach(async () => {
  await t.cleanup();
});

describe('settings read by a letter registration', () => {
  it('sees a changed setting at the next letter', async () => {
    const first = await t.ok('letters.create', letterInput());
    expect(first.classification).toBe('عادی');
    expect((await t.fail('letters.create', letterInput({ classification: 'طبقه‌بندی تازه' }))).code).toBe(
      'VALIDATION',
    );

    await t.ok('settings.set', { key: 'letters.classifications', value: ['طبقه‌بندی تازه', 'عادی'] });
    const second = await t.ok('letters.create', letterInput({ classification: 'طبقه‌بندی تازه' }));
    expect(second.classification).toBe('طبقه‌بندی تازه');
    // The first of the list is the default of a letter that names none.
    expect((await t.ok('letters.create', letterInput())).classification).toBe('طبقه‌بندی تازه');

    await t.ok('settings.set', { key: 'letters.numberPattern', value: 'ن-{seq}/{year}' });
    const numbered = await t.ok('letters.create', letterInput());
    expect(numbered.number).toBe(`ن-${numbered.seq}/1404`);
  });

  it('sees rows written to the file without settings.set, and a rolled-back change is gone', async () => {
    const db = t.desk.internals.db;
    await t.ok('letters.create', letterInput());
    // As a restored backup would have it: the row changed under the desk.
    await sql`INSERT INTO settings (key, value, updated_at)
      VALUES ('letters.urgencies', '["بی‌درنگ"]', '2025-05-05T09:00:00.000Z')`.execute(db);
    expect((await t.ok('letters.create', letterInput())).urgency).toBe('بی‌درنگ');

    await expect(
      db.transaction().execute(async (tx) => {
        await sql`UPDATE settings SET value = '["موقت"]' WHERE key = 'letters.urgencies'`.execute(tx);
        expect((await readSettings(tx))['letters.urgencies']).toEqual(['موقت']);
        throw new Error('take it back');
      }),
    ).rejects.toThrow('take it back');
    expect((await readSettings(db))['letters.urgencies']).toEqual(['بی‌درنگ']);
    expect((await t.ok('letters.create', letterInput())).urgency).toBe('بی‌درنگ');

    // A stored value that no longer parses falls back to the default, and a caller changing
    // its answer changes nothing for the next one.
    await sql`UPDATE settings SET value = 'not json' WHERE key = 'letters.urgencies'`.execute(db);
    const settings = await readSettings(db);
    expect(settings['letters.urgencies']).toEqual(['عادی', 'فوری', 'خیلی فوری', 'آنی']);
    (settings as Record<string, unknown>)['letters.secretariat'] = 'changed';
    expect((await readSettings(db))['letters.secretariat']).toBe('main');
    expect((await t.ok('settings.get', {}))['letters.secretariat']).toBe('main');
  });
});
