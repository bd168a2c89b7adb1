import type { Insertable, Selectable } from 'kysely';

/** One distinct stored file; its content lives at attachments/<sha256[0:2]>/<sha256>. */
export interface AttachmentFilesTable {
  sha256: string;
  size: number;
  content_type: string;
  /** Searchable text taken from the file when it was stored, or null. */
  text: string | null;
  created_at: string;
}

/** One file attached to one record, under the name the user gave it. */
export interface AttachmentsTable {
  id: string;
  file_sha256: string;
  owner_type: string;
  owner_id: string;
  display_name: string;
  added_by: string;
  added_at: string;
}

export type AttachmentFileRow = Selectable<AttachmentFilesTable>;
export type InsertableAttachmentFileRow = Insertable<AttachmentFilesTable>;
export type AttachmentRow = Selectable<AttachmentsTable>;
export type InsertableAttachmentRow = Insertable<AttachmentsTable>;
/** An attachment with the facts of its stored file. */
export type AttachmentWithFileRow = AttachmentRow & Pick<AttachmentFileRow, 'size' | 'content_type'>;
