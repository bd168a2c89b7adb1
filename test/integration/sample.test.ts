import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDesk, type TestDesk } from '../helpers/desk';

let t: TestDesk;
beforeEach(async () => {
  t = await openTestDesk({ actor: 'tester' });
});
afterEach(async () => {
  await t.cleanup();
});

async function auditCount(): Promise<number> {
  return (await t.ok('audit.list', { limit: 1 })).total;
}

describe('sample data', () => {
  it('loads the sample office in one audited step, with progress, and never twice', async () => {
    await t.ok('users.create', { username: 'tester', nameFa: 'آزمونگر' });
    const phases: string[] = [];
    t.desk.on('progress', (p) => phases.push(p.phase));
    const before = await auditCount();
    const result = await t.ok('sample.load', {});
    expect(result.loaded).toBe(true);
    expect(result.counts).toMatchObject({ relationships: 17, agreements: 2, events: 3, approval_chains: 1 });
    expect(result.counts.partners).toBeGreaterThanOrEqual(28);
    expect(result.counts.letters).toBeGreaterThanOrEqual(12);
    expect(result.counts.attachments).toBe(3);
    expect(phases).toContain('letters');
    expect(phases.at(-1)).toBe('done');
    expect(await auditCount()).toBe(before + 1);
    const [row] = (await t.ok('audit.list', { entity: 'sample' })).items;
    expect(row).toMatchObject({ action: 'sample.load', after: { loaded: true } });

    expect(await t.ok('sample.load', {})).toMatchObject({ loaded: false, reason: 'already_loaded' });
    expect(await t.ok('sample.load', { force: true })).toMatchObject({
      loaded: false,
      reason: 'already_loaded',
    });
    expect((await t.ok('partners.list', { limit: 500 })).total).toBe(result.counts.partners);
    expect(await auditCount()).toBe(before + 1);
    expect((await t.ok('audit.verify', {})).ok).toBe(true);
  });

  it('is refused on a desk that already holds records, unless forced', async () => {
    await t.ok('partners.create', { kind: 'city', nameFa: 'شیراز', nameEn: 'Shiraz', country: 'IR' });
    expect(await t.ok('sample.load', {})).toMatchObject({ loaded: false, reason: 'not_empty' });
    expect((await t.ok('partners.list', {})).total).toBe(1);
    expect((await t.ok('sample.load', { force: true })).loaded).toBe(true);
  });

  it('tells the Florence story in order on its relationship timeline', async () => {
    await t.ok('sample.load', {});
    const [florence] = (await t.ok('partners.list', { text: 'Florence' })).items;
    const relationships = await t.ok('relationships.list', { partnerId: florence!.id });
    expect(relationships.items).toHaveLength(1);
    const timeline = await t.ok('relationships.timeline', { id: relationships.items[0]!.id, limit: 100 });
    const letters = timeline.items.filter((i) => i.source === 'letter');
    // Newest first: the embassy (15 days ago), the ministry (45), the council bill (50),
    // Florence's comments (60), our reply (110) and Florence's proposal (120).
    expect(letters.map((i) => i.title)).toEqual([
      'Visa facilitation for the Isfahan delegation to Florence',
      'اعلام نظر درباره تمدید تفاهم‌نامه خواهرخواندگی اصفهان و فلورانس',
      'لایحه تمدید تفاهم‌نامه خواهرخواندگی اصفهان و فلورانس',
      'Comments of Florence on the draft renewed agreement',
      'Re: Renewal of the sister-city agreement — Isfahan welcomes the proposal',
      'Proposal to renew the sister-city agreement between Florence and Isfahan',
    ]);
    const dates = letters.map((l) => l.date);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(letters).toHaveLength(6);
  });

  it('gives the Desk real work: overdue replies, referrals to me, a chain stuck at the council', async () => {
    await t.ok('users.create', { username: 'tester', nameFa: 'آزمونگر' });
    await t.ok('sample.load', {});
    const overview = await t.ok('desk.overview', {});
    expect(overview.lettersAwaitingReplyOverdue.items.map((l) => l.subject)).toEqual(
      expect.arrayContaining([
        'Comments of Florence on the draft renewed agreement',
        'Invitation aux Journées du patrimoine — échange avec la Nouvelle-Djoulfa',
      ]),
    );
    expect(overview.referralsToMe.items.map((l) => l.subject)).toEqual([
      'Youth sport exchange under the Kazan–Isfahan agreement',
    ]);
    expect(overview.myOverdueTasks.total).toBe(2);
    const waiting = await t.ok('approvals.waiting', {});
    expect(waiting[0]).toMatchObject({ authorityNameEn: 'City Council', state: 'waiting', daysWaiting: 50 });
    const kazan = await t.ok('agreements.list', { status: ['in_force'] });
    expect(kazan.items.map((a) => a.title)).toEqual(['تفاهم‌نامه خواهرخواندگی اصفهان و قازان']);
    const versions = await t.ok('agreements.list', { status: ['draft'] });
    expect(versions.total).toBe(1);
    const week = await t.ok('events.list', {
      kinds: ['cultural_week'],
      sort: { field: 'startDate', direction: 'asc' },
    });
    expect(week.items.map((e) => [e.title, e.programmeCount])).toEqual([
      ['هفته فرهنگی اصفهان در پاریس', 10],
      ['هفته فرهنگی پاریس در اصفهان', 0],
    ]);
  });

  it('leaves nothing behind when loading fails part-way: no rows, no attachment files', async () => {
    // A step late in the load fails (here, storing events), after letters got their files.
    await sql`CREATE TRIGGER refuse_events BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'refused'); END`.execute(
      t.desk.internals.db,
    );
    const before = await auditCount();
    const error = await t.fail('sample.load', {});
    expect(error.code).toBe('CONFLICT');
    expect(storedFiles(t.dir)).toEqual([]);
    expect((await t.ok('partners.list', {})).total).toBe(0);
    expect(await auditCount()).toBe(before);
    await sql`DROP TRIGGER refuse_events`.execute(t.desk.internals.db);
    expect((await t.ok('sample.load', {})).loaded).toBe(true);
    expect(storedFiles(t.dir)).toHaveLength(3);
  });

  it('builds its approval chain even when the office removed the default trip template', async () => {
    for (const template of await t.ok('approvals.templates.list', {})) {
      await t.ok('approvals.templates.remove', { id: template.id });
    }
    expect((await t.ok('sample.load', { force: true })).loaded).toBe(true);
    const waiting = await t.ok('approvals.waiting', {});
    expect(waiting).toHaveLength(1);
    expect(waiting[0]!.state).toBe('waiting');
  });
});

/** Every file in the attachment store (two-letter folders of content-named files). */
function storedFiles(dir: string): string[] {
  const root = join(dir, 'attachments');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);
}
