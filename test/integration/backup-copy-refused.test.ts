/**
 * A file system that refuses unbuffered writes (O_DIRECT), at open or at the first write,
 * gets ordinary ones: the copy is the same, complete and synced. And which backups ask for
 * them: a manual one (kept, verified later), not one proved before it is kept, nor one taken
 * with its -wal. The refusals are made, and the requests seen, by wrapping `open` from
 * node:fs/promises; everything else is the real file system.
 */
import { createHash, randomBytes } from 'node:crypto';
import { constants, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type * as fsPromises from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openTestDesk, tempDir } from '../helpers/desk';
import { addPartnerRow, holdRead } from '../helpers/reliability';

const refuse = vi.hoisted(() => ({
  at: 'none' as 'none' | 'open' | 'write',
  refused: 0,
  direct: 0,
  paths: [] as string[],
}));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof fsPromises>();
  const einval = () => Object.assign(new Error('EINVAL: invalid argument'), { code: 'EINVAL' });
  return {
    ...real,
    open: async (path: string, flags: number | string, mode?: number): Promise<FileHandle> => {
      const direct =
        typeof flags === 'number' && constants.O_DIRECT !== undefined && (flags & constants.O_DIRECT) !== 0;
      if (!direct) return real.open(path, flags, mode);
      refuse.direct += 1;
      refuse.paths.push(path);
      if (refuse.at === 'open') {
        refuse.refused += 1;
        throw einval();
      }
      const handle = await real.open(path, flags, mode);
      if (refuse.at === 'write') {
        handle.write = (async () => {
          refuse.refused += 1;
          throw einval();
        }) as unknown as FileHandle['write'];
      }
      return handle;
    },
  };
});

const { copyFileDurable } = await import('../../electron/main/core/backup/backup.files');
const { writeBackup } = await import('../../electron/main/core/backup/backup.writer');

describe.runIf(constants.O_DIRECT !== undefined)(
  'copyFileDurable where unbuffered writes are refused',
  () => {
    let dir: string;
    beforeEach(() => {
      dir = tempDir();
      refuse.refused = 0;
      refuse.direct = 0;
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    for (const at of ['open', 'write'] as const) {
      it(`copies with ordinary writes when the ${at} is refused`, async () => {
        refuse.at = at;
        const data = randomBytes(9 * 1024 * 1024 + 777);
        writeFileSync(join(dir, 'from.bin'), data);
        const digest = await copyFileDurable(join(dir, 'from.bin'), join(dir, 'to.bin'), {
          unbuffered: true,
        });
        expect(refuse.direct).toBe(1); // asked once, then never again for this copy
        expect(refuse.refused).toBe(1);
        expect(readFileSync(join(dir, 'to.bin')).equals(data)).toBe(true);
        expect(digest).toEqual({
          sha256: createHash('sha256').update(data).digest('hex'),
          size: data.length,
        });
      });
    }

    it('asks for unbuffered writes when told to, and only then', async () => {
      refuse.at = 'none';
      writeFileSync(join(dir, 'from.bin'), randomBytes(1000));
      await copyFileDurable(join(dir, 'from.bin'), join(dir, 'a.bin'), { unbuffered: true });
      expect(refuse.direct).toBe(1);
      await copyFileDurable(join(dir, 'from.bin'), join(dir, 'b.bin'));
      await copyFileDurable(join(dir, 'from.bin'), join(dir, 'c.bin'), { unbuffered: false });
      expect(refuse.direct).toBe(1);
      expect(readFileSync(join(dir, 'b.bin')).equals(readFileSync(join(dir, 'from.bin')))).toBe(true);
    });
  },
);

describe.runIf(constants.O_DIRECT !== undefined)('which backups are written unbuffered', () => {
  it('a manual backup, kept and verified later; not one read back at once', async () => {
    refuse.at = 'none';
    const t = await openTestDesk();
    try {
      await addPartnerRow(t);
      refuse.paths = [];
      const { backup } = await t.ok('backup.create', {});
      expect(refuse.paths).toEqual([expect.stringMatching(/desk\.sqlite$/)]);
      await t.desk.settled();
      expect((await t.ok('backup.list', {})).find((b) => b.id === backup.id)!.status).toBe('verified');

      const { internals } = t.desk;
      const source = {
        db: internals.db,
        driver: internals.driver,
        paths: internals.env.paths,
        appVersion: 'test',
        actor: 'tester',
        workstation: 'TEST-PC',
      };
      const run = { progress: () => {}, cancelled: () => false };
      // A reader in the middle of a read (the page check after opening a large desk) keeps the
      // checkpoint from finishing: the copy is taken with its -wal, and read back at once.
      const release = await holdRead(join(t.dir, 'desk.sqlite'));
      try {
        await addPartnerRow(t, 'شهر پس از آغاز خواندن');
        refuse.paths = [];
        const { backup: withWal } = await t.ok('backup.create', {});
        expect(refuse.paths).toEqual([]);
        await release();
        await t.desk.settled();
        expect((await t.ok('backup.list', {})).find((b) => b.id === withWal.id)!.status).toBe('verified');
      } finally {
        await release();
      }

      refuse.paths = [];
      await writeBackup(source, 'pre-migration', new Date(Date.now() + 2000), run, 'proved-before-keeping');
      await writeBackup(source, 'pre-restore', new Date(Date.now() + 3000), run, 'before-keeping');
      expect(refuse.paths).toEqual([]);
    } finally {
      await t.cleanup();
    }
  });
});
