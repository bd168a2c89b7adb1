/**
 * Letters as the search index reads them: the subject as title; the body, the register
 * number in both digit scripts, the sender's number, the parties and the copy recipients as
 * body text; the letter date as date.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/tables';
import type { SearchDocument, SearchSource } from '../search/search.indexer';
import { copiesOf, pageNames, type NameRow } from './letter-links.repository';
import { letterIdsAfter } from './letters.repository';
import type { LetterRow } from './letters.table';

type Db = Kysely<Database> | Transaction<Database>;

function nameText(row: NameRow | undefined): string[] {
  return row ? [row.name_fa, row.name_en ?? ''] : [];
}

/** The letter's columns the search text is made of, with its body. */
export type LetterSearchFields = Pick<
  LetterRow,
  | 'id'
  | 'number'
  | 'sender_number'
  | 'subject'
  | 'letter_date'
  | 'from_partner_id'
  | 'from_contact_id'
  | 'from_text'
  | 'to_partner_id'
  | 'to_contact_id'
  | 'to_text'
> & { body: string | null };

/** A copy recipient: a partner, a contact or typed text. */
export interface LetterParty {
  partnerId: string | null;
  contactId: string | null;
  text: string | null;
}

/**
 * A letter's search document, from its columns, its copy recipients and the names of the
 * partners and contacts they refer to. The one place its text is composed: the index source
 * (reading letters back) and a new registration (from what it wrote) both call it.
 */
export function letterSearchDocument(
  letter: LetterSearchFields,
  copies: readonly LetterParty[],
  names: { partners: ReadonlyMap<string, NameRow>; contacts: ReadonlyMap<string, NameRow> },
): SearchDocument {
  const party = (p: string | null, c: string | null, text: string | null): string[] => [
    ...(p ? nameText(names.partners.get(p)) : []),
    ...(c ? nameText(names.contacts.get(c)) : []),
    text ?? '',
  ];
  return {
    type: 'letter',
    id: letter.id,
    title: letter.subject,
    body: [
      letter.body ?? '',
      // The search key folds every digit script, so each number is written once.
      letter.number,
      letter.sender_number ?? '',
      ...party(letter.from_partner_id, letter.from_contact_id, letter.from_text),
      ...party(letter.to_partner_id, letter.to_contact_id, letter.to_text),
      ...copies.flatMap((c) => party(c.partnerId, c.contactId, c.text)),
    ]
      .filter((s) => s !== '')
      .join('\n'),
    date: letter.letter_date,
  };
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
    const names = await pageNames(db, [...partnerIds], [...contactIds], []);
    const partners = new Map(names.partners.map((n) => [n.id, n]));
    const contacts = new Map(names.contacts.map((n) => [n.id, n]));
    const copiesByLetter = new Map<string, LetterParty[]>();
    for (const c of copies) {
      const party = { partnerId: c.partner_id, contactId: c.contact_id, text: c.text };
      const own = copiesByLetter.get(c.letter_id);
      if (own) own.push(party);
      else copiesByLetter.set(c.letter_id, [party]);
    }
    return rows.map((r) => letterSearchDocument(r, copiesByLetter.get(r.id) ?? [], { partners, contacts }));
  },

  allIds: (db, afterId, limit) => letterIdsAfter(db, afterId, limit),
};
