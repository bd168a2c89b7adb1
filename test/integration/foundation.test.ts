import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDesk, type TestDesk } from '../helpers/desk';

let t: TestDesk;
beforeEach(async () => {
  t = await openTestDesk();
});
afterEach(async () => {
  await t.cleanup();
});

describe('the core entry', () => {
  it('answers system.info from the real database', async () => {
    const info = await t.ok('system.info', {});
    expect(info.appName).toBe('City Diplomacy Desk');
    expect(info.schemaVersion).toMatch(/^\d{4}-\d{2}-\d{2}-/);
    expect(info.sqliteVersion).toMatch(/^3\./);
    expect(info.dataDir).toBe(t.dir);
    expect(info.now).toBe('2025-05-05T09:00:00.000Z');
  });

  it('settings.set writes one audit row chained to the previous one', async () => {
    await t.ok('settings.set', { key: 'relationships.dormantMonths', value: 18 });
    await t.ok('settings.set', { key: 'letters.numberPattern', value: '{seq}/{year}' });
    const audit = await t.ok('audit.list', {});
    expect(audit.total).toBe(2);
    const [second, first] = audit.items;
    expect(first!.prevHash).toBe('0'.repeat(64));
    expect(second!.prevHash).toBe(first!.hash);
    expect(second!.before).toEqual({ 'letters.numberPattern': '{seq}/{year}/ر ب' });
    expect(second!.after).toEqual({ 'letters.numberPattern': '{seq}/{year}' });
    expect(second!.actor).toBe('tester');
    expect(second!.workstation).toBe('TEST-PC');
    const settings = await t.ok('settings.get', {});
    expect(settings['relationships.dormantMonths']).toBe(18);
    expect((await t.ok('audit.verify', {})).ok).toBe(true);
  });
});
