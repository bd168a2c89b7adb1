import { todayIso } from '../../../../shared/dates/jalali';
import type { ApprovalChain } from '../../../../shared/api/approvals.contract';
import type { MutationContext } from '../context';
import { conflict, invalid, notFound } from '../errors';
import { newId } from '../ids';
import { defineHandlers } from '../registrar';
import {
  decisionDays,
  findAuthorities,
  findAuthority,
  findChain,
  findStep,
  findTemplate,
  listAuthorities,
  listTemplates,
  renumberSteps,
  replaceTemplateSteps,
  stepsOfChains,
  templateForCaseKind,
  templateSteps,
  waitingAtAuthorities,
  waitingSteps,
} from './approvals.repository';
import {
  chainState,
  currentStep,
  daysBetween,
  isPending,
  loadChain,
  loadChainsOfCase,
  toAuthority,
  turnaround,
  waitingOf,
} from './approvals.service';
import { loadTemplates } from './approval-templates.service';

async function requireAuthorities(ctx: MutationContext, ids: readonly string[]): Promise<void> {
  const found = new Set(
    (await findAuthorities(ctx.tx, ids)).filter((a) => a.archived === 0).map((a) => a.id),
  );
  const missing = ids.find((id) => !found.has(id));
  if (missing) throw notFound('Authority', missing);
}

async function requireLetter(ctx: MutationContext, letterId: string | null | undefined): Promise<void> {
  if (!letterId) return;
  const row = await ctx.tx.selectFrom('letters').select('id').where('id', '=', letterId).executeTakeFirst();
  if (!row) throw notFound('Letter', letterId);
}

/** Loads a step with its chain's steps, refusing changes to a chain that was rejected. */
async function openStep(ctx: MutationContext, stepId: string) {
  const step = await findStep(ctx.tx, stepId);
  if (!step) throw notFound('Approval step', stepId);
  const steps = await stepsOfChains(ctx.tx, [step.chain_id]);
  if (chainState(steps) === 'rejected') {
    throw conflict('This approval chain ended with a rejection; start a new chain to try again.');
  }
  return { step, steps };
}

function notInFuture(ctx: MutationContext, date: string, field: string): void {
  if (date > todayIso(ctx.now)) throw invalid('The date cannot be in the future.', [field]);
}

/** Answers the chain after a change, with its audit entry. */
async function changed(ctx: MutationContext, chainId: string, before: ApprovalChain) {
  await ctx.tx
    .updateTable('approval_chains')
    .set({ updated_at: ctx.nowIso })
    .where('id', '=', chainId)
    .execute();
  const after = await loadChain(ctx.tx, chainId, todayIso(ctx.now));
  return { value: after, audit: { entity: 'approval_chain', entityId: chainId, before, after } };
}

export const approvalsHandlers = defineHandlers({
  'approvals.authorities.list': async (ctx, input) =>
    (await listAuthorities(ctx.tx, input.includeArchived)).map(toAuthority),

  'approvals.authorities.create': async (ctx, input) => {
    const id = newId();
    await ctx.tx
      .insertInto('approval_authorities')
      .values({
        id,
        key: null,
        name_fa: input.nameFa,
        name_en: input.nameEn,
        archived: 0,
        created_at: ctx.nowIso,
        updated_at: ctx.nowIso,
      })
      .execute();
    const value = toAuthority((await findAuthority(ctx.tx, id))!);
    return { value, audit: { entity: 'approval_authority', entityId: id, before: null, after: value } };
  },

  'approvals.authorities.update': async (ctx, input) => {
    const row = await findAuthority(ctx.tx, input.id);
    if (!row) throw notFound('Authority', input.id);
    await ctx.tx
      .updateTable('approval_authorities')
      .set({
        ...(input.nameFa !== undefined && { name_fa: input.nameFa }),
        ...(input.nameEn !== undefined && { name_en: input.nameEn }),
        ...(input.archived !== undefined && { archived: input.archived ? 1 : 0 }),
        updated_at: ctx.nowIso,
      })
      .where('id', '=', input.id)
      .execute();
    const value = toAuthority((await findAuthority(ctx.tx, input.id))!);
    return {
      value,
      audit: { entity: 'approval_authority', entityId: input.id, before: toAuthority(row), after: value },
    };
  },

  'approvals.templates.list': async (ctx) => loadTemplates(ctx.tx, await listTemplates(ctx.tx)),

  'approvals.templates.create': async (ctx, input) => {
    await requireAuthorities(ctx, input.authorityIds);
    const id = newId();
    await ctx.tx
      .insertInto('approval_templates')
      .values({
        id,
        name_fa: input.nameFa,
        name_en: input.nameEn,
        case_kind: input.caseKind ?? null,
        created_at: ctx.nowIso,
        updated_at: ctx.nowIso,
      })
      .execute();
    await replaceTemplateSteps(ctx.tx, id, input.authorityIds);
    const [value] = await loadTemplates(ctx.tx, [(await findTemplate(ctx.tx, id))!]);
    return {
      value: value!,
      audit: { entity: 'approval_template', entityId: id, before: null, after: value },
    };
  },

  'approvals.templates.update': async (ctx, input) => {
    const row = await findTemplate(ctx.tx, input.id);
    if (!row) throw notFound('Approval template', input.id);
    const [before] = await loadTemplates(ctx.tx, [row]);
    if (input.authorityIds) {
      await requireAuthorities(ctx, input.authorityIds);
      await replaceTemplateSteps(ctx.tx, input.id, input.authorityIds);
    }
    await ctx.tx
      .updateTable('approval_templates')
      .set({
        ...(input.nameFa !== undefined && { name_fa: input.nameFa }),
        ...(input.nameEn !== undefined && { name_en: input.nameEn }),
        ...(input.caseKind !== undefined && { case_kind: input.caseKind }),
        updated_at: ctx.nowIso,
      })
      .where('id', '=', input.id)
      .execute();
    const [value] = await loadTemplates(ctx.tx, [(await findTemplate(ctx.tx, input.id))!]);
    return {
      value: value!,
      audit: { entity: 'approval_template', entityId: input.id, before, after: value },
    };
  },

  'approvals.templates.remove': async (ctx, input) => {
    const row = await findTemplate(ctx.tx, input.id);
    if (!row) throw notFound('Approval template', input.id);
    const [before] = await loadTemplates(ctx.tx, [row]);
    await ctx.tx
      .updateTable('approval_chains')
      .set({ template_id: null })
      .where('template_id', '=', input.id)
      .execute();
    await ctx.tx.deleteFrom('approval_template_steps').where('template_id', '=', input.id).execute();
    await ctx.tx.deleteFrom('approval_templates').where('id', '=', input.id).execute();
    return {
      value: { id: input.id },
      audit: { entity: 'approval_template', entityId: input.id, before, after: null },
    };
  },

  'approvals.start': async (ctx, input) => {
    const theCase = await ctx.tx
      .selectFrom('cases')
      .select(['id', 'kind', 'title'])
      .where('id', '=', input.caseId)
      .executeTakeFirst();
    if (!theCase) throw notFound('Case', input.caseId);
    const template = input.templateId
      ? await findTemplate(ctx.tx, input.templateId)
      : await templateForCaseKind(ctx.tx, theCase.kind);
    if (!template) {
      throw input.templateId
        ? notFound('Approval template', input.templateId)
        : invalid('No template is the default for this kind of case; choose one.', ['templateId']);
    }
    const steps = await templateSteps(ctx.tx, [template.id]);
    const chainId = newId();
    await ctx.tx
      .insertInto('approval_chains')
      .values({
        id: chainId,
        case_id: theCase.id,
        template_id: template.id,
        title: input.title ?? template.name_fa,
        created_at: ctx.nowIso,
        updated_at: ctx.nowIso,
      })
      .execute();
    if (steps.length > 0) {
      await ctx.tx
        .insertInto('approval_steps')
        .values(
          steps.map((s) => ({
            id: newId(),
            chain_id: chainId,
            position: s.position,
            authority_id: s.authority_id,
            decision: 'pending',
            skipped: 0,
            created_at: ctx.nowIso,
            updated_at: ctx.nowIso,
          })),
        )
        .execute();
    }
    const value = await loadChain(ctx.tx, chainId, todayIso(ctx.now));
    return { value, audit: { entity: 'approval_chain', entityId: chainId, before: null, after: value } };
  },

  'approvals.addStep': async (ctx, input) => {
    const chain = await findChain(ctx.tx, input.chainId);
    if (!chain) throw notFound('Approval chain', input.chainId);
    await requireAuthorities(ctx, [input.authorityId]);
    const steps = await stepsOfChains(ctx.tx, [chain.id]);
    if (chainState(steps) === 'rejected') throw conflict('This approval chain ended with a rejection.');
    const firstPending = steps.findIndex((s, i) => steps.slice(i).every(isPending));
    const earliest = firstPending === -1 ? steps.length + 1 : firstPending + 1;
    const position = input.position ?? steps.length + 1;
    if (position < earliest || position > steps.length + 1) {
      throw conflict(
        `A step can only go among the steps still pending (positions ${earliest} to ${steps.length + 1}).`,
      );
    }
    const before = await loadChain(ctx.tx, chain.id, todayIso(ctx.now));
    const id = newId();
    await ctx.tx
      .insertInto('approval_steps')
      .values({
        id,
        chain_id: chain.id,
        position: 1000 + steps.length,
        authority_id: input.authorityId,
        decision: 'pending',
        skipped: 0,
        created_at: ctx.nowIso,
        updated_at: ctx.nowIso,
      })
      .execute();
    const order = steps.map((s) => s.id);
    order.splice(position - 1, 0, id);
    await renumberSteps(ctx.tx, chain.id, order);
    return changed(ctx, chain.id, before);
  },

  'approvals.moveStep': async (ctx, input) => {
    const { step, steps } = await openStep(ctx, input.stepId);
    if (!isPending(step)) throw conflict('Only a step that has not been sent yet can be moved.');
    const firstPending = steps.findIndex((s, i) => steps.slice(i).every(isPending));
    if (input.position < firstPending + 1 || input.position > steps.length) {
      throw conflict(`A pending step can only move among positions ${firstPending + 1} to ${steps.length}.`);
    }
    const before = await loadChain(ctx.tx, step.chain_id, todayIso(ctx.now));
    const order = steps.map((s) => s.id).filter((id) => id !== step.id);
    order.splice(input.position - 1, 0, step.id);
    await renumberSteps(ctx.tx, step.chain_id, order);
    return changed(ctx, step.chain_id, before);
  },

  'approvals.submit': async (ctx, input) => {
    const { step, steps } = await openStep(ctx, input.stepId);
    notInFuture(ctx, input.submittedOn, 'submittedOn');
    await requireLetter(ctx, input.letterId);
    const current = currentStep(steps);
    if (current?.id !== step.id) {
      throw conflict(
        current
          ? `Step ${current.position} must be decided before step ${step.position} can be sent.`
          : 'Every step of this chain is already decided.',
      );
    }
    if (step.submitted_on && step.decision === 'pending')
      throw conflict('This step was already sent and awaits a decision.');
    const since = waitingOf(step, steps, '0000-01-01').since;
    if (input.submittedOn < since)
      throw invalid('The request cannot be sent before the step before it was decided.', ['submittedOn']);
    const before = await loadChain(ctx.tx, step.chain_id, todayIso(ctx.now));
    await ctx.tx
      .updateTable('approval_steps')
      .set({
        submitted_on: input.submittedOn,
        submitted_letter_id: input.letterId ?? null,
        decision: 'pending',
        decided_on: null,
        decision_letter_id: null,
        ...(input.notes !== undefined && { notes: input.notes }),
        updated_at: ctx.nowIso,
      })
      .where('id', '=', step.id)
      .execute();
    return changed(ctx, step.chain_id, before);
  },

  'approvals.decide': async (ctx, input) => {
    const { step } = await openStep(ctx, input.stepId);
    notInFuture(ctx, input.decidedOn, 'decidedOn');
    await requireLetter(ctx, input.letterId);
    if (step.skipped === 1) throw conflict('This step was skipped.');
    if (!step.submitted_on || step.decision !== 'pending') {
      throw conflict('Only a step that was sent and awaits a decision can be decided.');
    }
    if (input.decidedOn < step.submitted_on) {
      throw invalid('The decision cannot come before the request was sent.', ['decidedOn']);
    }
    const before = await loadChain(ctx.tx, step.chain_id, todayIso(ctx.now));
    await ctx.tx
      .updateTable('approval_steps')
      .set({
        decision: input.decision,
        decided_on: input.decidedOn,
        decision_letter_id: input.letterId ?? null,
        ...(input.notes !== undefined && { notes: input.notes }),
        updated_at: ctx.nowIso,
      })
      .where('id', '=', step.id)
      .execute();
    await ctx.tx
      .insertInto('approval_decisions')
      .values({
        id: newId(),
        step_id: step.id,
        authority_id: step.authority_id,
        submitted_on: step.submitted_on,
        decided_on: input.decidedOn,
        decision: input.decision,
        letter_id: input.letterId ?? null,
        created_at: ctx.nowIso,
      })
      .execute();
    return changed(ctx, step.chain_id, before);
  },

  'approvals.skip': async (ctx, input) => {
    const { step } = await openStep(ctx, input.stepId);
    if (step.skipped === 1) throw conflict('This step was already skipped.');
    if (step.decision === 'approved') throw conflict('An approved step cannot be skipped.');
    const before = await loadChain(ctx.tx, step.chain_id, todayIso(ctx.now));
    await ctx.tx
      .updateTable('approval_steps')
      .set({ skipped: 1, skip_reason: input.reason, updated_at: ctx.nowIso })
      .where('id', '=', step.id)
      .execute();
    return changed(ctx, step.chain_id, before);
  },

  'approvals.get': async (ctx, input) => {
    const today = todayIso(ctx.now);
    if ('chainId' in input) return [await loadChain(ctx.tx, input.chainId, today)];
    const theCase = await ctx.tx
      .selectFrom('cases')
      .select('id')
      .where('id', '=', input.caseId)
      .executeTakeFirst();
    if (!theCase) throw notFound('Case', input.caseId);
    return loadChainsOfCase(ctx.tx, input.caseId, today);
  },

  'approvals.waiting': async (ctx, input) => {
    const today = todayIso(ctx.now);
    // The longest waiting `limit` (and those tied with the last) come from SQL; the order
    // among equal waits is the case title's, in Persian, then the chain's id.
    const rows = await waitingSteps(ctx.tx, { today, limit: input.limit, authorityId: input.authorityId });
    const items = rows.map((row) => ({
      chainId: row.chain_id,
      caseId: row.case_id,
      caseTitle: row.case_title,
      chainTitle: row.chain_title,
      stepId: row.step_id,
      authorityId: row.authority_id,
      authorityNameFa: row.authority_name_fa ?? '',
      authorityNameEn: row.authority_name_en ?? '',
      state:
        row.submitted_on && row.decision === 'pending'
          ? ('waiting' as const)
          : row.decision === 'returned'
            ? ('returned' as const)
            : ('not_submitted' as const),
      waitingSince: row.since,
      daysWaiting: Math.max(0, daysBetween(row.since, today)),
    }));
    return items
      .sort(
        (a, b) =>
          b.daysWaiting - a.daysWaiting ||
          PERSIAN_ORDER.compare(a.caseTitle, b.caseTitle) ||
          (a.chainId < b.chainId ? -1 : a.chainId > b.chainId ? 1 : 0),
      )
      .slice(0, input.limit);
  },

  'approvals.turnaround': async (ctx, input) => {
    if (input.to < input.from) throw invalid('The period ends before it begins.', ['to']);
    const decisions = await decisionDays(ctx.tx, input.from, input.to);
    const waitingNow = await waitingAtAuthorities(ctx.tx);
    const authorityIds = [...new Set([...decisions.map((d) => d.authority_id), ...waitingNow.keys()])];
    const authorities = new Map((await findAuthorities(ctx.tx, authorityIds)).map((a) => [a.id, a]));
    return turnaround(decisions, waitingNow, authorities);
  },
});

/** Case titles in Persian dictionary order; one collator, not one per comparison. */
const PERSIAN_ORDER = new Intl.Collator('fa');
