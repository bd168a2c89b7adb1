import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../electron/main/core/ids';
import { openTestDesk, tempDir, type TestDesk } from '../helpers/desk';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'files');

let t: TestDesk;
let src: string;
let partnerId: string;

/** A partner row straight in the table (the partners API belongs to its own tests). */
async function seedPartner(desk: TestDesk, name = 'شهر فلورانس'): Promise<string> {
  const id = newId();
  await desk.desk.internals.db
    .insertInto('partners')
    .values({
      id,
      kind: 'city',
      name_fa: name,
      own: 0,
      archived: 0,
      search_key: name,
      sort_key: name,
      created_at: '2025-01-01T00:00:00.000Z',
      updated_at: '2025-01-01T00:00:00.000Z',
    })
    .execute();
  return id;
}

/** Copies a fixture under a name of the test's choosing, as the user's own file. */
function userFile(fixture: string, name: string = fixture): string {
  const path = join(src, name);
  copyFileSync(join(fixtures, fixture), path);
  return path;
}

/** Every file under a folder with the SHA-256 of its content: a byte-for-byte picture of it. */
function snapshot(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else out[relative(folder, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  if (existsSync(folder)) walk(folder);
  return out;
}

const attachmentsDir = () => join(t.dir, 'attachments');
const tmpDir = () => join(t.dir, 'tmp');
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function auditCount(): Promise<number> {
  return (await t.ok('audit.list', { limit: 1 })).total;
}

async function attachmentRows(): Promise<number> {
  const row = await t.desk.internals.db
    .selectFrom('attachments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeEach(async () => {
  t = await openTestDesk();
  src = tempDir('user-files-');
  partnerId = await seedPartner(t);
});
afterEach(async () => {
  await t.cleanup();
});

describe('adding attachments', () => {
  it('stores the file under its hash and keeps the user’s name only in the database', async () => {
    const path = userFile('invitation.pdf', 'دعوت‌نامه همایش.pdf');
    const [added] = await t.ok('attachments.add', { ownerType: 'partner', ownerId: partnerId, path });
    const hash = sha(path);
    expect(added).toMatchObject({
      ownerType: 'partner',
      ownerId: partnerId,
      displayName: 'دعوت‌نامه همایش.pdf',
      kind: 'pdf',
      contentType: 'application/pdf',
      size: statSync(path).size,
      sha256: hash,
      addedBy: 'tester',
      addedAt: '2025-05-05T09:00:00.000Z',
    });
    expect(Object.keys(snapshot(attachmentsDir()))).toEqual([`${hash.slice(0, 2)}/${hash}`]);
    expect(readFileSync(join(attachmentsDir(), hash.slice(0, 2), hash))).toEqual(readFileSync(path));
    expect(readdirSync(tmpDir())).toEqual([]);

    const listed = await t.ok('attachments.list', { ownerType: 'partner', ownerId: partnerId });
    expect(listed).toEqual({ items: [added], total: 1 });
    expect(await t.ok('attachments.get', { id: added!.id })).toEqual(added);
    expect((await t.fail('attachments.get', { id: newId() })).code).toBe('NOT_FOUND');
  });

  it('stores the same file attached twice once', async () => {
    const first = userFile('letter.docx', 'نامه.docx');
    const second = userFile('letter.docx', 'copy of the letter.docx');
    const other = await seedPartner(t, 'شهر ایروان');
    const [a] = await t.ok('attachments.add', { ownerType: 'partner', ownerId: partnerId, path: first });
    const [b] = await t.ok('attachments.add', { ownerType: 'partner', ownerId: other, path: second });
    expect(a!.id).not.toBe(b!.id);
    expect(a!.sha256).toBe(b!.sha256);
    expect(b!.displayName).toBe('copy of the letter.docx');
    expect(Object.keys(snapshot(attachmentsDir()))).toHaveLength(1);
    const files = await t.desk.internals.db.selectFrom('attachment_files').selectAll().execute();
    expect(files).toHaveLength(1);
  });

  it('asks the platform for files when no path is given, with the accepted types as filters', async () => {
    t.platform.nextFiles = [userFile('photo.png'), userFile('notes.txt')];
    const added = await t.ok('attachments.add', { ownerType: 'partner', ownerId: partnerId });
    expect(added.map((a) => [a.displayName, a.kind])).toEqual([
      ['photo.png', 'png'],
      ['notes.txt', 'text'],
    ]);
    const extensions = t.platform.lastFilters?.flatMap((f) => f.extensions) ?? [];
    expect(extensions).toEqual(expect.arrayContaining(['pdf', 'docx', 'xlsx', 'odt', 'msg', 'eml', 'png']));
    expect(extensions).not.toContain('exe');

    t.platform.nextFiles = null;
    expect(await t.ok('attachments.add', { ownerType: 'partner', ownerId: partnerId })).toEqual([]);
    expect((await t.ok('attachments.list', { ownerType: 'partner', ownerId: partnerId })).total).toBe(2);
  });

  it('refuses an owner that does not exist, and kinds of record that do not exist yet', async () => {
    const path = userFile('notes.txt');
    expect((await t.fail('attachments.add', { ownerType: 'partner', ownerId: newId(), path })).code).toBe(
      'NOT_FOUND',
    );
    expect((await t.fail('attachments.add', { ownerType: 'event', ownerId: newId(), path })).code).toBe(
      'NOT_FOUND',
    );
    expect((await t.fail('attachments.add', { ownerType: 'planet', ownerId: partnerId, path })).code).toBe(
      'VALIDATION',
    );
    expect(
      (await t.fail('attachments.add', { ownerType: 'partner', ownerId: partnerId, path: 'notes.txt' })).code,
    ).toBe('VALIDATION');
    const missing = join(src, 'gone.pdf');
    expect(
      (await t.fail('attachments.add', { ownerType: 'partner', ownerId: partnerId, path: missing })).code,
    ).toBe('NOT_FOUND');
    expect(await attachmentRows()).toBe(0);
  });

  it('refuses a program, a macro document and a web page, writing nothing', async () => {
    await t.ok('attachments.add', { ownerType: 'partner', ownerId: partnerId, path: userFile('photo.jpg') });
    const before = snapshot(attachmentsDir());
    const audits = await auditCount();
    for (const [fixture, name] of [
      ['setup.exe', 'setup.exe'],
      ['macro.docm', 'نامه.docm'],
      ['macro.docm', 'innocent.docx'],
      ['page.html', 'page.html'],
      ['drawing.svg', 'logo.svg'],
      ['renamed-program.pdf', 'report.pdf'],
    ] as const) {
      const error = await t.fail('attachments.add', {
        ownerType: 'partner',
        ownerId: partnerId,
        path: userFile(fixture, name),
      });
      expect(error.code, name).toBe('UNSUPPORTED_FILE');
    }
    expect(snapshot(attachmentsDir())).toEqual(before);
    expect(readdirSync(tmpDir())).toEqual([]);
    expect(await attachmentRows()).toBe(1);
    expect(await auditCount()).toBe(audits);
  });

  it('adds nothing when one of several chosen files is refused, and removes what it had stored', async () => {
    const before = snapshot(attachmentsDir());
    t.platform.nextFiles = [userFile('invitation.pdf'), userFile('budget.xlsx'), userFile('page.html')];
    expect((await t.fail('attachments.add', { ownerType: 'partner', ownerId: partnerId })).code).toBe(
      'UNSUPPORTED_FILE',
    );
    expect(snapshot(attachmentsDir())).toEqual(before);
    expect(await attachmentRows()).toBe(0);
    expect(await t.desk.internals.db.selectFrom('attachment_files').selectAll().execute()).toEqual([]);
  });

  it('refuses a file over the size limit before reading it', async () => {
    await t.ok('settings.set', { key: 'attachments.maxBytes', value: 2048 });
    // A program over the limit is refused for its size: its content was never looked at.
    const big = join(src, 'big.pdf');
    writeFileSync(big, Buffer.concat([readFileSync(join(fixtures, 'setup.exe')), Buffer.alloc(4096)]));
    const error = await t.fail('attachments.add', { ownerType: 'partner', ownerId: partnerId, path: big });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/size limit/);

    // The default limit is 100 MB: a sparse file of 101 MB is refused without reading it.
    await t.ok('settings.set', { key: 'attachments.maxBytes', value: 100 * 1024 * 1024 });
    const sparse = join(src, 'huge.pdf');
    writeFileSync(sparse, readFileSync(join(fixtures, 'invitation.pdf')));
    truncateSync(sparse, 101 * 1024 * 1024);
    const started = Date.now();
    expect(
      (await t.fail('attachments.add', { ownerType: 'partner', ownerId: partnerId, path: sparse })).code,
    ).toBe('VALIDATION');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(snapshot(attachmentsDir())).toEqual({});
  });

  it('keeps hostile names out of the file system', async () => {
    const present = new Set(Object.keys(snapshot(t.dir)));
    const names = ['..\\..\\evil.pdf', 'CON.txt', 'a:b', 'فاکتور\u202Etxt.pdf', 'lpt1', ' trailing. . '];
    const added = [];
    for (const name of names) {
      const fixture = name.endsWith('.pdf') ? 'invitation.pdf' : 'notes.txt';
      const [attachment] = await t.ok('attachments.add', {
        ownerType: 'partner',
        ownerId: partnerId,
        path: userFile(fixture, name),
      });
      added.push(attachment!);
    }
    expect(added.map((a) => a.displayName)).toEqual([
      'evil.pdf',
      'CON.txt',
      'a:b',
      'فاکتورtxt.pdf',
      'lpt1',
      'trailing. .',
    ]);
    for (const attachment of added) await t.ok('attachments.open', { id: attachment.id });

    const opened = t.platform.opened.map((p) => relative(tmpDir(), p));
    expect(opened).toEqual([
      `open/${added[0]!.id}/evil.pdf`,
      `open/${added[1]!.id}/_CON.txt`,
      `open/${added[2]!.id}/a_b.txt`,
      `open/${added[3]!.id}/فاکتورtxt.pdf`,
      `open/${added[4]!.id}/_lpt1.txt`,
      `open/${added[5]!.id}/trailing.txt`,
    ]);
    // Whatever appeared in the data folder: stored files named by hash and the opened copies.
    const tree = Object.keys(snapshot(t.dir)).filter((p) => !present.has(p) && !p.startsWith('desk.sqlite'));
    expect(tree.length).toBeGreaterThan(names.length);
    for (const path of tree) {
      expect(path).toMatch(
        /^(attachments\/[0-9a-f]{2}\/[0-9a-f]{64}|tmp\/open\/[0-9a-f-]{36}\/[^/\\:\u202e]+\.(pdf|txt))$/,
      );
    }
    expect(readdirSync(src).sort()).toEqual([...names].sort());
  });
});

describe('removing attachments', () => {
  it('keeps the file while another record uses it, and deletes it with the last reference', async () => {
    const path = userFile('scan.tif');
    const hash = sha(path);
    const stored = join(attachmentsDir(), hash.slice(0, 2), hash);
    const [a] = await t.ok('attachments.add', { ownerType: 'partner', ownerId: partnerId, path });
    const [b] = await t.ok('attachments.add', { ownerType: 'partner', ownerId: partnerId, path });

    expect(await t.ok('attachments.remove', { id: a!.id })).toEqual({ id: a!.id, fileRemoved: false });
    expect(existsSync(stored)).toBe(true);
    expect((await t.ok('attachments.list', { ownerType: 'partner', ownerId: partnerId })).items).toEqual([b]);

    expect(await t.ok('attachments.remove', { id: b!.id })).toEqual({ id: b!.id, fileRemoved: true });
    expect(existsSync(stored)).toBe(false);
    expect(await t.desk.internals.db.selectFrom('attachment_files').selectAll().execute()).toEqual([]);
    expect((await t.fail('attachments.remove', { id: b!.id })).code).toBe('NOT_FOUND');
  });

  it('writes exactly one audit row for every change', async () => {
    const start = await auditCount();
    t.platform.nextFiles = [userFile('photo.png'), userFile('forum.eml')];
    const added = await t.ok('attachments.add', { ownerType: 'partner', ownerId: partnerId });
    expect(await auditCount()).toBe(start + 1);
    const [entry] = (await t.ok('audit.list', { limit: 1 })).items;
    expect(entry).toMatchObject({ action: 'attachments.add', entity: 'attachment', entityId: null });
    expect(entry!.after).toEqual(added);

    await t.ok('attachments.remove', { id: added[0]!.id });
    expect(await auditCount()).toBe(start + 2);
    const [removal] = (await t.ok('audit.list', { limit: 1 })).items;
    expect(removal).toMatchObject({ action: 'attachments.remove', entityId: added[0]!.id, after: null });
    expect(removal!.before).toEqual(added[0]);

    await t.ok('attachments.open', { id: added[1]!.id });
    await t.ok('attachments.list', { ownerType: 'partner', ownerId: partnerId });
    await t.ok('attachments.verify', {});
    expect(await auditCount()).toBe(start + 2);
    expect((await t.ok('audit.verify', {})).ok).toBe(true);
  });
});

describe('opening and previewing', () => {
  it('opens a checked copy named for its type, and refuses a damaged file', async () => {
    const [pdf] = await t.ok('attachments.add', {
      ownerType: 'partner',
      ownerId: partnerId,
      path: userFile('invitation.pdf', 'Invitation from Kazan'),
    });
    const { fileName } = await t.ok('attachments.open', { id: pdf!.id });
    expect(fileName).toBe('Invitation from Kazan.pdf');
    expect(t.platform.opened).toEqual([join(tmpDir(), 'open', pdf!.id, fileName)]);
    expect(readFileSync(t.platform.opened[0]!)).toEqual(readFileSync(join(fixtures, 'invitation.pdf')));

    // Opening again reuses an intact copy; a copy someone edited is replaced by the stored file.
    expect((await t.ok('attachments.open', { id: pdf!.id })).fileName).toBe(fileName);
    writeFileSync(t.platform.opened[0]!, 'edited by hand');
    await t.ok('attachments.open', { id: pdf!.id });
    expect(readFileSync(t.platform.opened[2]!)).toEqual(readFileSync(join(fixtures, 'invitation.pdf')));

    const stored = join(attachmentsDir(), pdf!.sha256.slice(0, 2), pdf!.sha256);
    const bytes = readFileSync(stored);
    bytes[20] = bytes[20]! ^ 0xff;
    writeFileSync(stored, bytes);
    expect((await t.fail('attachments.open', { id: pdf!.id })).code).toBe('CORRUPT');
    expect((await t.fail('attachments.read', { id: pdf!.id })).code).toBe('CORRUPT');
    expect(t.platform.opened).toHaveLength(3);
    expect(readdirSync(tmpDir()).filter((n) => n !== 'open')).toEqual([]);
  });

  it('answers PDF and image content for the preview, and nothing else', async () => {
    const [png] = await t.ok('attachments.add', {
      ownerType: 'partner',
      ownerId: partnerId,
      path: userFile('photo.png'),
    });
    const [docx] = await t.ok('attachments.add', {
      ownerType: 'partner',
      ownerId: partnerId,
      path: userFile('letter.docx'),
    });
    const preview = await t.ok('attachments.read', { id: png!.id });
    expect(preview.kind).toBe('png');
    expect(preview.contentType).toBe('image/png');
    expect(Buffer.from(preview.base64, 'base64')).toEqual(readFileSync(join(fixtures, 'photo.png')));
    expect((await t.fail('attachments.read', { id: docx!.id })).code).toBe('UNSUPPORTED_FILE');
    expect((await t.fail('attachments.read', { id: newId() })).code).toBe('NOT_FOUND');
  });
});

describe('verifying the attachment store', () => {
  it('reports a flipped byte, a deleted file and a stray file', async () => {
    const [pdf] = await t.ok('attachments.add', {
      ownerType: 'partner',
      ownerId: partnerId,
      path: userFile('invitation.pdf'),
    });
    const [png] = await t.ok('attachments.add', {
      ownerType: 'partner',
      ownerId: partnerId,
      path: userFile('photo.png'),
    });
    const [txt] = await t.ok('attachments.add', {
      ownerType: 'partner',
      ownerId: partnerId,
      path: userFile('notes.txt'),
    });
    const clean = await t.ok('attachments.verify', {});
    expect(clean).toEqual({ ok: true, checkedFiles: 3, missing: [], mismatched: [], orphaned: [] });

    const path = (hash: string) => join(attachmentsDir(), hash.slice(0, 2), hash);
    const bytes = readFileSync(path(pdf!.sha256));
    bytes[bytes.length - 3] = bytes[bytes.length - 3]! ^ 0x01;
    writeFileSync(path(pdf!.sha256), bytes);
    const { rmSync } = await import('node:fs');
    rmSync(path(png!.sha256));
    mkdirSync(join(attachmentsDir(), 'zz'), { recursive: true });
    writeFileSync(join(attachmentsDir(), 'zz', 'stray.bin'), 'left behind');

    const progress: string[] = [];
    t.desk.on('progress', (p) => progress.push(p.phase));
    const report = await t.ok('attachments.verify', {});
    expect(report.ok).toBe(false);
    expect(report.checkedFiles).toBe(3);
    expect(report.mismatched).toEqual([
      {
        sha256: pdf!.sha256,
        attachments: [
          { id: pdf!.id, ownerType: 'partner', ownerId: partnerId, displayName: 'invitation.pdf' },
        ],
      },
    ]);
    expect(report.missing.map((m) => m.sha256)).toEqual([png!.sha256]);
    expect(report.missing[0]!.attachments[0]!.id).toBe(png!.id);
    expect(report.orphaned).toEqual(['zz/stray.bin']);
    expect(progress).toContain('files');
    expect(txt).toBeDefined();
  });

  it('heals a damaged stored file when the same content is added again', async () => {
    const path = userFile('budget.xlsx');
    const [first] = await t.ok('attachments.add', { ownerType: 'partner', ownerId: partnerId, path });
    const stored = join(attachmentsDir(), first!.sha256.slice(0, 2), first!.sha256);
    writeFileSync(stored, 'damaged');
    expect((await t.ok('attachments.verify', {})).mismatched).toHaveLength(1);
    await t.ok('attachments.add', { ownerType: 'partner', ownerId: partnerId, path });
    expect(sha(stored)).toBe(first!.sha256);
    expect((await t.ok('attachments.verify', {})).ok).toBe(true);
  });
});
