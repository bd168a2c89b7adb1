/**
 * What every document prints the same way: dates (Jalali with Persian digits in Persian
 * documents, Gregorian in English ones), numbers, names in the document's language, and the
 * few phrases all documents share. Each document keeps its own phrases beside it.
 */
import { countryName } from '../../../../shared/geo/countries';
import { formatDate, type DateStyle } from '../../../../shared/dates/jalali';
import { formatNumber, toPersianDigits } from '../../../../shared/text/digits';
import { displayRegisterNumber } from '../../../../shared/letters/register-number';

export type DocLanguage = 'fa' | 'en';

/** A phrase in both languages. */
export type Phrases<K extends string> = Record<DocLanguage, Record<K, string>>;

/** A stored date as the document prints it; a dash when there is none. */
export function printDate(
  iso: string | null | undefined,
  language: DocLanguage,
  style: DateStyle = 'long',
): string {
  if (!iso) return '—';
  return formatDate(iso, language, style);
}

/** A period of days: `۱۵ تا ۲۰ فروردین ۱۴۰۴`-like, written as two dates. */
export function printRange(from: string, to: string, language: DocLanguage): string {
  if (from === to) return printDate(from, language);
  return language === 'fa'
    ? `${printDate(from, 'fa')} تا ${printDate(to, 'fa')}`
    : `${printDate(from, 'en')} – ${printDate(to, 'en')}`;
}

export function printNumber(n: number | null | undefined, language: DocLanguage, fractionDigits = 0): string {
  if (n === null || n === undefined) return '—';
  return formatNumber(n, language, fractionDigits);
}

/** A year as a year: without a thousands separator (۱۴۰۴, not ۱٬۴۰۴). */
export function printYear(year: number, language: DocLanguage): string {
  return language === 'fa' ? toPersianDigits(String(year)) : String(year);
}

export function printRegisterNumber(number: string, language: DocLanguage): string {
  return displayRegisterNumber(number, language);
}

/** A record's name in the document's language: the Persian name, or the English one when there is one. */
export function nameIn(
  named: { nameFa: string; nameEn: string | null } | null | undefined,
  language: DocLanguage,
): string {
  if (!named) return '—';
  return language === 'fa' ? named.nameFa : (named.nameEn ?? named.nameFa);
}

export function countryIn(code: string | null | undefined, language: DocLanguage): string {
  if (!code) return '—';
  return countryName(code, language);
}

/** A list as a sentence: «الف، ب و ج» or "a, b and c". */
export function printList(items: readonly string[], language: DocLanguage): string {
  if (items.length === 0) return '—';
  if (items.length === 1) return items[0]!;
  const and = language === 'fa' ? ' و ' : ' and ';
  const comma = language === 'fa' ? '، ' : ', ';
  return `${items.slice(0, -1).join(comma)}${and}${items[items.length - 1]}`;
}

export const COMMON: Phrases<'page' | 'of' | 'preparedOn' | 'none'> = {
  fa: {
    page: 'صفحه',
    of: 'از',
    preparedOn: 'تاریخ تهیه',
    none: 'موردی ثبت نشده است.',
  },
  en: {
    page: 'Page',
    of: 'of',
    preparedOn: 'Prepared on',
    none: 'None recorded.',
  },
};

/** How classifications the office uses by default read in English documents. */
const CLASSIFICATIONS_EN: Record<string, string> = {
  عادی: 'Unclassified',
  محرمانه: 'Confidential',
  'خیلی محرمانه': 'Highly confidential',
  سری: 'Secret',
  'به‌کلی سری': 'Top secret',
};

const URGENCIES_EN: Record<string, string> = {
  عادی: 'Normal',
  فوری: 'Urgent',
  'خیلی فوری': 'Very urgent',
  آنی: 'Immediate',
};

export function classificationIn(value: string, language: DocLanguage): string {
  if (language === 'fa') return value;
  return Object.prototype.hasOwnProperty.call(CLASSIFICATIONS_EN, value) ? CLASSIFICATIONS_EN[value]! : value;
}

export function urgencyIn(value: string, language: DocLanguage): string {
  if (language === 'fa') return value;
  return Object.prototype.hasOwnProperty.call(URGENCIES_EN, value) ? URGENCIES_EN[value]! : value;
}
