/**
 * The word lists under bench/words/ and a seeded random source that draws from them, so the
 * generated office reads like real Persian and English correspondence and is the same on
 * every run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const WORDS_DIR = join(import.meta.dirname, 'words');

function lines(file: string): string[] {
  return readFileSync(join(WORDS_DIR, file), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

export interface City {
  nameFa: string;
  nameEn: string;
  country: string;
  language: string;
  latitude: number;
  longitude: number;
}

export interface OrgKind {
  orgType: 'university' | 'company' | 'embassy' | 'international_organisation' | 'ngo';
  prefixFa: string;
  prefixEn: string;
}

function people(file: string): { given: string[]; family: string[] } {
  const [given = '', family = ''] = lines(file);
  return { given: given.split(/\s+/), family: family.split(/\s+/) };
}

export const words = {
  cities: lines('cities.tsv').map((l): City => {
    const [nameFa = '', nameEn = '', country = '', language = '', lat = '0', lon = '0'] = l.split('\t');
    return { nameFa, nameEn, country, language, latitude: Number(lat), longitude: Number(lon) };
  }),
  orgKinds: lines('org-kinds.tsv').map((l): OrgKind => {
    const [orgType = 'ngo', prefixFa = '', prefixEn = ''] = l.split('\t');
    return { orgType: orgType as OrgKind['orgType'], prefixFa, prefixEn };
  }),
  peopleFa: people('people-fa.txt'),
  peopleEn: people('people-en.txt'),
  subjectsFa: lines('subjects-fa.txt'),
  subjectsEn: lines('subjects-en.txt'),
  sentencesFa: lines('sentences-fa.txt'),
  sentencesEn: lines('sentences-en.txt'),
};

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';

export function persianDigits(value: string | number): string {
  return String(value).replace(/[0-9]/g, (d) => PERSIAN_DIGITS[Number(d)]!);
}

/** mulberry32: small, fast and good enough to make the same office every time. */
export class Random {
  #state: number;
  constructor(seed: number) {
    this.#state = seed >>> 0;
  }
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** Fills {city}, {n} and {date} in a line; Persian lines get Persian digits, mixed now and then. */
export function fill(rnd: Random, line: string, city: City, date: string, persian: boolean): string {
  const n = rnd.int(2, 9_999);
  const digits = (v: string | number) => (persian && !rnd.chance(0.15) ? persianDigits(v) : String(v));
  return line
    .replaceAll('{city}', persian ? city.nameFa : city.nameEn)
    .replaceAll('{n}', digits(n))
    .replaceAll('{date}', digits(date.replaceAll('-', '/')));
}

/** A letter body of about a kilobyte: a greeting, sentences drawn from the list, a closing. */
export function body(rnd: Random, city: City, date: string, persian: boolean): string {
  const sentences = persian ? words.sentencesFa : words.sentencesEn;
  const parts = [sentences[0]!];
  let size = parts[0]!.length;
  while (size < (persian ? 560 : 1_000)) {
    const line = fill(rnd, rnd.pick(sentences.slice(1)), city, date, persian);
    parts.push(line);
    size += line.length;
  }
  return parts.join('\n');
}

export function personFa(rnd: Random): string {
  return `${rnd.pick(words.peopleFa.given)} ${rnd.pick(words.peopleFa.family)}`;
}

export function personEn(rnd: Random): string {
  return `${rnd.pick(words.peopleEn.given)} ${rnd.pick(words.peopleEn.family)}`;
}
