/**
 * Checks form input with the contract's own zod schemas and puts every problem into the
 * user's language. The same schema runs again in the core; the messages here only make the
 * refusal readable before the round trip (and after it, for the issues the core sends).
 */
import type { z } from 'zod';
import type { ValidationIssue } from '../../../shared/api/errors';
import type { I18n } from '../i18n/locale';

/** Field path ('from.text', 'emails.0') → the first problem with it, translated. */
export type FieldErrors = Record<string, string>;

interface IssueLike {
  code?: string;
  message: string;
  maximum?: unknown;
  minimum?: unknown;
  origin?: string;
  input?: unknown;
}

type T = I18n['t'];

const MESSAGE_RULES: [RegExp, (t: T, calendarExample: string) => string][] = [
  [/^required$/, (t) => t('validation.required')],
  [/control characters/, (t) => t('validation.controls')],
  [/^not a date/, (t, example) => t('validation.date.format', { example })],
  [/^no such day/, (t) => t('validation.date.range')],
  [/first day comes after the last/, (t) => t('validation.date.order')],
  [/not an email address/, (t) => t('validation.email')],
  [/not a phone number/, (t) => t('validation.phone')],
  [/not a country code/, (t) => t('validation.country')],
  [/not a language tag/, (t) => t('validation.languageTag')],
  [/^name a partner/, (t) => t('validation.party')],
  [/latitude and longitude/i, (t) => t('validation.coordinates')],
  [/^not an id$/, (t) => t('validation.choice')],
];

/** One issue (from zod here, or from the core) in the user's language. */
export function translateIssue(issue: IssueLike, i18n: Pick<I18n, 't' | 'calendar'>): string {
  const { t } = i18n;
  const example = t(i18n.calendar === 'jalali' ? 'date.example.jalali' : 'date.example.gregorian');
  for (const [pattern, message] of MESSAGE_RULES) {
    if (pattern.test(issue.message)) return message(t, example);
  }
  const bound = (value: unknown, fallback: RegExp): number | null => {
    if (typeof value === 'number' || typeof value === 'bigint') return Number(value);
    const found = fallback.exec(issue.message);
    return found ? Number(found[1]) : null;
  };
  const code =
    issue.code ??
    (/^Too big/.test(issue.message) ? 'too_big' : /^Too small/.test(issue.message) ? 'too_small' : '');
  const origin =
    issue.origin ??
    (/array/.test(issue.message) ? 'array' : /number/.test(issue.message) ? 'number' : 'string');
  if (code === 'too_big') {
    const max = bound(issue.maximum, /<=?\s*(\d+)/) ?? 0;
    if (origin === 'array' || origin === 'set') return t('validation.tooMany', { max });
    if (origin === 'number') return t('validation.number.range', { min: 0, max });
    return t('validation.tooLong', { max });
  }
  if (code === 'too_small') {
    const min = bound(issue.minimum, />=?\s*(\d+)/) ?? 1;
    if (origin === 'array' || origin === 'set') return t('validation.tooFew', { min });
    if (origin === 'number') return t('validation.invalid');
    return min <= 1 ? t('validation.required') : t('validation.tooShort', { min });
  }
  if (issue.code === 'invalid_type' && (issue.input === undefined || issue.input === null)) {
    return t('validation.required');
  }
  if (/received undefined|received null/.test(issue.message)) return t('validation.required');
  if (issue.code === 'invalid_value' || /Invalid option/.test(issue.message)) return t('validation.choice');
  return t('validation.invalid');
}

function pathKey(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** Issues (from zod or from the core) as one translated message per field. */
export function toFieldErrors(
  issues: readonly (IssueLike & { path: readonly PropertyKey[] })[],
  i18n: Pick<I18n, 't' | 'calendar'>,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = pathKey(issue.path);
    if (!(key in errors)) errors[key] = translateIssue(issue, i18n);
  }
  return errors;
}

export type Checked<S extends z.ZodType> =
  { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors };

/** Runs a contract input schema over what the form holds. */
export function checkInput<S extends z.ZodType>(
  schema: S,
  input: z.input<S>,
  i18n: Pick<I18n, 't' | 'calendar'>,
): Checked<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, errors: toFieldErrors(parsed.error.issues, i18n) };
}

/** The issues the core sent with a VALIDATION error. */
export function coreFieldErrors(
  issues: readonly ValidationIssue[],
  i18n: Pick<I18n, 't' | 'calendar'>,
): FieldErrors {
  return toFieldErrors(issues, i18n);
}
