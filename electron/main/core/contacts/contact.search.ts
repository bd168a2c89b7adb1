/** Contacts as the search index sees them: names, title, position, addresses, their partner. */
import type { SearchSource } from '../search/search.indexer';

export const contactSearchSource: SearchSource = {
  type: 'contact',
  async load(db, ids) {
    if (ids.length === 0) return [];
    const rows = await db
      .selectFrom('contacts')
      .leftJoin('partners', 'partners.id', 'contacts.partner_id')
      .selectAll('contacts')
      .select(['partners.name_fa as partner_name_fa', 'partners.name_en as partner_name_en'])
      .where('contacts.id', 'in', ids)
      .execute();
    return rows.map((r) => ({
      type: 'contact',
      id: r.id,
      title: r.name_fa,
      body: [
        r.name_en,
        r.title,
        r.position,
        r.partner_name_fa,
        r.partner_name_en,
        ...(JSON.parse(r.emails) as string[]),
        ...(JSON.parse(r.phones) as string[]),
        r.notes,
      ]
        .filter(Boolean)
        .join('\n'),
      date: null,
    }));
  },
  async allIds(db, afterId, limit) {
    let q = db.selectFrom('contacts').select('id').orderBy('id').limit(limit);
    if (afterId !== null) q = q.where('id', '>', afterId);
    return (await q.execute()).map((r) => r.id);
  },
};
