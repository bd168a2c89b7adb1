/**
 * What a letter has many of: references to earlier letters, copy recipients, linked
 * partners and referrals. Readers take many letter ids at once, so a page of letters costs
 * one query per table, never one per letter.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/tables';
import { newId } from '../ids';
import type { InsertableLetterReferralRow, LetterCopyRow, LetterReferenceRow } from './letters.table';

type Db = Kysely<Database> | Transaction<Database>;

export interface ReferenceInput {
  targetId: string;
  kind: string;
}

export interface CopyInput {
  partnerId: string | null;
  contactId: string | null;
  text: string | null;
  purpose: string;
}

/** A referral with the name of the user it went to. */
export interface ReferralWithUser {
  id: string;
  letter_id: string;
  to_user_id: string;
  to_user_name: string;
  to_user_name_en: string | null;
  instruction: string | null;
  due_date: string | null;
  referred_by: string;
  referred_at: string;
}

/** A reference joined with the letter at its other end. */
export interface LinkedLetterRow {
  letter_id: string;
  target_id: string;
  kind: string;
  other_id: string;
  other_direction: string;
  other_number: string;
  other_letter_date: string;
  other_subject: string;
}

export interface ReplaceOptions {
  /** The letter was inserted in this transaction: there is nothing to remove first. */
  fresh?: boolean;
}

export interface NameRow {
  id: string;
  name_fa: string;
  name_en: string | null;
}

/** A letter as another letter's reference shows it. */
export interface ReferableLetterRow {
  id: string;
  direction: string;
  number: string;
  letter_date: string;
  subject: string;
}

/** These letters as references show them (those that exist), in no particular order. */
export async function referableLetters(db: Db, ids: readonly string[]): Promise<ReferableLetterRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('letters')
    .select(['id', 'direction', 'number', 'letter_date', 'subject'])
    .where('id', 'in', [...ids])
    .execute();
}

/** The letters this letter references, before a change (so their state can follow). */
export async function referenceTargets(db: Db, letterId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('letter_references')
    .select('target_id')
    .where('letter_id', '=', letterId)
    .execute();
  return rows.map((r) => r.target_id);
}

/** Replaces the references of a letter, keeping the order given. */
export async function replaceReferences(
  tx: Transaction<Database>,
  letterId: string,
  references: readonly ReferenceInput[],
  options: ReplaceOptions = {},
): Promise<void> {
  if (!options.fresh) await tx.deleteFrom('letter_references').where('letter_id', '=', letterId).execute();
  if (references.length === 0) return;
  await tx
    .insertInto('letter_references')
    .values(
      references.map((r, position) => ({
        letter_id: letterId,
        target_id: r.targetId,
        kind: r.kind,
        position,
      })),
    )
    .execute();
}

/** What these letters reference, with the referenced letters' number, date and subject. */
export async function referencesFrom(db: Db, letterIds: readonly string[]): Promise<LinkedLetterRow[]> {
  if (letterIds.length === 0) return [];
  return db
    .selectFrom('letter_references as r')
    .innerJoin('letters as o', 'o.id', 'r.target_id')
    .select([
      'r.letter_id',
      'r.target_id',
      'r.kind',
      'o.id as other_id',
      'o.direction as other_direction',
      'o.number as other_number',
      'o.letter_date as other_letter_date',
      'o.subject as other_subject',
    ])
    .where('r.letter_id', 'in', [...letterIds])
    .orderBy('r.letter_id')
    .orderBy('r.position')
    .execute();
}

/** What references these letters, with the referencing letters' number, date and subject. */
export async function referencesTo(db: Db, letterIds: readonly string[]): Promise<LinkedLetterRow[]> {
  if (letterIds.length === 0) return [];
  return db
    .selectFrom('letter_references as r')
    .innerJoin('letters as o', 'o.id', 'r.letter_id')
    .select([
      'r.letter_id',
      'r.target_id',
      'r.kind',
      'o.id as other_id',
      'o.direction as other_direction',
      'o.number as other_number',
      'o.letter_date as other_letter_date',
      'o.subject as other_subject',
    ])
    .where('r.target_id', 'in', [...letterIds])
    .orderBy('o.letter_date')
    .orderBy('o.id')
    .execute();
}

/** Every reference between letters of this set (the links of a thread). */
export async function referencesAmong(db: Db, letterIds: readonly string[]): Promise<LetterReferenceRow[]> {
  if (letterIds.length === 0) return [];
  const ids = [...letterIds];
  return db
    .selectFrom('letter_references')
    .selectAll()
    .where('letter_id', 'in', ids)
    .where('target_id', 'in', ids)
    .orderBy('letter_id')
    .orderBy('position')
    .execute();
}

/** Replaces the copy recipients (رونوشت) of a letter, keeping the order given. */
export async function replaceCopies(
  tx: Transaction<Database>,
  letterId: string,
  copies: readonly CopyInput[],
  options: ReplaceOptions = {},
): Promise<void> {
  if (!options.fresh) await tx.deleteFrom('letter_copies').where('letter_id', '=', letterId).execute();
  if (copies.length === 0) return;
  await tx
    .insertInto('letter_copies')
    .values(
      copies.map((c, position) => ({
        id: newId(),
        letter_id: letterId,
        position,
        partner_id: c.partnerId,
        contact_id: c.contactId,
        text: c.text,
        purpose: c.purpose,
      })),
    )
    .execute();
}

/** The copy recipients of these letters, in their order. */
export async function copiesOf(db: Db, letterIds: readonly string[]): Promise<LetterCopyRow[]> {
  if (letterIds.length === 0) return [];
  return db
    .selectFrom('letter_copies')
    .selectAll()
    .where('letter_id', 'in', [...letterIds])
    .orderBy('letter_id')
    .orderBy('position')
    .execute();
}

/** The partners a user linked to the letter (not those linked only as sender or addressee). */
export async function explicitPartnerIds(db: Db, letterId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('letter_partners')
    .select('partner_id')
    .where('letter_id', '=', letterId)
    .where('explicit', '=', 1)
    .execute();
  return rows.map((r) => r.partner_id);
}

/** Links the letter to the partners a user chose and to its sender's and addressee's partners. */
export async function replacePartners(
  tx: Transaction<Database>,
  letterId: string,
  explicit: readonly string[],
  parties: readonly string[],
  options: ReplaceOptions = {},
): Promise<void> {
  if (!options.fresh) await tx.deleteFrom('letter_partners').where('letter_id', '=', letterId).execute();
  const rows = new Map<string, number>();
  for (const id of parties) rows.set(id, 0);
  for (const id of explicit) rows.set(id, 1);
  if (rows.size === 0) return;
  await tx
    .insertInto('letter_partners')
    .values([...rows].map(([partner_id, flag]) => ({ letter_id: letterId, partner_id, explicit: flag })))
    .execute();
}

/** Every partner linked to these letters, whether by a user or as sender or addressee. */
export async function partnersOf(
  db: Db,
  letterIds: readonly string[],
): Promise<{ letter_id: string; partner_id: string }[]> {
  if (letterIds.length === 0) return [];
  return db
    .selectFrom('letter_partners')
    .select(['letter_id', 'partner_id'])
    .where('letter_id', 'in', [...letterIds])
    .orderBy('letter_id')
    .orderBy('partner_id')
    .execute();
}

/** Appends a referral to the letter's history and makes it the current one. */
export async function insertReferral(
  tx: Transaction<Database>,
  row: InsertableLetterReferralRow,
): Promise<void> {
  await tx.insertInto('letter_referrals').values(row).execute();
  await tx
    .updateTable('letters')
    .set({ current_referral_id: row.id, referred_to_user_id: row.to_user_id })
    .where('id', '=', row.letter_id)
    .execute();
}

const REFERRAL_COLUMNS = [
  'f.id',
  'f.letter_id',
  'f.to_user_id',
  'u.name_fa as to_user_name',
  'u.name_en as to_user_name_en',
  'f.instruction',
  'f.due_date',
  'f.referred_by',
  'f.referred_at',
] as const;

/** The whole referral history of these letters, oldest first. */
export async function referralsOf(db: Db, letterIds: readonly string[]): Promise<ReferralWithUser[]> {
  if (letterIds.length === 0) return [];
  return db
    .selectFrom('letter_referrals as f')
    .innerJoin('users as u', 'u.id', 'f.to_user_id')
    .select(REFERRAL_COLUMNS)
    .where('f.letter_id', 'in', [...letterIds])
    .orderBy('f.letter_id')
    .orderBy('f.referred_at')
    .orderBy('f.id')
    .execute();
}

/** A contact's name, with the partner the contact works at. */
export type ContactNameRow = NameRow & { partner_id: string | null };

/** The names and current referrals a page of letters shows. */
export interface PageNames {
  partners: NameRow[];
  contacts: ContactNameRow[];
  referrals: ReferralWithUser[];
}

/**
 * The names of these partners and contacts and these referrals (the current referrals of a
 * page of letters) with the name of the user each went to, in one statement: a page names up
 * to a hundred of each, and each statement is a hand-over to SQLite's thread (two cost 0.6 ms
 * more at 1×). A registration's checks and the search's names ask for no referrals.
 */
export async function pageNames(
  db: Db,
  partnerIds: readonly string[],
  contactIds: readonly string[],
  referralIds: readonly string[],
): Promise<PageNames> {
  const found: PageNames = { partners: [], contacts: [], referrals: [] };
  if (partnerIds.length === 0 && contactIds.length === 0 && referralIds.length === 0) return found;
  const { rows } = await pageNamesQuery(partnerIds, contactIds, referralIds).execute(db);
  for (const row of rows) {
    const { id, name_fa, name_en } = row;
    if (row.kind === 'partner') found.partners.push({ id, name_fa, name_en });
    else if (row.kind === 'contact')
      found.contacts.push({ id, name_fa, name_en, partner_id: row.partner_id });
    else
      found.referrals.push({
        id,
        letter_id: row.letter_id!,
        to_user_id: row.to_user_id!,
        to_user_name: name_fa,
        to_user_name_en: name_en,
        instruction: row.instruction,
        due_date: row.due_date,
        referred_by: row.referred_by!,
        referred_at: row.referred_at!,
      });
  }
  return found;
}

/** A row of pageNamesQuery: a partner, a contact or a referral (its user's name as the name). */
interface PageNameRow extends NameRow {
  kind: 'partner' | 'contact' | 'referral';
  partner_id: string | null;
  letter_id: string | null;
  to_user_id: string | null;
  instruction: string | null;
  due_date: string | null;
  referred_by: string | null;
  referred_at: string | null;
}

/**
 * The statement of pageNames, exported so tests can EXPLAIN it. The ids go in as JSON arrays,
 * so its text is the same for every page and stays prepared (the referrals' `IN (?, ?, …)`
 * had another text for each count of referrals on a page).
 */
export function pageNamesQuery(
  partnerIds: readonly string[],
  contactIds: readonly string[],
  referralIds: readonly string[],
) {
  return sql<PageNameRow>`
    SELECT 'partner' AS kind, id, name_fa, name_en, NULL AS partner_id, NULL AS letter_id,
        NULL AS to_user_id, NULL AS instruction, NULL AS due_date, NULL AS referred_by,
        NULL AS referred_at
      FROM partners WHERE id IN (SELECT value FROM json_each(${JSON.stringify(partnerIds)}))
    UNION ALL
    SELECT 'contact', id, name_fa, name_en, partner_id, NULL, NULL, NULL, NULL, NULL, NULL
      FROM contacts WHERE id IN (SELECT value FROM json_each(${JSON.stringify(contactIds)}))
    UNION ALL
    SELECT 'referral', f.id, u.name_fa, u.name_en, NULL, f.letter_id, f.to_user_id,
        f.instruction, f.due_date, f.referred_by, f.referred_at
      FROM letter_referrals AS f JOIN users AS u ON u.id = f.to_user_id
      WHERE f.id IN (SELECT value FROM json_each(${JSON.stringify(referralIds)}))`;
}

/** Which of these ids exist in a table a letter links to. */
export async function existingIds(
  db: Db,
  table: 'partners' | 'contacts' | 'cases' | 'relationships',
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom(table)
    .select('id')
    .where('id', 'in', [...ids])
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** The letters whose sender, addressee, linked partners or copy recipients include the partner. */
export async function letterIdsOfPartner(db: Db, partnerId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('letter_partners')
    .select('letter_id')
    .where('partner_id', '=', partnerId)
    .union(db.selectFrom('letter_copies').select('letter_id').where('partner_id', '=', partnerId))
    .execute();
  return rows.map((r) => r.letter_id);
}
