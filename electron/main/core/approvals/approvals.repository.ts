/** Authorities, templates, chains, steps and the decision log of approval chains. */
import { sql, type Kysely, type Transaction } from 'kysely';
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

/**
 * Each chain's current step as SQL: the first step neither approved nor skipped (by position),
 * one row per chain that has one. A chain whose current step was rejected is finished; the
 * queries below leave it out by the step's decision.
 */
const CURRENT_POSITIONS = sql`
  select chain_id, min(position) as pos
  from approval_steps
  where skipped = 0 and decision != 'approved'
  group by chain_id`;

/** Whether a step row `s` is sent and awaiting its authority's decision. */
const AT_AUTHORITY = sql`(s.submitted_on is not null and s.submitted_on != '' and s.decision = 'pending')`;

/**
 * Since when a current step `s` has waited, as approvals.service's waitingOf says: the day it
 * was returned; the day it was sent, while its authority holds it; otherwise the latest
 * decision of a step before it, or the day its chain began.
 */
const WAITING_SINCE = sql<string>`case
  when s.decision = 'returned' and s.decided_on is not null and s.decided_on != '' then s.decided_on
  when ${AT_AUTHORITY} then s.submitted_on
  else coalesce(
    (select max(p.decided_on) from approval_steps p
      where p.chain_id = s.chain_id and p.position < s.position
        and p.decided_on is not null and p.decided_on != ''),
    (select substr(c.created_at, 1, 10) from approval_chains c where c.id = s.chain_id))
  end`;

export interface WaitingStepRow {
  step_id: string;
  chain_id: string;
  authority_id: string;
  submitted_on: string | null;
  decision: string;
  since: string;
  chain_title: string;
  case_id: string;
  case_title: string;
  authority_name_fa: string | null;
  authority_name_en: string | null;
}

/**
 * The waiting list's rows, computed in SQL over every chain's current step (optionally only
 * those at one authority): the `limit` steps that have waited longest, with every step tied
 * with the last of them (the caller orders ties by case title, which SQLite cannot collate in
 * Persian). Waiting is counted up to `today`: a day after it counts as today. Only these rows
 * are joined to their chains, cases and authorities.
 */
export async function waitingSteps(
  db: Db,
  opts: { today: string; limit: number; authorityId?: string | undefined },
): Promise<WaitingStepRow[]> {
  const byAuthority = opts.authorityId === undefined ? sql`` : sql`and s.authority_id = ${opts.authorityId}`;
  const { rows } = await sql<WaitingStepRow>`
    with waiting as (
      select s.id, s.chain_id, s.authority_id, s.submitted_on, s.decision, ${WAITING_SINCE} as since
      from (${CURRENT_POSITIONS}) cur
      join approval_steps s on s.chain_id = cur.chain_id and s.position = cur.pos
      where s.decision != 'rejected' ${byAuthority}
    ),
    ranked as (
      select *, rank() over (order by min(since, ${opts.today})) as place from waiting
    )
    select r.id as step_id, r.chain_id, r.authority_id, r.submitted_on, r.decision, r.since,
      c.title as chain_title, c.case_id, k.title as case_title,
      a.name_fa as authority_name_fa, a.name_en as authority_name_en
    from ranked r
    join approval_chains c on c.id = r.chain_id
    join cases k on k.id = c.case_id
    left join approval_authorities a on a.id = r.authority_id
    where r.place <= ${opts.limit}`.execute(db);
  return rows;
}

/**
 * How many requests each authority holds now: current steps sent and awaiting its decision.
 * Such a step is current when no step before it in its chain is still open (neither approved
 * nor skipped), so the sent steps are read from their index and each checked by position.
 */
export async function waitingAtAuthorities(db: Db): Promise<Map<string, number>> {
  const { rows } = await sql<{ authority_id: string; n: number }>`
    select s.authority_id, count(*) as n
    from approval_steps s
    where s.decision = 'pending' and s.skipped = 0 and s.submitted_on is not null and s.submitted_on != ''
      and not exists (
        select 1 from approval_steps p
        where p.chain_id = s.chain_id and p.position < s.position
          and p.skipped = 0 and p.decision != 'approved')
    group by s.authority_id`.execute(db);
  return new Map(rows.map((r) => [r.authority_id, Number(r.n)]));
}

/**
 * Decisions taken from `from` to `to`, counted per authority, decision and days from
 * submission to decision: the turnaround's samples without a row per decision.
 */
export async function decisionDays(
  db: Db,
  from: string,
  to: string,
): Promise<{ authority_id: string; decision: string; days: number; n: number }[]> {
  const { rows } = await sql<{ authority_id: string; decision: string; days: number; n: number }>`
    select authority_id, decision, julianday(decided_on) - julianday(submitted_on) as days, count(*) as n
    from approval_decisions
    where decided_on >= ${from} and decided_on <= ${to}
    group by authority_id, decision, days`.execute(db);
  // Whole days between two dates, as daysBetween counts them.
  return rows.map((r) => ({ ...r, days: Math.round(r.days), n: Number(r.n) }));
}
