/**
 * Events, their programme items and delegation members as the search index sees them. A
 * programme item or member is its own hit, so a search for a performer or a delegate's name
 * lands on the right line of the right event.
 */
import type { SearchSource } from '../search/search.indexer';

function pageOfIds(table: 'events' | 'programme_items' | 'delegation_members'): SearchSource['allIds'] {
  return async (db, afterId, limit) => {
    let q = db.selectFrom(table).select('id').orderBy('id').limit(limit);
    if (afterId !== null) q = q.where('id', '>', afterId);
    return (await q.execute()).map((r) => r.id);
  };
}

const lines = (parts: readonly (string | null | undefined)[]) => parts.filter(Boolean).join('\n');

export const eventSearchSource: SearchSource = {
  type: 'event',
  async load(db, ids) {
    if (ids.length === 0) return [];
    const rows = await db
      .selectFrom('events as e')
      .leftJoin('partners as h', 'h.id', 'e.host_partner_id')
      .leftJoin('partners as o', 'o.id', 'e.organiser_partner_id')
      .select([
        'e.id',
        'e.title',
        'e.venue',
        'e.objectives',
        'e.outcome',
        'e.start_date',
        'h.name_fa as host_fa',
        'h.name_en as host_en',
        'o.name_fa as organiser_fa',
        'o.name_en as organiser_en',
      ])
      .where('e.id', 'in', ids)
      .execute();
    return rows.map((r) => ({
      type: 'event',
      id: r.id,
      title: r.title,
      body: lines([r.venue, r.host_fa, r.host_en, r.organiser_fa, r.organiser_en, r.objectives, r.outcome]),
      date: r.start_date,
    }));
  },
  allIds: pageOfIds('events'),
};

export const programmeItemSearchSource: SearchSource = {
  type: 'programme_item',
  async load(db, ids) {
    if (ids.length === 0) return [];
    const rows = await db
      .selectFrom('programme_items as p')
      .innerJoin('events as e', 'e.id', 'p.event_id')
      .leftJoin('partners as pa', 'pa.id', 'p.partner_id')
      .select([
        'p.id',
        'p.title',
        'p.venue',
        'p.responsible',
        'p.notes',
        'p.date',
        'e.title as event_title',
        'pa.name_fa',
        'pa.name_en',
      ])
      .where('p.id', 'in', ids)
      .execute();
    return rows.map((r) => ({
      type: 'programme_item',
      id: r.id,
      title: r.title,
      body: lines([r.event_title, r.venue, r.responsible, r.name_fa, r.name_en, r.notes]),
      date: r.date,
    }));
  },
  allIds: pageOfIds('programme_items'),
};

export const delegationMemberSearchSource: SearchSource = {
  type: 'delegation_member',
  async load(db, ids) {
    if (ids.length === 0) return [];
    const rows = await db
      .selectFrom('delegation_members as m')
      .innerJoin('events as e', 'e.id', 'm.event_id')
      .select(['m.id', 'm.name', 'm.position', 'm.notes', 'e.title as event_title', 'e.start_date'])
      .where('m.id', 'in', ids)
      .execute();
    return rows.map((r) => ({
      type: 'delegation_member',
      id: r.id,
      title: r.name,
      // Passport numbers stay out of the index: they would show in every snippet.
      body: lines([r.position, r.event_title, r.notes]),
      date: r.start_date,
    }));
  },
  allIds: pageOfIds('delegation_members'),
};
