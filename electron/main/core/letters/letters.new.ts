/**
 * A new letter in three steps that a single registration (createLetter) and a batch of
 * thousands (LetterBatch, for an import) share: the checks, which write nothing; the
 * register row once a number is known; and the answer and audit change, built from what was
 * written instead of read back.
 */
import type { z } from 'zod';
import type { Letter, letterCreateInput } from '../../../../shared/api/letters.contract';
import type { Settings } from '../../../../shared/api/settings.schema';
import type { MutationContext, Mutated } from '../context';
import { invalid } from '../errors';
import { newId } from '../ids';
import {
  checkDates,
  checkReferences,
  clean,
  cleanSubject,
  copyInputs,
  letterSearchKey,
  oneOf,
  resolveLinks,
  type KnownNames,
  type Party,
} from './letter-checks';
import type { CopyInput, ReferableLetterRow, ReferenceInput } from './letter-links.repository';
import type { SearchDocument } from '../search/search.indexer';
import { letterSearchDocument } from './letter.search';
import { newLetter } from './letters.read';
import type { LetterRow } from './letters.table';
import type { AllocatedNumber } from './register-number';

export type CreateInput = z.output<typeof letterCreateInput>;

/** What the letter functions need of a call (see LetterWriteContext in letters.service.ts). */
type WriteContext = Pick<MutationContext, 'tx' | 'nowIso' | 'actor' | 'touch'>;

/** The numbering columns, known once a number is taken. */
type NumberColumns = 'secretariat' | 'jalali_year' | 'seq' | 'number' | 'search_key';

/** A letter that passed every check, before its number is taken; nothing is written yet. */
export interface CheckedLetter {
  row: Omit<LetterRow, NumberColumns>;
  secretariat: string;
  body: string | null;
  references: ReferenceInput[];
  referable: Map<string, ReferableLetterRow>;
  copies: CopyInput[];
  /** Partners chosen by the user. */
  explicitPartnerIds: readonly string[];
  /** The sender's and addressee's partners. */
  sides: string[];
  names: KnownNames;
}

/** Runs every check of a new letter; reads what it must (names, references), writes nothing. */
export async function checkNewLetter(
  ctx: WriteContext,
  input: CreateInput,
  settings: Settings,
  names?: KnownNames,
): Promise<CheckedLetter> {
  const { tx } = ctx;
  const classifications = settings['letters.classifications'];
  const urgencies = settings['letters.urgencies'];
  const classification = oneOf(
    input.classification ?? classifications[0]!,
    classifications,
    'classification',
    'classifications',
  );
  const urgency = oneOf(input.urgency ?? urgencies[0]!, urgencies, 'urgency', 'urgencies');
  const senderNumber = clean(input.senderNumber);
  const senderDate = input.senderDate ?? null;
  const followUpDate = input.followUpDate ?? null;
  checkDates(input.direction, input.letterDate, followUpDate, { number: senderNumber, date: senderDate });
  const subject = cleanSubject(input.subject);
  const secretariat = clean(input.secretariat) ?? clean(settings['letters.secretariat']) ?? 'main';
  const referable = await checkReferences(tx, null, input.references);
  const resolved = await resolveLinks(
    tx,
    {
      parties: [input.from, input.to],
      copies: input.copies,
      partnerIds: input.partnerIds,
      caseId: input.caseId,
      relationshipId: input.relationshipId,
    },
    names,
  );
  const [from, to] = resolved.parties as [Party, Party];
  const needsReply = input.needsReply ?? input.direction === 'incoming';
  return {
    row: {
      id: newId(),
      direction: input.direction,
      registered_at: ctx.nowIso,
      letter_date: input.letterDate,
      sender_number: senderNumber,
      sender_date: senderDate,
      from_partner_id: from.partnerId,
      from_contact_id: from.contactId,
      from_text: from.text,
      to_partner_id: to.partnerId,
      to_contact_id: to.contactId,
      to_text: to.text,
      subject,
      language: input.language,
      classification,
      urgency,
      channel: input.channel ?? null,
      attachments_count: input.attachmentsCount,
      needs_reply: needsReply ? 1 : 0,
      follow_up_date: followUpDate,
      state: needsReply ? 'awaiting_reply' : 'none',
      closed_at: null,
      close_note: null,
      case_id: input.caseId ?? null,
      relationship_id: input.relationshipId ?? null,
      current_referral_id: null,
      referred_to_user_id: null,
      created_at: ctx.nowIso,
      updated_at: ctx.nowIso,
    },
    secretariat,
    body: clean(input.body),
    references: input.references.map((r) => ({ targetId: r.letterId, kind: r.kind })),
    referable,
    copies: copyInputs(input.copies),
    explicitPartnerIds: input.partnerIds,
    sides: resolved.parties.flatMap((p) => (p.partnerId ? [p.partnerId] : [])),
    names: resolved.names,
  };
}

/** A given number must be of the letter's own secretariat (its year is checked when taken). */
export function checkGivenNumber(checked: CheckedLetter, given: AllocatedNumber): void {
  if (given.secretariat !== checked.secretariat) {
    throw invalid(`The number is of the secretariat ${given.secretariat}, not ${checked.secretariat}.`, [
      'number',
    ]);
  }
}

/** The register row of a checked letter under its number. */
export function registeredRow(checked: CheckedLetter, registered: AllocatedNumber): LetterRow {
  return {
    ...checked.row,
    secretariat: registered.secretariat,
    jalali_year: registered.jalaliYear,
    seq: registered.seq,
    number: registered.number,
    search_key: letterSearchKey(checked.row.subject, registered.number, checked.row.sender_number),
  };
}

/** The new letter as the search index reads it (letter.search.ts), built from what was written. */
export function newLetterSearchDocument(checked: CheckedLetter, row: LetterRow): SearchDocument {
  return letterSearchDocument({ ...row, body: checked.body }, checked.copies, checked.names);
}

/**
 * Answers the letter and its audit change (a creation); tells the search index unless the
 * caller already indexed it (`indexed`).
 */
export function newLetterDone(
  ctx: WriteContext,
  checked: CheckedLetter,
  row: LetterRow,
  indexed = false,
): Mutated<Letter> {
  if (!indexed) ctx.touch('letter', row.id);
  const after = newLetter({
    row,
    body: checked.body,
    names: checked.names,
    references: checked.references.map((r) => ({ target: checked.referable.get(r.targetId)!, kind: r.kind })),
    copies: checked.copies,
    partnerIds: [...checked.explicitPartnerIds, ...checked.sides],
  });
  return { value: after, audit: { entity: 'letter', entityId: row.id, before: null, after } };
}
