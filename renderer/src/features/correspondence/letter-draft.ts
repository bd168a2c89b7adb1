/**
 * What the letter form holds, and how it becomes the contract's input. The form keeps
 * plain strings; the contract's own schema decides what is valid.
 */
import type {
  Letter,
  LetterCopyPurpose,
  LetterCreateInput,
  LetterDirection,
  LetterParty,
  LetterReferenceKind,
  LetterUpdateInput,
} from '../../../../shared/api/letters.contract';
import { REPLY_DIRECTION } from './letter-view';

export interface PartyDraft {
  partnerId: string | null;
  contactId: string | null;
  /** Shown for a chosen partner or contact, so the form can name it without asking again. */
  label: string | null;
  text: string;
}

export interface ReferenceDraft {
  letterId: string;
  kind: LetterReferenceKind;
  label: string;
}

export interface CopyDraft {
  key: string;
  text: string;
  purpose: LetterCopyPurpose;
}

export interface LetterDraft {
  direction: LetterDirection;
  letterDate: string | null;
  senderNumber: string;
  senderDate: string | null;
  from: PartyDraft;
  to: PartyDraft;
  subject: string;
  body: string;
  language: string;
  classification: string | null;
  urgency: string | null;
  channel: string | null;
  attachmentsCount: number;
  needsReply: boolean;
  followUpDate: string | null;
  references: ReferenceDraft[];
  copies: CopyDraft[];
  caseId: string | null;
  relationshipId: string | null;
}

export const emptyParty = (text = ''): PartyDraft => ({
  partnerId: null,
  contactId: null,
  label: null,
  text,
});

function partyDraft(
  party: LetterParty,
  name: (n: { nameFa: string; nameEn: string | null }) => string,
): PartyDraft {
  const label = party.contact ? name(party.contact) : party.partner ? name(party.partner) : null;
  return {
    partnerId: party.partner?.id ?? null,
    contactId: party.contact?.id ?? null,
    label,
    text: party.text ?? '',
  };
}

function partyInput(party: PartyDraft) {
  return { partnerId: party.partnerId, contactId: party.contactId, text: party.text };
}

/** A new letter: the office on its own side, today's date, a reply expected for incoming mail. */
export function newDraft(direction: LetterDirection, today: string, office: string): LetterDraft {
  return {
    direction,
    letterDate: today,
    senderNumber: '',
    senderDate: null,
    from: emptyParty(direction === 'incoming' ? '' : office),
    to: emptyParty(direction === 'incoming' ? office : ''),
    subject: '',
    body: '',
    language: 'fa',
    classification: null,
    urgency: null,
    channel: null,
    attachmentsCount: 0,
    needsReply: direction === 'incoming',
    followUpDate: null,
    references: [],
    copies: [],
    caseId: null,
    relationshipId: null,
  };
}

/** A reply: the other direction, addressed back to the sender, referring (عطف) to the letter. */
export function replyDraft(
  original: Letter,
  today: string,
  name: (n: { nameFa: string; nameEn: string | null }) => string,
  referenceLabel: string,
): LetterDraft {
  const direction = REPLY_DIRECTION[original.direction];
  return {
    ...newDraft(direction, today, ''),
    from: partyDraft(original.to, name),
    to: partyDraft(original.from, name),
    subject: original.subject,
    language: original.language,
    classification: original.classification,
    references: [{ letterId: original.id, kind: 'refers', label: referenceLabel }],
    caseId: original.caseId,
    relationshipId: original.relationshipId,
  };
}

export function draftOf(
  letter: Letter,
  name: (n: { nameFa: string; nameEn: string | null }) => string,
  referenceLabel: (ref: Letter['references'][number]) => string,
): LetterDraft {
  return {
    direction: letter.direction,
    letterDate: letter.letterDate,
    senderNumber: letter.senderNumber ?? '',
    senderDate: letter.senderDate,
    from: partyDraft(letter.from, name),
    to: partyDraft(letter.to, name),
    subject: letter.subject,
    body: letter.body ?? '',
    language: letter.language,
    classification: letter.classification,
    urgency: letter.urgency,
    channel: letter.channel,
    attachmentsCount: letter.attachmentsCount,
    needsReply: letter.needsReply,
    followUpDate: letter.followUpDate,
    references: letter.references.map((r) => ({
      letterId: r.letterId,
      kind: r.kind,
      label: referenceLabel(r),
    })),
    copies: letter.copies.map((c, i) => ({
      key: `copy-${i}`,
      text: c.text ?? (c.contact?.nameFa || c.partner?.nameFa || ''),
      purpose: c.purpose,
    })),
    caseId: letter.caseId,
    relationshipId: letter.relationshipId,
  };
}

function common(draft: LetterDraft) {
  const incoming = draft.direction === 'incoming';
  return {
    letterDate: draft.letterDate ?? '',
    senderNumber: incoming ? draft.senderNumber : null,
    senderDate: incoming ? draft.senderDate : null,
    from: partyInput(draft.from),
    to: partyInput(draft.to),
    subject: draft.subject,
    body: draft.body,
    language: draft.language,
    ...(draft.classification && { classification: draft.classification }),
    ...(draft.urgency && { urgency: draft.urgency }),
    channel: draft.channel as LetterCreateInput['channel'],
    attachmentsCount: draft.attachmentsCount,
    needsReply: draft.needsReply,
    followUpDate: draft.followUpDate,
    references: draft.references.map((r) => ({ letterId: r.letterId, kind: r.kind })),
    copies: draft.copies.map((c) => ({ text: c.text, purpose: c.purpose })),
    caseId: draft.caseId,
    relationshipId: draft.relationshipId,
  };
}

export function createInput(draft: LetterDraft): LetterCreateInput {
  return { direction: draft.direction, ...common(draft) };
}

export function updateInput(id: string, draft: LetterDraft): LetterUpdateInput {
  return { id, ...common(draft) };
}
