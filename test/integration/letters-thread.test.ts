import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDesk, type TestDesk } from '../helpers/desk';
import { letterInput } from './letters.fixtures';

let t: TestDesk;
beforeEach(async () => {
  t = await openTestDesk();
});
afterEach(async () => {
  await t.cleanup();
});

const office = { text: 'اداره کل ارتباطات و امور بین‌الملل' };
const kazan = { text: 'شهرداری کازان' };

describe('threads of letters', () => {
  it('a thread of three letters comes back in date order from any of its letters', async () => {
    const invitation = await t.ok(
      'letters.create',
      letterInput({ letterDate: '2025-04-10', subject: 'دعوت به هفته فرهنگی', from: kazan, to: office }),
    );
    // Registered out of date order: the follow-up is typed before the reply.
    const reminder = await t.ok(
      'letters.create',
      letterInput({
        letterDate: '2025-05-02',
        subject: 'یادآوری دعوت',
        from: kazan,
        to: office,
        references: [{ letterId: invitation.id, kind: 'follows' }],
      }),
    );
    const reply = await t.ok(
      'letters.create',
      letterInput({
        direction: 'outgoing',
        letterDate: '2025-04-20',
        subject: 'پذیرش دعوت',
        from: office,
        to: kazan,
        references: [{ letterId: invitation.id, kind: 'refers' }],
      }),
    );
    const unrelated = await t.ok('letters.create', letterInput({ subject: 'موضوع دیگر' }));

    for (const start of [invitation, reminder, reply]) {
      const thread = await t.ok('letters.thread', { id: start.id });
      expect(thread.letters.map((l) => l.subject)).toEqual([
        'دعوت به هفته فرهنگی',
        'پذیرش دعوت',
        'یادآوری دعوت',
      ]);
      expect(thread.links).toHaveLength(2);
      expect(thread.links).toEqual(
        expect.arrayContaining([
          { fromId: reminder.id, toId: invitation.id, kind: 'follows' },
          { fromId: reply.id, toId: invitation.id, kind: 'refers' },
        ]),
      );
    }
    const alone = await t.ok('letters.thread', { id: unrelated.id });
    expect(alone.letters.map((l) => l.id)).toEqual([unrelated.id]);
    expect(alone.links).toEqual([]);
  });

  it('follows references across several steps, both ways', async () => {
    const a = await t.ok('letters.create', letterInput({ letterDate: '2025-01-01', subject: 'الف' }));
    const b = await t.ok(
      'letters.create',
      letterInput({
        letterDate: '2025-01-02',
        subject: 'ب',
        references: [{ letterId: a.id, kind: 'follows' }],
      }),
    );
    const c = await t.ok(
      'letters.create',
      letterInput({
        letterDate: '2025-01-03',
        subject: 'ج',
        references: [{ letterId: b.id, kind: 'refers' }],
      }),
    );
    const d = await t.ok(
      'letters.create',
      letterInput({
        letterDate: '2025-01-04',
        subject: 'د',
        references: [{ letterId: b.id, kind: 'follows' }],
      }),
    );
    const thread = await t.ok('letters.thread', { id: c.id });
    expect(thread.letters.map((l) => l.id)).toEqual([a.id, b.id, c.id, d.id]);
  });

  it('linking a reply marks the original replied; unlinking it makes it await a reply again', async () => {
    const incoming = await t.ok('letters.create', letterInput({ letterDate: '2025-04-10' }));
    expect(incoming.state).toBe('awaiting_reply');
    expect(incoming.needsReply).toBe(true);

    const reply = await t.ok(
      'letters.create',
      letterInput({ direction: 'outgoing', letterDate: '2025-04-12', from: office, to: kazan }),
    );
    expect(reply.needsReply).toBe(false);
    expect(reply.state).toBe('none');
    expect((await t.ok('letters.get', { id: incoming.id })).state).toBe('awaiting_reply');

    await t.ok('letters.update', { id: reply.id, references: [{ letterId: incoming.id, kind: 'refers' }] });
    const replied = await t.ok('letters.get', { id: incoming.id });
    expect(replied.state).toBe('replied');
    expect(replied.referencedBy.map((r) => [r.letterId, r.kind, r.direction])).toEqual([
      [reply.id, 'refers', 'outgoing'],
    ]);
    const listed = await t.ok('letters.list', { state: 'replied' });
    expect(listed.items.map((l) => l.id)).toEqual([incoming.id]);

    await t.ok('letters.update', { id: reply.id, references: [] });
    expect((await t.ok('letters.get', { id: incoming.id })).state).toBe('awaiting_reply');
    expect((await t.ok('letters.list', { state: 'awaiting_reply' })).items.map((l) => l.id)).toEqual([
      incoming.id,
    ]);
  });

  it('only a letter in the answering direction, dated on or after, counts as a reply', async () => {
    const incoming = await t.ok('letters.create', letterInput({ letterDate: '2025-04-10' }));
    // Another incoming letter following it is not a reply.
    await t.ok(
      'letters.create',
      letterInput({ letterDate: '2025-04-11', references: [{ letterId: incoming.id, kind: 'follows' }] }),
    );
    expect((await t.ok('letters.get', { id: incoming.id })).state).toBe('awaiting_reply');
    // An outgoing letter dated before it is not its reply either.
    const earlier = await t.ok(
      'letters.create',
      letterInput({
        direction: 'outgoing',
        letterDate: '2025-04-01',
        references: [{ letterId: incoming.id, kind: 'refers' }],
      }),
    );
    expect((await t.ok('letters.get', { id: incoming.id })).state).toBe('awaiting_reply');
    // Correcting its date makes it the reply.
    await t.ok('letters.update', { id: earlier.id, letterDate: '2025-04-10' });
    expect((await t.ok('letters.get', { id: incoming.id })).state).toBe('replied');
  });

  it('an outgoing letter that asks for an answer awaits one; an internal memo is answered by a memo', async () => {
    const request = await t.ok(
      'letters.create',
      letterInput({
        direction: 'outgoing',
        needsReply: true,
        from: office,
        to: kazan,
        followUpDate: '2025-06-01',
      }),
    );
    expect(request.state).toBe('awaiting_reply');
    await t.ok(
      'letters.create',
      letterInput({ letterDate: '2025-05-20', references: [{ letterId: request.id, kind: 'refers' }] }),
    );
    expect((await t.ok('letters.get', { id: request.id })).state).toBe('replied');

    const memo = await t.ok('letters.create', letterInput({ direction: 'internal', needsReply: true }));
    await t.ok(
      'letters.create',
      letterInput({ direction: 'internal', references: [{ letterId: memo.id, kind: 'refers' }] }),
    );
    expect((await t.ok('letters.get', { id: memo.id })).state).toBe('replied');
  });

  it('closing wins over replied and reopening computes the state again', async () => {
    const incoming = await t.ok('letters.create', letterInput());
    const closed = await t.ok('letters.close', { id: incoming.id, note: 'تلفنی پاسخ داده شد' });
    expect(closed.state).toBe('closed');
    expect(closed.closeNote).toBe('تلفنی پاسخ داده شد');
    expect(closed.closedAt).toBe('2025-05-05T09:00:00.000Z');
    await t.ok(
      'letters.create',
      letterInput({ direction: 'outgoing', references: [{ letterId: incoming.id, kind: 'refers' }] }),
    );
    expect((await t.ok('letters.get', { id: incoming.id })).state).toBe('closed');
    const reopened = await t.ok('letters.reopen', { id: incoming.id });
    expect(reopened.state).toBe('replied');
    expect(reopened.closedAt).toBeNull();
    expect(reopened.closeNote).toBeNull();
  });

  it('refuses references to itself, twice to one letter, to unknown letters, or in a cycle', async () => {
    const a = await t.ok('letters.create', letterInput({ letterDate: '2025-01-01' }));
    const b = await t.ok(
      'letters.create',
      letterInput({ letterDate: '2025-01-02', references: [{ letterId: a.id, kind: 'follows' }] }),
    );
    const c = await t.ok(
      'letters.create',
      letterInput({ letterDate: '2025-01-03', references: [{ letterId: b.id, kind: 'follows' }] }),
    );
    const self = await t.fail('letters.update', {
      id: a.id,
      references: [{ letterId: a.id, kind: 'follows' }],
    });
    expect(self.code).toBe('VALIDATION');
    const twice = await t.fail('letters.create', {
      ...letterInput(),
      references: [
        { letterId: a.id, kind: 'follows' },
        { letterId: a.id, kind: 'refers' },
      ],
    });
    expect(twice.code).toBe('VALIDATION');
    const unknown = await t.fail('letters.create', {
      ...letterInput(),
      references: [{ letterId: '01900000-0000-7000-8000-00000000abcd', kind: 'follows' }],
    });
    expect(unknown.code).toBe('NOT_FOUND');
    const cycle = await t.fail('letters.update', {
      id: a.id,
      references: [{ letterId: c.id, kind: 'follows' }],
    });
    expect(cycle.code).toBe('VALIDATION');
    expect((await t.ok('letters.get', { id: a.id })).references).toEqual([]);
  });

  it('answers NOT_FOUND for the thread of an unknown letter', async () => {
    const error = await t.fail('letters.thread', { id: '01900000-0000-7000-8000-000000000042' });
    expect(error.code).toBe('NOT_FOUND');
  });
});
