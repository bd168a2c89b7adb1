/** Authorities, templates, chains, steps and the decision log of approval chains. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/tables';
import type { AuthorityRow, ChainRow, StepRow, TemplateRow } from './approvals.table';

type Db = Kysely<Database> | Transaction<Database>;

export async function listAuthorities(db: Db, includeArchived: boolean): Promise<AuthorityRow[]> {
  let q = db.selectFrom('approval_authorities').selectAll();
  if (!includeArchived) q = q.where('archived', '=', 0);
  return q.orderBy('created_at').orderBy('id').execute();
}

export async function findAuthority(db: Db, id: string): Promise<AuthorityRow | undefined> {
  return db.selectFrom('approval_authorities').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findAuthorities(db: Db, ids: readonly string[]): Promise<AuthorityRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('approval_authorities').selectAll().where('id', 'in', ids).execute();
}

export async function listTemplates(db: Db): Promise<TemplateRow[]> {
  return db.selectFrom('approval_templates').selectAll().orderBy('created_at').orderBy('id').execute();
}

export async function findTemplate(db: Db, id: string): Promise<TemplateRow | undefined> {
  return db.selectFrom('approval_templates').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function templateForCaseKind(db: Db, caseKind: string): Promise<TemplateRow | undefined> {
  return db
    .selectFrom('approval_templates')
    .selectAll()
    .where('case_kind', '=', caseKind)
    .orderBy('created_at')
    .executeTakeFirst();
}

export async function templateSteps(db: Db, templateIds: readonly string[]) {
  if (templateIds.length === 0) return [];
  return db
    .selectFrom('approval_template_steps')
    .selectAll()
    .where('template_id', 'in', templateIds)
    .orderBy('template_id')
    .orderBy('position')
    .execute();
}

export async function replaceTemplateSteps(
  tx: Transaction<Database>,
  templateId: string,
  authorityIds: readonly string[],
) {
  await tx.deleteFrom('approval_template_steps').where('template_id', '=', templateId).execute();
  await tx
    .insertInto('approval_template_steps')
    .values(
      authorityIds.map((authority_id, i) => ({ template_id: templateId, position: i + 1, authority_id })),
    )
    .execute();
}

export async function findChain(db: Db, id: string): Promise<ChainRow | undefined> {
  return db.selectFrom('approval_chains').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function chainsOfCase(db: Db, caseId: string): Promise<ChainRow[]> {
  return db
    .selectFrom('approval_chains')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .execute();
}

export async function findStep(db: Db, id: string): Promise<StepRow | undefined> {
  return db.selectFrom('approval_steps').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function stepsOfChains(db: Db, chainIds: readonly string[]): Promise<StepRow[]> {
  if (chainIds.length === 0) return [];
  return db
    .selectFrom('approval_steps')
    .selectAll()
    .where('chain_id', 'in', chainIds)
    .orderBy('chain_id')
    .orderBy('position')
    .execute();
}

/**
 * Rewrites the positions of a chain's steps in the given order. Positions are unique per
 * chain, so they pass through negative numbers first.
 */
export async function renumberSteps(
  tx: Transaction<Database>,
  chainId: string,
  orderedIds: readonly string[],
) {
  for (const [i, id] of orderedIds.entries()) {
    await tx
      .updateTable('approval_steps')
      .set({ position: -(i + 1) })
      .where('id', '=', id)
      .execute();
  }
  for (const [i, id] of orderedIds.entries()) {
    await tx
      .updateTable('approval_steps')
      .set({ position: i + 1 })
      .where('id', '=', id)
      .where('chain_id', '=', chainId)
      .execute();
  }
}

/** For each chain that is not finished, its current step: the first neither approved nor skipped. */
export async function currentSteps(db: Db, authorityId?: string): Promise<StepRow[]> {
  let q = db
    .selectFrom('approval_steps as s')
    .innerJoin(
      (eb) =>
        eb
          .selectFrom('approval_steps')
          .select(['chain_id', (e) => e.fn.min<number>('position').as('pos')])
          .where('skipped', '=', 0)
          .where('decision', '!=', 'approved')
          .groupBy('chain_id')
          .as('cur'),
      (join) => join.onRef('cur.chain_id', '=', 's.chain_id').onRef('cur.pos', '=', 's.position'),
    )
    .selectAll('s')
    .where('s.decision', '!=', 'rejected');
  if (authorityId) q = q.where('s.authority_id', '=', authorityId);
  return q.execute();
}

/**
 * For each of these chains whose current step is not already with an authority, the latest
 * decision date before that step (when our office got the request back), as one row with the
 * position of the last decided step before it; no row when nothing was decided before it.
 * The waiting list looks up these rows once per chain, so it reads only the rows it uses.
 */
export async function lastDecisionsBefore(db: Db, chainIds: readonly string[]) {
  if (chainIds.length === 0) return [];
  return db
    .selectFrom('approval_steps as s')
    .innerJoin(
      (eb) =>
        eb
          .selectFrom('approval_steps')
          .select(['chain_id', (e) => e.fn.min<number>('position').as('pos')])
          .where('chain_id', 'in', chainIds)
          .where('skipped', '=', 0)
          .where('decision', '!=', 'approved')
          .groupBy('chain_id')
          .as('cur'),
      (join) => join.onRef('cur.chain_id', '=', 's.chain_id'),
    )
    .innerJoin('approval_steps as c', (join) =>
      join.onRef('c.chain_id', '=', 'cur.chain_id').onRef('c.position', '=', 'cur.pos'),
    )
    .select((eb) => [
      's.chain_id',
      eb.fn.max<number>('s.position').as('position'),
      eb.fn.max<string>('s.decided_on').as('decided_on'),
    ])
    .whereRef('s.position', '<', 'cur.pos')
    .where('s.decided_on', 'is not', null)
    .where('s.decided_on', '!=', '')
    .where((eb) => eb.not(eb.and([eb('c.submitted_on', 'is not', null), eb('c.decision', '=', 'pending')])))
    .groupBy('s.chain_id')
    .execute();
}

export async function decisionsBetween(db: Db, from: string, to: string) {
  return db
    .selectFrom('approval_decisions')
    .select(['authority_id', 'submitted_on', 'decided_on', 'decision'])
    .where('decided_on', '>=', from)
    .where('decided_on', '<=', to)
    .execute();
}
