import { ATTACHMENT_KINDS, type Attachment } from '../../../../shared/api/attachments.contract';
import { DeskError } from '../errors';
import { kindOfContentType } from './content-type';
import type { AttachmentWithFileRow } from './attachments.table';

export function toAttachment(row: AttachmentWithFileRow): Attachment {
  const kind = kindOfContentType(row.content_type);
  if (kind === null || !ATTACHMENT_KINDS.includes(kind)) {
    throw new DeskError('CORRUPT', `Attachment ${row.id} has an unknown file type.`);
  }
  return {
    id: row.id,
    ownerType: row.owner_type as Attachment['ownerType'],
    ownerId: row.owner_id,
    displayName: row.display_name,
    kind,
    contentType: row.content_type,
    size: row.size,
    sha256: row.file_sha256,
    addedBy: row.added_by,
    addedAt: row.added_at,
  };
}
