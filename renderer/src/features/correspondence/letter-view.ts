/** How letters are named and coloured on every correspondence screen. */
import type {
  LetterDirection,
  LetterParty,
  LetterState,
  LetterSummary,
} from '../../../../shared/api/letters.contract';
import { displayRegisterNumber } from '../../../../shared/letters/register-number';
import { compactKey } from '../../../../shared/text/persian';
import type { DateStyle } from '../../../../shared/dates/jalali';
import { isolated, type Locale } from '../../i18n/translate';

/**
 * The parts of the interface's I18n these functions use, named here so that they stay plain
 * functions of their arguments (the unit tests call them without React).
 */
interface I18n {
  locale: Locale;
  dir: 'rtl' | 'ltr';
  name: (named: { nameFa: string; nameEn?: string | null }) => string;
  date: (isoDate: string, style?: DateStyle) => string;
}

/**
 * The office's classifications and urgencies are its own words (Settings), kept as typed.
 * The default Persian ones read in English when the user works in English.
 */
const LEVEL_NAMES_EN: Readonly<Record<string, string>> = {
  عادی: 'Normal',
  محرمانه: 'Confidential',
  'خیلی محرمانه': 'Highly confidential',
  سری: 'Secret',
  'به‌کلی سری': 'Top secret',
  فوری: 'Urgent',
  'خیلی فوری': 'Very urgent',
  آنی: 'Immediate',
};

/** Keyed as a reader compares words: an office that types خیلي محرمانه or به کلی سری still gets its label. */
const LEVEL_NAMES_BY_KEY = new Map(Object.entries(LEVEL_NAMES_EN).map(([fa, en]) => [compactKey(fa), en]));

/** A classification or urgency from the office's settings, named in the user's language. */
export function levelLabel(value: string, locale: I18n['locale']): string {
  return (locale === 'en' && LEVEL_NAMES_BY_KEY.get(compactKey(value))) || value;
}

export const DIRECTION_COLORS = {
  incoming: 'blue',
  outgoing: 'grape',
  internal: 'gray',
} as const satisfies Record<LetterDirection, string>;

export const STATE_COLORS = {
  none: 'gray',
  awaiting_reply: 'orange',
  replied: 'teal',
  closed: 'dark',
} as const satisfies Record<LetterState, string>;

/** The direction a reply goes: an incoming letter is answered by an outgoing one. */
export const REPLY_DIRECTION: Record<LetterDirection, LetterDirection> = {
  incoming: 'outgoing',
  outgoing: 'incoming',
  internal: 'internal',
};

/** A person and their partner: "Claire Dubois, Issy" in English, with the Persian comma in Persian. */
export function partyName(party: LetterParty, name: I18n['name'], dir: I18n['dir'] = 'rtl'): string {
  const parts: string[] = [];
  if (party.contact) parts.push(name(party.contact));
  if (party.partner) parts.push(name(party.partner));
  if (parts.length === 0 && party.text) parts.push(party.text);
  return parts.join(dir === 'rtl' ? '، ' : ', ');
}

/** Who the office corresponds with in this letter: the sender of an incoming one, else the recipient. */
export function counterpart(
  letter: Pick<LetterSummary, 'direction' | 'from' | 'to'>,
  { name, dir }: Pick<I18n, 'name' | 'dir'>,
): string {
  if (letter.direction === 'incoming') return partyName(letter.from, name, dir);
  if (letter.direction === 'outgoing') return partyName(letter.to, name, dir);
  // The arrow points the way the text reads: from the sender to the recipient.
  return `${partyName(letter.from, name, dir)} ${dir === 'rtl' ? '←' : '→'} ${partyName(letter.to, name, dir)}`;
}

export function letterNumber(number: string, locale: I18n['locale']): string {
  return displayRegisterNumber(number, locale);
}

/** A register number inside a sentence or a label, isolated from the words around it. */
export function letterNumberInText(number: string, locale: I18n['locale']): string {
  return isolated(displayRegisterNumber(number, locale));
}

/** A letter as a picker or a reference field names it: number — date — subject. */
export function letterLabel(
  letter: { number: string; letterDate: string; subject: string },
  { locale, date }: Pick<I18n, 'locale' | 'date'>,
): string {
  return `${letterNumberInText(letter.number, locale)} — ${date(letter.letterDate, 'short')} — ${isolated(letter.subject)}`;
}

/** Awaiting a reply past its follow-up deadline. */
export function isOverdue(letter: Pick<LetterSummary, 'state' | 'followUpDate'>, today: string): boolean {
  return letter.state === 'awaiting_reply' && letter.followUpDate !== null && letter.followUpDate < today;
}
