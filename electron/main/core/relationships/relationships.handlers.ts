import { cleanDisplayText } from '../../../../shared/text/persian';
import { notFound } from '../errors';
import { newId } from '../ids';
import { defineHandlers } from '../registrar';
import {
  findRelationship,
  insertRelationship,
  listRelationships,
  replaceAreas,
  updateRelationship,
} from './relationships.repository';
import {
  checkSides,
  dormancyCutoff,
  loadRelationshipDetail,
  loadRelationships,
} from './relationships.service';
import { relationshipActivity, timelinePage, toTimelineItem } from './timeline.sources';

export const relationshipsHandlers = defineHandlers({
  'relationships.create': async (ctx, input) => {
    await checkSides(ctx.tx, input, { ownUnit: true, partner: true });
    const id = newId();
    await insertRelationship(ctx.tx, {
      id,
      own_unit_id: input.ownUnitId,
      partner_id: input.partnerId,
      type: input.type,
      status: input.status,
      stage: input.stage ?? null,
      established_on: input.establishedOn ?? null,
      level: input.level ?? null,
      notes: input.notes ? cleanDisplayText(input.notes) : null,
      created_at: ctx.nowIso,
      updated_at: ctx.nowIso,
    });
    await replaceAreas(ctx.tx, id, input.areas);
    ctx.touch('relationship', id);
    const after = await loadRelationshipDetail(ctx.tx, id, ctx.now);
    return { value: after, audit: { entity: 'relationship', entityId: id, before: null, after } };
  },

  'relationships.update': async (ctx, input) => {
    const before = await loadRelationshipDetail(ctx.tx, input.id, ctx.now);
    const sides = {
      ownUnitId: input.ownUnitId ?? before.ownUnit.id,
      partnerId: input.partnerId ?? before.partner.id,
    };
    await checkSides(ctx.tx, sides, {
      ownUnit: sides.ownUnitId !== before.ownUnit.id,
      partner: sides.partnerId !== before.partner.id,
    });
    await updateRelationship(ctx.tx, input.id, {
      own_unit_id: sides.ownUnitId,
      partner_id: sides.partnerId,
      ...(input.type !== undefined && { type: input.type }),
      ...(input.status !== undefined && { status: input.status }),
      ...(input.stage !== undefined && { stage: input.stage }),
      ...(input.establishedOn !== undefined && { established_on: input.establishedOn }),
      ...(input.level !== undefined && { level: input.level }),
      ...(input.notes !== undefined && { notes: input.notes ? cleanDisplayText(input.notes) : null }),
      updated_at: ctx.nowIso,
    });
    if (input.areas !== undefined) await replaceAreas(ctx.tx, input.id, input.areas);
    ctx.touch('relationship', input.id);
    const after = await loadRelationshipDetail(ctx.tx, input.id, ctx.now);
    return { value: after, audit: { entity: 'relationship', entityId: input.id, before, after } };
  },

  'relationships.get': async (ctx, input) => loadRelationshipDetail(ctx.tx, input.id, ctx.now),

  'relationships.list': async (ctx, input) => {
    const { rows, total } = await listRelationships(ctx.tx, input, await dormancyCutoff(ctx.tx, ctx.now));
    return { items: await loadRelationships(ctx.tx, rows), total };
  },

  'relationships.timeline': async (ctx, input) => {
    if (!(await findRelationship(ctx.tx, input.id))) throw notFound('Relationship', input.id);
    const { rows, total } = await timelinePage(
      ctx.tx,
      relationshipActivity(ctx.tx, [input.id]).as('activity'),
      input,
    );
    return { items: rows.map(toTimelineItem), total };
  },
});
