/**
 * The text side of the index. A record's text is split into words as typed (at spaces, ZWNJ
 * and the other characters the search key turns into spaces), and each word gets its key.
 * The keys are indexed joined by single spaces, so the n-th key always belongs to the n-th
 * word as typed: a match found in the keys is marked on the original spelling without
 * re-normalising anything at query time.
 */
import { cleanDisplayText, normalizeForSearch } from '../../../../shared/text/persian';
import type { SearchSegment } from '../../../../shared/api/search.contract';

/**
 * Everything `normalizeForSearch` turns into a space, and whitespace itself (the set of
 * JavaScript's \s): the characters that end a typed word.
 */
function isWordBreak(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0xad ||
    c === 0x061c ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200f) ||
    c === 0x2028 ||
    c === 0x2029 ||
    (c >= 0x202a && c <= 0x202f) ||
    c === 0x205f ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
/** Characters FTS5's unicode61 keeps inside a token; everything else separates tokens. */
export const TOKEN_BREAKS = /[^\p{L}\p{N}\p{Co}]+/u;

export interface TypedWord {
  start: number;
  end: number;
}

/** The words of a text as typed, with their offsets; `limit` stops after that many words. */
export function splitWords(text: string, limit = Infinity): TypedWord[] {
  const words: TypedWord[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    if (isWordBreak(text.charCodeAt(i))) {
      if (start !== -1) {
        words.push({ start, end: i });
        start = -1;
        if (words.length >= limit) return words;
      }
    } else if (start === -1) {
      start = i;
    }
  }
  if (start !== -1) words.push({ start, end: text.length });
  return words;
}

/**
 * The key of each typed word, in one normalisation pass: the words are joined by newlines,
 * which no rule touches, and split again. A key never holds a space (NFKC expands a few
 * ligatures into several words; they stay one word here) and may be empty (a word of
 * tatweel or harakat only).
 */
export function wordKeys(text: string, words: readonly TypedWord[]): string[] {
  if (words.length === 0) return [];
  const joined = words.map((w) => text.slice(w.start, w.end)).join('\n');
  return normalizeForSearch(joined)
    .replace(/[^\S\n]+/g, '')
    .split('\n');
}

/**
 * What the word index holds for a text: the keys of its words joined by single spaces
 * (aligned with the typed words), and compounds written with a ZWNJ or ZWJ (خواهر‌خوانده)
 * run together into one word, so a query typed without the half-space finds them too.
 */
export function indexedForm(text: string): { keys: string; joined: string } {
  const words = splitWords(text);
  const keys = wordKeys(text, words);
  const compounds: string[] = [];
  let run = keys[0] ?? '';
  let parts = 1;
  for (let i = 1; i <= words.length; i++) {
    const joinedToPrevious =
      i < words.length && /^(?:\u200c|\u200d)+$/.test(text.slice(words[i - 1]!.end, words[i]!.start));
    if (joinedToPrevious) {
      run += keys[i]!;
      parts++;
      continue;
    }
    if (parts > 1 && run) compounds.push(run);
    run = keys[i] ?? '';
    parts = 1;
  }
  return { keys: keys.join(' '), joined: compounds.join(' ') };
}

/** The compact key (no spaces) for the trigram index: substrings and compounds. */
export function compactOf(alignedKeyText: string): string {
  return alignedKeyText.replace(/ /g, '');
}

/** What to mark in a record: compact needles found anywhere, and short prefixes of tokens. */
export interface MarkNeedles {
  /** Compact keys (three characters or more) marked wherever they occur, across words. */
  substrings: string[];
  /** Short keys (under three characters): marked as whole tokens, or as token starts when none stands alone. */
  prefixes: string[];
}

/** Which typed words of a text match the needles. */
export function markWords(keys: readonly string[], needles: MarkNeedles): boolean[] {
  const marked = new Array<boolean>(keys.length).fill(false);
  if (needles.substrings.length > 0) {
    const starts: number[] = [];
    let compact = '';
    for (const key of keys) {
      starts.push(compact.length);
      compact += key;
    }
    const wordAt = (offset: number): number => {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    for (const needle of needles.substrings) {
      for (let at = compact.indexOf(needle); at !== -1; at = compact.indexOf(needle, at + 1)) {
        const last = wordAt(at + needle.length - 1);
        for (let w = wordAt(at); w <= last; w++) marked[w] = true;
      }
    }
  }
  if (needles.prefixes.length > 0) {
    const tokens = keys.map((key) => (key === '' ? [] : key.split(TOKEN_BREAKS)));
    for (const prefix of needles.prefixes) {
      // A short word is marked where it stands alone (the ب of a register number); only a
      // record without it alone has it marked as the start of longer words.
      let whole = false;
      tokens.forEach((ts, i) => {
        if (ts.includes(prefix)) whole = marked[i] = true;
      });
      if (!whole) {
        tokens.forEach((ts, i) => {
          if (ts.some((t) => t.startsWith(prefix))) marked[i] = true;
        });
      }
    }
  }
  return marked;
}

function pushSegment(out: SearchSegment[], text: string, match: boolean): void {
  if (text === '') return;
  const last = out[out.length - 1];
  if (last && last.match === match) last.text += text;
  else out.push({ text, match });
}

/**
 * Gaps between words shown on one line; ZWNJ and the like stay (they are spelling). A gap
 * holding a line break stays one line break: in a record's search text it parts two fields
 * (the body, the register number, a party's name), which the screen sets apart.
 */
function gapText(gap: string): string {
  const clean = cleanDisplayText(gap);
  return /[\n\r]/.test(clean) ? '\n' : clean.replace(/\s+/g, ' ');
}

/**
 * The words `from..to` of a text as segments, marked words as matches; the gap between two
 * marked words is marked too, so a compound reads as one mark.
 */
function segmentsOf(
  text: string,
  words: readonly TypedWord[],
  marked: readonly boolean[],
  from: number,
  to: number,
  out: SearchSegment[] = [],
): SearchSegment[] {
  for (let i = from; i <= to; i++) {
    const word = words[i]!;
    if (i > from) {
      const gap = gapText(text.slice(words[i - 1]!.end, word.start));
      pushSegment(out, gap, marked[i - 1]! && marked[i]!);
    }
    pushSegment(out, cleanDisplayText(text.slice(word.start, word.end)), marked[i]!);
  }
  return out;
}

/** Keys for a text: the stored ones when they line up with the words, recomputed otherwise. */
function keysFor(text: string, words: readonly TypedWord[], stored: string | null): string[] {
  if (stored !== null) {
    const keys = stored === '' ? [] : stored.split(' ');
    if (keys.length === words.length) return keys;
  }
  return wordKeys(text, words);
}

/** A whole short text (a title) with its matching words marked. */
export function highlightAll(text: string, storedKeys: string | null, needles: MarkNeedles): SearchSegment[] {
  const words = splitWords(text);
  if (words.length === 0) return [];
  const marked = markWords(keysFor(text, words, storedKeys), needles);
  return segmentsOf(text, words, marked, 0, words.length - 1);
}

export const SNIPPET_WORDS = 24;
const SNIPPET_MAX_CHARS = 320;

/**
 * A passage of a long text around its matches: the window of words holding the most marked
 * words (the first such window), with an ellipsis where the text goes on.
 */
export function snippetOf(text: string, storedKeys: string | null, needles: MarkNeedles): SearchSegment[] {
  const words = splitWords(text);
  if (words.length === 0) return [];
  const marked = markWords(keysFor(text, words, storedKeys), needles);
  const size = Math.min(SNIPPET_WORDS, words.length);
  let count = 0;
  for (let i = 0; i < size; i++) if (marked[i]) count++;
  let best = count;
  let bestStart = 0;
  for (let start = 1; start + size <= words.length; start++) {
    if (marked[start - 1]) count--;
    if (marked[start + size - 1]) count++;
    if (count > best) {
      best = count;
      bestStart = start;
    }
  }
  // Start a few words before the first match, so it is read in its sentence.
  const firstMark = marked.indexOf(true, bestStart);
  let from = bestStart;
  if (firstMark !== -1 && firstMark === bestStart) from = Math.max(0, bestStart - 4);
  let to = Math.min(words.length - 1, from + size - 1);
  while (to > from && words[to]!.end - words[from]!.start > SNIPPET_MAX_CHARS && !marked[to]) to--;
  const segments: SearchSegment[] = from > 0 ? [{ text: '… ', match: false }] : [];
  segmentsOf(text, words, marked, from, to, segments);
  if (to < words.length - 1) pushSegment(segments, ' …', false);
  return segments;
}
