/**
 * documents.export: reads the record in one read-only transaction, builds and packs the
 * document, asks where to save it (unless a path is given) and writes it atomically.
 *
 * Every export leaves an audit row naming the record, the language and the file's name:
 * a Word copy of a classified letter or an unsigned agreement leaves the desk with it, and
 * the office must be able to say who took which copy when. A cancelled export leaves none.
 */
import { basename } from 'node:path';
import type { z } from 'zod';
import type { documentExportInput, DocumentExportResult } from '../../../../shared/api/documents.contract';
import type { TaskContext, TaskDone } from '../context';
import { defineHandlers } from '../registrar';
import { activityReportDocument } from './activity-report.document';
import { agreementDocument } from './agreement.document';
import { briefingDocument } from './briefing.document';
import { checkTarget, chooseTarget, writeAtomically } from './document-file';
import { docContext, type DocContext } from './document-context';
import { packDocument, type BuiltDocument } from './document-frame';
import { eventBriefDocument } from './event-brief.document';
import { letterDocument } from './letter.document';
import { withReader, type HandlerTable } from './reader';

type ExportInput = z.output<typeof documentExportInput>;

/** The record's id; the contract refuses a record kind without one. */
function idOf(input: ExportInput): string {
  if (input.id === undefined) throw new Error(`${input.kind} export without an id`);
  return input.id;
}

function build(doc: DocContext, input: ExportInput): Promise<BuiltDocument> {
  switch (input.kind) {
    case 'letter':
      return letterDocument(doc, idOf(input));
    case 'agreement':
      return agreementDocument(doc, idOf(input), { languages: input.languages, version: input.version });
    case 'partnerBriefing':
      return briefingDocument(doc, idOf(input));
    case 'eventBrief':
      return eventBriefDocument(doc, idOf(input));
    case 'activityReport':
      if (!input.period) throw new Error('activity report without a period');
      return activityReportDocument(doc, input.period);
  }
}

const CANCELLED: TaskDone<DocumentExportResult> = {
  value: { cancelled: true, path: null, bytes: 0 },
  audit: null,
};

/**
 * Exports one document; `handlers` are the domains' own, through which the records are read.
 * Callers outside the desk (the benchmark) go through `desk.call('documents.export', …)`.
 */
export async function exportDocument(
  handlers: HandlerTable,
  ctx: TaskContext,
  input: ExportInput,
): Promise<TaskDone<DocumentExportResult>> {
  const steps = 3;
  ctx.progress('read', 0, steps);
  if (input.path !== undefined) await checkTarget(input.path);
  const { built, creator } = await withReader(handlers, ctx, async (reader) => {
    const doc = await docContext(reader, input.language);
    return { built: await build(doc, input), creator: doc.office };
  });
  if (ctx.cancelled) return CANCELLED;
  ctx.progress('build', 1, steps);
  const bytes = await packDocument(built.frame, creator);
  if (ctx.cancelled) return CANCELLED;
  ctx.progress('save', 2, steps);
  const target = input.path ?? (await chooseTarget(ctx.platform, built.fileName, input.language));
  if (target === null) return CANCELLED;
  if (input.path === undefined) await checkTarget(target);
  await writeAtomically(target, bytes);
  ctx.progress('done', steps, steps);
  return {
    value: { cancelled: false, path: target, bytes: bytes.length },
    audit: {
      entity: 'document',
      entityId: built.record.id,
      before: null,
      after: {
        kind: input.kind,
        record: built.record.entity,
        language: input.language,
        file: basename(target),
        ...built.record.details,
      },
    },
  };
}

export function documentsHandlers(handlers: HandlerTable) {
  return defineHandlers({
    'documents.export': (ctx, input) => exportDocument(handlers, ctx, input),
  });
}
