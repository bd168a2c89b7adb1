/**
 * Checks the attachment folder against the database: every known file present with the
 * content its hash promises, and nothing in the folder that no record knows.
 */
import type { AttachmentsVerification } from '../../../../shared/api/attachments.contract';
import type { TaskContext } from '../context';
import { DeskError } from '../errors';
import { hashStoredFile, listStoredFiles } from './attachment-store';
import { attachmentsOfFile, listFiles } from './attachments.repository';

const PAGE = 500;
/** At most this many problems of each kind are listed (the UI shows them, the count says more). */
const MAX_LISTED = 1000;

type Affected = AttachmentsVerification['missing'][number];

async function affected(ctx: TaskContext, sha256: string): Promise<Affected> {
  const rows = await attachmentsOfFile(ctx.db, sha256);
  return {
    sha256,
    attachments: rows.map((r) => ({
      id: r.id,
      ownerType: r.owner_type as Affected['attachments'][number]['ownerType'],
      ownerId: r.owner_id,
      displayName: r.display_name,
    })),
  };
}

export async function verifyAttachments(ctx: TaskContext): Promise<AttachmentsVerification> {
  const total = Number(
    (
      await ctx.db
        .selectFrom('attachment_files')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const known = new Set<string>();
  const missing: Affected[] = [];
  const mismatched: Affected[] = [];
  let checked = 0;
  let after: string | null = null;
  ctx.progress('files', 0, total);
  for (;;) {
    const files = await listFiles(ctx.db, after, PAGE);
    if (files.length === 0) break;
    for (const file of files) {
      if (ctx.cancelled) throw new DeskError('CONFLICT', 'The check was cancelled.');
      known.add(`${file.sha256.slice(0, 2)}/${file.sha256}`);
      const found = await hashStoredFile(ctx.paths, file.sha256);
      if (found === null) {
        if (missing.length < MAX_LISTED) missing.push(await affected(ctx, file.sha256));
      } else if (found.sha256 !== file.sha256 || found.size !== file.size) {
        if (mismatched.length < MAX_LISTED) mismatched.push(await affected(ctx, file.sha256));
      }
      checked += 1;
      if (checked % 50 === 0) ctx.progress('files', checked, total);
    }
    after = files[files.length - 1]!.sha256;
  }
  ctx.progress('files', checked, total);

  ctx.progress('folder', 0, 1);
  const orphaned = (await listStoredFiles(ctx.paths.attachmentsDir))
    .filter((rel) => !known.has(rel))
    .slice(0, MAX_LISTED);
  ctx.progress('folder', 1, 1);

  return {
    ok: missing.length === 0 && mismatched.length === 0 && orphaned.length === 0,
    checkedFiles: checked,
    missing,
    mismatched,
    orphaned,
  };
}
