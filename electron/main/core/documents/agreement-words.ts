/**
 * The few words an agreement prints in each of its languages: the language's own name for
 * the column heading, the clause heading (ماده ۱, Article 1, Статья 1), "Parties" and the
 * place-and-date line. A language not listed gets neutral forms (the clause number alone).
 */
import { formatDate } from '../../../../shared/dates/jalali';
import { toPersianDigits } from '../../../../shared/text/digits';

interface Words {
  /** The language's name in itself. */
  name: string;
  clause: (n: number) => string;
  parties: string;
  /** The place-and-date line; `place` and `date` are already written. */
  doneAt: (place: string, date: string) => string;
}

const WORDS: Record<string, Words> = {
  fa: {
    name: 'فارسی',
    clause: (n) => `ماده ${toPersianDigits(String(n))}`,
    parties: 'طرفین',
    doneAt: (place, date) => `تنظیم‌شده در ${place}، به تاریخ ${date}`,
  },
  en: {
    name: 'English',
    clause: (n) => `Article ${n}`,
    parties: 'Parties',
    doneAt: (p, d) => `Done at ${p} on ${d}`,
  },
  ru: {
    name: 'Русский',
    clause: (n) => `Статья ${n}`,
    parties: 'Стороны',
    doneAt: (p, d) => `Совершено в ${p} ${d}`,
  },
  fr: {
    name: 'Français',
    clause: (n) => `Article ${n}`,
    parties: 'Parties',
    doneAt: (p, d) => `Fait à ${p}, le ${d}`,
  },
  de: {
    name: 'Deutsch',
    clause: (n) => `Artikel ${n}`,
    parties: 'Parteien',
    doneAt: (p, d) => `Geschehen zu ${p} am ${d}`,
  },
  es: {
    name: 'Español',
    clause: (n) => `Artículo ${n}`,
    parties: 'Partes',
    doneAt: (p, d) => `Hecho en ${p}, el ${d}`,
  },
  it: {
    name: 'Italiano',
    clause: (n) => `Articolo ${n}`,
    parties: 'Parti',
    doneAt: (p, d) => `Fatto a ${p}, il ${d}`,
  },
  pt: {
    name: 'Português',
    clause: (n) => `Artigo ${n}`,
    parties: 'Partes',
    doneAt: (p, d) => `Feito em ${p}, em ${d}`,
  },
  ro: {
    name: 'Română',
    clause: (n) => `Articolul ${n}`,
    parties: 'Părțile',
    doneAt: (p, d) => `Încheiat la ${p}, la ${d}`,
  },
  tr: { name: 'Türkçe', clause: (n) => `Madde ${n}`, parties: 'Taraflar', doneAt: (p, d) => `${p}, ${d}` },
  az: {
    name: 'Azərbaycanca',
    clause: (n) => `Maddə ${n}`,
    parties: 'Tərəflər',
    doneAt: (p, d) => `${p}, ${d}`,
  },
  uz: { name: 'Oʻzbekcha', clause: (n) => `${n}-modda`, parties: 'Tomonlar', doneAt: (p, d) => `${p}, ${d}` },
  kk: { name: 'Қазақша', clause: (n) => `${n}-бап`, parties: 'Тараптар', doneAt: (p, d) => `${p}, ${d}` },
  tt: { name: 'Татарча', clause: (n) => `${n} маддә`, parties: 'Яклар', doneAt: (p, d) => `${p}, ${d}` },
  hy: { name: 'Հայերեն', clause: (n) => `Հոդված ${n}`, parties: 'Կողմեր', doneAt: (p, d) => `${p}, ${d}` },
  ka: { name: 'ქართული', clause: (n) => `მუხლი ${n}`, parties: 'მხარეები', doneAt: (p, d) => `${p}, ${d}` },
  ar: {
    name: 'العربية',
    clause: (n) => `المادة ${n}`,
    parties: 'الطرفان',
    doneAt: (p, d) => `حرر في ${p} بتاريخ ${d}`,
  },
  ur: { name: 'اردو', clause: (n) => `دفعہ ${n}`, parties: 'فریقین', doneAt: (p, d) => `${p}، ${d}` },
  zh: { name: '中文', clause: (n) => `第${n}条`, parties: '双方', doneAt: (p, d) => `${d}订于${p}` },
  ja: { name: '日本語', clause: (n) => `第${n}条`, parties: '当事者', doneAt: (p, d) => `${d} ${p}にて作成` },
  ko: {
    name: '한국어',
    clause: (n) => `제${n}조`,
    parties: '당사자',
    doneAt: (p, d) => `${d} ${p}에서 작성`,
  },
  ms: {
    name: 'Bahasa Melayu',
    clause: (n) => `Perkara ${n}`,
    parties: 'Pihak-pihak',
    doneAt: (p, d) => `${p}, ${d}`,
  },
};

const NEUTRAL: Words = {
  name: '',
  clause: (n) => `${n}.`,
  parties: '',
  doneAt: (p, d) => `${p}, ${d}`,
};

export function agreementWords(code: string): Words {
  const words = Object.prototype.hasOwnProperty.call(WORDS, code) ? WORDS[code]! : NEUTRAL;
  return words.name === '' ? { ...words, name: code.toUpperCase() } : words;
}

/** A signing date in a column's language: Jalali in Persian, "7 April 2025" in English, 07.04.2025 otherwise. */
export function agreementDate(iso: string, code: string): string {
  if (code === 'fa') return formatDate(iso, 'fa', 'long');
  if (code === 'en') return formatDate(iso, 'en', 'long');
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}
