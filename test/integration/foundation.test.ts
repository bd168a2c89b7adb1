import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDesk, type TestDesk } from '../helpers/desk';

let t: TestDesk;
beforeEach(async () => {
  t = await openTestDesk();
});
afterEach(async () => {
  await t.cleanup();
});

/** What must not change when a call is refused. */
async function snapshot() {
  const audit = await t.ok('audit.list', { limit: 1 });
  const settings = await t.ok('settings.get', {});
  const users = await t.ok('users.list', { includeInactive: true });
  return { audit: audit.total, head: audit.items[0]?.hash ?? null, settings, users };
}

describe('the core entry', () => {
  it('answers system.info from the real database', async () => {
    const info = await t.ok('system.info', {});
    expect(info.appName).toBe('City Diplomacy Desk');
    expect(info.schemaVersion).toMatch(/^\d{4}-\d{2}-\d{2}-/);
    expect(info.sqliteVersion).toMatch(/^3\./);
    expect(info.dataDir).toBe(t.dir);
    expect(info.now).toBe('2025-05-05T09:00:00.000Z');
    expect(info.currentUser).toBeNull();
  });

  it('settings.set writes one audit row chained to the previous one', async () => {
    await t.ok('settings.set', { key: 'relationships.dormantMonths', value: 18 });
    await t.ok('settings.set', { key: 'letters.numberPattern', value: '{seq}/{year}' });
    const audit = await t.ok('audit.list', {});
    expect(audit.total).toBe(2);
    const [second, first] = audit.items;
    expect(first!.prevHash).toBe('0'.repeat(64));
    expect(second!.prevHash).toBe(first!.hash);
    expect(second!.action).toBe('settings.set');
    expect(second!.before).toEqual({ 'letters.numberPattern': '{seq}/{year}/ر ب' });
    expect(second!.after).toEqual({ 'letters.numberPattern': '{seq}/{year}' });
    expect(second!.actor).toBe('tester');
    expect(second!.workstation).toBe('TEST-PC');
    const settings = await t.ok('settings.get', {});
    expect(settings['relationships.dormantMonths']).toBe(18);
    expect((await t.ok('audit.verify', {})).ok).toBe(true);
  });

  it('refuses a setting value that does not fit its own schema', async () => {
    const before = await snapshot();
    const error = await t.fail('settings.set', { key: 'letters.numberPattern', value: 'no sequence here' });
    expect(error.code).toBe('VALIDATION');
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ['a wrong type', { key: 'relationships.dormantMonths', value: '12' }],
    ['an unknown key', { key: 'relationships.dormantMonths', value: 12, extra: true }],
    ['an unknown setting', { key: 'nope', value: 1 }],
    ['a 1 MB string', { key: 'office.nameFa', value: 'ا'.repeat(1024 * 1024) }],
    ['a __proto__ key', JSON.parse('{"key":"office.nameFa","value":"x","__proto__":{"polluted":true}}')],
    ['a NUL character', { key: 'office.nameFa', value: 'a\u0000b' }],
    ['no object at all', 'settings'],
    ['null', null],
  ])('answers VALIDATION for %s and changes nothing', async (_label, input) => {
    await t.ok('settings.set', { key: 'office.nameFa', value: 'دفتر' });
    const before = await snapshot();
    const error = await t.fail('settings.set', input);
    expect(error.code).toBe('VALIDATION');
    expect(error.message).not.toMatch(/SQLITE|at .*\.ts|stack/i);
    expect(await snapshot()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers VALIDATION for a method that is not in the contract', async () => {
    const result = await t.desk.call('system.dropEverything', {});
    expect(result).toEqual({ ok: false, error: { code: 'VALIDATION', message: 'There is no such method.' } });
    const proto = await t.desk.call('__proto__', {});
    expect(proto.ok).toBe(false);
  });

  it('keeps users and settings across close and reopen', async () => {
    const user = await t.ok('users.create', {
      username: 'ali.rezaei',
      nameFa: 'علی رضایی',
      position: 'کارشناس',
    });
    await t.ok('settings.set', { key: 'letters.secretariat', value: 'بین‌الملل' });
    await t.reopen();
    expect(await t.ok('users.list', {})).toEqual([user]);
    expect((await t.ok('settings.get', {}))['letters.secretariat']).toBe('بین‌الملل');
    expect((await t.ok('audit.verify', {})).checked).toBe(2);
  });

  it('accepts a Windows login with a space and a domain, and refuses one with a slash', async () => {
    await t.ok('users.create', { username: 'Maryam Ahmadi', nameFa: 'مریم احمدی' });
    await t.ok('users.create', { username: 'CITY\\m.ahmadi', nameFa: 'مریم احمدی' });
    expect((await t.fail('users.create', { username: '../admin', nameFa: 'x' })).code).toBe('VALIDATION');
  });

  it('knows the signed-in user and refuses a duplicate username', async () => {
    await t.ok('users.create', { username: 'tester', nameFa: 'آزمونگر', locale: 'en' });
    const me = await t.ok('users.me', {});
    expect(me?.calendar).toBe('gregorian');
    expect((await t.ok('system.info', {})).currentUser?.username).toBe('tester');
    const before = await snapshot();
    expect((await t.fail('users.create', { username: 'tester', nameFa: 'دیگری' })).code).toBe('CONFLICT');
    expect(await snapshot()).toEqual(before);
  });

  it('updates a user and records before and after', async () => {
    const user = await t.ok('users.create', { username: 'sara', nameFa: 'سارا' });
    t.clock.advance(60_000);
    const updated = await t.ok('users.update', { id: user.id, position: 'مدیر', active: false });
    expect(updated.position).toBe('مدیر');
    expect(updated.updatedAt).toBe('2025-05-05T09:01:00.000Z');
    expect(await t.ok('users.list', {})).toEqual([]);
    const [row] = (await t.ok('audit.list', { entity: 'user', entityId: user.id })).items;
    expect(row).toMatchObject({ action: 'users.update', before: { active: true }, after: { active: false } });
    expect(
      (await t.fail('users.update', { id: '0190a1b2-0000-7000-8000-000000000000', nameFa: 'x' })).code,
    ).toBe('NOT_FOUND');
  });

  it('refuses UPDATE and DELETE on the audit trail inside the file itself', async () => {
    await t.ok('settings.set', { key: 'relationships.dormantMonths', value: 6 });
    const db = t.desk.internals.db;
    await expect(sql`UPDATE audit_log SET actor = 'someone'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(db)).rejects.toThrow(/append-only/);
    expect((await t.ok('audit.verify', {})).ok).toBe(true);
  });

  it('lists the audit trail per entity, newest first, with paging', async () => {
    for (const months of [3, 4, 5])
      await t.ok('settings.set', { key: 'relationships.dormantMonths', value: months });
    await t.ok('users.create', { username: 'maryam', nameFa: 'مریم' });
    const settings = await t.ok('audit.list', { entity: 'setting', limit: 2 });
    expect(settings.total).toBe(3);
    expect(settings.items.map((r) => r.after)).toEqual([
      { 'relationships.dormantMonths': 5 },
      { 'relationships.dormantMonths': 4 },
    ]);
    const next = await t.ok('audit.list', { entity: 'setting', limit: 2, offset: 2 });
    expect(next.items.map((r) => r.seq)).toEqual([1]);
  });

  it('writes the database file in the data folder as a desk database', async () => {
    const header = readFileSync(`${t.dir}/desk.sqlite`).subarray(0, 16).toString('latin1');
    expect(header).toBe('SQLite format 3\u0000');
  });
});
