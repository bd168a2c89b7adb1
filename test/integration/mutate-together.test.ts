import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeskError } from '../../electron/main/core/errors';
import { openTestDesk, type TestDesk } from '../helpers/desk';

let t: TestDesk;
beforeEach(async () => {
  t = await openTestDesk();
});
afterEach(async () => {
  await t.cleanup();
});

const city = (nameFa: string, nameEn: string) => ({ kind: 'city', nameFa, nameEn, country: 'IT' }) as const;

describe('Desk.mutateTogether', () => {
  it('writes each mutation with its own audit row and search entry, as call does', async () => {
    const made = await t.desk.mutateTogether(async (call) => [
      await call('partners.create', city('فلورانس', 'Florence')),
      await call('partners.create', city('ونیز', 'Venice')),
    ]);
    const audit = await t.ok('audit.list', { entity: 'partner' });
    expect(audit.items.map((a) => [a.action, a.entityId]).reverse()).toEqual([
      ['partners.create', made[0]!.id],
      ['partners.create', made[1]!.id],
    ]);
    expect(audit.items[0]!.after).toEqual(made[1]);
    expect((await t.ok('audit.verify', {})).ok).toBe(true);
    const hits = await t.ok('search.query', { text: 'ونیز' });
    expect(hits.items.map((h) => h.id)).toEqual([made[1]!.id]);
  });

  it('takes a refused mutation back alone and keeps the others', async () => {
    const kept = await t.desk.mutateTogether(async (call) => {
      const florence = await call('partners.create', city('فلورانس', 'Florence'));
      // A district under a parent that does not exist is refused by partners.create.
      const refused = await call('partners.create', {
        kind: 'district',
        nameFa: 'محله',
        nameEn: 'Quarter',
        parentId: '01890000-0000-7000-8000-000000000000',
      }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(DeskError);
      return florence;
    });
    const partners = await t.ok('partners.list', {});
    expect(partners.items.map((p) => p.id)).toEqual([kept.id]);
    const audit = await t.ok('audit.list', {});
    expect(audit.total).toBe(1);
  });

  it('takes everything back when the work itself fails', async () => {
    await expect(
      t.desk.mutateTogether(async (call) => {
        await call('partners.create', city('فلورانس', 'Florence'));
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect((await t.ok('partners.list', {})).total).toBe(0);
    expect((await t.ok('audit.list', {})).total).toBe(0);
    expect((await t.ok('search.query', { text: 'فلورانس' })).items).toEqual([]);
  });
});
