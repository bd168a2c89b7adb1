/**
 * Letters as the search index reads them: the subject as title; the body, the register
 * number in both digit scripts, the sender's number, the parties and the copy recipients as
 * body text; the letter date as date.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/tables';
import type { SearchDocument, SearchSource } from '../search/search.indexer';
import { contactNames, copiesOf, partnerNames, type NameRow } from './letter-links.repository';
import { letterIdsAfter } from './letters.repository';

type Db = Kysely<Database> | Transaction<Database>;

function nameText(row: NameRow | undefined): string[] {
  return row ? [row.name_fa, row.name_en ?? ''] : [];
}

export const letterSearchSource: SearchSource = {
  type: 'letter',

  async load(db: Db, ids: readonly string[]): Promise<SearchDocument[]> {
    if (ids.length === 0) return [];
    const rows = await db
      .selectFrom('letters')
      .leftJoin('letter_bodies', 'letter_bodies.letter_id', 'letters.id')
      .select([
        'letters.id',
        'letters.number',
        'letters.sender_number',
        'letters.subject',
        'letter_bodies.body',
        'letters.letter_date',
        'letters.from_partner_id',
        'letters.from_contact_id',
        'letters.from_text',
        'letters.to_partner_id',
        'letters.to_contact_id',
        'letters.to_text',
      ])
      .where('letters.id', 'in', [...ids])
      .execute();
    const copies = await copiesOf(
      db,
      rows.map((r) => r.id),
    );
    const partnerIds = new Set<string>();
    const contactIds = new Set<string>();
    for (const r of [
      ...rows.map((r) => ({ p: r.from_partner_id, c: r.from_contact_id })),
      ...rows.map((r) => ({ p: r.to_partner_id, c: r.to_contact_id })),
      ...copies.map((c) => ({ p: c.partner_id, c: c.contact_id })),
    ]) {
      if (r.p) partnerIds.add(r.p);
      if (r.c) contactIds.add(r.c);
    }
    const partners = new Map((await partnerNames(db, [...partnerIds])).map((n) => [n.id, n]));
    const contacts = new Map((await contactNames(db, [...contactIds])).map((n) => [n.id, n]));
    const party = (p: string | null, c: string | null, text: string | null): string[] => [
      ...(p ? nameText(partners.get(p)) : []),
      ...(c ? nameText(contacts.get(c)) : []),
      text ?? '',
    ];
    return rows.map((r) => ({
      type: 'letter',
      id: r.id,
      title: r.subject,
      body: [
        r.body ?? '',
        // The search key folds every digit script, so each number is written once.
        r.number,
        r.sender_number ?? '',
        ...party(r.from_partner_id, r.from_contact_id, r.from_text),
        ...party(r.to_partner_id, r.to_contact_id, r.to_text),
        ...copies
          .filter((c) => c.letter_id === r.id)
          .flatMap((c) => party(c.partner_id, c.contact_id, c.text)),
      ]
        .filter((s) => s !== '')
        .join('\n'),
      date: r.letter_date,
    }));
  },

  allIds: (db, afterId, limit) => letterIdsAfter(db, afterId, limit),
};
