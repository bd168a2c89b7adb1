import { toJalaali } from 'jalaali-js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { raiseRegisterCounter } from '../../electron/main/core/letters/register-number';
import { displayRegisterNumber } from '../../shared/letters/register-number';
import { openTestDesk, type TestDesk } from '../helpers/desk';
import { addPartner, countRows, letterInput } from './letters.fixtures';

let t: TestDesk;
beforeEach(async () => {
  t = await openTestDesk();
});
afterEach(async () => {
  await t.cleanup();
});

describe('register numbers', () => {
  it('200 letters registered at once get 200 distinct numbers with no gap', async () => {
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        t.desk.call('letters.create', letterInput({ subject: `نامه ${i}`, letterDate: '2025-06-01' })),
      ),
    );
    const seqs = results.map((r) => {
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.jalaliYear).toBe(1404);
      expect(r.value.number).toBe(`${r.value.seq}/1404/ر ب`);
      return r.value.seq;
    });
    expect(new Set(seqs).size).toBe(200);
    expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(await countRows(t, 'letters')).toBe(200);
    expect(await countRows(t, 'audit_log')).toBe(200);
    const counter = await t.desk.internals.db.selectFrom('register_counters').selectAll().execute();
    expect(counter).toEqual([{ secretariat: 'main', jalali_year: 1404, last_seq: 200 }]);
  });

  it('a registration that fails gives its number back, even among concurrent ones', async () => {
    const missingPartner = '01900000-0000-7000-8000-000000000000';
    const calls = Array.from({ length: 30 }, (_, i) =>
      t.desk.call(
        'letters.create',
        letterInput(
          i % 3 === 1
            ? { subject: `ناقص ${i}`, partnerIds: [missingPartner] }
            : i % 3 === 2
              ? { subject: `ناقص ${i}`, classification: 'فوق‌العاده' }
              : { subject: `نامه ${i}` },
        ),
      ),
    );
    const results = await Promise.all(calls);
    const failures = results.filter((r) => !r.ok);
    expect(failures.map((r) => (r.ok ? null : r.error.code)).sort()).toEqual([
      ...Array<string>(10).fill('NOT_FOUND'),
      ...Array<string>(10).fill('VALIDATION'),
    ]);
    const seqs = results.flatMap((r) => (r.ok ? [r.value.seq] : [])).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    const next = await t.ok('letters.create', letterInput());
    expect(next.seq).toBe(11);
  });

  it('the register rolls over at Nowruz, not on 1 January', async () => {
    // The dates as the calendar has them (jalaali-js, independent of the desk's helpers).
    expect(toJalaali(2026, 3, 20)).toEqual({ jy: 1404, jm: 12, jd: 29 });
    expect(toJalaali(2026, 3, 21)).toEqual({ jy: 1405, jm: 1, jd: 1 });

    const december = await t.ok('letters.create', letterInput({ letterDate: '2025-12-31' }));
    const january = await t.ok('letters.create', letterInput({ letterDate: '2026-01-01' }));
    const lastDay = await t.ok('letters.create', letterInput({ letterDate: '2026-03-20' }));
    const nowruz = await t.ok('letters.create', letterInput({ letterDate: '2026-03-21' }));
    const after = await t.ok('letters.create', letterInput({ letterDate: '2026-04-01' }));

    expect([december, january, lastDay].map((l) => [l.jalaliYear, l.seq])).toEqual([
      [1404, 1],
      [1404, 2],
      [1404, 3],
    ]);
    expect(lastDay.number).toBe('3/1404/ر ب');
    expect(nowruz.number).toBe('1/1405/ر ب');
    expect(after.number).toBe('2/1405/ر ب');
    expect(displayRegisterNumber(nowruz.number, 'fa')).toBe('۱/۱۴۰۵/ر ب');
  });

  it('the letter date decides the year, not the day it is typed in', async () => {
    t.clock.set('2026-03-25T08:00:00.000Z'); // already 1405 in Tehran
    const late = await t.ok('letters.create', letterInput({ letterDate: '2026-03-18' }));
    expect(late.number).toBe('1/1404/ر ب');
    expect(late.registeredAt).toBe('2026-03-25T08:00:00.000Z');
  });

  it('follows the pattern and secretariat of the settings; each secretariat counts on its own', async () => {
    await t.ok('settings.set', { key: 'letters.numberPattern', value: '{secretariat}-{year}-{seq}' });
    await t.ok('settings.set', { key: 'letters.secretariat', value: 'دبیرخانه مرکزی' });
    const a = await t.ok('letters.create', letterInput());
    const b = await t.ok('letters.create', letterInput({ secretariat: 'حوزه شهردار' }));
    const c = await t.ok('letters.create', letterInput());
    expect([a.number, b.number, c.number]).toEqual([
      'دبیرخانه مرکزی-1404-1',
      'حوزه شهردار-1404-1',
      'دبیرخانه مرکزی-1404-2',
    ]);
    expect(c.secretariat).toBe('دبیرخانه مرکزی');
  });

  it('an update keeps the register number, even when the letter date moves to another year', async () => {
    const letter = await t.ok('letters.create', letterInput({ letterDate: '2026-03-20' }));
    const updated = await t.ok('letters.update', {
      id: letter.id,
      letterDate: '2026-03-22',
      subject: 'اصلاح',
    });
    expect(updated.number).toBe(letter.number);
    expect([updated.jalaliYear, updated.seq]).toEqual([1404, 1]);
    const next = await t.ok('letters.create', letterInput({ letterDate: '2026-03-22' }));
    expect(next.number).toBe('1/1405/ر ب');
  });

  it('the counter survives closing and reopening the desk', async () => {
    await t.ok('letters.create', letterInput());
    await t.ok('letters.create', letterInput());
    await t.reopen();
    expect((await t.ok('letters.create', letterInput())).seq).toBe(3);
  });

  it('a register imported with its numbers continues after them', async () => {
    await t.ok('letters.create', letterInput());
    await t.desk.internals.db.transaction().execute(async (tx) => {
      await raiseRegisterCounter(tx, 'main', 1404, 730);
      await raiseRegisterCounter(tx, 'main', 1404, 12); // never lowers it
      await raiseRegisterCounter(tx, 'main', 1403, 5);
    });
    expect((await t.ok('letters.create', letterInput())).seq).toBe(731);
    expect((await t.ok('letters.create', letterInput({ letterDate: '2025-01-01' }))).number).toBe(
      '6/1403/ر ب',
    );
  });

  it('the database refuses a second letter with the same number', async () => {
    const partner = await addPartner(t, 'کازان', 'Kazan');
    const letter = await t.ok('letters.create', letterInput({ partnerIds: [partner] }));
    const row = await t.desk.internals.db
      .selectFrom('letters')
      .selectAll()
      .where('id', '=', letter.id)
      .executeTakeFirstOrThrow();
    await expect(
      t.desk.internals.db
        .insertInto('letters')
        .values({ ...row, id: '01900000-0000-7000-8000-000000000001' })
        .execute(),
    ).rejects.toThrow(/UNIQUE constraint failed: letters.jalali_year, letters.seq, letters.secretariat/);
  });
});
