/**
 * What a partner briefing tells, read through the domains' queries: the partner and where it
 * is, its relationships, the last 24 months of activity, its agreements, open cases, letters
 * awaiting a reply, upcoming events and the people to know.
 *
 * A briefing is read before a meeting, so the long lists are bounded: the most recent
 * activity, the open cases due soonest and the letters waiting longest, each with the total it
 * was taken from (the document says "the 20 … of 153"). Open cases and waiting letters are
 * fetched only as far as they are printed; their totals come from the same queries.
 */
import type { AgreementSummary } from '../../../../shared/api/agreements.contract';
import type { Case } from '../../../../shared/api/cases.contract';
import type { Contact } from '../../../../shared/api/contacts.contract';
import type { EventSummary } from '../../../../shared/api/events.contract';
import type { LetterSummary } from '../../../../shared/api/letters.contract';
import type { Partner } from '../../../../shared/api/partners.contract';
import type { Relationship, TimelineItemKind } from '../../../../shared/api/relationships.contract';
import type { User } from '../../../../shared/api/system.contract';
import { addMonths } from '../../../../shared/dates/jalali';
import type { MapPoint } from './map-image';
import type { Reader } from './reader';

/** How far back the briefing's activity goes. */
export const TIMELINE_MONTHS = 24;
/** The most activity lines a briefing prints (the most recent); the rest is counted. */
export const TIMELINE_LIMIT = 30;
/** The most open cases (due soonest) and letters awaiting reply (waiting longest) it prints. */
export const URGENT_LIMIT = 20;
const LIST_LIMIT = 100;

export interface ActivityLine {
  id: string;
  date: string;
  /** A timeline item kind (TIMELINE_ITEM_KINDS). */
  kind: TimelineItemKind;
  title: string;
  reference: string | null;
}

export interface BriefingData {
  partner: Partner;
  /** Where the partner is: its own coordinates, or its parent's (a neighbourhood's city). */
  position: MapPoint | null;
  /** The office's own city, for the map. */
  home: MapPoint | null;
  relationships: Relationship[];
  /** The most recent TIMELINE_LIMIT lines of the period. */
  activity: ActivityLine[];
  /** Letters and events of the period in all, printed or not. */
  activityTotals: { letters: number; events: number };
  agreements: AgreementSummary[];
  /** The URGENT_LIMIT open cases due soonest. */
  openCases: Case[];
  openCasesTotal: number;
  /** The URGENT_LIMIT letters awaiting a reply that have waited longest. */
  awaitingReply: LetterSummary[];
  awaitingReplyTotal: number;
  upcomingEvents: EventSummary[];
  contacts: Contact[];
  preparedBy: User | null;
}

function pointOf(p: Pick<Partner, 'latitude' | 'longitude'>): MapPoint | null {
  return p.latitude !== null && p.longitude !== null
    ? { latitude: p.latitude, longitude: p.longitude }
    : null;
}

async function positionOf(reader: Reader, partner: Partner): Promise<MapPoint | null> {
  const own = pointOf(partner);
  if (own || !partner.parent) return own;
  return pointOf(await reader.query('partners.get', { id: partner.parent.id }));
}

/** The office's own city: the first own city with coordinates. */
async function homeOf(reader: Reader, partnerId: string): Promise<MapPoint | null> {
  const own = await reader.query('partners.list', { own: true, kind: 'city', limit: 10 });
  const city = own.items.find((p) => p.id !== partnerId && pointOf(p));
  return city ? pointOf(city) : null;
}

async function activityOf(
  reader: Reader,
  partnerId: string,
  relationships: readonly Relationship[],
  agreements: readonly AgreementSummary[],
  from: string,
  today: string,
): Promise<{ lines: ActivityLine[]; letters: number; events: number }> {
  const lines = new Map<string, ActivityLine>();
  const add = (line: ActivityLine) => {
    if (line.date >= from && line.date <= today && !lines.has(`${line.kind}:${line.id}`)) {
      lines.set(`${line.kind}:${line.id}`, line);
    }
  };
  for (const relationship of relationships) {
    const page = await reader.query('relationships.timeline', { id: relationship.id, limit: 500 });
    for (const item of page.items) {
      add({ id: item.id, date: item.date, kind: item.kind, title: item.title, reference: item.reference });
    }
  }
  // Only the most recent can be printed; the totals count the rest.
  const letters = await reader.query('letters.list', {
    partnerId,
    dateFrom: from,
    dateTo: today,
    limit: TIMELINE_LIMIT,
    sort: { by: 'letterDate', direction: 'desc' },
  });
  for (const l of letters.items) {
    add({
      id: l.id,
      date: l.letterDate,
      kind: `letter_${l.direction}`,
      title: l.subject,
      reference: l.number,
    });
  }
  const events = await reader.query('events.list', {
    partnerId,
    from,
    to: today,
    limit: TIMELINE_LIMIT,
    sort: { field: 'startDate', direction: 'desc' },
  });
  for (const e of events.items) {
    add({ id: e.id, date: e.startDate, kind: `event_${e.status}`, title: e.title, reference: null });
  }
  for (const a of agreements) {
    if (a.signedDate)
      add({ id: a.id, date: a.signedDate, kind: 'agreement_signed', title: a.title, reference: null });
  }
  const sorted = [...lines.values()].sort((a, b) =>
    a.date === b.date ? a.kind.localeCompare(b.kind) : a.date < b.date ? 1 : -1,
  );
  return { lines: sorted.slice(0, TIMELINE_LIMIT), letters: letters.total, events: events.total };
}

export async function briefingData(reader: Reader, partnerId: string, today: string): Promise<BriefingData> {
  const partner = await reader.query('partners.get', { id: partnerId });
  const relationships = (
    await reader.query('relationships.list', {
      partnerId,
      limit: LIST_LIMIT,
      sort: { field: 'establishedOn', direction: 'asc' },
    })
  ).items;
  const agreements = (
    await reader.query('agreements.list', {
      partnerId,
      limit: LIST_LIMIT,
      sort: { by: 'signedDate', direction: 'desc' },
    })
  ).items;
  const activity = await activityOf(
    reader,
    partnerId,
    relationships,
    agreements,
    addMonths(today, -TIMELINE_MONTHS, 'gregorian'),
    today,
  );
  const openCases = await reader.query('cases.list', {
    partnerId,
    openOnly: true,
    limit: URGENT_LIMIT,
    sort: { field: 'dueOn', direction: 'asc' },
  });
  const awaitingReply = await reader.query('letters.list', {
    partnerId,
    state: 'awaiting_reply',
    limit: URGENT_LIMIT,
    sort: { by: 'letterDate', direction: 'asc' },
  });
  return {
    partner,
    position: await positionOf(reader, partner),
    home: await homeOf(reader, partnerId),
    relationships,
    activity: activity.lines,
    activityTotals: { letters: activity.letters, events: activity.events },
    agreements,
    openCases: openCases.items,
    openCasesTotal: openCases.total,
    awaitingReply: awaitingReply.items,
    awaitingReplyTotal: awaitingReply.total,
    upcomingEvents: (
      await reader.query('events.list', {
        partnerId,
        from: today,
        statuses: ['planned', 'confirmed'],
        limit: LIST_LIMIT,
        sort: { field: 'startDate', direction: 'asc' },
      })
    ).items,
    contacts: (await reader.query('contacts.list', { partnerId, limit: LIST_LIMIT })).items,
    preparedBy: await reader.query('users.me', {}),
  };
}
