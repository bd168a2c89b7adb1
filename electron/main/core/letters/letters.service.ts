/**
 * Registering and changing letters. The checks (letter-checks.ts) run before anything is
 * written; the call's transaction makes every step all-or-nothing.
 */
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type {
  Letter,
  letterCloseInput,
  letterCreateInput,
  letterReferInput,
  letterUpdateInput,
} from '../../../../shared/api/letters.contract';
import type { MutationContext, Mutated } from '../context';
import type { Database } from '../db/tables';
import { conflict, invalid, notFound } from '../errors';
import { newId } from '../ids';
import type { Settings } from '../../../../shared/api/settings.schema';
import { indexNewRecords } from '../search/search.indexer';
import { readSettings } from '../settings/settings.repository';
import { findUser } from '../users/users.repository';
import {
  checkDates,
  checkReferences,
  clean,
  cleanSubject,
  copyInputs,
  letterSearchKey,
  type KnownNames,
  oneOf,
  resolveLinks,
  type Party,
} from './letter-checks';
import {
  explicitPartnerIds,
  insertReferral,
  referenceTargets,
  replaceCopies,
  replacePartners,
  replaceReferences,
} from './letter-links.repository';
import {
  findLetter,
  insertLetter,
  refreshLetterStates,
  updateLetter as updateLetterRow,
  writeLetterBody,
} from './letters.repository';
import {
  checkGivenNumber,
  checkNewLetter,
  newLetterDone,
  newLetterSearchDocument,
  registeredRow,
} from './letters.new';
import { loadLetter } from './letters.read';
import type { LetterRow, UpdateableLetterRow } from './letters.table';
import { allocateRegisterNumber, takeGivenRegisterNumber, type AllocatedNumber } from './register-number';

/**
 * What the letter functions need of a call: a mutation's context, or the same pieces from a
 * task (an import registers letters through createLetter inside its own transactions).
 */
export type LetterWriteContext = Pick<MutationContext, 'tx' | 'nowIso' | 'actor' | 'touch'>;

type CreateInput = z.output<typeof letterCreateInput>;
type UpdateInput = z.output<typeof letterUpdateInput>;
type ReferInput = z.output<typeof letterReferInput>;
type CloseInput = z.output<typeof letterCloseInput>;

/**
 * The letter as it is now, with its audit change. `searchable` is false for changes that
 * leave every field of its search entry as it was (a referral, a closing, a reopening), so
 * the index does not read the letter again only to find its entry unchanged.
 */
async function answer(
  ctx: LetterWriteContext,
  id: string,
  before: Letter | null,
  searchable = true,
): Promise<Mutated<Letter>> {
  if (searchable) ctx.touch('letter', id);
  const after = await loadLetter(ctx.tx, id);
  if (!after) throw notFound('Letter', id);
  return { value: after, audit: { entity: 'letter', entityId: id, before, after } };
}

/** What a caller that registers many letters at once (an import) passes along. */
export interface CreateLetterOptions {
  /** The office's settings, read once for the whole batch. */
  settings?: Settings;
  /** Names already read in this transaction (see KnownNames). */
  names?: KnownNames;
  /**
   * The register number the letter already has (an older register, imported) instead of the
   * next one: of the letter's own year and secretariat; the counter is raised to it.
   */
  given?: AllocatedNumber;
}

/**
 * Registers a letter with the next number of its secretariat and Jalali year (or the number
 * it is given). The answer and the audit row are built from what was written; nothing is read
 * back.
 */
export async function createLetter(
  ctx: LetterWriteContext,
  input: CreateInput,
  options: CreateLetterOptions = {},
): Promise<Mutated<Letter>> {
  const { tx } = ctx;
  const settings = options.settings ?? (await readSettings(tx));
  const checked = await checkNewLetter(ctx, input, settings, options.names);
  let registered: AllocatedNumber;
  if (options.given) {
    checkGivenNumber(checked, options.given);
    registered = await takeGivenRegisterNumber(tx, options.given, input.letterDate);
  } else {
    registered = await allocateRegisterNumber(tx, {
      secretariat: checked.secretariat,
      letterDate: input.letterDate,
      pattern: settings['letters.numberPattern'],
    });
  }
  const row = registeredRow(checked, registered);
  await insertLetter(tx, row);
  if (checked.body !== null) await writeLetterBody(tx, row.id, checked.body);
  const fresh = { fresh: true };
  await replaceReferences(tx, row.id, checked.references, fresh);
  await replaceCopies(tx, row.id, checked.copies, fresh);
  await replacePartners(tx, row.id, input.partnerIds, checked.sides, fresh);
  // Nothing references a new letter yet, so its own state is already right; the letters it
  // answers may now be replied.
  if (checked.references.length > 0)
    await refreshLetterStates(
      tx,
      checked.references.map((t) => t.targetId),
    );
  // A new letter's index entry is written from what was written, not read back.
  await indexNewRecords(tx, 'letter', [newLetterSearchDocument(checked, row)]);
  return newLetterDone(ctx, checked, row, true);
}

async function existingLetter(
  tx: Transaction<Database>,
  id: string,
): Promise<{ row: LetterRow; letter: Letter }> {
  const row = await findLetter(tx, id);
  const letter = row ? await loadLetter(tx, id) : undefined;
  if (!row || !letter) throw notFound('Letter', id);
  return { row, letter };
}

/** Changes a letter; its direction and register number never change. */
export async function updateLetter(ctx: LetterWriteContext, input: UpdateInput): Promise<Mutated<Letter>> {
  const { tx } = ctx;
  const { row, letter: before } = await existingLetter(tx, input.id);
  const settings = await readSettings(tx);
  const patch: UpdateableLetterRow = { updated_at: ctx.nowIso };

  if (input.classification !== undefined) {
    patch.classification = oneOf(
      input.classification,
      settings['letters.classifications'],
      'classification',
      'classifications',
    );
  }
  if (input.urgency !== undefined) {
    patch.urgency = oneOf(input.urgency, settings['letters.urgencies'], 'urgency', 'urgencies');
  }
  const letterDate = input.letterDate ?? row.letter_date;
  const senderNumber = input.senderNumber !== undefined ? clean(input.senderNumber) : row.sender_number;
  const senderDate = input.senderDate !== undefined ? input.senderDate : row.sender_date;
  const followUpDate = input.followUpDate !== undefined ? input.followUpDate : row.follow_up_date;
  checkDates(row.direction, letterDate, followUpDate, { number: senderNumber, date: senderDate });
  const subject = input.subject !== undefined ? cleanSubject(input.subject) : row.subject;
  if (input.references !== undefined) await checkReferences(tx, row.id, input.references);

  const { parties } = await resolveLinks(tx, {
    parties: [input.from ?? {}, input.to ?? {}],
    copies: input.copies ?? [],
    partnerIds: input.partnerIds ?? [],
    caseId: input.caseId,
    relationshipId: input.relationshipId,
  });
  const [from, to] = parties as [Party, Party];
  if (input.from !== undefined) {
    Object.assign(patch, {
      from_partner_id: from.partnerId,
      from_contact_id: from.contactId,
      from_text: from.text,
    });
  }
  if (input.to !== undefined) {
    Object.assign(patch, { to_partner_id: to.partnerId, to_contact_id: to.contactId, to_text: to.text });
  }
  Object.assign(patch, {
    letter_date: letterDate,
    sender_number: senderNumber,
    sender_date: senderDate,
    follow_up_date: followUpDate,
    subject,
    search_key: letterSearchKey(subject, row.number, senderNumber),
    ...(input.language !== undefined && { language: input.language }),
    ...(input.channel !== undefined && { channel: input.channel }),
    ...(input.attachmentsCount !== undefined && { attachments_count: input.attachmentsCount }),
    ...(input.needsReply !== undefined && { needs_reply: input.needsReply ? 1 : 0 }),
    ...(input.caseId !== undefined && { case_id: input.caseId }),
    ...(input.relationshipId !== undefined && { relationship_id: input.relationshipId }),
  });
  await updateLetterRow(tx, row.id, patch);
  if (input.body !== undefined) await writeLetterBody(tx, row.id, clean(input.body));

  const oldTargets = await referenceTargets(tx, row.id);
  let newTargets = oldTargets;
  if (input.references !== undefined) {
    newTargets = input.references.map((r) => r.letterId);
    await replaceReferences(
      tx,
      row.id,
      input.references.map((r) => ({ targetId: r.letterId, kind: r.kind })),
    );
  }
  if (input.copies !== undefined) await replaceCopies(tx, row.id, copyInputs(input.copies));
  if (input.from !== undefined || input.to !== undefined || input.partnerIds !== undefined) {
    const partyPartners = [
      input.from !== undefined ? from.partnerId : row.from_partner_id,
      input.to !== undefined ? to.partnerId : row.to_partner_id,
    ].flatMap((p) => (p ? [p] : []));
    const explicit = input.partnerIds ?? (await explicitPartnerIds(tx, row.id));
    await replacePartners(tx, row.id, explicit, partyPartners);
  }
  await refreshLetterStates(tx, [row.id, ...new Set([...oldTargets, ...newTargets])]);
  return answer(ctx, row.id, before);
}

/** Refers a letter to a staff member; the referral joins the letter's history and becomes current. */
export async function referLetter(ctx: LetterWriteContext, input: ReferInput): Promise<Mutated<Letter>> {
  const { tx } = ctx;
  const { row, letter: before } = await existingLetter(tx, input.id);
  if (row.closed_at !== null) throw conflict('The letter is closed; reopen it before referring it.');
  const user = await findUser(tx, input.toUserId);
  if (!user) throw notFound('User', input.toUserId);
  if (user.active !== 1) throw invalid(`${user.name_fa} is no longer an active user.`, ['toUserId']);
  await insertReferral(tx, {
    id: newId(),
    letter_id: row.id,
    to_user_id: user.id,
    instruction: clean(input.instruction),
    due_date: input.dueDate ?? null,
    referred_by: ctx.actor,
    referred_at: ctx.nowIso,
  });
  await updateLetterRow(tx, row.id, { updated_at: ctx.nowIso });
  return answer(ctx, row.id, before, false);
}

/** Closes a letter's follow-up. */
export async function closeLetter(ctx: LetterWriteContext, input: CloseInput): Promise<Mutated<Letter>> {
  const { tx } = ctx;
  const { row, letter: before } = await existingLetter(tx, input.id);
  if (row.closed_at !== null) throw conflict('The letter is already closed.');
  await updateLetterRow(tx, row.id, {
    closed_at: ctx.nowIso,
    close_note: clean(input.note),
    updated_at: ctx.nowIso,
  });
  await refreshLetterStates(tx, [row.id]);
  return answer(ctx, row.id, before, false);
}

/** Reopens a closed letter; its state follows its replies again. */
export async function reopenLetter(ctx: LetterWriteContext, id: string): Promise<Mutated<Letter>> {
  const { tx } = ctx;
  const { row, letter: before } = await existingLetter(tx, id);
  if (row.closed_at === null) throw conflict('The letter is not closed.');
  await updateLetterRow(tx, row.id, { closed_at: null, close_note: null, updated_at: ctx.nowIso });
  await refreshLetterStates(tx, [row.id]);
  return answer(ctx, row.id, before, false);
}
