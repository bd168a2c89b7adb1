/** Partners as the search index sees them: every name, the country in both languages, notes. */
import { countryName } from '../../../../shared/geo/countries';
import type { SearchSource } from '../search/search.indexer';

export const partnerSearchSource: SearchSource = {
  type: 'partner',
  async load(db, ids) {
    if (ids.length === 0) return [];
    const rows = await db.selectFrom('partners').selectAll().where('id', 'in', ids).execute();
    return rows.map((r) => ({
      type: 'partner',
      id: r.id,
      title: r.name_fa,
      body: [
        r.name_en,
        r.name_native,
        r.country ? countryName(r.country, 'fa') : null,
        r.country ? countryName(r.country, 'en') : null,
        r.website,
        r.notes,
      ]
        .filter(Boolean)
        .join('\n'),
      date: null,
    }));
  },
  async allIds(db, afterId, limit) {
    let q = db.selectFrom('partners').select('id').orderBy('id').limit(limit);
    if (afterId !== null) q = q.where('id', '>', afterId);
    return (await q.execute()).map((r) => r.id);
  },
};
