/**
 * Register numbers (شماره ثبت) from the office's pattern, e.g. `{seq}/{year}/ر ب` → `17/1404/ر ب`.
 * The core stores the number with ASCII digits; Persian screens and documents show it with
 * Persian digits. Pure: used by the core, the documents and the renderer alike.
 */
import { compactKey } from '../text/persian';
import { toAsciiDigits, toPersianDigits } from '../text/digits';

/** The placeholders a pattern may hold; `{seq}` is required. */
export const REGISTER_TOKENS = ['{seq}', '{year}', '{secretariat}'] as const;
export type RegisterToken = (typeof REGISTER_TOKENS)[number];

export const DEFAULT_REGISTER_PATTERN = '{seq}/{year}/ر ب';

export interface RegisterNumberParts {
  /** The running number within the secretariat and Jalali year, from 1. */
  seq: number;
  /** The Jalali year (1404, 1405, …). */
  year: number;
  secretariat: string;
}

/** What a typed number says; a part the pattern does not hold is null. */
export interface ParsedRegisterNumber {
  seq: number;
  year: number | null;
  /** As given, or as found in the text (in its compact search-key form) when not given. */
  secretariat: string | null;
}

const TOKEN_RE = /\{[^{}]*\}/g;

/** What is wrong with a pattern, in plain words; empty when it can be used. */
export function registerPatternProblems(pattern: string): string[] {
  const problems: string[] = [];
  if (!pattern.includes('{seq}')) problems.push('the pattern must contain {seq}');
  for (const token of pattern.match(TOKEN_RE) ?? []) {
    if (!(REGISTER_TOKENS as readonly string[]).includes(token)) {
      problems.push(`unknown placeholder ${token}; use ${REGISTER_TOKENS.join(', ')}`);
    }
  }
  return problems;
}

/**
 * The register number as stored: the pattern with its placeholders replaced, ASCII digits.
 * Unknown placeholders stay as written (the settings screen reports them).
 */
export function formatRegisterNumber(pattern: string, parts: RegisterNumberParts): string {
  if (!Number.isSafeInteger(parts.seq) || parts.seq < 1) throw new RangeError(`bad sequence ${parts.seq}`);
  if (!Number.isSafeInteger(parts.year) || parts.year < 1) throw new RangeError(`bad year ${parts.year}`);
  return pattern.replace(TOKEN_RE, (token) => {
    switch (token) {
      case '{seq}':
        return String(parts.seq);
      case '{year}':
        return String(parts.year);
      case '{secretariat}':
        return parts.secretariat;
      default:
        return token;
    }
  });
}

/**
 * A stored number for display: Persian digits for Persian, as stored for English. No bidi
 * marks are added; the screens show numbers in an element with `dir="auto"`.
 */
export function displayRegisterNumber(number: string, locale: 'fa' | 'en'): string {
  return locale === 'fa' ? toPersianDigits(number) : toAsciiDigits(number);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Reads a register number typed or pasted by a user back into its parts: any digit script,
 * Arabic or Persian letter forms, spaces anywhere or nowhere (`رب` for `ر ب`). `secretariat`, when known, must match the
 * `{secretariat}` placeholder; otherwise the placeholder matches any text. Null when the
 * text does not follow the pattern.
 */
export function parseRegisterNumber(
  pattern: string,
  text: string,
  secretariat?: string,
): ParsedRegisterNumber | null {
  const patternKey = compactKey(pattern);
  const textKey = compactKey(toAsciiDigits(text));
  const seen = new Set<string>();
  let source = '^';
  let last = 0;
  for (const match of patternKey.matchAll(TOKEN_RE)) {
    source += escapeRegExp(patternKey.slice(last, match.index));
    last = match.index + match[0].length;
    const token = match[0];
    const name =
      token === '{seq}' ? 'seq' : token === '{year}' ? 'year' : token === '{secretariat}' ? 'sec' : null;
    if (name === null) {
      source += escapeRegExp(token);
    } else if (seen.has(name)) {
      source += `\\k<${name}>`;
    } else {
      seen.add(name);
      const body =
        name === 'seq'
          ? '\\d{1,15}'
          : name === 'year'
            ? '\\d{4}'
            : secretariat !== undefined
              ? escapeRegExp(compactKey(secretariat))
              : '.+?';
      source += `(?<${name}>${body})`;
    }
  }
  source += `${escapeRegExp(patternKey.slice(last))}$`;
  const groups = new RegExp(source, 'u').exec(textKey)?.groups;
  if (!groups?.seq) return null;
  const seq = Number(groups.seq);
  if (!Number.isSafeInteger(seq) || seq < 1) return null;
  return {
    seq,
    year: groups.year ? Number(groups.year) : null,
    secretariat: secretariat ?? groups.sec ?? null,
  };
}
