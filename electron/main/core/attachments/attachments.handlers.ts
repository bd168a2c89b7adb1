import { basename, isAbsolute } from 'node:path';
import { PREVIEW_KINDS, type Attachment } from '../../../../shared/api/attachments.contract';
import type { MutationContext } from '../context';
import { DeskError, invalid, notFound } from '../errors';
import { newId } from '../ids';
import { defineHandlers } from '../registrar';
import { readSetting } from '../settings/settings.repository';
import { findUserByUsername } from '../users/users.repository';
import { copyForOpening, readForPreview } from './attachment-open';
import { deleteStoredFileIfUnused, storeFile, type StoredFile } from './attachment-store';
import { verifyAttachments } from './attachment-verify';
import {
  countFileReferences,
  deleteAttachment,
  deleteFile,
  findAttachment,
  findAttachments,
  insertAttachment,
  insertFileIfAbsent,
  listAttachments,
} from './attachments.repository';
import { toAttachment } from './attachments.service';
import { ATTACHMENT_SEARCH_TYPE } from './attachment.search';
import { FILE_TYPES } from './content-type';
import { assertRecordExists } from './owners';

/** The file dialog offers the accepted kinds; content still decides what a chosen file is. */
const DIALOG_EXTENSIONS = [...new Set(Object.values(FILE_TYPES).flatMap((t) => t.extensions))];

/** The dialog speaks the signed-in user's language (Persian unless they chose English). */
async function dialogOptions(ctx: MutationContext) {
  const english = (await findUserByUsername(ctx.tx, ctx.actor))?.locale === 'en';
  return {
    title: english ? 'Attach files' : 'افزودن پیوست',
    filters: [{ name: english ? 'Documents and images' : 'اسناد و تصاویر', extensions: DIALOG_EXTENSIONS }],
    multiple: true,
  };
}

export const attachmentsHandlers = defineHandlers({
  'attachments.add': async (ctx, input) => {
    await assertRecordExists(ctx.tx, input.ownerType, input.ownerId);
    const chosen =
      input.path !== undefined
        ? [input.path]
        : ((await ctx.platform.chooseFiles(await dialogOptions(ctx))) ?? []);
    for (const [i, path] of chosen.entries()) {
      if (!isAbsolute(path)) throw invalid('The file path must be absolute.', input.path ? ['path'] : [i]);
    }
    const maxBytes = await readSetting(ctx.tx, 'attachments.maxBytes');

    // The files are stored before their rows: a file without a row is harmless (verify
    // lists it), a row without its file is not. Files this call wrote go again on failure.
    const stored: StoredFile[] = [];
    const ids: string[] = [];
    try {
      for (const path of chosen) stored.push(await storeFile(ctx.paths, path, { maxBytes }));
      for (const file of stored) {
        await insertFileIfAbsent(ctx.tx, {
          sha256: file.sha256,
          size: file.size,
          content_type: FILE_TYPES[file.kind].contentType,
          text: file.text,
          created_at: ctx.nowIso,
        });
        const id = newId();
        await insertAttachment(ctx.tx, {
          id,
          file_sha256: file.sha256,
          owner_type: input.ownerType,
          owner_id: input.ownerId,
          display_name: file.displayName,
          added_by: ctx.actor,
          added_at: ctx.nowIso,
        });
        ids.push(id);
        ctx.touch(ATTACHMENT_SEARCH_TYPE, id);
      }
    } catch (error) {
      for (const file of stored) file.release();
      for (const file of stored) if (file.created) deleteStoredFileIfUnused(ctx.paths, file.sha256);
      throw error;
    }
    ctx.afterCommit(() => stored.forEach((file) => file.release()));
    // Rows roll back with the transaction (here, or in a task that called this inside its
    // own); the files this call wrote go with them.
    ctx.onRollback(() => {
      for (const file of stored) file.release();
      for (const file of stored) if (file.created) deleteStoredFileIfUnused(ctx.paths, file.sha256);
    });

    const byId = new Map((await findAttachments(ctx.tx, ids)).map((row) => [row.id, toAttachment(row)]));
    const added = ids.map((id) => byId.get(id)!);
    return {
      value: added,
      audit: {
        entity: 'attachment',
        entityId: added.length === 1 ? added[0]!.id : null,
        before: null,
        after: added,
      },
    };
  },

  'attachments.list': async (ctx, input) => {
    const { rows, total } = await listAttachments(ctx.tx, input);
    return { items: rows.map(toAttachment), total };
  },

  'attachments.get': async (ctx, input) => {
    const row = await findAttachment(ctx.tx, input.id);
    if (!row) throw notFound('Attachment', input.id);
    return toAttachment(row);
  },

  'attachments.open': async (ctx, input) => {
    const row = await findAttachment(ctx.tx, input.id);
    if (!row) throw notFound('Attachment', input.id);
    const copy = await copyForOpening(ctx.paths, toAttachment(row));
    await ctx.platform.openPath(copy);
    return { fileName: basename(copy) };
  },

  'attachments.read': async (ctx, input) => {
    const row = await findAttachment(ctx.tx, input.id);
    if (!row) throw notFound('Attachment', input.id);
    const attachment: Attachment = toAttachment(row);
    const kind = PREVIEW_KINDS.find((k) => k === attachment.kind);
    if (kind === undefined) {
      throw new DeskError('UNSUPPORTED_FILE', 'Only PDF files and images can be previewed; open it instead.');
    }
    const bytes = await readForPreview(ctx.paths, attachment);
    return { kind, contentType: attachment.contentType, base64: bytes.toString('base64') };
  },

  'attachments.remove': async (ctx, input) => {
    const row = await findAttachment(ctx.tx, input.id);
    if (!row) throw notFound('Attachment', input.id);
    const before = toAttachment(row);
    await deleteAttachment(ctx.tx, input.id);
    ctx.touch(ATTACHMENT_SEARCH_TYPE, input.id);
    const fileRemoved = (await countFileReferences(ctx.tx, row.file_sha256)) === 0;
    if (fileRemoved) {
      await deleteFile(ctx.tx, row.file_sha256);
      // Only once the rows are gone for good; a file pinned by an add in progress stays.
      ctx.afterCommit(() => void deleteStoredFileIfUnused(ctx.paths, row.file_sha256));
    }
    return {
      value: { id: input.id, fileRemoved },
      audit: { entity: 'attachment', entityId: input.id, before, after: null },
    };
  },

  'attachments.verify': async (ctx) => ({ value: await verifyAttachments(ctx), audit: null }),
});
