/**
 * A key that sorts Persian text in alphabetical order under a plain binary comparison (the
 * database's ORDER BY). In Unicode order پ چ ژ ک گ come after و and ه comes before و, so a
 * list sorted by the names as typed puts پاریس after وین; this key does not.
 */
import { searchKey } from './persian';

/** The Persian alphabet in dictionary order; ء sorts with alef, ئ after ی. */
const ALPHABET = 'ءآابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیئ';

/** Letters are mapped into the Private Use Area, after every digit and Latin letter. */
const BASE = 0xe000;
const RANK = new Map([...ALPHABET].map((letter, i) => [letter, String.fromCharCode(BASE + i)]));

/** The sort key of a text: its search key with each Persian letter replaced by its rank. */
export function sortKey(text: string): string {
  let out = '';
  for (const ch of searchKey(text)) out += RANK.get(ch) ?? ch;
  return out;
}
