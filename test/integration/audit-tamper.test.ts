/**
 * A tamper-evident audit trail: someone with a SQLite tool drops the append-only triggers
 * and edits, deletes, inserts or reorders rows; audit.verify names the first row that does
 * not verify. Rows cut from the end leave a shorter chain that verifies on its own; that is
 * caught against the chain head kept in each backup's manifest (see backup-untrusted).
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH, rowHash, verifyAudit } from '../../electron/main/core/audit/audit.repository';
import type { AuditRow } from '../../electron/main/core/audit/audit.table';
import { DeskError } from '../../electron/main/core/errors';
import { openTestDesk, type TestDesk } from '../helpers/desk';
import { withFile } from '../helpers/reliability';

let t: TestDesk;
type Run = (text: string) => Promise<Record<string, unknown>[]>;

beforeEach(async () => {
  t = await openTestDesk();
  for (let i = 1; i <= 4; i += 1)
    await t.ok('settings.set', { key: 'relationships.dormantMonths', value: i });
  await t.ok('users.create', { username: 'sara.ahmadi', nameFa: 'سارا احمدی' });
  await t.ok('users.create', { username: 'reza.karimi', nameFa: 'رضا کریمی' });
  for (let i = 5; i <= 6; i += 1)
    await t.ok('settings.set', { key: 'relationships.dormantMonths', value: i });
  expect(await verify()).toMatchObject({ ok: true, checked: 8, headSeq: 8 });
});
afterEach(async () => {
  await t.cleanup();
});

function verify() {
  return t.ok('audit.verify', {});
}

/** Tampers with the open desk's file through a second connection, as a SQLite tool would. */
async function tamper(edit: (run: Run) => Promise<void>): Promise<void> {
  await withFile(join(t.dir, 'desk.sqlite'), async (run) => {
    await run('DROP TRIGGER audit_log_no_update');
    await run('DROP TRIGGER audit_log_no_delete');
    await edit(run);
  });
}

async function row(run: Run, seq: number): Promise<AuditRow> {
  const [found] = (await run(`SELECT * FROM audit_log WHERE seq = ${seq}`)) as unknown as AuditRow[];
  return found!;
}

function quote(value: string | null): string {
  return value === null ? 'NULL' : `'${value.replace(/'/g, "''")}'`;
}

async function insertRow(run: Run, r: AuditRow): Promise<void> {
  await run(`INSERT INTO audit_log (seq, ts_utc, actor, workstation, action, entity, entity_id, before, after, prev_hash, hash)
    VALUES (${r.seq}, ${quote(r.ts_utc)}, ${quote(r.actor)}, ${quote(r.workstation)}, ${quote(r.action)}, ${quote(r.entity)},
    ${quote(r.entity_id)}, ${quote(r.before)}, ${quote(r.after)}, ${quote(r.prev_hash)}, ${quote(r.hash)})`);
}

describe('audit.verify', () => {
  it('reads the chain in batches without skipping or repeating a row at their edges', async () => {
    // Batches of 3 over 8 rows: edges after rows 3 and 6.
    const db = t.desk.internals.db;
    expect(await verifyAudit(db, 3)).toMatchObject({ ok: true, checked: 8, headSeq: 8 });
    await tamper((run) => run('DELETE FROM audit_log WHERE seq = 4').then(() => {}));
    expect(await verifyAudit(db, 3)).toMatchObject({
      ok: false,
      firstBadSeq: 4,
      problem: 'missing row 4 (next present is 5)',
    });
  });

  it('the triggers refuse edits and deletions made through the desk’s own connection', async () => {
    const db = t.desk.internals.db;
    await expect(
      db.updateTable('audit_log').set({ actor: 'x' }).where('seq', '=', 1).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_log').where('seq', '=', 1).execute()).rejects.toThrow(/append-only/);
    expect((await verify()).ok).toBe(true);
  });

  it('names an edited row', async () => {
    await tamper((run) =>
      run(`UPDATE audit_log SET after = '{"relationships.dormantMonths":40}' WHERE seq = 3`).then(() => {}),
    );
    expect(await verify()).toMatchObject({
      ok: false,
      firstBadSeq: 3,
      problem: 'row 3 was changed after it was written',
    });
  });

  it('names the row after an edited row whose own hash was recomputed', async () => {
    await tamper(async (run) => {
      const r = await row(run, 5);
      const after = '{"nameFa":"کس دیگر","username":"sara.ahmadi"}';
      await run(
        `UPDATE audit_log SET after = ${quote(after)}, hash = '${rowHash({ ...r, after })}' WHERE seq = 5`,
      );
    });
    expect(await verify()).toMatchObject({
      ok: false,
      firstBadSeq: 6,
      problem: 'row 6 does not follow the row before it',
    });
  });

  it('names a deleted row', async () => {
    await tamper((run) => run('DELETE FROM audit_log WHERE seq = 4').then(() => {}));
    expect(await verify()).toMatchObject({
      ok: false,
      firstBadSeq: 4,
      problem: 'missing row 4 (next present is 5)',
    });
  });

  it('names a row inserted in the middle, even with a correctly computed hash', async () => {
    await tamper(async (run) => {
      for (let seq = 8; seq >= 4; seq -= 1)
        await run(`UPDATE audit_log SET seq = ${seq + 1} WHERE seq = ${seq}`);
      const previous = await row(run, 3);
      const forged = {
        seq: 4,
        ts_utc: '2025-05-05T09:00:00.000Z',
        actor: 'tester',
        workstation: 'TEST-PC',
        action: 'settings.set',
        entity: 'settings',
        entity_id: 'office.nameEn',
        before: null,
        after: '{"office.nameEn":"Forged"}',
        prev_hash: previous.hash,
      };
      await insertRow(run, { ...forged, hash: rowHash(forged) });
    });
    // The forged row verifies on its own; the genuine row it pushed down does not.
    expect(await verify()).toMatchObject({
      ok: false,
      firstBadSeq: 5,
      problem: 'row 5 does not follow the row before it',
    });
  });

  it('names an inserted row whose hash was made up', async () => {
    await tamper(async (run) => {
      for (let seq = 8; seq >= 2; seq -= 1)
        await run(`UPDATE audit_log SET seq = ${seq + 1} WHERE seq = ${seq}`);
      const first = await row(run, 1);
      await insertRow(run, { ...first, seq: 2, prev_hash: first.hash, hash: 'f'.repeat(64) });
    });
    expect(await verify()).toMatchObject({ ok: false, firstBadSeq: 2 });
  });

  it('names the first of two reordered rows', async () => {
    await tamper(async (run) => {
      const [a, b] = [await row(run, 5), await row(run, 6)];
      await run('DELETE FROM audit_log WHERE seq IN (5, 6)');
      await insertRow(run, { ...b, seq: 5 });
      await insertRow(run, { ...a, seq: 6 });
    });
    expect(await verify()).toMatchObject({ ok: false, firstBadSeq: 5 });
  });

  it('names a row appended without the chain', async () => {
    await tamper(async (run) => {
      const last = await row(run, 8);
      await insertRow(run, { ...last, seq: 9, prev_hash: GENESIS_HASH, after: '{"x":1}' });
    });
    expect(await verify()).toMatchObject({
      ok: false,
      firstBadSeq: 9,
      problem: 'row 9 does not follow the row before it',
    });
  });

  it('still names the edited row after the tamperer puts the triggers back and the desk is reopened', async () => {
    await withFile(join(t.dir, 'desk.sqlite'), async (run) => {
      const triggers = (await run(
        `SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'`,
      )) as {
        sql: string;
      }[];
      await run('DROP TRIGGER audit_log_no_update');
      await run(`UPDATE audit_log SET actor = 'nobody' WHERE seq = 2`);
      for (const trigger of triggers) if (trigger.sql.includes('no_update')) await run(trigger.sql);
    });
    await t.reopen();
    expect(await verify()).toMatchObject({ ok: false, firstBadSeq: 2 });
  });

  it('a desk whose append-only triggers are gone is refused at the next open', async () => {
    await tamper(async () => {});
    const error = await t.reopen().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DeskError);
    expect((error as DeskError).message).toMatch(/trigger audit_log_no_(update|delete) is missing/);
  });
});
