/**
 * Events as the contract answers them, and the passport rule: a passport must stay valid
 * for six months after the journey ends, or the member is flagged.
 */
import type { Kysely, Transaction } from 'kysely';
import { addMonths } from '../../../../shared/dates/jalali';
import {
  PASSPORT_MARGIN_MONTHS,
  type DelegationMember,
  type EventRecord,
  type EventSummary,
  type Gift,
  type ProgrammeItem,
} from '../../../../shared/api/events.contract';
import type { PartnerRef } from '../../../../shared/api/partners.contract';
import type { Database } from '../db/tables';
import { notFound } from '../errors';
import { findPartners } from '../partners/partners.repository';
import { toPartnerRef } from '../partners/partners.service';
import {
  answeredBy,
  countsFor,
  delegationOf,
  eventPartnerIds,
  findEvent,
  giftsOf,
  programmeOf,
} from './events.repository';
import type { DelegationMemberRow, EventRow, GiftRow, ProgrammeItemRow } from './events.table';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The passport warning for a member: missing when a journey is planned without a passport
 * expiry; expired when it ends before the journey does; expires_soon when it ends within
 * six months after the journey's last day.
 */
export function passportWarning(
  member: Pick<DelegationMemberRow, 'passport_expiry' | 'travel_to' | 'visa_status'>,
  eventEnd: string,
  needsPassport: boolean,
): DelegationMember['passportWarning'] {
  if (!needsPassport) return null;
  const travelEnd = member.travel_to ?? eventEnd;
  if (!member.passport_expiry) return 'missing';
  if (member.passport_expiry < travelEnd) return 'expired';
  if (member.passport_expiry < addMonths(travelEnd, PASSPORT_MARGIN_MONTHS, 'gregorian'))
    return 'expires_soon';
  return null;
}

/** Only journeys abroad need a passport: trips out, forums, weeks and visits — not hosting or online meetings. */
export function needsPassport(event: Pick<EventRow, 'kind' | 'our_role'>): boolean {
  return event.kind !== 'online_meeting' && event.kind !== 'incoming_delegation' && event.our_role !== 'host';
}

export function toProgrammeItem(
  row: ProgrammeItemRow,
  partners: ReadonlyMap<string, PartnerRef>,
): ProgrammeItem {
  return {
    id: row.id,
    eventId: row.event_id,
    title: row.title,
    type: row.type as ProgrammeItem['type'],
    date: row.date,
    startTime: row.start_time,
    endTime: row.end_time,
    venue: row.venue,
    responsible: row.responsible,
    partner: row.partner_id ? (partners.get(row.partner_id) ?? null) : null,
    status: row.status as ProgrammeItem['status'],
    notes: row.notes,
  };
}

export function toMember(row: DelegationMemberRow, event: EventRow): DelegationMember {
  return {
    id: row.id,
    eventId: row.event_id,
    name: row.name,
    position: row.position,
    internal: row.user_id !== null,
    userId: row.user_id,
    role: row.role as DelegationMember['role'],
    passportNumber: row.passport_number,
    passportExpiry: row.passport_expiry,
    visaStatus: row.visa_status as DelegationMember['visaStatus'],
    invitationLetterId: row.invitation_letter_id,
    travelFrom: row.travel_from,
    travelTo: row.travel_to,
    notes: row.notes,
    passportWarning: passportWarning(row, event.end_date, needsPassport(event)),
  };
}

export function toGift(row: GiftRow): Gift {
  return {
    id: row.id,
    eventId: row.event_id,
    direction: row.direction as Gift['direction'],
    description: row.description,
    giver: row.giver,
    receiver: row.receiver,
    date: row.date,
    estimatedValue: row.estimated_value,
    currency: row.currency,
    registryNumber: row.registry_number,
  };
}

async function partnerRefs(db: Db, ids: readonly (string | null)[]): Promise<Map<string, PartnerRef>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  const rows = await findPartners(db, wanted);
  return new Map([...rows.values()].map((row) => [row.id, toPartnerRef(row)]));
}

function summary(
  row: EventRow,
  partners: ReadonlyMap<string, PartnerRef>,
  programmeCount: number,
  members: readonly DelegationMember[],
): EventSummary {
  return {
    id: row.id,
    kind: row.kind as EventSummary['kind'],
    title: row.title,
    status: row.status as EventSummary['status'],
    startDate: row.start_date,
    endDate: row.end_date,
    ourRole: row.our_role as EventSummary['ourRole'],
    host: row.host_partner_id ? (partners.get(row.host_partner_id) ?? null) : null,
    venue: row.venue,
    registrationDeadline: row.registration_deadline,
    programmeCount,
    delegationCount: members.length,
    warningCount: members.filter((m) => m.passportWarning !== null || m.visaStatus === 'refused').length,
  };
}

export async function loadSummaries(db: Db, rows: readonly EventRow[]): Promise<EventSummary[]> {
  const { programme, members } = await countsFor(
    db,
    rows.map((r) => r.id),
  );
  const partners = await partnerRefs(
    db,
    rows.map((r) => r.host_partner_id),
  );
  return rows.map((row) =>
    summary(
      row,
      partners,
      programme.get(row.id) ?? 0,
      members.filter((m) => m.event_id === row.id).map((m) => toMember(m, row)),
    ),
  );
}

export async function loadEvent(db: Db, id: string): Promise<EventRecord> {
  const row = await findEvent(db, id);
  if (!row) throw notFound('Event', id);
  const [partnerIds, programme, delegation, gifts, answers] = await Promise.all([
    eventPartnerIds(db, id),
    programmeOf(db, id),
    delegationOf(db, id),
    giftsOf(db, id),
    answeredBy(db, id),
  ]);
  const reciprocal = row.reciprocal_event_id ? await findEvent(db, row.reciprocal_event_id) : undefined;
  const partners = await partnerRefs(db, [
    row.host_partner_id,
    row.organiser_partner_id,
    ...partnerIds,
    ...programme.map((p) => p.partner_id),
  ]);
  const members = delegation.map((m) => toMember(m, row));
  return {
    ...summary(row, partners, programme.length, members),
    organiser: row.organiser_partner_id ? (partners.get(row.organiser_partner_id) ?? null) : null,
    objectives: row.objectives,
    outcome: row.outcome,
    outcomeRecordedAt: row.outcome_recorded_at,
    reciprocal: reciprocal
      ? { id: reciprocal.id, title: reciprocal.title, startDate: reciprocal.start_date }
      : null,
    answeredBy: answers.map((a) => ({ id: a.id, title: a.title, startDate: a.start_date })),
    caseId: row.case_id,
    relationshipId: row.relationship_id,
    partners: partnerIds.map((pid) => partners.get(pid)).filter((p): p is PartnerRef => p !== undefined),
    programme: programme.map((p) => toProgrammeItem(p, partners)),
    delegation: members,
    gifts: gifts.map(toGift),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
