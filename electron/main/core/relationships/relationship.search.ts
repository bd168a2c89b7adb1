/** Relationships as the search index sees them: both sides' names, the partner's country, notes. */
import { countryName } from '../../../../shared/geo/countries';
import type { SearchSource } from '../search/search.indexer';

export const relationshipSearchSource: SearchSource = {
  type: 'relationship',
  async load(db, ids) {
    if (ids.length === 0) return [];
    const rows = await db
      .selectFrom('relationships')
      .innerJoin('partners as partner', 'partner.id', 'relationships.partner_id')
      .innerJoin('partners as unit', 'unit.id', 'relationships.own_unit_id')
      .select([
        'relationships.id',
        'relationships.notes',
        'relationships.established_on',
        'partner.name_fa as partner_fa',
        'partner.name_en as partner_en',
        'partner.name_native as partner_native',
        'partner.country as country',
        'unit.name_fa as unit_fa',
        'unit.name_en as unit_en',
      ])
      .where('relationships.id', 'in', ids)
      .execute();
    return rows.map((r) => ({
      type: 'relationship',
      id: r.id,
      title: `${r.unit_fa} — ${r.partner_fa}`,
      body: [
        r.partner_en,
        r.partner_native,
        r.unit_en,
        r.country ? countryName(r.country, 'fa') : null,
        r.country ? countryName(r.country, 'en') : null,
        r.notes,
      ]
        .filter(Boolean)
        .join('\n'),
      date: r.established_on,
    }));
  },
  async allIds(db, afterId, limit) {
    let q = db.selectFrom('relationships').select('id').orderBy('id').limit(limit);
    if (afterId !== null) q = q.where('id', '>', afterId);
    return (await q.execute()).map((r) => r.id);
  },
};
