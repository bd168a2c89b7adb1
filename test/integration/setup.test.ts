import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDesk, type TestDesk } from '../helpers/desk';

let t: TestDesk;
beforeEach(async () => {
  t = await openTestDesk({ actor: 'f.moradi' });
});
afterEach(async () => {
  await t.cleanup();
});

const TABRIZ = { nameFa: 'تبریز', nameEn: 'Tabriz', country: 'IR', latitude: 38.08, longitude: 46.2919 };

async function auditTotal(): Promise<number> {
  return (await t.ok('audit.list', { limit: 1 })).total;
}

describe('first run', () => {
  it('says a new, empty desk was never set up', async () => {
    expect(await t.ok('setup.status', {})).toEqual({
      completed: false,
      completedAt: null,
      actor: 'f.moradi',
    });
  });

  it('starts empty: registers the person, names the own city and the office, once', async () => {
    const done = await t.ok('setup.complete', {
      locale: 'en',
      calendar: 'gregorian',
      nameFa: 'فاطمه مرادی',
      nameEn: 'Fatemeh Moradi',
      city: TABRIZ,
      start: 'empty',
    });
    expect(done.sampleLoaded).toBeNull();
    expect(done.user).toMatchObject({
      username: 'f.moradi',
      nameFa: 'فاطمه مرادی',
      nameEn: 'Fatemeh Moradi',
      locale: 'en',
      calendar: 'gregorian',
      role: 'admin',
    });
    expect(await t.ok('users.me', {})).toEqual(done.user);

    const own = await t.ok('partners.list', { own: true });
    expect(own.items).toHaveLength(1);
    expect(own.items[0]).toMatchObject({
      id: done.ownCity.id,
      kind: 'city',
      nameFa: 'تبریز',
      nameEn: 'Tabriz',
      country: 'IR',
      latitude: 38.08,
      longitude: 46.2919,
      own: true,
    });
    const settings = await t.ok('settings.get', {});
    expect(settings['office.nameFa']).toBe('اداره کل ارتباطات و امور بین‌الملل شهرداری تبریز');
    expect(settings['office.nameEn']).toBe(
      'Directorate-General of Communications and International Affairs, Tabriz Municipality',
    );
    expect(settings).not.toHaveProperty('setup.completedAt');

    expect(await t.ok('setup.status', {})).toEqual({
      completed: true,
      completedAt: done.completedAt,
      actor: 'f.moradi',
    });
    const [setupRow] = (await t.ok('audit.list', { entity: 'setup' })).items;
    expect(setupRow).toMatchObject({
      action: 'setup.complete',
      after: { user: done.user.id, ownCity: done.ownCity.id, start: 'empty' },
    });
    expect((await t.ok('audit.list', { entity: 'user' })).items[0]).toMatchObject({
      action: 'setup.complete',
      entityId: done.user.id,
    });

    // Never twice: the second attempt is refused and changes nothing.
    const audited = await auditTotal();
    const again = await t.fail('setup.complete', {
      locale: 'fa',
      calendar: 'jalali',
      nameFa: 'کسی دیگر',
      city: { nameFa: 'شیراز' },
      start: 'empty',
    });
    expect(again.code).toBe('CONFLICT');
    expect(await auditTotal()).toBe(audited);
    expect((await t.ok('partners.list', {})).total).toBe(1);
    expect((await t.ok('users.me', {}))?.nameFa).toBe('فاطمه مرادی');
    expect((await t.ok('audit.verify', {})).ok).toBe(true);
  });

  it('keeps office names the office already chose', async () => {
    await t.ok('settings.set', { key: 'office.nameFa', value: 'معاونت امور بین‌الملل' });
    await t.ok('setup.complete', {
      locale: 'fa',
      calendar: 'jalali',
      nameFa: 'فاطمه مرادی',
      city: { nameFa: 'یزد' },
      start: 'empty',
    });
    const settings = await t.ok('settings.get', {});
    expect(settings['office.nameFa']).toBe('معاونت امور بین‌الملل');
    // No English name for the city: the English office name stays as it came.
    expect(settings['office.nameEn']).toBe('Directorate-General of Communications and International Affairs');
  });

  it('loads the sample office with its progress, with the person registered first and Isfahan entered once', async () => {
    const phases: [string, number, number][] = [];
    t.desk.on('progress', (p) => p.method === 'setup.complete' && phases.push([p.phase, p.done, p.total]));
    const done = await t.ok('setup.complete', {
      locale: 'fa',
      calendar: 'jalali',
      nameFa: 'فاطمه مرادی',
      nameEn: 'Fatemeh Moradi',
      // Spelt with a kasra and in lower case: the sample's Isfahan is found all the same.
      city: { nameFa: 'اِصفهان', nameEn: 'isfahan', country: 'IR', latitude: 32.65, longitude: 51.67 },
      start: 'sample',
    });
    expect(done.sampleLoaded).toBe(true);
    expect(phases[0]).toEqual(['account', 0, 8]);
    expect(phases.map((p) => p[0])).toEqual([
      'account',
      'people',
      'partners',
      'relationships',
      'letters',
      'agreements',
      'events',
      'office',
      'office',
      'done',
    ]);
    const fractions = phases.map(([, d, n]) => d / n);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    expect(phases.at(-1)).toEqual(['done', 8, 8]);

    const isfahan = await t.ok('partners.list', { text: 'Isfahan', kind: 'city' });
    expect(isfahan.items.map((p) => [p.nameEn, p.own])).toEqual([['Isfahan', true]]);
    expect(done.ownCity.id).toBe(isfahan.items[0]!.id);
    // The sample was loaded with the person registered, so work is referred to them too.
    const overview = await t.ok('desk.overview', {});
    expect(overview.referralsToMe.total).toBeGreaterThan(0);
    expect((await t.ok('settings.get', {}))['office.nameFa']).toBe(
      'اداره کل ارتباطات و امور بین‌الملل شهرداری اصفهان',
    );
    expect((await t.ok('audit.list', { entity: 'sample' })).total).toBe(1);
    expect((await t.ok('audit.verify', {})).ok).toBe(true);
  });

  it('adds another own city beside the sample’s Isfahan when the office is elsewhere', async () => {
    const done = await t.ok('setup.complete', {
      locale: 'fa',
      calendar: 'jalali',
      nameFa: 'فاطمه مرادی',
      city: TABRIZ,
      start: 'sample',
    });
    const own = await t.ok('partners.list', { own: true, kind: 'city' });
    expect(own.items.map((p) => p.nameEn).sort()).toEqual(['Isfahan', 'Tabriz']);
    expect(done.ownCity.nameEn).toBe('Tabriz');
  });

  it('refuses bad input before writing anything', async () => {
    const base = { locale: 'fa', calendar: 'jalali', nameFa: 'فاطمه مرادی', start: 'empty' } as const;
    for (const input of [
      { ...base, city: { nameFa: 'تبریز', latitude: 38.08 } },
      { ...base, city: { nameFa: '   ' } },
      { ...base, nameFa: '', city: { nameFa: 'تبریز' } },
      { ...base, city: { nameFa: 'تبریز', country: 'Iran' } },
      { ...base, start: 'restore', city: { nameFa: 'تبریز' } },
      { ...base, locale: 'de', city: { nameFa: 'تبریز' } },
    ]) {
      expect((await t.fail('setup.complete', input)).code).toBe('VALIDATION');
    }
    expect(await auditTotal()).toBe(0);
    expect((await t.ok('setup.status', {})).completed).toBe(false);
    expect(await t.ok('users.list', {})).toEqual([]);
  });

  it('rolls back the sample when it fails, and can be finished afterwards', async () => {
    await sql`CREATE TRIGGER refuse_events BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'refused'); END`.execute(
      t.desk.internals.db,
    );
    const input = {
      locale: 'fa',
      calendar: 'jalali',
      nameFa: 'فاطمه مرادی',
      city: TABRIZ,
      start: 'sample',
    } as const;
    expect((await t.fail('setup.complete', input)).code).toBe('CONFLICT');
    expect((await t.ok('partners.list', {})).total).toBe(0);
    expect((await t.ok('setup.status', {})).completedAt).toBeNull();
    await sql`DROP TRIGGER refuse_events`.execute(t.desk.internals.db);

    const done = await t.ok('setup.complete', input);
    expect(done.sampleLoaded).toBe(true);
    // The person was registered by the first attempt and brought up to date by the second.
    expect(await t.ok('users.list', {})).toEqual(
      expect.arrayContaining([expect.objectContaining({ username: 'f.moradi', id: done.user.id })]),
    );
    expect((await t.ok('users.list', {})).filter((u) => u.username === 'f.moradi')).toHaveLength(1);
  });

  it('counts a desk that already holds staff or records as set up', async () => {
    await t.ok('letters.create', {
      direction: 'incoming',
      letterDate: '2025-05-01',
      from: { text: 'وزارت کشور' },
      to: { text: 'اداره کل ارتباطات و امور بین‌الملل' },
      subject: 'نامه‌ای از پیش',
    });
    expect(await t.ok('setup.status', {})).toMatchObject({ completed: true, completedAt: null });

    const other = await openTestDesk({ actor: 'f.moradi' });
    try {
      await other.ok('users.create', { username: 'r.karimi', nameFa: 'رضا کریمی' });
      expect((await other.ok('setup.status', {})).completed).toBe(true);
    } finally {
      await other.cleanup();
    }
  });
});
