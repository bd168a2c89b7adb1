/**
 * Attachments: files added to a letter, case, relationship, partner, agreement or event.
 * The file itself is stored once by its SHA-256 (however many records share it); the name
 * the user gave it lives only here, as the attachment's display name.
 */
import { z } from 'zod';
import { method } from './define';
import { LIMITS, byId, empty, id, isoTimestamp, page, paging, text } from './schema';

/** Kinds of record an attachment (or a follow-up task) can belong to. */
export const RECORD_TYPES = ['letter', 'case', 'relationship', 'partner', 'agreement', 'event'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** The file types the desk accepts, decided by content, never by the file's name. */
export const ATTACHMENT_KINDS = [
  'pdf',
  'png',
  'jpeg',
  'tiff',
  'docx',
  'xlsx',
  'odt',
  'text',
  'eml',
  'msg',
] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** The kinds the renderer may preview itself (through attachments.read). */
export const PREVIEW_KINDS = ['pdf', 'png', 'jpeg'] as const satisfies readonly AttachmentKind[];

/** Largest file attachments.read answers; larger files are opened in their own program. */
export const PREVIEW_MAX_BYTES = 20 * 1024 * 1024;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const attachment = z.object({
  id,
  ownerType: z.enum(RECORD_TYPES),
  ownerId: id,
  displayName: z.string(),
  kind: z.enum(ATTACHMENT_KINDS),
  contentType: z.string(),
  size: z.number().int(),
  sha256,
  addedBy: z.string(),
  addedAt: isoTimestamp,
});
export type Attachment = z.infer<typeof attachment>;

const affected = z.object({
  sha256,
  attachments: z.array(attachment.pick({ id: true, ownerType: true, ownerId: true, displayName: true })),
});

export const attachmentsVerification = z.object({
  /** True when every stored file is present and intact and nothing stray lies in the folder. */
  ok: z.boolean(),
  checkedFiles: z.number().int(),
  /** Files the database knows but the attachment folder no longer holds. */
  missing: z.array(affected),
  /** Files whose content no longer matches their hash (damaged or edited). */
  mismatched: z.array(affected),
  /** Paths (relative to the attachment folder) of files no record knows. */
  orphaned: z.array(z.string()),
});
export type AttachmentsVerification = z.infer<typeof attachmentsVerification>;

const owner = { ownerType: z.enum(RECORD_TYPES), ownerId: id };

export const attachmentsContract = {
  'attachments.add': method({
    kind: 'mutation',
    input: z.strictObject({
      ...owner,
      /** The user's own file to read; when absent the desk asks with a file dialog. */
      path: text(LIMITS.path).min(1).optional(),
    }),
    output: z.array(attachment),
    doc: 'Adds files to a record (from the given path or a file dialog); refuses executables, macros and web pages.',
  }),
  'attachments.list': method({
    kind: 'query',
    input: z.strictObject({ ...owner, ...paging }),
    output: page(attachment),
    doc: 'The attachments of one record, oldest first.',
  }),
  'attachments.get': method({
    kind: 'query',
    input: byId,
    output: attachment,
    doc: 'One attachment with the record it belongs to (a search hit leads there).',
  }),
  'attachments.open': method({
    kind: 'query',
    input: byId,
    output: z.object({ fileName: z.string() }),
    doc: 'Checks the stored file and opens a copy of it in its own program.',
  }),
  'attachments.read': method({
    kind: 'query',
    input: byId,
    output: z.object({ kind: z.enum(PREVIEW_KINDS), contentType: z.string(), base64: z.string() }),
    doc: 'The checked content of a PDF or image attachment for an in-app preview (up to 20 MB).',
  }),
  'attachments.remove': method({
    kind: 'mutation',
    input: byId,
    output: z.object({ id, fileRemoved: z.boolean() }),
    doc: 'Removes an attachment from its record; the stored file goes only when no record uses it.',
  }),
  'attachments.verify': method({
    kind: 'task',
    input: empty,
    output: attachmentsVerification,
    doc: 'Recomputes every stored file’s hash and reports missing, damaged and stray files.',
  }),
} as const;
