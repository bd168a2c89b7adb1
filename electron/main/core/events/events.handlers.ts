import type { z } from 'zod';
import type { EventRecord, eventsContract } from '../../../../shared/api/events.contract';
import { textFilterKey } from '../db/text-filter';
import type { MutationContext } from '../context';
import { conflict, invalid, notFound } from '../errors';
import { newId } from '../ids';
import { defineHandlers } from '../registrar';
import { findPartners } from '../partners/partners.repository';
import { toPartnerRef } from '../partners/partners.service';
import type { PartnerRef } from '../../../../shared/api/partners.contract';
import {
  delegationOf,
  findEvent,
  listEvents,
  programmeOf,
  reciprocalChain,
  replaceEventPartners,
} from './events.repository';
import { loadEvent, loadSummaries, toGift, toMember, toProgrammeItem } from './events.service';
import { recordOutcome } from './event-outcome';
import type { EventRow } from './events.table';

type EventFields = Partial<z.output<(typeof eventsContract)['events.create']['input']>>;

async function requirePartners(
  ctx: MutationContext,
  ids: readonly (string | null | undefined)[],
): Promise<void> {
  const wanted = ids.filter((id): id is string => Boolean(id));
  const found = await findPartners(ctx.tx, wanted);
  const missing = wanted.find((id) => !found.has(id));
  if (missing) throw notFound('Partner', missing);
}

async function requireRow(
  ctx: MutationContext,
  table: 'cases' | 'relationships' | 'letters' | 'users',
  id: string | null | undefined,
  what: string,
) {
  if (!id) return;
  const row = await ctx.tx.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(what, id);
}

/** Checks the links and dates of an event as it will be after the change. */
async function checkEvent(ctx: MutationContext, next: EventRow, input: EventFields): Promise<void> {
  if (next.end_date < next.start_date) throw invalid('The event ends before it starts.', ['endDate']);
  if (next.registration_deadline && next.registration_deadline > next.end_date) {
    throw invalid('The registration deadline is after the event ends.', ['registrationDeadline']);
  }
  await requirePartners(ctx, [input.hostPartnerId, input.organiserPartnerId, ...(input.partnerIds ?? [])]);
  await requireRow(ctx, 'cases', input.caseId, 'Case');
  await requireRow(ctx, 'relationships', input.relationshipId, 'Relationship');
  if (input.reciprocalEventId) {
    if (input.reciprocalEventId === next.id) throw conflict('An event cannot answer itself.');
    if (!(await findEvent(ctx.tx, input.reciprocalEventId))) throw notFound('Event', input.reciprocalEventId);
    if ((await reciprocalChain(ctx.tx, input.reciprocalEventId)).includes(next.id)) {
      throw conflict('These events would answer each other in a circle.');
    }
  }
}

function searchKeyOf(row: Pick<EventRow, 'title' | 'venue' | 'objectives'>): string {
  return textFilterKey([row.title, row.venue, row.objectives]);
}

async function eventChanged(ctx: MutationContext, eventId: string, before: EventRecord | null) {
  await ctx.tx.updateTable('events').set({ updated_at: ctx.nowIso }).where('id', '=', eventId).execute();
  ctx.touch('event', eventId);
  const after = await loadEvent(ctx.tx, eventId);
  return { after, audit: { entity: 'event', entityId: eventId, before, after } };
}

async function itemEvent(ctx: MutationContext, eventId: string) {
  const event = await findEvent(ctx.tx, eventId);
  if (!event) throw notFound('Event', eventId);
  return event;
}

function checkItemDate(event: EventRow, date: string | undefined) {
  if (date && (date < event.start_date || date > event.end_date)) {
    throw invalid('The programme item falls outside the event’s dates.', ['date']);
  }
}

function checkTimes(start: string | null | undefined, end: string | null | undefined) {
  if (start && end && end < start) throw invalid('The item ends before it starts.', ['endTime']);
}

function checkTravel(from: string | null | undefined, to: string | null | undefined) {
  if (from && to && to < from) throw invalid('The journey ends before it starts.', ['travelTo']);
}

export const eventsHandlers = defineHandlers({
  'events.create': async (ctx, input) => {
    const id = newId();
    const row: EventRow = {
      id,
      kind: input.kind,
      title: input.title,
      status: input.status ?? 'planned',
      start_date: input.startDate,
      end_date: input.endDate,
      our_role: input.ourRole,
      host_partner_id: input.hostPartnerId ?? null,
      organiser_partner_id: input.organiserPartnerId ?? null,
      venue: input.venue ?? null,
      registration_deadline: input.registrationDeadline ?? null,
      objectives: input.objectives ?? null,
      outcome: null,
      outcome_recorded_at: null,
      reciprocal_event_id: input.reciprocalEventId ?? null,
      case_id: input.caseId ?? null,
      relationship_id: input.relationshipId ?? null,
      search_key: '',
      created_at: ctx.nowIso,
      updated_at: ctx.nowIso,
    };
    await checkEvent(ctx, row, input);
    await ctx.tx
      .insertInto('events')
      .values({ ...row, search_key: searchKeyOf(row) })
      .execute();
    await replaceEventPartners(ctx.tx, id, input.partnerIds ?? []);
    const { after, audit } = await eventChanged(ctx, id, null);
    return { value: after, audit };
  },

  'events.update': async (ctx, input) => {
    const row = await findEvent(ctx.tx, input.id);
    if (!row) throw notFound('Event', input.id);
    const before = await loadEvent(ctx.tx, input.id);
    const next: EventRow = {
      ...row,
      ...(input.kind !== undefined && { kind: input.kind }),
      ...(input.title !== undefined && { title: input.title }),
      ...(input.status !== undefined && { status: input.status }),
      ...(input.startDate !== undefined && { start_date: input.startDate }),
      ...(input.endDate !== undefined && { end_date: input.endDate }),
      ...(input.ourRole !== undefined && { our_role: input.ourRole }),
      ...(input.hostPartnerId !== undefined && { host_partner_id: input.hostPartnerId }),
      ...(input.organiserPartnerId !== undefined && { organiser_partner_id: input.organiserPartnerId }),
      ...(input.venue !== undefined && { venue: input.venue }),
      ...(input.registrationDeadline !== undefined && { registration_deadline: input.registrationDeadline }),
      ...(input.objectives !== undefined && { objectives: input.objectives }),
      ...(input.reciprocalEventId !== undefined && { reciprocal_event_id: input.reciprocalEventId }),
      ...(input.caseId !== undefined && { case_id: input.caseId }),
      ...(input.relationshipId !== undefined && { relationship_id: input.relationshipId }),
    };
    await checkEvent(ctx, next, input);
    const programme = await programmeOf(ctx.tx, input.id);
    if (programme.some((p) => p.date < next.start_date || p.date > next.end_date)) {
      throw conflict('Some programme items would fall outside the new dates; move them first.');
    }
    const { id: _id, created_at: _created, ...changes } = next;
    await ctx.tx
      .updateTable('events')
      .set({ ...changes, search_key: searchKeyOf(next) })
      .where('id', '=', input.id)
      .execute();
    if (input.partnerIds !== undefined) await replaceEventPartners(ctx.tx, input.id, input.partnerIds);
    // Members' and items' search text names the event.
    for (const item of programme) ctx.touch('programme_item', item.id);
    for (const member of await delegationOf(ctx.tx, input.id)) ctx.touch('delegation_member', member.id);
    const { after, audit } = await eventChanged(ctx, input.id, before);
    return { value: after, audit };
  },

  'events.get': async (ctx, input) => loadEvent(ctx.tx, input.id),

  'events.list': async (ctx, input) => {
    if (input.from && input.to && input.to < input.from)
      throw invalid('The period ends before it begins.', ['to']);
    const { rows, total } = await listEvents(ctx.tx, input);
    return { items: await loadSummaries(ctx.tx, rows), total };
  },

  'events.recordOutcome': async (ctx, input) => {
    const row = await findEvent(ctx.tx, input.id);
    if (!row) throw notFound('Event', input.id);
    const before = await loadEvent(ctx.tx, input.id);
    const taskIds = await recordOutcome(ctx, row, input);
    if (taskIds.length > 0) ctx.announce('task');
    const { after, audit } = await eventChanged(ctx, input.id, before);
    return { value: { event: after, taskIds }, audit: { ...audit, after: { event: after, taskIds } } };
  },

  'programme.add': async (ctx, input) => {
    const event = await itemEvent(ctx, input.eventId);
    checkItemDate(event, input.date);
    checkTimes(input.startTime, input.endTime);
    await requirePartners(ctx, [input.partnerId]);
    const id = newId();
    await ctx.tx
      .insertInto('programme_items')
      .values({
        id,
        event_id: event.id,
        title: input.title,
        type: input.type,
        date: input.date,
        start_time: input.startTime ?? null,
        end_time: input.endTime ?? null,
        venue: input.venue ?? null,
        responsible: input.responsible ?? null,
        partner_id: input.partnerId ?? null,
        status: input.status ?? 'planned',
        notes: input.notes ?? null,
        created_at: ctx.nowIso,
        updated_at: ctx.nowIso,
      })
      .execute();
    ctx.touch('programme_item', id);
    const value = await programmeItemById(ctx, id);
    return { value, audit: { entity: 'programme_item', entityId: id, before: null, after: value } };
  },

  'programme.update': async (ctx, input) => {
    const row = await ctx.tx
      .selectFrom('programme_items')
      .selectAll()
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (!row) throw notFound('Programme item', input.id);
    const event = await itemEvent(ctx, row.event_id);
    const before = await programmeItemById(ctx, input.id);
    checkItemDate(event, input.date);
    checkTimes(
      input.startTime !== undefined ? input.startTime : row.start_time,
      input.endTime !== undefined ? input.endTime : row.end_time,
    );
    await requirePartners(ctx, [input.partnerId]);
    await ctx.tx
      .updateTable('programme_items')
      .set({
        ...(input.title !== undefined && { title: input.title }),
        ...(input.type !== undefined && { type: input.type }),
        ...(input.date !== undefined && { date: input.date }),
        ...(input.startTime !== undefined && { start_time: input.startTime }),
        ...(input.endTime !== undefined && { end_time: input.endTime }),
        ...(input.venue !== undefined && { venue: input.venue }),
        ...(input.responsible !== undefined && { responsible: input.responsible }),
        ...(input.partnerId !== undefined && { partner_id: input.partnerId }),
        ...(input.status !== undefined && { status: input.status }),
        ...(input.notes !== undefined && { notes: input.notes }),
        updated_at: ctx.nowIso,
      })
      .where('id', '=', input.id)
      .execute();
    ctx.touch('programme_item', input.id);
    const value = await programmeItemById(ctx, input.id);
    return { value, audit: { entity: 'programme_item', entityId: input.id, before, after: value } };
  },

  'programme.remove': async (ctx, input) => {
    const row = await ctx.tx
      .selectFrom('programme_items')
      .selectAll()
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (!row) throw notFound('Programme item', input.id);
    const before = await programmeItemById(ctx, input.id);
    await ctx.tx.deleteFrom('programme_items').where('id', '=', input.id).execute();
    ctx.touch('programme_item', input.id);
    return {
      value: { id: input.id },
      audit: { entity: 'programme_item', entityId: input.id, before, after: null },
    };
  },

  'delegation.add': async (ctx, input) => {
    const event = await itemEvent(ctx, input.eventId);
    checkTravel(input.travelFrom, input.travelTo);
    await requireRow(ctx, 'users', input.userId, 'User');
    await requireRow(ctx, 'letters', input.invitationLetterId, 'Letter');
    const id = newId();
    await ctx.tx
      .insertInto('delegation_members')
      .values({
        id,
        event_id: event.id,
        name: input.name,
        position: input.position ?? null,
        user_id: input.userId ?? null,
        role: input.role ?? 'member',
        passport_number: input.passportNumber ?? null,
        passport_expiry: input.passportExpiry ?? null,
        visa_status: input.visaStatus ?? 'to_apply',
        invitation_letter_id: input.invitationLetterId ?? null,
        travel_from: input.travelFrom ?? null,
        travel_to: input.travelTo ?? null,
        notes: input.notes ?? null,
        created_at: ctx.nowIso,
        updated_at: ctx.nowIso,
      })
      .execute();
    ctx.touch('delegation_member', id);
    const value = await memberById(ctx, id);
    return { value, audit: { entity: 'delegation_member', entityId: id, before: null, after: value } };
  },

  'delegation.update': async (ctx, input) => {
    const row = await ctx.tx
      .selectFrom('delegation_members')
      .selectAll()
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (!row) throw notFound('Delegation member', input.id);
    const before = await memberById(ctx, input.id);
    checkTravel(
      input.travelFrom !== undefined ? input.travelFrom : row.travel_from,
      input.travelTo !== undefined ? input.travelTo : row.travel_to,
    );
    await requireRow(ctx, 'users', input.userId, 'User');
    await requireRow(ctx, 'letters', input.invitationLetterId, 'Letter');
    await ctx.tx
      .updateTable('delegation_members')
      .set({
        ...(input.name !== undefined && { name: input.name }),
        ...(input.position !== undefined && { position: input.position }),
        ...(input.userId !== undefined && { user_id: input.userId }),
        ...(input.role !== undefined && { role: input.role }),
        ...(input.passportNumber !== undefined && { passport_number: input.passportNumber }),
        ...(input.passportExpiry !== undefined && { passport_expiry: input.passportExpiry }),
        ...(input.visaStatus !== undefined && { visa_status: input.visaStatus }),
        ...(input.invitationLetterId !== undefined && { invitation_letter_id: input.invitationLetterId }),
        ...(input.travelFrom !== undefined && { travel_from: input.travelFrom }),
        ...(input.travelTo !== undefined && { travel_to: input.travelTo }),
        ...(input.notes !== undefined && { notes: input.notes }),
        updated_at: ctx.nowIso,
      })
      .where('id', '=', input.id)
      .execute();
    ctx.touch('delegation_member', input.id);
    const value = await memberById(ctx, input.id);
    return { value, audit: { entity: 'delegation_member', entityId: input.id, before, after: value } };
  },

  'delegation.remove': async (ctx, input) => {
    const row = await ctx.tx
      .selectFrom('delegation_members')
      .select('id')
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (!row) throw notFound('Delegation member', input.id);
    const before = await memberById(ctx, input.id);
    await ctx.tx.deleteFrom('delegation_members').where('id', '=', input.id).execute();
    ctx.touch('delegation_member', input.id);
    return {
      value: { id: input.id },
      audit: { entity: 'delegation_member', entityId: input.id, before, after: null },
    };
  },

  'gifts.add': async (ctx, input) => {
    const event = await itemEvent(ctx, input.eventId);
    const id = newId();
    await ctx.tx
      .insertInto('gifts')
      .values({
        id,
        event_id: event.id,
        direction: input.direction,
        description: input.description,
        giver: input.giver,
        receiver: input.receiver,
        date: input.date ?? null,
        estimated_value: input.estimatedValue ?? null,
        currency: input.currency ?? null,
        registry_number: input.registryNumber ?? null,
        created_at: ctx.nowIso,
        updated_at: ctx.nowIso,
      })
      .execute();
    const value = await giftById(ctx, id);
    return { value, audit: { entity: 'gift', entityId: id, before: null, after: value } };
  },

  'gifts.update': async (ctx, input) => {
    const before = await giftById(ctx, input.id);
    await ctx.tx
      .updateTable('gifts')
      .set({
        ...(input.direction !== undefined && { direction: input.direction }),
        ...(input.description !== undefined && { description: input.description }),
        ...(input.giver !== undefined && { giver: input.giver }),
        ...(input.receiver !== undefined && { receiver: input.receiver }),
        ...(input.date !== undefined && { date: input.date }),
        ...(input.estimatedValue !== undefined && { estimated_value: input.estimatedValue }),
        ...(input.currency !== undefined && { currency: input.currency }),
        ...(input.registryNumber !== undefined && { registry_number: input.registryNumber }),
        updated_at: ctx.nowIso,
      })
      .where('id', '=', input.id)
      .execute();
    const value = await giftById(ctx, input.id);
    return { value, audit: { entity: 'gift', entityId: input.id, before, after: value } };
  },

  'gifts.remove': async (ctx, input) => {
    const before = await giftById(ctx, input.id);
    await ctx.tx.deleteFrom('gifts').where('id', '=', input.id).execute();
    return { value: { id: input.id }, audit: { entity: 'gift', entityId: input.id, before, after: null } };
  },
});

async function programmeItemById(ctx: MutationContext, id: string) {
  const row = await ctx.tx
    .selectFrom('programme_items')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const partners = new Map<string, PartnerRef>();
  const found = await findPartners(ctx.tx, row.partner_id ? [row.partner_id] : []);
  for (const p of found.values()) partners.set(p.id, toPartnerRef(p));
  return toProgrammeItem(row, partners);
}

async function memberById(ctx: MutationContext, id: string) {
  const row = await ctx.tx
    .selectFrom('delegation_members')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const event = await itemEvent(ctx, row.event_id);
  return toMember(row, event);
}

async function giftById(ctx: MutationContext, id: string) {
  const row = await ctx.tx.selectFrom('gifts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Gift', id);
  return toGift(row);
}
