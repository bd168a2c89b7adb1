/**
 * Building blocks for contract schemas. Every string is bounded, every object strict, so
 * the boundary refuses oversized or unexpected input before any service runs.
 */
import { z } from 'zod';

export const LIMITS = {
  name: 300,
  short: 100,
  title: 500,
  text: 20_000,
  longText: 200_000,
  path: 4_096,
  listLimit: 500,
} as const;

/** Characters a user never means to type into a field: NUL and the C0 controls except tab/newline. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** A bounded single-line or multi-line text; refuses NUL and other control characters. */
export function text(max: number = LIMITS.text) {
  return z
    .string()
    .max(max)
    .refine((s) => !FORBIDDEN_CONTROLS.test(s), { message: 'contains control characters' });
}

/** A required, trimmed, non-empty bounded text. */
export function requiredText(max: number = LIMITS.name) {
  return text(max)
    .transform((s) => s.trim())
    .pipe(z.string().min(1, { message: 'required' }));
}

/** An optional text that may also be null; empty strings become null. */
export function optionalText(max: number = LIMITS.text) {
  return text(max)
    .transform((s) => (s.trim() === '' ? null : s.trim()))
    .nullable()
    .optional();
}

/** UUIDv7 (or any RFC 9562 UUID) identifier in canonical lower-case form. */
export const id = z
  .string()
  .max(36)
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, { message: 'not an id' });

/** A Gregorian calendar date as stored: YYYY-MM-DD, and a real day. */
export const isoDate = z
  .string()
  .max(10)
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'not a date (YYYY-MM-DD)' })
  .refine(
    (s) => {
      const [y, m, d] = s.split('-').map(Number) as [number, number, number];
      const date = new Date(Date.UTC(y, m - 1, d));
      return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
    },
    { message: 'no such day' },
  );

/** A UTC timestamp as stored: ISO 8601 with Z. */
export const isoTimestamp = z.string().max(30);

export const sortDirection = z.enum(['asc', 'desc']);

/** Paging for list methods; the answer always carries the total. */
export const paging = {
  limit: z.number().int().min(1).max(LIMITS.listLimit).default(50),
  offset: z.number().int().min(0).max(10_000_000).default(0),
};

/** The output shape of every list method. */
export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

export const empty = z.strictObject({});
export const byId = z.strictObject({ id });
