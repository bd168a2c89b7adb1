import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { letterSearchSource } from '../../electron/main/core/letters/letter.search';
import {
  lettersOfCase,
  lettersOfPartner,
  lettersOfRelationship,
  overdueAwaitingReply,
  referredTo,
} from '../../electron/main/core/letters/letters.repository';
import { toLetterSummaries } from '../../electron/main/core/letters/letters.read';
import { openTestDesk, type TestDesk } from '../helpers/desk';
import {
  addCase,
  addContact,
  addPartner,
  addRelationship,
  addUser,
  countRows,
  letterInput,
} from './letters.fixtures';
import { changedFields } from '../helpers/audit';

let t: TestDesk;
beforeEach(async () => {
  t = await openTestDesk();
});
afterEach(async () => {
  await t.cleanup();
});

const UNKNOWN = '01900000-0000-7000-8000-0000000000ff';

async function letterAudit(id: string) {
  return (await t.ok('audit.list', { entity: 'letter', entityId: id })).items;
}

describe('registering letters', () => {
  it('keeps every field and answers the same letter on get', async () => {
    const kazan = await addPartner(t, 'شهرداری کازان', 'Kazan City Hall');
    const mayor = await addContact(t, kazan, 'ایلسور متشین');
    const isfahan = await addPartner(t, 'شهرداری اصفهان', 'Isfahan Municipality');
    const network = await addPartner(t, 'شبکه شهرهای خلاق یونسکو', 'UNESCO Creative Cities Network');
    const caseId = await addCase(t, 'هفته فرهنگی اصفهان در کازان');
    const letter = await t.ok('letters.create', {
      direction: 'incoming',
      letterDate: '2025-05-04',
      senderNumber: '۱۲-۳۴۵',
      senderDate: '2025-04-28',
      from: { contactId: mayor },
      to: { partnerId: isfahan, text: 'دفتر شهردار' },
      subject: 'دعوت به هفته فرهنگی',
      body: 'متن نامه\nسطر دوم',
      language: 'ru',
      classification: 'محرمانه',
      urgency: 'فوری',
      channel: 'diplomatic_pouch',
      attachmentsCount: 2,
      followUpDate: '2025-05-20',
      copies: [
        { text: 'معاونت فرهنگی', purpose: 'action' },
        { partnerId: network, purpose: 'information' },
      ],
      caseId,
      partnerIds: [network],
    });
    expect(letter).toMatchObject({
      direction: 'incoming',
      secretariat: 'main',
      jalaliYear: 1404,
      seq: 1,
      number: '1/1404/ر ب',
      registeredAt: '2025-05-05T09:00:00.000Z',
      letterDate: '2025-05-04',
      senderNumber: '۱۲-۳۴۵',
      senderDate: '2025-04-28',
      subject: 'دعوت به هفته فرهنگی',
      body: 'متن نامه\nسطر دوم',
      language: 'ru',
      classification: 'محرمانه',
      urgency: 'فوری',
      channel: 'diplomatic_pouch',
      attachmentsCount: 2,
      needsReply: true,
      followUpDate: '2025-05-20',
      state: 'awaiting_reply',
      caseId,
      relationshipId: null,
      currentReferral: null,
      referrals: [],
    });
    // A letter from a person is from their organisation too.
    expect(letter.from).toEqual({
      partner: { id: kazan, nameFa: 'شهرداری کازان', nameEn: 'Kazan City Hall' },
      contact: { id: mayor, nameFa: 'ایلسور متشین', nameEn: null },
      text: null,
    });
    expect(letter.to).toEqual({
      partner: { id: isfahan, nameFa: 'شهرداری اصفهان', nameEn: 'Isfahan Municipality' },
      contact: null,
      text: 'دفتر شهردار',
    });
    expect(letter.copies).toEqual([
      { partner: null, contact: null, text: 'معاونت فرهنگی', purpose: 'action' },
      {
        partner: { id: network, nameFa: 'شبکه شهرهای خلاق یونسکو', nameEn: 'UNESCO Creative Cities Network' },
        contact: null,
        text: null,
        purpose: 'information',
      },
    ]);
    expect([...letter.partnerIds].sort()).toEqual([kazan, isfahan, network].sort());
    expect(await t.ok('letters.get', { id: letter.id })).toEqual(letter);
  });

  it('keeps display text as typed but without bidi overrides', async () => {
    const letter = await t.ok(
      'letters.create',
      letterInput({
        subject: 'تفاهم‌نامه \u202Eخواهرخواندگی\u202C',
        from: { text: 'سفارت\u2066 فرانسه\u2069' },
      }),
    );
    expect(letter.subject).toBe('تفاهم‌نامه خواهرخواندگی');
    expect(letter.subject).toContain('\u200c');
    expect(letter.from.text).toBe('سفارت فرانسه');
    const onlyOverrides = await t.fail('letters.create', letterInput({ subject: '\u202E\u202C' }));
    expect(onlyOverrides.code).toBe('VALIDATION');
  });

  it('a letter linked to a partner appears in the partner filter, as party or as link', async () => {
    const kazan = await addPartner(t, 'کازان');
    const yerevan = await addPartner(t, 'ایروان');
    const fromKazan = await t.ok('letters.create', letterInput({ from: { partnerId: kazan } }));
    const aboutKazan = await t.ok(
      'letters.create',
      letterInput({ direction: 'outgoing', to: { partnerId: yerevan }, partnerIds: [kazan] }),
    );
    await t.ok('letters.create', letterInput({ subject: 'بی‌ربط' }));
    const listed = await t.ok('letters.list', { partnerId: kazan, sort: { by: 'number', direction: 'asc' } });
    expect(listed.items.map((l) => l.id)).toEqual([fromKazan.id, aboutKazan.id]);
    expect(listed.total).toBe(2);
    expect((await t.ok('letters.list', { partnerId: yerevan })).items.map((l) => l.id)).toEqual([
      aboutKazan.id,
    ]);

    // Changing the sender moves the automatic link; the partner a user linked stays.
    await t.ok('letters.update', { id: aboutKazan.id, to: { text: 'سفارت ارمنستان' } });
    expect((await t.ok('letters.list', { partnerId: yerevan })).total).toBe(0);
    expect((await t.ok('letters.list', { partnerId: kazan })).total).toBe(2);
    await t.ok('letters.update', { id: fromKazan.id, from: { partnerId: yerevan } });
    expect((await t.ok('letters.list', { partnerId: kazan })).items.map((l) => l.id)).toEqual([
      aboutKazan.id,
    ]);
    expect((await t.ok('letters.list', { partnerId: yerevan })).items.map((l) => l.id)).toEqual([
      fromKazan.id,
    ]);
  });
});

describe('changing letters', () => {
  it('an update changes what it names and keeps the rest and the number', async () => {
    const caseId = await addCase(t, 'سفر به سن‌پترزبورگ');
    const letter = await t.ok(
      'letters.create',
      letterInput({ body: 'متن اول', copies: [{ text: 'بایگانی', purpose: 'filing' }] }),
    );
    t.clock.advance(60_000);
    const updated = await t.ok('letters.update', {
      id: letter.id,
      subject: 'موضوع اصلاح‌شده',
      urgency: 'آنی',
      caseId,
      followUpDate: '2025-06-01',
    });
    expect(updated).toEqual({
      ...letter,
      subject: 'موضوع اصلاح‌شده',
      urgency: 'آنی',
      caseId,
      followUpDate: '2025-06-01',
      updatedAt: '2025-05-05T09:01:00.000Z',
    });
    const cleared = await t.ok('letters.update', { id: letter.id, body: '', copies: [], caseId: null });
    expect(cleared.body).toBeNull();
    expect(cleared.copies).toEqual([]);
    expect(cleared.caseId).toBeNull();
    expect(cleared.number).toBe(letter.number);
  });

  it('refers a letter and keeps the history of referrals', async () => {
    const sara = await addUser(t, 'sara', 'سارا احمدی');
    const reza = await addUser(t, 'reza', 'رضا کریمی', 'Reza Karimi');
    const letter = await t.ok('letters.create', letterInput());
    const first = await t.ok('letters.refer', { id: letter.id, toUserId: sara, instruction: 'جهت بررسی' });
    expect(first.currentReferral).toMatchObject({
      toUserId: sara,
      toUserName: 'سارا احمدی',
      toUserNameEn: null,
      instruction: 'جهت بررسی',
    });
    t.clock.advance(3_600_000);
    const second = await t.ok('letters.refer', {
      id: letter.id,
      toUserId: reza,
      instruction: 'تهیه پاسخ',
      dueDate: '2025-05-10',
    });
    expect(
      second.referrals.map((r) => [
        r.toUserName,
        r.toUserNameEn,
        r.instruction,
        r.dueDate,
        r.referredBy,
        r.referredAt,
      ]),
    ).toEqual([
      ['سارا احمدی', null, 'جهت بررسی', null, 'tester', '2025-05-05T09:00:00.000Z'],
      ['رضا کریمی', 'Reza Karimi', 'تهیه پاسخ', '2025-05-10', 'tester', '2025-05-05T10:00:00.000Z'],
    ]);
    expect(second.currentReferral).toEqual(second.referrals[1]);

    expect((await t.ok('letters.list', { referredTo: reza })).items.map((l) => l.id)).toEqual([letter.id]);
    expect((await t.ok('letters.list', { referredTo: sara })).total).toBe(0);
    const listed = (await t.ok('letters.list', {})).items[0]!;
    expect(listed.currentReferral).toEqual(second.currentReferral);

    expect((await t.fail('letters.refer', { id: letter.id, toUserId: UNKNOWN })).code).toBe('NOT_FOUND');
    await t.ok('users.update', { id: sara, active: false });
    expect((await t.fail('letters.refer', { id: letter.id, toUserId: sara })).code).toBe('VALIDATION');
    await t.ok('letters.close', { id: letter.id });
    expect((await t.fail('letters.refer', { id: letter.id, toUserId: reza })).code).toBe('CONFLICT');
  });

  it('closes and reopens', async () => {
    const letter = await t.ok('letters.create', letterInput());
    const closed = await t.ok('letters.close', { id: letter.id, note: 'موضوع منتفی شد' });
    expect(closed.state).toBe('closed');
    expect((await t.ok('letters.list', { state: 'closed' })).total).toBe(1);
    expect((await t.ok('letters.list', { state: 'awaiting_reply' })).total).toBe(0);
    expect((await t.fail('letters.close', { id: letter.id })).code).toBe('CONFLICT');
    const reopened = await t.ok('letters.reopen', { id: letter.id });
    expect(reopened.state).toBe('awaiting_reply');
    expect((await t.fail('letters.reopen', { id: letter.id })).code).toBe('CONFLICT');
    const noReply = await t.ok('letters.update', { id: letter.id, needsReply: false });
    expect(noReply.state).toBe('none');
  });

  it('every change writes exactly one audit row with before and after', async () => {
    const user = await addUser(t, 'sara', 'سارا احمدی');
    const created = await t.ok('letters.create', letterInput());
    const updated = await t.ok('letters.update', { id: created.id, subject: 'موضوع تازه' });
    const referred = await t.ok('letters.refer', { id: created.id, toUserId: user });
    const closed = await t.ok('letters.close', { id: created.id });
    const reopened = await t.ok('letters.reopen', { id: created.id });
    const rows = (await letterAudit(created.id)).reverse();
    expect(rows.map((r) => r.action)).toEqual([
      'letters.create',
      'letters.update',
      'letters.refer',
      'letters.close',
      'letters.reopen',
    ]);
    // A creation keeps the record; an update keeps only the fields it changed, on both sides.
    expect(rows.map((r) => [r.before, r.after])).toEqual([
      [null, created],
      changedFields(created, updated),
      changedFields(updated, referred),
      changedFields(referred, closed),
      changedFields(closed, reopened),
    ]);
    expect(rows[1]!.after).toMatchObject({ subject: 'موضوع تازه' });
    // A referral does not copy the letter's body into the audit trail.
    expect(rows[2]!.after).toHaveProperty('referrals');
    expect(rows[2]!.after).not.toHaveProperty('body');
    expect(await countRows(t, 'audit_log')).toBe(6);
    expect((await t.ok('audit.verify', {})).ok).toBe(true);
  });
});

describe('refusing bad input', () => {
  async function unchanged(run: () => Promise<{ code: string }>, code = 'VALIDATION') {
    const before = await Promise.all([
      countRows(t, 'letters'),
      countRows(t, 'audit_log'),
      countRows(t, 'register_counters'),
    ]);
    expect((await run()).code).toBe(code);
    const after = await Promise.all([
      countRows(t, 'letters'),
      countRows(t, 'audit_log'),
      countRows(t, 'register_counters'),
    ]);
    expect(after).toEqual(before);
  }

  it('answers VALIDATION and changes nothing', async () => {
    const existing = await t.ok('letters.create', letterInput());
    const hostile: [string, unknown][] = [
      ['unknown classification', letterInput({ classification: 'فوق سری' })],
      ['unknown urgency', letterInput({ urgency: 'emergency' })],
      ['no such day', letterInput({ letterDate: '2025-02-30' })],
      ['Jalali text as a date', letterInput({ letterDate: '1404/01/01' })],
      ['follow-up before the letter', letterInput({ followUpDate: '2025-05-01' })],
      ['sender number on an outgoing letter', letterInput({ direction: 'outgoing', senderNumber: '12' })],
      ['NUL in the subject', letterInput({ subject: 'نامه\u0000' })],
      ['1 MB subject', letterInput({ subject: 'ن'.repeat(1024 * 1024) })],
      ['empty party', letterInput({ from: {} })],
      ['unknown field', { ...letterInput(), number: '1/1404' }],
      ['unknown direction', letterInput({ direction: 'sideways' as never })],
      ['SQL in an id', letterInput({ caseId: "' OR 1=1 --" })],
      [
        '__proto__ key',
        JSON.parse(
          `{"direction":"incoming","letterDate":"2025-05-04","subject":"x","from":{"text":"a"},"to":{"text":"b"},"__proto__":{"polluted":true}}`,
        ),
      ],
      [
        '__proto__ key inside a party',
        JSON.parse(
          `{"direction":"incoming","letterDate":"2025-05-04","subject":"x","from":{"text":"a","__proto__":{"x":1}},"to":{"text":"b"}}`,
        ),
      ],
    ];
    for (const [what, input] of hostile) {
      await unchanged(async () => {
        const error = await t.fail('letters.create', input);
        if (error.code !== 'VALIDATION') throw new Error(`${what}: ${error.code} ${error.message}`);
        return error;
      });
    }
    await unchanged(() => t.fail('letters.update', { id: existing.id, classification: 'فوق سری' }));
    await unchanged(() => t.fail('letters.update', { id: existing.id, subject: 'x'.repeat(501) }));
    await unchanged(() => t.fail('letters.update', { id: existing.id, followUpDate: '2025-01-01' }));
    await unchanged(() => t.fail('letters.list', { sort: { by: 'body', direction: 'asc' } }));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await t.ok('letters.get', { id: existing.id })).toEqual(existing);
  });

  it('answers NOT_FOUND for unknown letters and unknown linked records', async () => {
    const user = await addUser(t, 'sara', 'سارا احمدی');
    await unchanged(() => t.fail('letters.get', { id: UNKNOWN }), 'NOT_FOUND');
    await unchanged(() => t.fail('letters.update', { id: UNKNOWN, subject: 'x' }), 'NOT_FOUND');
    await unchanged(() => t.fail('letters.refer', { id: UNKNOWN, toUserId: user }), 'NOT_FOUND');
    await unchanged(() => t.fail('letters.close', { id: UNKNOWN }), 'NOT_FOUND');
    await unchanged(() => t.fail('letters.reopen', { id: UNKNOWN }), 'NOT_FOUND');
    await unchanged(
      () => t.fail('letters.create', letterInput({ from: { partnerId: UNKNOWN } })),
      'NOT_FOUND',
    );
    await unchanged(() => t.fail('letters.create', letterInput({ to: { contactId: UNKNOWN } })), 'NOT_FOUND');
    await unchanged(() => t.fail('letters.create', letterInput({ caseId: UNKNOWN })), 'NOT_FOUND');
    await unchanged(() => t.fail('letters.create', letterInput({ relationshipId: UNKNOWN })), 'NOT_FOUND');
    await unchanged(
      () => t.fail('letters.create', letterInput({ copies: [{ partnerId: UNKNOWN, purpose: 'action' }] })),
      'NOT_FOUND',
    );
  });
});

describe('the register list', () => {
  async function seed() {
    const caseId = await addCase(t, 'اجلاس سنگاپور');
    const a = await t.ok(
      'letters.create',
      letterInput({ letterDate: '2025-03-01', subject: 'برنامه سفر هیئت', classification: 'سری' }),
    );
    const b = await t.ok(
      'letters.create',
      letterInput({
        direction: 'outgoing',
        letterDate: '2025-04-15',
        subject: 'Agenda of the World Cities Summit',
        urgency: 'فوری',
        caseId,
      }),
    );
    const c = await t.ok(
      'letters.create',
      letterInput({ letterDate: '2025-02-10', subject: 'درخواست ويزا', senderNumber: 'SG/77' }),
    );
    const d = await t.ok(
      'letters.create',
      letterInput({ direction: 'internal', letterDate: '2025-04-15', subject: 'یادداشت داخلی' }),
    );
    return { caseId, a, b, c, d };
  }

  it('filters by direction, dates, classification, urgency, case and text', async () => {
    const { caseId, a, b, c, d } = await seed();
    const ids = async (input: Parameters<TestDesk['ok']>[1]) =>
      (await t.ok('letters.list', input as never)).items.map((l) => l.id);
    expect(await ids({})).toEqual([d.id, b.id, a.id, c.id]);
    expect(await ids({ direction: 'incoming' })).toEqual([a.id, c.id]);
    expect(await ids({ dateFrom: '2025-03-01', dateTo: '2025-04-14' })).toEqual([a.id]);
    expect(await ids({ classification: 'سری' })).toEqual([a.id]);
    expect(await ids({ urgency: 'فوری' })).toEqual([b.id]);
    expect(await ids({ caseId })).toEqual([b.id]);
    // Arabic yeh typed, Persian yeh stored; Persian digits typed, ASCII stored.
    expect(await ids({ text: 'ويزا' })).toEqual([c.id]);
    expect(await ids({ text: 'ویزا' })).toEqual([c.id]);
    // c is the second letter of 1403 (2025-02-10 is 22 Bahman 1403).
    expect(c.number).toBe('2/1403/ر ب');
    expect(await ids({ text: '۲/۱۴۰۳' })).toEqual([c.id]);
    expect(await ids({ text: 'sg/77' })).toEqual([c.id]);
    expect(await ids({ text: 'WORLD cities' })).toEqual([b.id]);
    expect(await ids({ text: '100%' })).toEqual([]);
    expect(await ids({ text: '_' })).toEqual([]);
  });

  it('sorts and pages with the total of the filter', async () => {
    const { a, b, c, d } = await seed();
    const sorted = async (
      by: 'letterDate' | 'registeredAt' | 'number' | 'subject',
      direction: 'asc' | 'desc',
    ) => (await t.ok('letters.list', { sort: { by, direction } })).items.map((l) => l.id);
    expect(await sorted('letterDate', 'asc')).toEqual([c.id, a.id, b.id, d.id]);
    // 1/1403 (a), 2/1403 (c), 1/1404 (b), 2/1404 (d).
    expect(await sorted('number', 'asc')).toEqual([a.id, c.id, b.id, d.id]);
    expect(await sorted('number', 'desc')).toEqual([d.id, b.id, c.id, a.id]);
    expect(await sorted('subject', 'asc')).toEqual([b.id, a.id, c.id, d.id]);
    const page1 = await t.ok('letters.list', { limit: 3, sort: { by: 'letterDate', direction: 'asc' } });
    const page2 = await t.ok('letters.list', {
      limit: 3,
      offset: 3,
      sort: { by: 'letterDate', direction: 'asc' },
    });
    const beyond = await t.ok('letters.list', { limit: 3, offset: 10 });
    expect([page1.total, page2.total, beyond.total]).toEqual([4, 4, 4]);
    expect([...page1.items, ...page2.items].map((l) => l.id)).toEqual([c.id, a.id, b.id, d.id]);
    expect(beyond.items).toEqual([]);
  });
});

describe('for other sections', () => {
  it('the Desk finds overdue letters awaiting reply and referrals to a user', async () => {
    const sara = await addUser(t, 'sara', 'سارا احمدی');
    const overdue = await t.ok(
      'letters.create',
      letterInput({ letterDate: '2025-04-01', followUpDate: '2025-04-20' }),
    );
    const later = await t.ok(
      'letters.create',
      letterInput({ letterDate: '2025-04-01', followUpDate: '2025-04-10' }),
    );
    await t.ok('letters.create', letterInput({ followUpDate: '2025-06-01' }));
    const answered = await t.ok(
      'letters.create',
      letterInput({ letterDate: '2025-04-01', followUpDate: '2025-04-02' }),
    );
    await t.ok(
      'letters.create',
      letterInput({ direction: 'outgoing', references: [{ letterId: answered.id, kind: 'refers' }] }),
    );
    const db = t.desk.internals.db;
    expect((await overdueAwaitingReply(db, '2025-05-05', 10)).map((r) => r.id)).toEqual([
      later.id,
      overdue.id,
    ]);
    expect((await overdueAwaitingReply(db, '2025-05-05', 1)).map((r) => r.id)).toEqual([later.id]);

    await t.ok('letters.refer', { id: overdue.id, toUserId: sara });
    await t.ok('letters.refer', { id: later.id, toUserId: sara });
    await t.ok('letters.close', { id: later.id });
    const rows = await referredTo(db, sara, 10);
    expect(rows.map((r) => r.id)).toEqual([overdue.id]);
    const [summary] = await toLetterSummaries(db, rows);
    expect(summary!.currentReferral?.toUserName).toBe('سارا احمدی');
  });

  it('timelines and briefings find a partner’s, relationship’s and case’s letters, newest first', async () => {
    const isfahan = await addPartner(t, 'اصفهان');
    const kazan = await addPartner(t, 'کازان');
    const relationshipId = await addRelationship(t, isfahan, kazan);
    const caseId = await addCase(t, 'هفته فرهنگی');
    const older = await t.ok(
      'letters.create',
      letterInput({ letterDate: '2025-01-10', from: { partnerId: kazan }, relationshipId, caseId }),
    );
    const newer = await t.ok(
      'letters.create',
      letterInput({ direction: 'outgoing', letterDate: '2025-03-01', partnerIds: [kazan], relationshipId }),
    );
    await t.ok('letters.create', letterInput({ letterDate: '2025-02-01' }));
    const db = t.desk.internals.db;
    expect((await lettersOfPartner(db, kazan, 10)).map((r) => r.id)).toEqual([newer.id, older.id]);
    expect((await lettersOfPartner(db, kazan, 10, '2025-03-01')).map((r) => r.id)).toEqual([older.id]);
    expect((await lettersOfRelationship(db, relationshipId, 1)).map((r) => r.id)).toEqual([newer.id]);
    expect((await lettersOfCase(db, caseId, 10)).map((r) => r.id)).toEqual([older.id]);
    expect((await t.ok('letters.list', { relationshipId })).total).toBe(2);
    expect(newer.relationshipId).toBe(relationshipId);
  });

  it('gives the search index the subject, body, numbers once (any digit script finds them), parties and copies', async () => {
    const kazan = await addPartner(t, 'شهرداری کازان', 'Kazan City Hall');
    const letter = await t.ok(
      'letters.create',
      letterInput({
        subject: 'تفاهم‌نامه همکاری',
        body: 'متن کامل',
        senderNumber: 'K-15',
        from: { partnerId: kazan },
        copies: [{ text: 'معاونت حمل‌ونقل', purpose: 'information' }],
      }),
    );
    const [doc] = await letterSearchSource.load(t.desk.internals.db, [letter.id]);
    expect(doc).toMatchObject({
      type: 'letter',
      id: letter.id,
      title: 'تفاهم‌نامه همکاری',
      date: '2025-05-04',
    });
    for (const part of [
      'متن کامل',
      '1/1404/ر ب',
      'K-15',
      'شهرداری کازان',
      'Kazan City Hall',
      'معاونت حمل‌ونقل',
    ]) {
      expect(doc!.body).toContain(part);
    }
    // Written twice, the number showed twice in a search hit's snippet.
    expect(doc!.body).not.toContain('۱/۱۴۰۴');
    expect(await letterSearchSource.load(t.desk.internals.db, [UNKNOWN])).toEqual([]);
    expect(await letterSearchSource.allIds(t.desk.internals.db, null, 10)).toEqual([letter.id]);
    expect(await letterSearchSource.allIds(t.desk.internals.db, letter.id, 10)).toEqual([]);
  });
});
