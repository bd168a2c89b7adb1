/**
 * Agreements as the search index reads them: the title, and the preamble and every clause
 * in every language of the working text, so a search for a phrase in Russian finds the
 * Kazan agreement as readily as one in Persian.
 */
import type { LanguageCode } from '../../../../shared/agreements/languages';
import type { SearchSource } from '../search/search.indexer';
import { listClausesOf } from './agreement-clauses.repository';
import { languagesOf, parseTexts } from './agreements.service';

export const agreementSearchSource: SearchSource = {
  type: 'agreement',

  async load(db, ids) {
    if (ids.length === 0) return [];
    const rows = await db.selectFrom('agreements').selectAll().where('id', 'in', ids).execute();
    const clauses = await listClausesOf(
      db,
      rows.map((r) => r.id),
    );
    const clausesOf = new Map<string, string[]>();
    for (const clause of clauses) {
      const list = clausesOf.get(clause.agreement_id) ?? [];
      list.push(clause.texts);
      clausesOf.set(clause.agreement_id, list);
    }
    return rows.map((row) => {
      const languages: LanguageCode[] = languagesOf(row);
      const parts = [...Object.values(parseTexts(row.preamble, languages))];
      for (const texts of clausesOf.get(row.id) ?? [])
        parts.push(...Object.values(parseTexts(texts, languages)));
      return {
        type: 'agreement',
        id: row.id,
        title: row.title,
        body: parts.filter((p) => p.trim() !== '').join('\n'),
        date: row.signed_date ?? row.created_at.slice(0, 10),
      };
    });
  },

  async allIds(db, afterId, limit) {
    let q = db.selectFrom('agreements').select('id').orderBy('id').limit(limit);
    if (afterId !== null) q = q.where('id', '>', afterId);
    return (await q.execute()).map((r) => r.id);
  },
};
