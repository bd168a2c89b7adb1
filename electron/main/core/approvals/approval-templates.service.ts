import type { Kysely, Transaction } from 'kysely';
import type { ApprovalTemplate } from '../../../../shared/api/approvals.contract';
import type { Database } from '../db/tables';
import { findAuthorities, templateSteps } from './approvals.repository';
import type { TemplateRow } from './approvals.table';

/** Templates with their ordered steps and authority names. */
export async function loadTemplates(
  db: Kysely<Database> | Transaction<Database>,
  rows: readonly TemplateRow[],
): Promise<ApprovalTemplate[]> {
  const steps = await templateSteps(
    db,
    rows.map((r) => r.id),
  );
  const authorities = new Map(
    (await findAuthorities(db, [...new Set(steps.map((s) => s.authority_id))])).map((a) => [a.id, a]),
  );
  return rows.map((row) => ({
    id: row.id,
    nameFa: row.name_fa,
    nameEn: row.name_en,
    caseKind: row.case_kind as ApprovalTemplate['caseKind'],
    steps: steps
      .filter((s) => s.template_id === row.id)
      .map((s) => ({
        authorityId: s.authority_id,
        authorityNameFa: authorities.get(s.authority_id)?.name_fa ?? '',
        authorityNameEn: authorities.get(s.authority_id)?.name_en ?? '',
      })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}
