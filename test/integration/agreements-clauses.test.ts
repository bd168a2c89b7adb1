import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClauseChange } from '../../shared/api/agreements.contract';
import { openTestDesk, type TestDesk } from '../helpers/desk';
import { agreementTables, kazanDraft, seedWorld, tri, type World } from './agreements.fixtures';

let t: TestDesk;
let w: World;
let agreementId: string;
beforeEach(async () => {
  t = await openTestDesk();
  w = await seedWorld(t);
  agreementId = (await t.ok('agreements.create', kazanDraft(w))).id;
});
afterEach(async () => {
  await t.cleanup();
});

const order = (change: ClauseChange) => change.clauses.map((c) => c.texts.en);
const positions = (change: ClauseChange) => change.clauses.map((c) => c.position);

async function addAll(...names: string[]): Promise<ClauseChange> {
  let last!: ClauseChange;
  for (const n of names) {
    last = await t.ok('agreements.clauses.add', { agreementId, texts: tri(`ru ${n}`, `fa ${n}`, n) });
  }
  return last;
}

describe('clauses of a draft', () => {
  it('adds at the end and at a place, keeping positions dense', async () => {
    const three = await addAll('A', 'B', 'C');
    expect(order(three)).toEqual(['A', 'B', 'C']);
    const inserted = await t.ok('agreements.clauses.add', {
      agreementId,
      texts: tri('', 'fa X', 'X'),
      position: 2,
    });
    expect(order(inserted)).toEqual(['A', 'X', 'B', 'C']);
    expect(positions(inserted)).toEqual([1, 2, 3, 4]);
    expect(inserted.clauses[1]!.clauseKey).toBe(inserted.clauseKey);
    expect(inserted.clauses[1]!.texts).toEqual({ ru: '', fa: 'fa X', en: 'X' });
    const first = await t.ok('agreements.clauses.add', { agreementId, texts: tri('', '', 'Z'), position: 1 });
    expect(order(first)).toEqual(['Z', 'A', 'X', 'B', 'C']);
    const error = await t.fail('agreements.clauses.add', {
      agreementId,
      texts: tri('', '', 'Q'),
      position: 7,
    });
    expect(error).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['position'] }] });
  });

  it('moves a clause up and down and keeps its key', async () => {
    const start = await addAll('A', 'B', 'C', 'D');
    const c = start.clauses[2]!.clauseKey;
    const up = await t.ok('agreements.clauses.move', { agreementId, clauseKey: c, toPosition: 1 });
    expect(order(up)).toEqual(['C', 'A', 'B', 'D']);
    expect(up.clauses[0]!.clauseKey).toBe(c);
    const down = await t.ok('agreements.clauses.move', { agreementId, clauseKey: c, toPosition: 4 });
    expect(order(down)).toEqual(['A', 'B', 'D', 'C']);
    expect(positions(down)).toEqual([1, 2, 3, 4]);
    const same = await t.ok('agreements.clauses.move', { agreementId, clauseKey: c, toPosition: 4 });
    expect(order(same)).toEqual(['A', 'B', 'D', 'C']);
    const error = await t.fail('agreements.clauses.move', { agreementId, clauseKey: c, toPosition: 5 });
    expect(error).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['toPosition'] }] });
  });

  it('updates texts in place and removes a clause, closing the gap', async () => {
    const start = await addAll('A', 'B', 'C');
    const b = start.clauses[1]!.clauseKey;
    const updated = await t.ok('agreements.clauses.update', {
      agreementId,
      clauseKey: b,
      texts: tri('Статья Б', 'ماده ب', 'Article B'),
    });
    expect(updated.clauses[1]).toMatchObject({
      clauseKey: b,
      position: 2,
      texts: tri('Статья Б', 'ماده ب', 'Article B'),
    });
    const removed = await t.ok('agreements.clauses.remove', { agreementId, clauseKey: b });
    expect(order(removed)).toEqual(['A', 'C']);
    expect(positions(removed)).toEqual([1, 2]);
    expect(
      (await t.fail('agreements.clauses.update', { agreementId, clauseKey: b, texts: tri('', '', '') })).code,
    ).toBe('NOT_FOUND');
  });

  it('refuses texts without exactly the agreement’s languages and changes nothing', async () => {
    await addAll('A');
    const before = await agreementTables(t);
    for (const texts of [{ fa: 'فقط فارسی', en: 'only' }, { ...tri('', '', ''), de: 'zusätzlich' }, {}]) {
      const error = await t.fail('agreements.clauses.add', { agreementId, texts });
      expect(error).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['texts'] }] });
    }
    expect(await agreementTables(t)).toEqual(before);
  });

  it('finds a clause only within its own agreement', async () => {
    const other = await t.ok('agreements.create', kazanDraft(w, { relationshipId: null, caseId: null }));
    const change = await addAll('A');
    const error = await t.fail('agreements.clauses.remove', {
      agreementId: other.id,
      clauseKey: change.clauseKey,
    });
    expect(error.code).toBe('NOT_FOUND');
  });

  it('re-keys every clause when the draft’s languages change', async () => {
    await addAll('A');
    const a = await t.ok('agreements.update', { id: agreementId, languages: ['fa', 'en', 'tr'] });
    expect(a.languages).toEqual(['fa', 'en', 'tr']);
    expect(a.clauses[0]!.texts).toEqual({ fa: 'fa A', en: 'A', tr: '' });
    expect(a.preamble).toEqual({
      fa: 'طرفین با تمایل به گسترش روابط دوستانه،',
      en: expect.any(String),
      tr: '',
    });
    const audit = await t.ok('audit.list', { entity: 'agreement', entityId: agreementId, limit: 1 });
    // The Russian text that went away is kept in the audit row.
    expect(JSON.stringify(audit.items[0]!.before)).toContain('ru A');
  });

  it('writes one audit row per clause change', async () => {
    const start = await addAll('A', 'B');
    const key = start.clauses[0]!.clauseKey;
    await t.ok('agreements.clauses.move', { agreementId, clauseKey: key, toPosition: 2 });
    await t.ok('agreements.clauses.update', { agreementId, clauseKey: key, texts: tri('', '', 'A2') });
    await t.ok('agreements.clauses.remove', { agreementId, clauseKey: key });
    const audit = await t.ok('audit.list', { entity: 'agreement', entityId: agreementId });
    expect(audit.items.map((e) => e.action).reverse()).toEqual([
      'agreements.create',
      'agreements.clauses.add',
      'agreements.clauses.add',
      'agreements.clauses.move',
      'agreements.clauses.update',
      'agreements.clauses.remove',
    ]);
    const [removed, updated, moved] = audit.items;
    expect(moved!.before).toEqual({ clauseKey: key, position: 1 });
    expect(moved!.after).toEqual({ clauseKey: key, position: 2 });
    expect(updated!.before).toMatchObject({ clause: { clauseKey: key, texts: { en: 'A' } } });
    expect(updated!.after).toMatchObject({ clause: { clauseKey: key, texts: { en: 'A2' } } });
    expect(removed!.before).toMatchObject({ clause: { clauseKey: key, position: 2 } });
    expect(removed!.after).toBeNull();
  });
});

describe('the clause library', () => {
  it('creates, lists by words, tag and language, updates and removes clauses', async () => {
    const dispute = await t.ok('clauseLibrary.create', {
      title: 'حل اختلاف',
      texts: {
        fa: 'هرگونه اختلاف از راه مذاکره دوستانه حل می‌شود.',
        en: 'Any dispute shall be settled amicably.',
      },
      tags: ['اختلاف', 'حقوقی', 'حقوقی'],
    });
    expect(dispute.languages).toEqual(['fa', 'en']);
    expect(dispute.tags).toEqual(['اختلاف', 'حقوقی']);
    const term = await t.ok('clauseLibrary.create', {
      title: 'مدت اعتبار',
      texts: { fa: 'این تفاهم‌نامه برای مدت پنج سال معتبر است.', ru: '', en: '' },
      tags: ['مدت'],
    });
    expect(term.languages).toEqual(['fa']);
    const ids = async (input: Parameters<typeof t.ok<'clauseLibrary.list'>>[1]) =>
      (await t.ok('clauseLibrary.list', input)).items.map((i) => i.id);
    expect(await ids({})).toEqual([dispute.id, term.id]);
    expect(await ids({ tag: 'حقوقی' })).toEqual([dispute.id]);
    expect(await ids({ language: 'en' })).toEqual([dispute.id]);
    expect(await ids({ text: 'amicably' })).toEqual([dispute.id]);
    expect(await ids({ text: 'تفاهم نامه' })).toEqual([term.id]);

    const updated = await t.ok('clauseLibrary.update', {
      id: term.id,
      texts: { fa: 'مدت پنج سال', en: 'Five years' },
      tags: [],
    });
    expect([updated.languages, updated.tags]).toEqual([['fa', 'en'], []]);
    expect(await ids({ tag: 'مدت' })).toEqual([]);
    await t.ok('clauseLibrary.remove', { id: term.id });
    expect(await ids({})).toEqual([dispute.id]);
    expect((await t.fail('clauseLibrary.remove', { id: term.id })).code).toBe('NOT_FOUND');
  });

  it('refuses a library clause without any text', async () => {
    const error = await t.fail('clauseLibrary.create', {
      title: 'خالی',
      texts: { fa: '  ', en: '' },
      tags: [],
    });
    expect(error.code).toBe('VALIDATION');
  });

  it('inserts a library clause into a draft in its languages and keeps the copy when the library changes', async () => {
    const lib = await t.ok('clauseLibrary.create', {
      title: 'حل اختلاف',
      texts: {
        fa: 'اختلاف با مذاکره حل می‌شود.',
        en: 'Disputes are settled by negotiation.',
        de: 'Streitigkeiten…',
      },
      tags: [],
    });
    await addAll('A', 'B');
    const change = await t.ok('agreements.clauses.insertFromLibrary', {
      agreementId,
      libraryClauseId: lib.id,
      position: 2,
    });
    expect(order(change)).toEqual(['A', 'Disputes are settled by negotiation.', 'B']);
    expect(change.clauses[1]).toMatchObject({
      clauseKey: change.clauseKey,
      libraryClauseId: lib.id,
      texts: { ru: '', fa: 'اختلاف با مذاکره حل می‌شود.', en: 'Disputes are settled by negotiation.' },
    });
    await t.ok('clauseLibrary.update', { id: lib.id, texts: { fa: 'متن تازه' } });
    await t.ok('clauseLibrary.remove', { id: lib.id });
    const a = await t.ok('agreements.get', { id: agreementId });
    expect(a.clauses[1]).toMatchObject({
      libraryClauseId: null,
      texts: { fa: 'اختلاف با مذاکره حل می‌شود.' },
    });
  });

  it('refuses a library clause written in none of the agreement’s languages', async () => {
    const lib = await t.ok('clauseLibrary.create', {
      title: 'Chinese only',
      texts: { zh: '双方' },
      tags: [],
    });
    const before = await agreementTables(t);
    const error = await t.fail('agreements.clauses.insertFromLibrary', {
      agreementId,
      libraryClauseId: lib.id,
    });
    expect(error.code).toBe('CONFLICT');
    expect(await agreementTables(t)).toEqual(before);
  });
});
