import { CompiledQuery } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgreementComparison } from '../../shared/api/agreements.contract';
import { agreementSearchSource } from '../../electron/main/core/agreements/agreement.search';
import { loadAgreementForDocument } from '../../electron/main/core/agreements/agreements.service';
import {
  agreementsForPartner,
  agreementsForRelationship,
  expiringWithin,
} from '../../electron/main/core/agreements/agreements.repository';
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

async function add(ru: string, fa: string, en: string): Promise<string> {
  return (await t.ok('agreements.clauses.add', { agreementId, texts: tri(ru, fa, en) })).clauseKey;
}

/** The words marked added or removed in one language of one clause. */
function marked(result: AgreementComparison, clauseKey: string, language: string, kind: 'added' | 'removed') {
  const clause = result.clauses.find((c) => c.clauseKey === clauseKey)!;
  const diff = clause.languages.find((l) => l.language === language)!;
  return diff.segments.filter((s) => s.kind === kind).map((s) => s.text.trim());
}

describe('versions', () => {
  it('freezes a numbered snapshot with author, note and completeness per language', async () => {
    await add('Статья 1', 'ماده ۱', 'Article 1');
    await add('', 'ماده ۲', 'Article 2');
    const v1 = await t.ok('agreements.saveVersion', { id: agreementId, note: 'پیش‌نویس نخست برای کازان' });
    expect(v1).toMatchObject({
      agreementId,
      number: 1,
      author: 'tester',
      note: 'پیش‌نویس نخست برای کازان',
      status: 'draft',
      clauseCount: 2,
      createdAt: '2025-05-05T09:00:00.000Z',
    });
    expect(v1.completeness).toEqual([
      { language: 'ru', complete: false, missing: 1 },
      { language: 'fa', complete: true, missing: 0 },
      { language: 'en', complete: true, missing: 0 },
    ]);
    const v2 = await t.ok('agreements.saveVersion', { id: agreementId });
    expect(v2.number).toBe(2);
    expect((await t.ok('agreements.versions', { id: agreementId })).map((v) => v.number)).toEqual([2, 1]);
    expect((await t.ok('agreements.get', { id: agreementId })).latestVersion).toBe(2);
  });

  it('keeps a saved version unchanged when the draft changes afterwards', async () => {
    const key = await add('Статья 1', 'ماده ۱', 'Article 1');
    await t.ok('agreements.saveVersion', { id: agreementId });
    const saved = await t.ok('agreements.version', { id: agreementId, number: 1 });
    await t.ok('agreements.clauses.update', {
      agreementId,
      clauseKey: key,
      texts: tri('Статья 1', 'ماده یک', 'Article one'),
    });
    await add('', '', 'Article 2');
    await t.ok('agreements.update', { id: agreementId, title: 'عنوان تازه', signedPlace: 'اصفهان' });
    await t.ok('agreements.clauses.remove', { agreementId, clauseKey: key });
    expect(await t.ok('agreements.version', { id: agreementId, number: 1 })).toEqual(saved);
    expect(saved.snapshot.clauses).toEqual([
      { clauseKey: key, position: 1, texts: tri('Статья 1', 'ماده ۱', 'Article 1') },
    ]);
    expect(saved.snapshot.title).toBe('موافقت‌نامه خواهرخواندگی اصفهان و کازان');
  });

  it('is refused by the database itself when anything tries to change or delete it', async () => {
    await t.ok('agreements.saveVersion', { id: agreementId });
    const db = t.desk.internals.db;
    await expect(db.updateTable('agreement_versions').set({ note: 'edited' }).execute()).rejects.toThrow(
      /immutable/,
    );
    await expect(db.deleteFrom('agreement_versions').execute()).rejects.toThrow(/immutable/);
    await expect(db.deleteFrom('agreement_transitions').execute()).rejects.toThrow(/append-only/);
  });

  it('records the hash of the frozen text in the audit trail', async () => {
    await t.ok('agreements.saveVersion', { id: agreementId, note: 'v1' });
    const [entry] = (await t.ok('audit.list', { entity: 'agreement', entityId: agreementId, limit: 1 }))
      .items;
    expect(entry!.action).toBe('agreements.saveVersion');
    expect(entry!.after).toMatchObject({
      version: { number: 1, note: 'v1' },
      snapshotSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('answers NOT_FOUND for a version that does not exist', async () => {
    expect((await t.fail('agreements.version', { id: agreementId, number: 1 })).code).toBe('NOT_FOUND');
    expect((await t.fail('agreements.compare', { id: agreementId, from: 1 })).code).toBe('NOT_FOUND');
  });
});

describe('compare', () => {
  it('reports exactly the clauses added, removed, moved and changed, with the changed words per language', async () => {
    const objective = await add(
      'Стороны развивают сотрудничество в области культуры.',
      'طرفین همکاری در زمینه فرهنگ را گسترش می‌دهند.',
      'The Parties shall develop cooperation in culture.',
    );
    const exchange = await add('Обмен делегациями.', 'تبادل هیئت‌ها.', 'Exchange of delegations.');
    const dispute = await add(
      'Споры решаются путём переговоров.',
      'اختلافات با مذاکره حل می‌شود.',
      'Disputes are settled by negotiation.',
    );
    const term = await add('Срок действия пять лет.', 'مدت اعتبار پنج سال است.', 'Valid for five years.');
    await t.ok('agreements.saveVersion', { id: agreementId, note: 'v1' });

    // v2: the objective gains tourism (fa and en only), exchange is dropped, the term
    // clause moves above dispute settlement, and a clause on youth is added.
    await t.ok('agreements.clauses.update', {
      agreementId,
      clauseKey: objective,
      texts: tri(
        'Стороны развивают сотрудничество в области культуры.',
        'طرفین همکاری در زمینه فرهنگ و گردشگری را گسترش می‌دهند.',
        'The Parties will develop cooperation in culture and tourism.',
      ),
    });
    await t.ok('agreements.clauses.remove', { agreementId, clauseKey: exchange });
    await t.ok('agreements.clauses.move', { agreementId, clauseKey: term, toPosition: 2 });
    const youth = await add('Молодёжные обмены.', 'تبادل جوانان.', 'Youth exchanges.');
    await t.ok('agreements.saveVersion', { id: agreementId, note: 'v2' });

    const result = await t.ok('agreements.compare', { id: agreementId, from: 1, to: 2 });
    expect(result).toMatchObject({
      agreementId,
      from: 1,
      to: 2,
      languages: ['ru', 'fa', 'en'],
      titleChanged: false,
    });
    expect(result.clauses.map((c) => [c.clauseKey, c.change, c.moved, c.fromPosition, c.toPosition])).toEqual(
      [
        [objective, 'changed', false, 1, 1],
        [exchange, 'removed', false, 2, null],
        [term, 'unchanged', true, 4, 2],
        [dispute, 'unchanged', false, 3, 3],
        [youth, 'added', false, null, 4],
      ],
    );
    expect(result.summary).toEqual({ added: 1, removed: 1, changed: 1, moved: 1, unchanged: 2 });

    const objectiveDiff = result.clauses[0]!.languages.map((l) => [l.language, l.change]);
    expect(objectiveDiff).toEqual([
      ['ru', 'unchanged'],
      ['fa', 'changed'],
      ['en', 'changed'],
    ]);
    expect(marked(result, objective, 'fa', 'added')).toEqual(['و گردشگری']);
    expect(marked(result, objective, 'fa', 'removed')).toEqual([]);
    expect(marked(result, objective, 'en', 'removed')).toEqual(['shall']);
    expect(marked(result, objective, 'en', 'added')).toEqual(['will', 'and tourism']);
    expect(marked(result, objective, 'ru', 'added')).toEqual([]);
    expect(marked(result, exchange, 'ru', 'removed')).toEqual(['Обмен делегациями.']);
    expect(marked(result, youth, 'fa', 'added')).toEqual(['تبادل جوانان.']);

    // The other way round, the same clauses with the roles swapped.
    const back = await t.ok('agreements.compare', { id: agreementId, from: 2, to: 1 });
    expect(back.summary).toEqual({ added: 1, removed: 1, changed: 1, moved: 1, unchanged: 2 });
    expect(marked(back, objective, 'fa', 'removed')).toEqual(['و گردشگری']);
  });

  it('compares a version with the working draft when no newer version is named', async () => {
    const key = await add('', 'ماده', 'Article');
    await t.ok('agreements.saveVersion', { id: agreementId });
    await t.ok('agreements.update', {
      id: agreementId,
      title: 'موافقت‌نامه خواهرخواندگی و همکاری اصفهان و کازان',
    });
    const result = await t.ok('agreements.compare', { id: agreementId, from: 1 });
    expect(result.to).toBeNull();
    expect(result.titleChanged).toBe(true);
    expect(result.title.filter((s) => s.kind === 'added').map((s) => s.text.trim())).toEqual(['و همکاری']);
    expect(result.clauses).toEqual([
      expect.objectContaining({ clauseKey: key, change: 'unchanged', moved: false }),
    ]);
  });
});

describe('what other parts of the program read', () => {
  it('loads the draft and a saved version for the Word export', async () => {
    await t.ok('agreements.update', {
      id: agreementId,
      signedPlace: 'کازان',
      signedDate: '2025-04-30',
      termYears: 5,
    });
    await add('Статья 1', 'ماده ۱', 'Article 1');
    await t.ok('agreements.saveVersion', { id: agreementId });
    await add('Статья 2', 'ماده ۲', 'Article 2');
    const db = t.desk.internals.db;
    const draft = await loadAgreementForDocument(db, agreementId, undefined, '2025-05-05');
    expect(draft).toMatchObject({
      id: agreementId,
      kind: 'sister_city',
      status: 'draft',
      languages: ['ru', 'fa', 'en'],
      signedPlace: 'کازان',
      signedDate: '2025-04-30',
      termStart: '2025-04-30',
      version: null,
      latestVersion: 1,
    });
    expect(draft.clauses.map((c) => c.texts.en)).toEqual(['Article 1', 'Article 2']);
    expect(draft.parties.map((p) => [p.nameFa, p.own, p.signatoryName, p.signatoryPosition])).toEqual([
      ['اصفهان', true, 'علیرضا قاری قرآن', 'شهردار اصفهان'],
      ['کازان', false, 'Ilsur Metshin', 'Mayor of Kazan'],
    ]);
    const v1 = await loadAgreementForDocument(db, agreementId, 1, '2025-05-05');
    expect(v1.version).toBe(1);
    expect(v1.clauses.map((c) => c.texts.en)).toEqual(['Article 1']);
    await expect(loadAgreementForDocument(db, agreementId, 9, '2025-05-05')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('lists agreements for a partner, a relationship and the Desk’s expiring window', async () => {
    const a = await t.ok('agreements.update', { id: agreementId, signedDate: '2025-03-20', termYears: 1 });
    for (const to of [
      'internal_review',
      'legal_review',
      'awaiting_approvals',
      'approved',
      'signed',
      'in_force',
    ] as const) {
      await t.ok('agreements.transition', { id: agreementId, to });
    }
    const db = t.desk.internals.db;
    const briefs = await agreementsForPartner(db, w.kazan, '2025-05-05');
    expect(briefs).toEqual([
      expect.objectContaining({
        id: a.id,
        status: 'in_force',
        signedDate: '2025-03-20',
        expiryDate: '2026-03-20',
      }),
    ]);
    expect((await agreementsForPartner(db, w.kazan, '2026-03-21'))[0]!.status).toBe('expired');
    expect((await agreementsForPartner(db, w.isfahan, '2025-05-05')).map((b) => b.id)).toEqual([a.id]);
    expect(await agreementsForPartner(db, w.yerevan, '2025-05-05')).toEqual([]);
    expect((await agreementsForRelationship(db, w.kazanRelationship, '2025-05-05')).map((b) => b.id)).toEqual(
      [a.id],
    );
    expect((await expiringWithin(db, '2026-01-01', '2026-03-20')).map((b) => b.id)).toEqual([a.id]);
    expect(await expiringWithin(db, '2026-03-21', '2026-12-31')).toEqual([]);
  });

  it('gives the search index the title, the preamble and every clause in every language', async () => {
    await add('Молодёжные обмены.', 'تبادل جوانان.', 'Youth exchanges.');
    const db = t.desk.internals.db;
    const [draft] = await agreementSearchSource.load(db, [agreementId]);
    expect(draft).toMatchObject({
      type: 'agreement',
      id: agreementId,
      title: 'موافقت‌نامه خواهرخواندگی اصفهان و کازان',
    });
    for (const part of [
      'Стороны, стремясь',
      'روابط دوستانه',
      'friendly relations',
      'Молодёжные обмены.',
      'تبادل جوانان.',
      'Youth exchanges.',
    ]) {
      expect(draft!.body).toContain(part);
    }
    expect(draft!.date).toBe('2025-05-05');
    await t.ok('agreements.update', { id: agreementId, signedDate: '2025-04-30' });
    expect((await agreementSearchSource.load(db, [agreementId]))[0]!.date).toBe('2025-04-30');
    expect(await agreementSearchSource.load(db, ['01900000-0000-7000-8000-000000000000'])).toEqual([]);
    expect(await agreementSearchSource.allIds(db, null, 10)).toEqual([agreementId]);
    expect(await agreementSearchSource.allIds(db, agreementId, 10)).toEqual([]);
  });

  it('finds agreements expiring in a window through the (status, expiry) index', async () => {
    const db = t.desk.internals.db;
    const plan = async (query: { compile(): CompiledQuery }) => {
      const compiled = query.compile();
      const result = await db.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`EXPLAIN QUERY PLAN ${compiled.sql}`, [...compiled.parameters]),
      );
      return result.rows.map((r) => r.detail).join('\n');
    };
    const expiring = db
      .selectFrom('agreements')
      .select('id')
      .where('status', '=', 'in_force')
      .where('expiry_date', '>=', '2026-01-01')
      .where('expiry_date', '<=', '2026-03-31');
    expect(await plan(expiring)).toMatch(
      /USING INDEX agreements_status_expiry \(status=\? AND expiry_date>\? AND expiry_date<\?\)/,
    );
    const parties = db
      .selectFrom('agreement_parties')
      .select('agreement_id')
      .where('partner_id', '=', w.kazan);
    expect(await plan(parties)).toMatch(/USING COVERING INDEX agreement_parties_partner \(partner_id=\?\)/);
  });

  it('changes nothing when a version is asked of an agreement that does not exist', async () => {
    const before = await agreementTables(t);
    const error = await t.fail('agreements.saveVersion', { id: '01900000-0000-7000-8000-000000000000' });
    expect(error.code).toBe('NOT_FOUND');
    expect(await agreementTables(t)).toEqual(before);
  });
});
