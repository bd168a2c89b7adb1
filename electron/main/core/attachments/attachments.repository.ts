/** Stored files and the attachments that point at them. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/tables';
import type {
  AttachmentFileRow,
  AttachmentRow,
  AttachmentWithFileRow,
  InsertableAttachmentFileRow,
  InsertableAttachmentRow,
} from './attachments.table';

type Db = Kysely<Database> | Transaction<Database>;

function withFile(db: Db) {
  return db
    .selectFrom('attachments as a')
    .innerJoin('attachment_files as f', 'f.sha256', 'a.file_sha256')
    .selectAll('a')
    .select(['f.size', 'f.content_type']);
}

export async function findAttachment(db: Db, id: string): Promise<AttachmentWithFileRow | undefined> {
  return withFile(db).where('a.id', '=', id).executeTakeFirst();
}

export async function findAttachments(db: Db, ids: readonly string[]): Promise<AttachmentWithFileRow[]> {
  if (ids.length === 0) return [];
  return withFile(db).where('a.id', 'in', ids).execute();
}

/** The attachments of one record, oldest first, with the total. */
export async function listAttachments(
  db: Db,
  filter: { ownerType: string; ownerId: string; limit: number; offset: number },
): Promise<{ rows: AttachmentWithFileRow[]; total: number }> {
  const rows = await withFile(db)
    .where('a.owner_type', '=', filter.ownerType)
    .where('a.owner_id', '=', filter.ownerId)
    .orderBy('a.added_at')
    .orderBy('a.id')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  const count = await db
    .selectFrom('attachments')
    .where('owner_type', '=', filter.ownerType)
    .where('owner_id', '=', filter.ownerId)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

export async function findFile(db: Db, sha256: string): Promise<AttachmentFileRow | undefined> {
  return db.selectFrom('attachment_files').selectAll().where('sha256', '=', sha256).executeTakeFirst();
}

/** Records a stored file; a file already known keeps its row (same hash, same content). */
export async function insertFileIfAbsent(
  tx: Transaction<Database>,
  row: InsertableAttachmentFileRow,
): Promise<void> {
  await tx
    .insertInto('attachment_files')
    .values(row)
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
}

export async function insertAttachment(
  tx: Transaction<Database>,
  row: InsertableAttachmentRow,
): Promise<void> {
  await tx.insertInto('attachments').values(row).execute();
}

export async function deleteAttachment(tx: Transaction<Database>, id: string): Promise<void> {
  await tx.deleteFrom('attachments').where('id', '=', id).execute();
}

export async function countFileReferences(db: Db, sha256: string): Promise<number> {
  const row = await db
    .selectFrom('attachments')
    .where('file_sha256', '=', sha256)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function deleteFile(tx: Transaction<Database>, sha256: string): Promise<void> {
  await tx.deleteFrom('attachment_files').where('sha256', '=', sha256).execute();
}

/** Every stored file, in pages by hash (for verification). */
export async function listFiles(
  db: Db,
  afterSha: string | null,
  limit: number,
): Promise<Pick<AttachmentFileRow, 'sha256' | 'size'>[]> {
  let q = db.selectFrom('attachment_files').select(['sha256', 'size']);
  if (afterSha !== null) q = q.where('sha256', '>', afterSha);
  return q.orderBy('sha256').limit(limit).execute();
}

/** The attachments that use one stored file (to say what a damaged file affects). */
export async function attachmentsOfFile(db: Db, sha256: string, limit = 50): Promise<AttachmentRow[]> {
  return db
    .selectFrom('attachments')
    .selectAll()
    .where('file_sha256', '=', sha256)
    .orderBy('added_at')
    .limit(limit)
    .execute();
}

/** Attachment ids in pages, for a full search reindex. */
export async function attachmentIds(db: Db, afterId: string | null, limit: number): Promise<string[]> {
  let q = db.selectFrom('attachments').select('id');
  if (afterId !== null) q = q.where('id', '>', afterId);
  return (await q.orderBy('id').limit(limit).execute()).map((r) => r.id);
}

/** Attachments with their display names and file text, for the search index. */
export async function attachmentsForIndex(
  db: Db,
  ids: readonly string[],
): Promise<(Pick<AttachmentRow, 'id' | 'display_name' | 'added_at'> & { text: string | null })[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('attachments as a')
    .innerJoin('attachment_files as f', 'f.sha256', 'a.file_sha256')
    .select(['a.id', 'a.display_name', 'a.added_at', 'f.text'])
    .where('a.id', 'in', ids)
    .execute();
}
