/** Cases as the search index sees them: title, description, tags and linked partners' names. */
import type { SearchSource } from '../search/search.indexer';

export const caseSearchSource: SearchSource = {
  type: 'case',
  async load(db, ids) {
    if (ids.length === 0) return [];
    const rows = await db
      .selectFrom('cases')
      .select(['id', 'title', 'description', 'opened_on'])
      .where('id', 'in', ids)
      .execute();
    const tags = await db
      .selectFrom('case_tags')
      .select(['case_id', 'tag'])
      .where('case_id', 'in', ids)
      .execute();
    const partners = await db
      .selectFrom('case_partners')
      .innerJoin('partners', 'partners.id', 'case_partners.partner_id')
      .select(['case_partners.case_id', 'partners.name_fa', 'partners.name_en'])
      .where('case_partners.case_id', 'in', ids)
      .execute();
    return rows.map((r) => ({
      type: 'case',
      id: r.id,
      title: r.title,
      body: [
        r.description,
        ...tags.filter((t) => t.case_id === r.id).map((t) => t.tag),
        ...partners.filter((p) => p.case_id === r.id).flatMap((p) => [p.name_fa, p.name_en]),
      ]
        .filter(Boolean)
        .join('\n'),
      date: r.opened_on,
    }));
  },
  async allIds(db, afterId, limit) {
    let q = db.selectFrom('cases').select('id').orderBy('id').limit(limit);
    if (afterId !== null) q = q.where('id', '>', afterId);
    return (await q.execute()).map((r) => r.id);
  },
};
