/**
 * Persian text for search and display. Staff type with whatever keyboard layout they
 * have (Arabic ي and ك, with or without the zero-width non-joiner, any digit script), so
 * search compares a normalised key, never the display text, which always stays as typed.
 * The rules are DESIGN §3 "Persian and calendars", in that order.
 */
import { toAsciiDigits } from './digits';

/** Harakat, tanween, shadda, sukun, hamza marks, superscript alef and Quranic marks. */
const ARABIC_MARKS = /[\u064b-\u065f\u0670\u0610-\u061a\u06d6-\u06ed]/g;
const TATWEEL = /\u0640/g;

/**
 * Letter variants folded to the Persian letter. ۂ and ۓ are the precomposed hamza forms
 * of ہ and ے: NFKC composes them, so they are listed to get the same key as their letters.
 */
const LETTER_FOLDS: Record<string, string> = {
  '\u064a': '\u06cc', // ي Arabic yeh
  '\u0649': '\u06cc', // ى alef maksura
  '\u06d0': '\u06cc', // ې
  '\u06cd': '\u06cc', // ۍ
  '\u06d2': '\u06cc', // ے yeh barree
  '\u06d3': '\u06cc', // ۓ yeh barree with hamza
  '\u0643': '\u06a9', // ك Arabic kaf
  '\u06aa': '\u06a9', // ڪ swash kaf
  '\u0629': '\u0647', // ة teh marbuta
  '\u06c0': '\u0647', // ۀ heh with yeh above
  '\u06d5': '\u0647', // ە ae
  '\u06c1': '\u0647', // ہ heh goal
  '\u06c2': '\u0647', // ۂ heh goal with hamza
  '\u06be': '\u0647', // ھ heh doachashmee
  '\u0623': '\u0627', // أ
  '\u0625': '\u0627', // إ
  '\u0671': '\u0627', // ٱ alef wasla
  '\u0624': '\u0648', // ؤ
};
const LETTER_FOLD_RE = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'g');

/** ZWNJ, ZWJ, ZWSP, bidi marks, embeddings, overrides and isolates, BOM, soft hyphen. */
// ZWJ stands outside the class: inside one, lint reads it as joining its neighbours.
const INVISIBLES = /[\u200b\u200c\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff\u00ad]|\u200d/g;

/**
 * A Latin letter that NFKD may change — one outside ASCII (é, ș), or an ASCII letter
 * followed by combining marks — with its marks. Plain ASCII words are never matched, which
 * keeps English text fast.
 */
const LATIN_WITH_MARKS = /(?:(?=\p{Script=Latin})\P{ASCII}|[A-Za-z](?=[\u0300-\u036f]))[\u0300-\u036f]*/gu;
const COMBINING_LATIN_MARKS = /[\u0300-\u036f]/g;

/**
 * The rules of the search key without the final collapse of whitespace: every character
 * that separates words (spaces, ZWNJ, bidi controls) is still where it was, as a space.
 * The search index uses it to keep each word's key beside the word as typed.
 */
export function normalizeForSearch(text: string): string {
  let s = text
    // Farsi yeh + hamza above is how some layouts type ئ; NFKC only composes Arabic yeh.
    .replace(/\u06cc\u0654/g, '\u0626')
    .normalize('NFKC')
    .replace(ARABIC_MARKS, '')
    .replace(TATWEEL, '')
    .replace(LETTER_FOLD_RE, (c) => LETTER_FOLDS[c] ?? c);
  s = toAsciiDigits(s).replace(INVISIBLES, ' ').toLowerCase();
  // Only Latin letters are decomposed: NFKD would split آ and ئ into a letter and a mark.
  return s.replace(LATIN_WITH_MARKS, (m) => m.normalize('NFKD').replace(COMBINING_LATIN_MARKS, ''));
}

/**
 * The search key of a text: DESIGN §3 normalisation, then Latin accents folded
 * (Été → ete), whitespace collapsed and trimmed. Two spellings a reader takes for the same
 * word get the same key.
 */
export function searchKey(text: string): string {
  return normalizeForSearch(text).replace(/\s+/g, ' ').trim();
}

/** The search key without any spaces: compounds written apart or joined compare equal. */
export function compactKey(text: string): string {
  return searchKey(text).replace(/ /g, '');
}

/** Bidi embeddings, overrides and isolates: they can make a name read backwards (U+202E). */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
/** C0 and C1 controls and DEL, except tab and newline. */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Text safe to show as a name or title: bidi overrides and control characters removed
 * (a carriage return becomes a newline). ZWNJ and the bidi marks LRM/RLM stay: Persian
 * spelling needs them.
 */
export function cleanDisplayText(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(BIDI_CONTROLS, '').replace(CONTROLS, '');
}
