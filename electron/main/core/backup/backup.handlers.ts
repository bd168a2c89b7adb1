import { rm } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { TaskContext } from '../context';
import { DeskError, notFound } from '../errors';
import { defineHandlers } from '../registrar';
import { isPlainFolder } from './backup.files';
import { installAttachments, installDatabase, reinstallFromBackup, stageRestore } from './backup.restore';
import { describeBackup, listBackups, recordVerification, backupInfoOf } from './backup.store';
import { verifyBackupFolder } from './backup.verify';
import { verifyInBackground, verifyKeptBackup } from './backup.verifier';
import {
  copyBackupTo,
  writeBackup,
  type BackupRun,
  type BackupSource,
  type WrittenBackup,
} from './backup.writer';

function sourceOf(ctx: TaskContext): BackupSource {
  return {
    db: ctx.db,
    driver: ctx.driver,
    paths: ctx.paths,
    appVersion: ctx.appVersion,
    actor: ctx.actor,
    workstation: ctx.workstation,
  };
}

function runOf(ctx: TaskContext): BackupRun {
  return {
    progress: (phase, done, total) => ctx.progress(phase, done, total),
    cancelled: () => ctx.cancelled,
  };
}

/** A folder from the operating system's dialog; the renderer never names one. */
async function chooseFolder(ctx: TaskContext, title: string): Promise<string> {
  const folder = await ctx.platform.chooseFolder({ title });
  if (folder === null) throw new DeskError('VALIDATION', 'No folder was chosen; nothing was done.');
  if (!isAbsolute(folder) || !(await isPlainFolder(folder))) {
    throw new DeskError('NOT_FOUND', `The folder ${folder} cannot be used.`);
  }
  return folder;
}

/** The folder of a backup: one in the backups folder by id, or one the user picks. */
async function backupFolder(
  ctx: TaskContext,
  input: { id: string } | { chooseFolder: true },
): Promise<{ folder: string; local: boolean }> {
  if ('id' in input) {
    const folder = join(ctx.paths.backupsDir, input.id);
    if (!(await isPlainFolder(folder))) throw notFound('Backup', input.id);
    return { folder, local: true };
  }
  return {
    folder: await chooseFolder(ctx, 'Choose the backup folder (the one holding manifest.json)'),
    local: false,
  };
}

export const backupHandlers = defineHandlers({
  'backup.create': async (ctx, input) => {
    const target = input.copyToChosenFolder
      ? await chooseFolder(ctx, 'Choose where to copy the backup (a USB drive, say)')
      : null;
    // Kept as soon as it is written and synced; verified in the background (or, when it is
    // copied to a chosen folder, by verifying that copy, checked against the same manifest).
    const written = await writeBackup(sourceOf(ctx), 'manual', ctx.now, runOf(ctx), 'after-keeping');
    let info = written.info;
    let copiedTo: string | null = null;
    if (target !== null) {
      const copied = await copyBackupTo(written, target, ctx.now, runOf(ctx));
      copiedTo = copied.target;
      await recordVerification(written.folder, copied.report, ctx.now);
      info = await describeBackup(written.folder, written.id);
    } else if (!verifyInBackground(ctx.paths.backupsDir)) {
      info = await verifyKeptBackup(written.folder, written.id, ctx.now, {
        progress: (done, total) => ctx.progress('verify', done, total),
        cancelled: () => ctx.cancelled,
      });
    }
    return {
      value: { backup: info, copiedTo },
      audit: {
        entity: 'backup',
        entityId: written.id,
        before: null,
        after: {
          kind: 'manual',
          copiedTo,
          schemaVersion: written.manifest.schemaVersion,
          auditHeadSeq: written.manifest.audit.headSeq,
          auditHeadHash: written.manifest.audit.headHash,
          status: info.status,
        },
      },
    };
  },

  'backup.list': async (ctx) => listBackups(ctx.paths.backupsDir),

  // An open desk is not damaged; a damaged one is answered by damagedDeskPort instead.
  'backup.damaged': async (ctx) => ({
    damaged: false,
    file: ctx.paths.databaseFile,
    reason: null,
    backups: [],
  }),

  'backup.restoreDamaged': async () => {
    throw new DeskError(
      'CONFLICT',
      'The desk is open and not damaged; restore a backup with backup.restore.',
    );
  },

  'backup.verify': async (ctx, input) => {
    const { folder, local } = await backupFolder(ctx, input);
    const report = await verifyBackupFolder(folder, {
      progress: (done, total) => ctx.progress('verify', done, total),
      cancelled: () => ctx.cancelled,
    });
    const id = report.manifest?.id ?? ('id' in input ? input.id : folder);
    if (local) {
      await recordVerification(folder, report, ctx.now);
      return { value: await describeBackup(folder, id), audit: null };
    }
    const status = report.ok ? 'verified' : 'failed';
    return {
      value: backupInfoOf(id, folder, report.manifest, {
        status,
        verifiedAt: ctx.nowIso,
        problems: report.problems,
      }),
      audit: null,
    };
  },

  'backup.restore': async (ctx, input) => {
    const { folder } = await backupFolder(ctx, input);
    const run = runOf(ctx);
    const staged = await stageRestore(folder, ctx.paths, ctx.now, run);
    try {
      await installAttachments(staged, ctx.paths, run);
      // The desk as it is, backed up once no other call runs, just before the swap.
      const kept: { backup?: WrittenBackup } = {};
      const { migrated } = await ctx.replaceDatabase({
        beforeClose: async () => {
          kept.backup = await writeBackup(sourceOf(ctx), 'pre-restore', ctx.now, run);
        },
        swap: () => installDatabase(staged.stagedDb, ctx.paths.databaseFile),
        undo: async () => {
          if (kept.backup) await reinstallFromBackup(kept.backup.folder, ctx.paths);
        },
      });
      const previous = kept.backup!;
      return {
        value: { restored: staged.info, previous: previous.info, migrated },
        audit: {
          entity: 'backup',
          entityId: staged.manifest.id,
          before: {
            keptAs: previous.id,
            auditHeadSeq: previous.manifest.audit.headSeq,
            auditHeadHash: previous.manifest.audit.headHash,
          },
          after: {
            restoredFrom: staged.manifest.id,
            location: folder,
            auditHeadSeq: staged.manifest.audit.headSeq,
            auditHeadHash: staged.manifest.audit.headHash,
            migrated,
          },
        },
      };
    } finally {
      await rm(staged.stagedDb, { force: true }).catch(() => {});
    }
  },
});
