/**
 * Where the direction of text changes inside a line. Word lays out each run in one
 * direction, so a Persian paragraph's Latin words (and an English paragraph's Persian ones)
 * must be runs of their own; these patterns find those stretches, keeping with them what
 * belongs to them (the number before "April", an abbreviation's full stop, a pair of
 * parentheses) and leaving to the paragraph what belongs to it (a sentence's full stop).
 */

export type Direction = 'rtl' | 'ltr';

/** Latin, Greek, Cyrillic and East Asian letters: strong left-to-right characters. */
const LTR_LETTER =
  'A-Za-z\\u00c0-\\u02af\\u0370-\\u03ff\\u0400-\\u052f\\u1e00-\\u1fff\\u3040-\\u30ff\\u3400-\\u9fff\\uac00-\\ud7af';
/**
 * A stretch of left-to-right text inside a right-to-left paragraph: from a left-to-right
 * letter (or the number just before it, "7 April") to the last left-to-right letter or digit
 * before the next right-to-left letter, with the spaces and punctuation between them
 * ("World Cities Summit 2026", "a.b@city.org"), and the full stop of a short abbreviation
 * that the sentence goes on after ("H.E.", "Dr.").
 */
const LTR_STRETCH = new RegExp(
  `(?:[0-9]+[\\s.,:/\\-]*)?[${LTR_LETTER}]` +
    // Parentheses only in pairs with no right-to-left letter inside, so none is left unmatched.
    `(?:(?:[${LTR_LETTER}0-9\\s.,:;'’"“”\\-_/&+@#%]|\\([^()\\u0590-\\u08ff]*\\))*(?:[${LTR_LETTER}0-9]|\\([^()\\u0590-\\u08ff]*\\)))?` +
    `(?:(?<=(?:^|[^A-Za-z])(?:[A-Za-z]\\.)*[A-Za-z]{1,4})\\.(?=\\s+\\S))?`,
  'g',
);
/** Hebrew and Arabic script letters (Persian among them). */
const RTL_LETTER = '\\u0590-\\u05ff\\u0600-\\u06ef\\u06fa-\\u08ff\\ufb1d-\\ufdff\\ufe70-\\ufefc';
/** A stretch of right-to-left text inside a left-to-right paragraph (a Persian name in an English brief). */
const RTL_STRETCH = new RegExp(
  // ZWJ stands outside the class: inside one, lint reads it as joining its neighbours.
  `[${RTL_LETTER}](?:(?:[${RTL_LETTER}\\u200c\\u06f0-\\u06f9\\u0660-\\u0669\\s0-9.,:;،؛\\-/]|\\u200d|\\([^()A-Za-z]*\\))*` +
    `(?:[${RTL_LETTER}\\u06f0-\\u06f9\\u0660-\\u0669]|\\([^()A-Za-z]*\\)))?`,
  'g',
);

export interface Segment {
  text: string;
  rtl: boolean;
}

/** Splits one line into runs of each direction, in logical order. */
export function segments(text: string, dir: Direction): Segment[] {
  const pattern = dir === 'rtl' ? LTR_STRETCH : RTL_STRETCH;
  const out: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    if (start > last) out.push({ text: text.slice(last, start), rtl: dir === 'rtl' });
    out.push({ text: match[0], rtl: dir !== 'rtl' });
    last = start + match[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), rtl: dir === 'rtl' });
  return out;
}

const FIRST_STRONG = new RegExp(`[${RTL_LETTER}]|[${LTR_LETTER}]`);

/** The direction of a text by its first strong letter, as `dir="auto"` decides; null when it has none. */
export function directionOf(text: string): Direction | null {
  const first = FIRST_STRONG.exec(text);
  if (!first) return null;
  return new RegExp(`[${RTL_LETTER}]`).test(first[0]) ? 'rtl' : 'ltr';
}
