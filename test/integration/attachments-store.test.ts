import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attachmentSearchSource } from '../../electron/main/core/attachments/attachment.search';
import { nodeIo, storeFile } from '../../electron/main/core/attachments/attachment-store';
import { toDeskError } from '../../electron/main/core/errors';
import { newId } from '../../electron/main/core/ids';
import { deskPaths } from '../../electron/main/core';
import { openTestDesk, tempDir, type TestDesk } from '../helpers/desk';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'files');

let t: TestDesk;
let src: string;
let partnerId: string;

beforeEach(async () => {
  t = await openTestDesk();
  src = tempDir('user-files-');
  partnerId = newId();
  await t.desk.internals.db
    .insertInto('partners')
    .values({
      id: partnerId,
      kind: 'city',
      name_fa: 'قازان',
      own: 0,
      archived: 0,
      search_key: 'قازان',
      sort_key: 'قازان',
      created_at: '2025-01-01T00:00:00.000Z',
      updated_at: '2025-01-01T00:00:00.000Z',
    })
    .execute();
});
afterEach(async () => {
  await t.cleanup();
});

function userFile(fixture: string, name: string = fixture): string {
  const path = join(src, name);
  copyFileSync(join(fixtures, fixture), path);
  return path;
}

describe('the attachment store on a full disk', () => {
  it('removes its temp file and answers STORAGE_FULL', async () => {
    const paths = deskPaths(t.dir);
    let writes = 0;
    const fullDisk = {
      async write(handle: Parameters<typeof nodeIo.write>[0], data: Uint8Array) {
        writes += 1;
        await nodeIo.write(handle, data.subarray(0, 10));
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      },
    };
    const error = await storeFile(paths, userFile('invitation.pdf'), { maxBytes: 1 << 20 }, fullDisk).catch(
      (e: unknown) => e,
    );
    expect(writes).toBe(1);
    expect(toDeskError(error).code).toBe('STORAGE_FULL');
    expect(readdirSync(paths.tempDir)).toEqual([]);
    expect(readdirSync(paths.attachmentsDir)).toEqual([]);
  });

  it('decides again on the copy, so a file swapped after the first look is refused', async () => {
    const paths = deskPaths(t.dir);
    const program = readFileSync(join(fixtures, 'setup.exe'));
    // The bytes that reach the copy are not those that were looked at first.
    const swapped = {
      write: (handle: Parameters<typeof nodeIo.write>[0]) => nodeIo.write(handle, program),
    };
    const error = await storeFile(paths, userFile('invitation.pdf'), { maxBytes: 1 << 20 }, swapped).catch(
      (e: unknown) => e,
    );
    expect(toDeskError(error).code).toBe('UNSUPPORTED_FILE');
    expect(readdirSync(paths.tempDir)).toEqual([]);
    expect(readdirSync(paths.attachmentsDir)).toEqual([]);
  });

  it('clears what an interrupted call left in the temp folder when the desk opens', async () => {
    const tmp = join(t.dir, 'tmp');
    writeFileSync(join(tmp, 'attachment-interrupted.part'), 'half a file');
    mkdirSync(join(tmp, 'open', newId()), { recursive: true });
    writeFileSync(join(tmp, 'open', 'left.pdf'), '%PDF-');
    await t.reopen();
    expect(readdirSync(tmp)).toEqual([]);
  });
});

describe('the attachment tables', () => {
  it('refuse an attachment whose stored file is unknown', async () => {
    const insert = t.desk.internals.db
      .insertInto('attachments')
      .values({
        id: newId(),
        file_sha256: 'f'.repeat(64),
        owner_type: 'partner',
        owner_id: partnerId,
        display_name: 'x.pdf',
        added_by: 'tester',
        added_at: '2025-01-01T00:00:00.000Z',
      })
      .execute();
    await expect(insert).rejects.toThrow(/FOREIGN KEY/);
  });

  it('list a record’s attachments through the owner index', async () => {
    const plan = await sql<{ detail: string }>`EXPLAIN QUERY PLAN
      SELECT a.*, f.size, f.content_type FROM attachments a
      JOIN attachment_files f ON f.sha256 = a.file_sha256
      WHERE a.owner_type = ${'partner'} AND a.owner_id = ${partnerId}
      ORDER BY a.added_at, a.id LIMIT 50`.execute(t.desk.internals.db);
    const details = plan.rows.map((r) => r.detail).join('\n');
    expect(details).toMatch(/SEARCH a USING INDEX attachments_owner/);
    expect(details).not.toMatch(/SCAN a\b/);
  });
});

describe('attachments in search', () => {
  it('are found by name and by the text of text and Word files', async () => {
    const [docx] = await t.ok('attachments.add', {
      ownerType: 'partner',
      ownerId: partnerId,
      path: userFile('letter.docx', 'نامه دعوت.docx'),
    });
    const [png] = await t.ok('attachments.add', {
      ownerType: 'partner',
      ownerId: partnerId,
      path: userFile('photo.png'),
    });
    const docs = await attachmentSearchSource.load(t.desk.internals.db, [docx!.id, png!.id, newId()]);
    const byId = new Map(docs.map((d) => [d.id, d]));
    expect(byId.size).toBe(2);
    expect(byId.get(docx!.id)).toMatchObject({
      type: 'attachment',
      title: 'نامه دعوت.docx',
      date: '2025-05-05',
    });
    expect(byId.get(docx!.id)!.body).toContain('دعوت‌نامه همایش شهرهای خواهرخوانده');
    expect(byId.get(png!.id)!.body).toBe('');
    expect(await attachmentSearchSource.allIds(t.desk.internals.db, null, 10)).toEqual(
      [docx!.id, png!.id].sort(),
    );
  });
});

describe('removal racing an add of the same content', () => {
  it('never leaves an attachment without its file', async () => {
    const path = userFile('minutes.odt');
    for (let round = 0; round < 5; round += 1) {
      const [only] = await t.ok('attachments.add', { ownerType: 'partner', ownerId: partnerId, path });
      const [removed, added] = await Promise.all([
        t.desk.call('attachments.remove', { id: only!.id }),
        t.desk.call('attachments.add', { ownerType: 'partner', ownerId: partnerId, path }),
      ]);
      expect(removed.ok && added.ok).toBe(true);
      const report = await t.ok('attachments.verify', {});
      expect(report.missing).toEqual([]);
      const [stillThere] = (await t.ok('attachments.list', { ownerType: 'partner', ownerId: partnerId }))
        .items;
      expect(existsSync(join(t.dir, 'attachments', stillThere!.sha256.slice(0, 2), stillThere!.sha256))).toBe(
        true,
      );
      await t.ok('attachments.remove', { id: stillThere!.id });
    }
  });
});
