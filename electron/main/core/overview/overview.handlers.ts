import {
  AWAITING_REPLY_LIMIT,
  EXPIRING_AGREEMENT_DAYS,
  MAP_LIMIT,
  OVERVIEW_LIST_LIMIT,
  type MapRelationship,
  type MapPartner,
} from '../../../../shared/api/overview.contract';
import { relationshipListInput } from '../../../../shared/api/relationships.contract';
import { addDays, jalaliYearOf, jalaliYearRange, todayIso } from '../../../../shared/dates/jalali';
import { expiringWithin } from '../agreements/agreements.repository';
import {
  countOverdueAwaitingReply,
  countReferredTo,
  listLetterRows,
  overdueAwaitingReply,
  referredTo,
} from '../letters/letters.repository';
import { toLetterSummaries } from '../letters/letters.read';
import { defineHandlers } from '../registrar';
import { listRelationships } from '../relationships/relationships.repository';
import { dormancyCutoff, loadRelationships } from '../relationships/relationships.service';
import { countOpenTasks, overdueTasksOf } from '../tasks/tasks.repository';
import { toTask } from '../tasks/tasks.service';
import { findUserByUsername } from '../users/users.repository';
import { toUser } from '../users/users.service';
import { lettersByMonth, relationshipCounts } from './overview.charts';
import { mapPartners, mapRelationships, officeCounts } from './overview.repository';

const empty = { items: [], total: 0 };

export const overviewHandlers = defineHandlers({
  'desk.overview': async (ctx, input) => {
    const today = todayIso(ctx.now);
    const meRow = await findUserByUsername(ctx.tx, ctx.actor);
    const year = jalaliYearRange(jalaliYearOf(today));
    const limit = OVERVIEW_LIST_LIMIT;

    const tasks = await countOpenTasks(ctx.tx, today, meRow?.id ?? null);
    const myOverdueTasks = meRow
      ? {
          items: (await overdueTasksOf(ctx.tx, meRow.id, today, limit)).map((row) => toTask(row, today)),
          total: tasks.myOverdue,
        }
      : empty;
    const lettersAwaitingReplyOverdue = {
      items: await toLetterSummaries(ctx.tx, await overdueAwaitingReply(ctx.tx, today, limit)),
      total: await countOverdueAwaitingReply(ctx.tx, today),
    };
    const referralsToMe = meRow
      ? {
          items: await toLetterSummaries(ctx.tx, await referredTo(ctx.tx, meRow.id, limit)),
          total: await countReferredTo(ctx.tx, meRow.id),
        }
      : empty;
    const expiring = await expiringWithin(ctx.tx, today, addDays(today, EXPIRING_AGREEMENT_DAYS));
    const awaiting = await listLetterRows(
      ctx.tx,
      { state: 'awaiting_reply' },
      { by: 'letterDate', direction: 'asc' },
      AWAITING_REPLY_LIMIT,
      0,
    );
    const cutoff = await dormancyCutoff(ctx.tx, ctx.now);
    const dormant = await listRelationships(
      ctx.tx,
      relationshipListInput.parse({
        dormant: true,
        sort: { field: 'lastActivity', direction: 'asc' },
        limit,
      }),
      cutoff,
    );
    const relationships = await relationshipCounts(ctx.tx, cutoff);
    const counts = await officeCounts(ctx.tx, year.from, year.to);

    return {
      today,
      me: meRow ? toUser(meRow) : null,
      myOverdueTasks,
      lettersAwaitingReplyOverdue,
      referralsToMe,
      agreementsExpiring: { items: expiring.slice(0, limit), total: expiring.length },
      dormantRelationships: { items: await loadRelationships(ctx.tx, dormant.rows), total: dormant.total },
      awaitingReply: { items: await toLetterSummaries(ctx.tx, awaiting.rows), total: awaiting.total },
      lettersByMonth: await lettersByMonth(ctx.tx, today, input.calendar ?? 'jalali'),
      relationshipsByStatus: relationships.byStatus,
      relationshipsByArea: relationships.byArea,
      counts: {
        ...counts,
        openTasks: tasks.open,
        overdueTasks: tasks.overdue,
        myOpenTasks: tasks.mine,
      },
    };
  },

  'desk.map': async (ctx) => {
    const partners = await mapPartners(ctx.tx, MAP_LIMIT);
    const relationships = await mapRelationships(ctx.tx, MAP_LIMIT);
    return {
      partners: partners.map((p): MapPartner => ({
        id: p.id,
        kind: p.kind as MapPartner['kind'],
        nameFa: p.name_fa,
        nameEn: p.name_en,
        country: p.country,
        latitude: p.latitude,
        longitude: p.longitude,
        parentId: p.parent_id,
        own: p.own === 1,
        archived: p.archived === 1,
      })),
      relationships: relationships.map((r): MapRelationship => ({
        id: r.id,
        type: r.type as MapRelationship['type'],
        ownUnitId: r.own_unit_id,
        partnerId: r.partner_id,
      })),
    };
  },
});
