/**
 * What an import checks rows against, read once from the desk: partners and contacts by
 * name (search keys, so spelling variants meet) and the office's letter settings; and which
 * of the register numbers a file keeps are already given.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { ImportTarget } from '../../../../shared/api/import.contract';
import { COUNTRIES } from '../../../../shared/geo/countries';
import { compactKey } from '../../../../shared/text/persian';
import type { Database } from '../db/tables';
import { readSettings } from '../settings/settings.repository';

/** Names (by compact search key) to the ids of the records that bear them. */
export class NameIndex<T> {
  readonly #byKey = new Map<string, T[]>();

  add(name: string | null, item: T): void {
    if (name === null) return;
    const key = compactKey(name);
    if (key === '') return;
    const list = this.#byKey.get(key);
    if (!list) this.#byKey.set(key, [item]);
    else if (!list.includes(item)) list.push(item);
  }

  find(name: string): T[] {
    return this.#byKey.get(compactKey(name)) ?? [];
  }
}

export interface ContactRef {
  id: string;
  partnerId: string | null;
}

export interface ImportLookups {
  partners: NameIndex<string>;
  /** Persian names of existing partners: a row naming one again is a duplicate. */
  partnerNames: Set<string>;
  contacts: NameIndex<ContactRef>;
  /** `name key|partner id` of existing contacts. */
  contactKeys: Set<string>;
  countries: Map<string, string>;
  classifications: readonly string[];
  urgencies: readonly string[];
  secretariat: string;
  numberPattern: string;
}

export const contactKey = (name: string, partnerId: string | null) =>
  `${compactKey(name)}|${partnerId ?? ''}`;
export const numberKey = (secretariat: string, year: number, seq: number) => `${secretariat}|${year}|${seq}`;

function countryIndex(): Map<string, string> {
  const map = new Map<string, string>();
  for (const c of COUNTRIES) {
    map.set(compactKey(c.fa), c.code);
    map.set(compactKey(c.en), c.code);
  }
  return map;
}

export async function readLookups(
  db: Kysely<Database> | Transaction<Database>,
  target: ImportTarget,
): Promise<ImportLookups> {
  const settings = await readSettings(db);
  const partners = new NameIndex<string>();
  const partnerNames = new Set<string>();
  for (const p of await db.selectFrom('partners').select(['id', 'name_fa', 'name_en']).execute()) {
    partners.add(p.name_fa, p.id);
    partners.add(p.name_en, p.id);
    partnerNames.add(compactKey(p.name_fa));
  }
  const contacts = new NameIndex<ContactRef>();
  const contactKeys = new Set<string>();
  if (target !== 'partners') {
    const rows = await db.selectFrom('contacts').select(['id', 'partner_id', 'name_fa', 'name_en']).execute();
    for (const c of rows) {
      const ref = { id: c.id, partnerId: c.partner_id };
      contacts.add(c.name_fa, ref);
      contacts.add(c.name_en, ref);
      contactKeys.add(contactKey(c.name_fa, c.partner_id));
    }
  }
  return {
    partners,
    partnerNames,
    contacts,
    contactKeys,
    countries: countryIndex(),
    classifications: settings['letters.classifications'],
    urgencies: settings['letters.urgencies'],
    secretariat: settings['letters.secretariat'].trim() || 'main',
    numberPattern: settings['letters.numberPattern'],
  };
}

type NumberParts = { secretariat: string; jalaliYear: number; seq: number };

/**
 * Which of these numbers the register already gives, as `numberKey`s: one statement over the
 * register's unique index, so it costs the file's numbers and not the register's size.
 */
export async function registeredNumbers(
  db: Kysely<Database> | Transaction<Database>,
  numbers: readonly NumberParts[],
): Promise<Set<string>> {
  if (numbers.length === 0) return new Set();
  const { rows } = await registeredNumbersQuery(numbers).execute(db);
  return new Set(rows.map((r) => numberKey(r.secretariat, r.jalali_year, r.seq)));
}

/** registeredNumbers' statement (the numbers go in as one JSON array, so it stays prepared). */
export function registeredNumbersQuery(numbers: readonly NumberParts[]) {
  const keys = JSON.stringify(numbers.map((n) => [n.jalaliYear, n.seq, n.secretariat]));
  return sql<{ secretariat: string; jalali_year: number; seq: number }>`
    SELECT l.secretariat, l.jalali_year, l.seq FROM json_each(${keys}) AS k
    JOIN letters AS l ON l.jalali_year = json_extract(k.value, '$[0]')
      AND l.seq = json_extract(k.value, '$[1]') AND l.secretariat = json_extract(k.value, '$[2]')`;
}
