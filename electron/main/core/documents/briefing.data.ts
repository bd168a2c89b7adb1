/**
 * What a partner briefing tells, read through the domains' queries: the partner and where it
 * is, its relationships, the last 24 months of activity, its agreements, open cases, letters
 * awaiting a reply, upcoming events and the people to know.
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
/** The most activity lines a briefing prints; the rest is counted. */
export const TIMELINE_LIMIT = 80;
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
  activity: ActivityLine[];
  /** Activity lines beyond TIMELINE_LIMIT, not printed. */
  moreActivity: number;
  agreements: AgreementSummary[];
  openCases: Case[];
  awaitingReply: LetterSummary[];
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
): Promise<ActivityLine[]> {
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
  const letters = await reader.query('letters.list', {
    partnerId,
    dateFrom: from,
    dateTo: today,
    limit: 500,
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
  const events = await reader.query('events.list', { partnerId, from, to: today, limit: 200 });
  for (const e of events.items) {
    add({ id: e.id, date: e.startDate, kind: `event_${e.status}`, title: e.title, reference: null });
  }
  for (const a of agreements) {
    if (a.signedDate)
      add({ id: a.id, date: a.signedDate, kind: 'agreement_signed', title: a.title, reference: null });
  }
  return [...lines.values()].sort((a, b) =>
    a.date === b.date ? a.kind.localeCompare(b.kind) : a.date < b.date ? 1 : -1,
  );
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
  return {
    partner,
    position: await positionOf(reader, partner),
    home: await homeOf(reader, partnerId),
    relationships,
    activity: activity.slice(0, TIMELINE_LIMIT),
    moreActivity: Math.max(0, activity.length - TIMELINE_LIMIT),
    agreements,
    openCases: (
      await reader.query('cases.list', {
        partnerId,
        openOnly: true,
        limit: LIST_LIMIT,
        sort: { field: 'dueOn', direction: 'asc' },
      })
    ).items,
    awaitingReply: (
      await reader.query('letters.list', {
        partnerId,
        state: 'awaiting_reply',
        limit: LIST_LIMIT,
        sort: { by: 'letterDate', direction: 'asc' },
      })
    ).items,
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
