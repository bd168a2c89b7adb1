/**
 * What the user typed, read as words, "quoted phrases" and -excluded words, and written as
 * FTS5 queries for the two indexes. Nothing the user types reaches FTS5 as syntax: every
 * word is normalised to its key, cut into tokens (letters and digits only) and quoted, so
 * operators, parentheses, stars and stray quotes are just text.
 */
import { SEARCH_LIMITS } from '../../../../shared/api/search.contract';
import { searchKey } from '../../../../shared/text/persian';
import { invalid } from '../errors';
import { TOKEN_BREAKS, type MarkNeedles } from './search.text';

export interface QueryTerm {
  /** The tokens of the term's key, as the word index splits them. */
  tokens: string[];
  /** The key without spaces, punctuation trimmed at both ends: the trigram needle. */
  compact: string;
  /** Quoted by the user: found as written, not as the start of longer words. */
  phrase: boolean;
}

export interface ParsedQuery {
  include: QueryTerm[];
  exclude: QueryTerm[];
}

const OPENING_QUOTES = '"“«';
const CLOSING_QUOTES = '"”»';
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

function termOf(raw: string, phrase: boolean): QueryTerm | null {
  const key = searchKey(raw);
  const tokens = key.split(TOKEN_BREAKS).filter((t) => t !== '');
  if (tokens.length === 0) return null;
  return { tokens, compact: key.replace(/ /g, '').replace(EDGE_PUNCTUATION, ''), phrase };
}

/** Reads the query text; throws VALIDATION when it holds more terms than one search takes. */
export function parseQuery(text: string): ParsedQuery {
  const include: QueryTerm[] = [];
  const exclude: QueryTerm[] = [];
  let i = 0;
  let count = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    let negate = false;
    if (c === '-' && i + 1 < text.length && !/\s/.test(text[i + 1]!)) {
      negate = true;
      i++;
    }
    let raw: string;
    let phrase = false;
    if (OPENING_QUOTES.includes(text[i]!)) {
      const close = text.slice(i + 1).search(new RegExp(`[${CLOSING_QUOTES}]`));
      const end = close === -1 ? text.length : i + 1 + close;
      raw = text.slice(i + 1, end);
      phrase = true;
      i = end + 1;
    } else {
      let end = i;
      while (end < text.length && !/\s/.test(text[end]!) && !OPENING_QUOTES.includes(text[end]!)) end++;
      raw = text.slice(i, end);
      i = end;
    }
    const term = termOf(raw, phrase);
    if (!term) continue;
    if (++count > SEARCH_LIMITS.terms) {
      throw invalid(`A search takes at most ${SEARCH_LIMITS.terms} words and phrases.`, ['text']);
    }
    (negate ? exclude : include).push(term);
  }
  return { include, exclude };
}

/** Heh at the end of a word becomes گ before ـی and ـان: خواهرخوانده, خواهرخواندگی. */
const SILENT_HEH = 'ه';
const HEH_STEM_MIN = 4;

function hasHehStem(word: string): boolean {
  return word.length >= HEH_STEM_MIN && word.endsWith(SILENT_HEH);
}

function quote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function anyOf(alternatives: string[]): string {
  return alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(' OR ')})`;
}

const lettersOnly = (tokens: string[]) => tokens.every((t) => /^\p{L}+$/u.test(t));

/**
 * The word-index query of one term: its tokens as a phrase (the last token as a prefix when
 * asked), the parts run together for compounds written with a half-space, and the گ stem of
 * a word ending in silent heh (خواهرخوانده → خواهرخواندگی, خواهرخواندگان).
 */
function wordTerm(term: QueryTerm, asPrefix: boolean, withStem = !term.phrase): string {
  const forms: [string[], boolean][] = [[term.tokens, asPrefix]];
  const last = term.tokens[term.tokens.length - 1]!;
  if (withStem && hasHehStem(last))
    forms.push([[...term.tokens.slice(0, -1), `${last.slice(0, -1)}گ`], true]);
  const alternatives: string[] = [];
  for (const [tokens, prefix] of forms) {
    const star = prefix ? '*' : '';
    alternatives.push(`${quote(tokens.join(' '))}${star}`);
    if (tokens.length > 1 && lettersOnly(tokens)) alternatives.push(`${quote(tokens.join(''))}${star}`);
  }
  return anyOf(alternatives);
}

/** The trigram query of one term: its compact key, and the گی/گان forms of a silent heh. */
function gramTerm(term: QueryTerm): string {
  const alternatives = [quote(term.compact)];
  if (!term.phrase && hasHehStem(term.compact)) {
    const stem = term.compact.slice(0, -1);
    alternatives.push(quote(`${stem}گی`), quote(`${stem}گان`));
  }
  return anyOf(alternatives);
}

/** Tokens of the `meta` column: kind of record and calendar date. */
export interface MetaFilter {
  types: string[] | null;
  dates: string[] | null;
}

/** The meta token of a kind of record: letters and digits only, so both tokenizers keep it whole. */
export function typeToken(type: string): string {
  return `t${type.replace(/[^a-z0-9]/gi, '').toLowerCase()}`;
}

/** The meta column of a record: `|tletter|y2025|m202501|d20250115|`. */
export function metaOf(type: string, date: string | null): string {
  const parts = [typeToken(type)];
  if (date && /^\d{4}-\d{2}-\d{2}$/.test(date)) {
    const [y, m, d] = date.split('-') as [string, string, string];
    parts.push(`y${y}`, `m${y}${m}`, `d${y}${m}${d}`);
  }
  return `|${parts.join('|')}|`;
}

function metaClause(filter: MetaFilter, wrap: (token: string) => string): string[] {
  const clauses: string[] = [];
  for (const tokens of [filter.types, filter.dates]) {
    if (tokens) clauses.push(`meta : ${anyOf(tokens.map((t) => quote(wrap(t))))}`);
  }
  return clauses;
}

export interface SearchPlan {
  /** The query is shorter than three characters: prefix search, newest first. */
  short: boolean;
  /** MATCH expression for the word index. */
  words: string;
  /** MATCH expression for the trigram index, or null when it cannot help. */
  grams: string | null;
  /** What to mark in titles and snippets. */
  needles: MarkNeedles;
}

const WORD_COLUMNS = '{title body joined}';
const GRAM_COLUMNS = '{title body}';
const TRIGRAM = 3;

/** Both FTS5 queries and the highlight needles for a parsed query; null when nothing can match. */
export function planSearch(query: ParsedQuery, filter: MetaFilter): SearchPlan | null {
  if (query.include.length === 0) return null;
  const length = query.include.reduce((n, t) => n + t.compact.length, 0);
  const short = length < TRIGRAM;
  // Only the last word is read as the start of a longer word (the one still being typed):
  // a prefix makes FTS5 merge the postings of every word it starts, for the whole index.
  const last = query.include.length - 1;
  const positive = query.include.map((t, i) => wordTerm(t, i === last && !t.phrase)).join(' AND ');
  let words = `${WORD_COLUMNS} : (${positive})`;
  if (query.exclude.length > 0) {
    const negative = query.exclude.map((t) => wordTerm(t, false, false)).join(' OR ');
    words = `(${words}) NOT (${WORD_COLUMNS} : (${negative}))`;
  }
  words = [words, ...metaClause(filter, (t) => t)].map((c) => `(${c})`).join(' AND ');

  // Trigrams cannot say where a number ends (1/1404 is inside 11/1404), nor exclude a word
  // shorter than a trigram; such queries stay with the word index.
  let grams: string | null = null;
  const gramTerms = query.include.filter((t) => t.compact.length >= TRIGRAM);
  const usable =
    !short &&
    gramTerms.length > 0 &&
    !query.include.some((t) => /\d/.test(t.compact)) &&
    query.exclude.every((t) => t.compact.length >= TRIGRAM);
  if (usable) {
    grams = `${GRAM_COLUMNS} : (${gramTerms.map(gramTerm).join(' AND ')})`;
    if (query.exclude.length > 0) {
      grams = `(${grams}) NOT (${GRAM_COLUMNS} : (${query.exclude.map((t) => quote(t.compact)).join(' OR ')}))`;
    }
    grams = [grams, ...metaClause(filter, (t) => `|${t}|`)].map((c) => `(${c})`).join(' AND ');
  }

  const substrings = new Set<string>();
  const prefixes = new Set<string>();
  for (const term of query.include) {
    if (term.compact.length >= TRIGRAM) {
      substrings.add(term.compact);
      if (!term.phrase && hasHehStem(term.compact)) substrings.add(`${term.compact.slice(0, -1)}گ`);
    } else {
      for (const token of term.tokens) prefixes.add(token);
    }
  }
  return { short, words, grams, needles: { substrings: [...substrings], prefixes: [...prefixes] } };
}
