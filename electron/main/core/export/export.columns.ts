/**
 * The columns of each exported list. Partners, contacts and letters use the import's own
 * field names and choice names (import.fields.ts), so their sheets import back unchanged;
 * events and approvals are for reading only.
 */
import type { Contact } from '../../../../shared/api/contacts.contract';
import type { EventSummary } from '../../../../shared/api/events.contract';
import type { ExportList } from '../../../../shared/api/export.contract';
import type { LetterParty, LetterSummary } from '../../../../shared/api/letters.contract';
import type { Partner } from '../../../../shared/api/partners.contract';
import type { WaitingItem } from '../../../../shared/api/approvals.contract';
import { countryName } from '../../../../shared/geo/countries';
import { displayRegisterNumber } from '../../../../shared/letters/register-number';
import { enumLabel } from '../documents/enum-labels';
import {
  CHANNEL_NAMES,
  DIRECTION_NAMES,
  KIND_NAMES,
  ORG_TYPE_NAMES,
  YES_NO,
  choiceName,
  fieldHeader,
} from '../import/import.fields';

export type Language = 'fa' | 'en';
export type ExportValue = string | number | null;

export interface Column<T> {
  header: string;
  /** Width in characters. */
  width: number;
  /** A calendar date column: the value is a stored YYYY-MM-DD. */
  date?: boolean;
  value(item: T): ExportValue;
}

const name = (n: { nameFa: string; nameEn: string | null } | null, language: Language): string | null =>
  n === null ? null : language === 'fa' ? n.nameFa : (n.nameEn ?? n.nameFa);

const yesNo = (b: boolean, language: Language) => YES_NO[language][b ? 0 : 1];

const LETTER_STATE = {
  none: ['—', '—'],
  awaiting_reply: ['در انتظار پاسخ', 'Awaiting reply'],
  replied: ['پاسخ داده شده', 'Replied'],
  closed: ['بسته', 'Closed'],
} as const;

/** One side of a letter by the name the import finds it by: the contact, the partner, or the text. */
function partyName(p: LetterParty, language: Language): string | null {
  return name(p.contact, language) ?? name(p.partner, language) ?? p.text;
}

function partnerColumns(l: Language): Column<Partner>[] {
  const h = (field: string) => fieldHeader('partners', field, l);
  return [
    { header: h('nameFa'), width: 28, value: (p) => p.nameFa },
    { header: h('nameEn'), width: 28, value: (p) => p.nameEn },
    { header: h('kind'), width: 14, value: (p) => choiceName(KIND_NAMES, p.kind, l) },
    {
      header: h('orgType'),
      width: 20,
      value: (p) => (p.orgType ? choiceName(ORG_TYPE_NAMES, p.orgType, l) : null),
    },
    { header: h('nameNative'), width: 24, value: (p) => p.nameNative },
    { header: h('nativeLanguage'), width: 10, value: (p) => p.nativeLanguage },
    { header: h('country'), width: 18, value: (p) => (p.country ? countryName(p.country, l) : null) },
    { header: h('latitude'), width: 11, value: (p) => p.latitude },
    { header: h('longitude'), width: 11, value: (p) => p.longitude },
    { header: h('parent'), width: 24, value: (p) => name(p.parent, l) },
    { header: h('website'), width: 28, value: (p) => p.website },
    { header: h('notes'), width: 40, value: (p) => p.notes },
    { header: h('own'), width: 10, value: (p) => yesNo(p.own, l) },
  ];
}

function contactColumns(l: Language): Column<Contact>[] {
  const h = (field: string) => fieldHeader('contacts', field, l);
  return [
    { header: h('nameFa'), width: 26, value: (c) => c.nameFa },
    { header: h('nameEn'), width: 26, value: (c) => c.nameEn },
    { header: h('partner'), width: 26, value: (c) => name(c.partner, l) },
    { header: h('title'), width: 10, value: (c) => c.title },
    { header: h('position'), width: 28, value: (c) => c.position },
    { header: h('emails'), width: 30, value: (c) => c.emails.join('; ') || null },
    { header: h('phones'), width: 22, value: (c) => c.phones.join('; ') || null },
    { header: h('languages'), width: 12, value: (c) => c.languages.join(', ') || null },
    { header: h('notes'), width: 40, value: (c) => c.notes },
  ];
}

function letterColumns(l: Language): Column<LetterSummary>[] {
  const h = (field: string) => fieldHeader('letters', field, l);
  return [
    { header: h('number'), width: 16, value: (x) => displayRegisterNumber(x.number, l) },
    { header: h('direction'), width: 10, value: (x) => choiceName(DIRECTION_NAMES, x.direction, l) },
    { header: h('letterDate'), width: 12, date: true, value: (x) => x.letterDate },
    { header: h('subject'), width: 50, value: (x) => x.subject },
    { header: h('from'), width: 28, value: (x) => partyName(x.from, l) },
    { header: h('to'), width: 28, value: (x) => partyName(x.to, l) },
    { header: h('senderNumber'), width: 16, value: (x) => x.senderNumber },
    { header: h('senderDate'), width: 12, date: true, value: (x) => x.senderDate },
    { header: h('secretariat'), width: 12, value: (x) => x.secretariat },
    { header: h('language'), width: 8, value: (x) => x.language },
    { header: h('classification'), width: 12, value: (x) => x.classification },
    { header: h('urgency'), width: 12, value: (x) => x.urgency },
    {
      header: h('channel'),
      width: 14,
      value: (x) => (x.channel ? choiceName(CHANNEL_NAMES, x.channel, l) : null),
    },
    { header: h('attachmentsCount'), width: 10, value: (x) => x.attachmentsCount },
    { header: h('needsReply'), width: 10, value: (x) => yesNo(x.needsReply, l) },
    { header: h('followUpDate'), width: 12, date: true, value: (x) => x.followUpDate },
    {
      header: l === 'fa' ? 'وضعیت' : 'State',
      width: 16,
      value: (x) => LETTER_STATE[x.state][l === 'fa' ? 0 : 1],
    },
  ];
}

function eventColumns(l: Language): Column<EventSummary>[] {
  const fa = l === 'fa';
  return [
    { header: fa ? 'عنوان' : 'Title', width: 44, value: (e) => e.title },
    { header: fa ? 'نوع' : 'Kind', width: 16, value: (e) => enumLabel('eventKind', e.kind, l) },
    { header: fa ? 'نقش ما' : 'Our role', width: 14, value: (e) => enumLabel('eventRole', e.ourRole, l) },
    { header: fa ? 'وضعیت' : 'Status', width: 16, value: (e) => enumLabel('eventStatus', e.status, l) },
    { header: fa ? 'آغاز' : 'Start', width: 12, date: true, value: (e) => e.startDate },
    { header: fa ? 'پایان' : 'End', width: 12, date: true, value: (e) => e.endDate },
    { header: fa ? 'میزبان' : 'Host', width: 26, value: (e) => name(e.host, l) },
    { header: fa ? 'محل' : 'Venue', width: 26, value: (e) => e.venue },
    {
      header: fa ? 'مهلت ثبت‌نام' : 'Registration deadline',
      width: 14,
      date: true,
      value: (e) => e.registrationDeadline,
    },
    { header: fa ? 'برنامه‌ها' : 'Programme items', width: 10, value: (e) => e.programmeCount },
    { header: fa ? 'اعضای هیئت' : 'Delegation', width: 10, value: (e) => e.delegationCount },
  ];
}

function approvalColumns(l: Language): Column<WaitingItem>[] {
  const fa = l === 'fa';
  return [
    { header: fa ? 'پرونده' : 'Case', width: 36, value: (w) => w.caseTitle },
    { header: fa ? 'زنجیره' : 'Chain', width: 30, value: (w) => w.chainTitle },
    {
      header: fa ? 'مرجع' : 'Authority',
      width: 30,
      value: (w) => (fa ? w.authorityNameFa : w.authorityNameEn),
    },
    { header: fa ? 'وضعیت' : 'State', width: 16, value: (w) => enumLabel('stepState', w.state, l) },
    { header: fa ? 'در انتظار از' : 'Waiting since', width: 14, date: true, value: (w) => w.waitingSince },
    { header: fa ? 'روز انتظار' : 'Days waiting', width: 10, value: (w) => w.daysWaiting },
  ];
}

export interface ListColumns {
  letters: Column<LetterSummary>[];
  partners: Column<Partner>[];
  contacts: Column<Contact>[];
  events: Column<EventSummary>[];
  approvals: Column<WaitingItem>[];
}

export function columnsOf<L extends ExportList>(list: L, language: Language): ListColumns[L] {
  const all = {
    letters: () => letterColumns(language),
    partners: () => partnerColumns(language),
    contacts: () => contactColumns(language),
    events: () => eventColumns(language),
    approvals: () => approvalColumns(language),
  };
  return all[list]() as ListColumns[L];
}
