/**
 * A backup is untrusted input: restore refuses one whose files do not match the manifest,
 * whose database fails the integrity check, belongs to another program, comes from a newer
 * version, has a changed structure, or whose audit chain does not verify or does not end at
 * the head its manifest records. Each tamperer here also rewrites the manifest's hashes, so
 * each check is shown to stand on its own; and every refusal leaves the desk as it was.
 */
import { readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rowHash } from '../../electron/main/core/audit/audit.repository';
import type { AuditRow } from '../../electron/main/core/audit/audit.table';
import { openTestDesk, type TestDesk } from '../helpers/desk';
import {
  addPartnerRow,
  attachText,
  deskState,
  resealManifest,
  scribble,
  withFile,
} from '../helpers/reliability';

let t: TestDesk;
let folder: string;
let id: string;
let attachment: string;

beforeEach(async () => {
  t = await openTestDesk();
  const partner = await addPartnerRow(t);
  attachment = await attachText(t, partner, 'agreement', 'Sister-city agreement, 2000');
  for (let i = 1; i <= 6; i += 1)
    await t.ok('settings.set', { key: 'relationships.dormantMonths', value: i });
  const { backup } = await t.ok('backup.create', {});
  await t.desk.settled(); // its background verification, before a test tampers with it
  folder = backup.location;
  id = backup.id;
  await t.ok('settings.set', { key: 'relationships.dormantMonths', value: 60 });
});
afterEach(async () => {
  await t.cleanup();
});

const db = () => join(folder, 'desk.sqlite');

async function refused(code: string, why: RegExp | string): Promise<void> {
  const before = await deskState(t);
  const backupsBefore = (await t.ok('backup.list', {})).map((b) => b.id);
  const error = await t.fail('backup.restore', { id });
  expect(error.code).toBe(code);
  if (typeof why === 'string') expect(error.message).toContain(why);
  else expect(error.message).toMatch(why);
  expect(error.message).toContain('The desk has not been changed');
  expect(await deskState(t)).toEqual(before);
  expect((await t.ok('backup.list', {})).map((b) => b.id)).toEqual(backupsBefore);
  expect((await t.ok('settings.get', {}))['relationships.dormantMonths']).toBe(60);
  // And backup.verify reports the same problem.
  const checked = await t.ok('backup.verify', { id });
  expect(checked.status).toBe('failed');
}

/** Rewrites audit rows from `fromSeq` on so the chain is internally consistent again. */
async function rechain(
  run: (text: string) => Promise<Record<string, unknown>[]>,
  fromSeq: number,
): Promise<void> {
  const rows = (await run(
    `SELECT * FROM audit_log WHERE seq >= ${fromSeq - 1} ORDER BY seq`,
  )) as unknown as AuditRow[];
  let prev = rows[0]!.seq === fromSeq - 1 ? rows.shift()!.hash : '0'.repeat(64);
  for (const row of rows) {
    const hash = rowHash({ ...row, prev_hash: prev });
    await run(`UPDATE audit_log SET prev_hash = '${prev}', hash = '${hash}' WHERE seq = ${row.seq}`);
    prev = hash;
  }
}

/** Runs `edit` with the append-only triggers dropped, then puts them back exactly as they were. */
async function withoutTriggers(
  edit: (run: (text: string) => Promise<Record<string, unknown>[]>) => Promise<void>,
) {
  await withFile(db(), async (run) => {
    const triggers = (await run(
      `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'`,
    )) as {
      name: string;
      sql: string;
    }[];
    expect(triggers.length).toBe(2);
    for (const trigger of triggers) await run(`DROP TRIGGER ${trigger.name}`);
    await edit(run);
    for (const trigger of triggers) await run(trigger.sql);
  });
}

describe('restoring an untrusted backup', () => {
  it('refuses a file that does not match its hash in the manifest', async () => {
    const file = join(folder, 'attachments', attachment.slice(0, 2), attachment);
    writeFileSync(file, 'Sister-city agreement, 2001');
    await refused(
      'CORRUPT',
      `attachments/${attachment.slice(0, 2)}/${attachment} does not match its SHA-256`,
    );
  });

  it('refuses a database that fails the integrity check', async () => {
    scribble(db(), 4096 * 3, 4096 * 2, 0x00);
    resealManifest(folder);
    await refused('CORRUPT', /damaged \(full check failed\)/);
  });

  it('refuses the database of another program', async () => {
    await withFile(db(), (run) => run('PRAGMA application_id = 1'));
    resealManifest(folder);
    await refused('CORRUPT', 'not a City Diplomacy Desk database');
  });

  it('refuses a backup of a newer version of the program', async () => {
    await withFile(db(), (run) =>
      run(
        `INSERT INTO kysely_migration (name, timestamp) VALUES ('2999-01-01-01-future', '2999-01-01T00:00:00.000Z')`,
      ),
    );
    resealManifest(folder, (m) => {
      (m.counts as Record<string, number>).kysely_migration! += 1;
      m.schemaVersion = '2999-01-01-01-future';
    });
    await refused('UNSUPPORTED_FILE', 'newer version');
  });

  it('refuses a database whose structure was changed (a trigger that would rewrite records)', async () => {
    await withFile(db(), (run) =>
      run(
        `CREATE TRIGGER partners_quietly AFTER INSERT ON partners BEGIN UPDATE partners SET notes = 'x'; END`,
      ),
    );
    resealManifest(folder);
    await refused('CORRUPT', 'unexpected trigger partners_quietly');
  });

  it('refuses an audit trail with an edited row, naming the row', async () => {
    await withoutTriggers((run) =>
      run(`UPDATE audit_log SET actor = 'someone else' WHERE seq = 3`).then(() => {}),
    );
    resealManifest(folder);
    await refused('CORRUPT', /audit trail does not verify: row 3 was changed after it was written \(row 3\)/);
  });

  it('refuses an audit trail rewritten consistently whose head no longer matches the manifest', async () => {
    const before = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as {
      audit: { headSeq: number };
    };
    await withoutTriggers(async (run) => {
      await run(`UPDATE audit_log SET after = '{"relationships.dormantMonths":99}' WHERE seq = 4`);
      await rechain(run, 4);
    });
    resealManifest(folder);
    await refused(
      'CORRUPT',
      new RegExp(
        `audit trail ends at row ${before.audit.headSeq} .*but the manifest records its head as row ${before.audit.headSeq}`,
      ),
    );
  });

  it('refuses an audit trail cut short (its last rows deleted)', async () => {
    await withoutTriggers((run) => run(`DELETE FROM audit_log WHERE seq >= 6`).then(() => {}));
    resealManifest(folder, (m) => {
      (m.counts as Record<string, number>).audit_log = 5;
    });
    await refused('CORRUPT', /audit trail ends at row 5 .*manifest records its head as row \d+/);
  });

  it('refuses a manifest that points outside the backup folder', async () => {
    resealManifest(folder, (m) => {
      (m.files as unknown[]).push({ path: '../../desk.sqlite', size: 1, sha256: 'a'.repeat(64) });
    });
    await refused('CORRUPT', 'the manifest is not valid (files.');
  });

  it('refuses a file replaced by a link', async () => {
    const file = join(folder, 'attachments', attachment.slice(0, 2), attachment);
    const elsewhere = join(t.dir, 'attachments', attachment.slice(0, 2), attachment);
    unlinkSync(file);
    symlinkSync(elsewhere, file);
    await refused('CORRUPT', 'is missing');
  });

  it('refuses a backup without a manifest', async () => {
    rmSync(join(folder, 'manifest.json'));
    await refused('CORRUPT', 'the manifest is missing');
  });
});
