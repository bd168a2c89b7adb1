import { todayIso } from '../../../../shared/dates/jalali';
import { notFound } from '../errors';
import { newId } from '../ids';
import { defineHandlers } from '../registrar';
import { caseActivity, timelinePage, toTimelineItem } from '../relationships/timeline.sources';
import {
  findCase,
  insertCase,
  listCases,
  replaceCasePartners,
  replaceCaseTags,
  updateCase,
} from './cases.repository';
import {
  applyUpdate,
  checkCase,
  draftColumns,
  draftFromCase,
  draftFromInput,
  loadCase,
  loadCases,
} from './cases.service';

export const casesHandlers = defineHandlers({
  'cases.create': async (ctx, input) => {
    const draft = await checkCase(ctx.tx, draftFromInput(input, ctx.now));
    const id = newId();
    await insertCase(ctx.tx, { id, ...draftColumns(draft), created_at: ctx.nowIso, updated_at: ctx.nowIso });
    await replaceCasePartners(ctx.tx, id, draft.partnerIds);
    await replaceCaseTags(ctx.tx, id, draft.tags);
    ctx.touch('case', id);
    const after = await loadCase(ctx.tx, id, ctx.now);
    return { value: after, audit: { entity: 'case', entityId: id, before: null, after } };
  },

  'cases.update': async (ctx, input) => {
    const before = await loadCase(ctx.tx, input.id, ctx.now);
    const draft = await checkCase(ctx.tx, applyUpdate(draftFromCase(before), input, ctx.now));
    await updateCase(ctx.tx, input.id, { ...draftColumns(draft), updated_at: ctx.nowIso });
    await replaceCasePartners(ctx.tx, input.id, draft.partnerIds);
    await replaceCaseTags(ctx.tx, input.id, draft.tags);
    ctx.touch('case', input.id);
    const after = await loadCase(ctx.tx, input.id, ctx.now);
    return { value: after, audit: { entity: 'case', entityId: input.id, before, after } };
  },

  'cases.get': async (ctx, input) => loadCase(ctx.tx, input.id, ctx.now),

  'cases.list': async (ctx, input) => {
    const { rows, total } = await listCases(ctx.tx, input, todayIso(ctx.now));
    return { items: await loadCases(ctx.tx, rows, ctx.now), total };
  },

  'cases.timeline': async (ctx, input) => {
    if (!(await findCase(ctx.tx, input.id))) throw notFound('Case', input.id);
    const { rows, total } = await timelinePage(
      ctx.tx,
      caseActivity(ctx.tx, [input.id]).as('activity'),
      input,
    );
    return { items: rows.map(toTimelineItem), total };
  },
});
