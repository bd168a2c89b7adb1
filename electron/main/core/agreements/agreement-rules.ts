/**
 * The checks that need the database or the agreement's own state, after the contract has
 * checked the shape of the input: texts in exactly the agreement's languages, parties that
 * exist and sit on the right side, links that exist and agree with the parties, a notice
 * period shorter than the term. Every refusal is VALIDATION with the path of the field.
 */
import type { Kysely, Transaction } from 'kysely';
import type { LanguageTextsInput } from '../../../../shared/api/agreements.contract';
import type { LanguageCode, LanguageTexts } from '../../../../shared/agreements/languages';
import { termDates, type TermInput } from '../../../../shared/agreements/term';
import { cleanDisplayText } from '../../../../shared/text/persian';
import { sortKey } from '../../../../shared/text/sort-key';
import type { Database } from '../db/tables';
import { textFilterKey } from '../db/text-filter';
import { invalid } from '../errors';
import {
  caseExists,
  findPartnersForParties,
  findRelationshipParties,
  type PartyInput,
} from './agreements.repository';

type Db = Kysely<Database> | Transaction<Database>;
type Path = (string | number)[];

/** A title as stored: bidi overrides and controls removed, trimmed, not empty. */
export function cleanTitle(title: string, path: Path): string {
  const cleaned = cleanDisplayText(title).trim();
  if (cleaned === '') throw invalid('required', path);
  return cleaned;
}

/** Optional single-line text as stored: cleaned, trimmed, empty becomes null. */
export function cleanOptional(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const cleaned = cleanDisplayText(value).trim();
  return cleaned === '' ? null : cleaned;
}

/**
 * Texts that must be in exactly these languages (empty allowed while drafting), cleaned of
 * bidi overrides and control characters.
 */
export function cleanTexts(
  texts: LanguageTextsInput,
  languages: readonly LanguageCode[],
  path: Path,
): LanguageTexts {
  const given = (Object.keys(texts) as LanguageCode[]).filter((k) => texts[k] !== undefined);
  const extra = given.filter((l) => !languages.includes(l));
  const missing = languages.filter((l) => !given.includes(l));
  if (extra.length > 0 || missing.length > 0) {
    throw invalid(
      `give the text in exactly the agreement's languages (${languages.join(', ')})` +
        (extra.length > 0 ? `; not in ${extra.join(', ')}` : '') +
        (missing.length > 0 ? `; missing ${missing.join(', ')}` : ''),
      path,
    );
  }
  return Object.fromEntries(languages.map((l) => [l, cleanDisplayText(texts[l] ?? '')])) as LanguageTexts;
}

/**
 * Texts of any languages (the clause library), cleaned; blank languages are dropped.
 * Persian comes first, then the others in code order.
 */
export function cleanAnyTexts(texts: LanguageTextsInput): LanguageTexts {
  const out: LanguageTexts = {};
  const languages = (Object.keys(texts) as LanguageCode[]).sort((a, b) =>
    a === 'fa' ? -1 : b === 'fa' ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );
  for (const language of languages) {
    const value = texts[language];
    if (value === undefined) continue;
    const cleaned = cleanDisplayText(value);
    if (cleaned.trim() !== '') out[language] = cleaned;
  }
  return out;
}

/** Empty text in each language. */
export function emptyTexts(languages: readonly LanguageCode[]): LanguageTexts {
  return Object.fromEntries(languages.map((l) => [l, ''])) as LanguageTexts;
}

/** The same texts in a new list of languages: kept where the language stays, empty where new. */
export function rekeyTexts(texts: LanguageTexts, languages: readonly LanguageCode[]): LanguageTexts {
  return Object.fromEntries(languages.map((l) => [l, texts[l] ?? ''])) as LanguageTexts;
}

interface PartyFields {
  partnerId: string;
  signatoryName?: string | null | undefined;
  signatoryPosition?: string | null | undefined;
}

/**
 * Our own unit must be a partner flagged own (the city or one of its neighbourhoods); the
 * partners must exist and be outside the city. Answers the parties in storage order.
 */
export async function checkParties(
  db: Db,
  ownUnit: PartyFields,
  partners: PartyFields[],
): Promise<PartyInput[]> {
  const found = new Map(
    (await findPartnersForParties(db, [ownUnit.partnerId, ...partners.map((p) => p.partnerId)])).map((p) => [
      p.id,
      p.own,
    ]),
  );
  const ownFlag = found.get(ownUnit.partnerId);
  if (ownFlag === undefined) throw invalid('no such partner', ['ownUnit', 'partnerId']);
  if (ownFlag !== 1)
    throw invalid('not one of our own units (the city or its neighbourhoods)', ['ownUnit', 'partnerId']);
  partners.forEach((p, i) => {
    const flag = found.get(p.partnerId);
    if (flag === undefined) throw invalid('no such partner', ['partners', i, 'partnerId']);
    if (flag === 1)
      throw invalid('one of our own units cannot be a partner here', ['partners', i, 'partnerId']);
  });
  const toParty = (p: PartyFields, own: boolean): PartyInput => ({
    partnerId: p.partnerId,
    own,
    signatoryName: cleanOptional(p.signatoryName),
    signatoryPosition: cleanOptional(p.signatoryPosition),
  });
  return [toParty(ownUnit, true), ...partners.map((p) => toParty(p, false))];
}

/** The linked relationship and case must exist; the relationship must be with one of the partners. */
export async function checkLinks(
  db: Db,
  relationshipId: string | null,
  caseId: string | null,
  parties: readonly PartyInput[],
): Promise<void> {
  if (relationshipId !== null) {
    const relationship = await findRelationshipParties(db, relationshipId);
    if (!relationship) throw invalid('no such relationship', ['relationshipId']);
    if (!parties.some((p) => !p.own && p.partnerId === relationship.partner_id)) {
      throw invalid('the relationship is with a partner who is not a party to this agreement', [
        'relationshipId',
      ]);
    }
  }
  if (caseId !== null && !(await caseExists(db, caseId))) throw invalid('no such case', ['caseId']);
}

/** A notice period must end inside the term it gives notice of. */
export function checkTerm(term: TermInput): void {
  if (
    term.termYears !== null &&
    term.renewalNoticeMonths !== null &&
    term.renewalNoticeMonths >= term.termYears * 12
  ) {
    throw invalid('the renewal notice period must be shorter than the term', ['renewalNoticeMonths']);
  }
}

/** The columns computed from the rest, rewritten on every change. */
export function derivedColumns(
  title: string,
  preamble: LanguageTexts,
  term: TermInput,
): { expiry_date: string | null; reminder_date: string | null; search_key: string; sort_key: string } {
  const dates = termDates(term);
  return {
    expiry_date: dates.expiryDate,
    reminder_date: dates.reminderDate,
    search_key: textFilterKey([title, ...Object.values(preamble)]),
    sort_key: sortKey(title),
  };
}
