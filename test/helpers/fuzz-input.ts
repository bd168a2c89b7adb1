/**
 * Hostile input for the fuzz test and scripts/fuzz-long.ts. Inputs are built from each
 * method's own zod schema, so most of them get past the first check and reach the handler
 * with hostile values inside; the rest are hostile as a whole (wrong types, huge strings,
 * objects with __proto__ keys). Ids come from a pool filled with the ids the desk answered,
 * so updates and lookups hit real records too.
 */
import fc from 'fast-check';
import type { z } from 'zod';

/** Strings that have broken programs before. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\t\n',
  'x'.repeat(301),
  'x'.repeat(20_001),
  'ا'.repeat(200_001),
  '\u0000',
  'abc\u0000def',
  '\u202Efdp.exe',
  'نامه\u202Eexe.pdf',
  '\uD800',
  '\uFFFE\uFFFF',
  '\u200C\u200D\u200B\uFEFF\u00AD',
  'خواهر‌خوانده',
  'اصفهان — 👩‍👩‍👧 — Florence',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  "'; DROP TABLE letters; --",
  '" OR 1=1 --',
  "Robert'); DELETE FROM audit_log; --",
  'NEAR(اصفهان فلورانس)',
  '"unterminated',
  'a* OR b* NOT c',
  '^title: x',
  '{title subject}: y',
  '*',
  '%',
  '_',
  '../../../../etc/passwd',
  '..\\..\\Windows\\win.ini',
  '/etc/passwd',
  'C:\\Windows\\System32\\cmd.exe',
  '\\\\server\\share\\desk.sqlite',
  'CON',
  'NUL.txt',
  'file:///etc/passwd',
  'javascript:alert(1)',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}%s%n',
  '1404/12/30',
  '1403/12/30',
  '۱۴۰۴/۱۲/۳۰',
  '2025-02-29',
  '2024-02-29',
  '0000-00-00',
  '9999-12-31',
  '2025-13-01',
  '2025-05-05',
  '2025-05-05T09:00:00.000Z',
  '-1',
  'NaN',
  '1e309',
  'null',
  'undefined',
  'true',
];

const HOSTILE_NUMBERS: readonly number[] = [
  0,
  -0,
  1,
  -1,
  2,
  0.5,
  2 ** 31,
  -(2 ** 31),
  2 ** 53,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.MIN_VALUE,
];

/** An object that has `__proto__` as an own key, as JSON.parse makes it. */
function withOwnKey(base: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const out = { ...base };
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

const pollutingValue = { polluted: 'yes', isAdmin: true, toString: 'x' };

const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'x', 'id');

/** Values of any type, hostile ones among them. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({
    key: fc.oneof(fc.string({ maxLength: 8 }), hostileKey),
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withSparseArray: true,
    withNullPrototype: true,
    withBoxedValues: true,
    maxDepth: 3,
  }),
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.constantFrom(...HOSTILE_NUMBERS),
  fc.constantFrom<unknown>(
    null,
    undefined,
    true,
    [],
    {},
    Object.create(null),
    JSON.parse('{"__proto__": {"polluted": "yes"}}'),
    JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}'),
    new Array(10_000).fill('x'),
    BigInt('123456789012345678901234567890'),
    new Date(Number.NaN),
  ),
);

/** Ids (and other strings) the desk has answered; generation reads the pool as it grows. */
export class StringPool {
  readonly #items: string[] = [];
  readonly #seen = new Set<string>();

  add(value: string): void {
    if (this.#seen.has(value) || this.#items.length >= 5_000) return;
    this.#seen.add(value);
    this.#items.push(value);
  }

  /** Collects every id-like string of an answer. */
  collect(value: unknown, depth = 0): void {
    if (depth > 8) return;
    if (typeof value === 'string') {
      if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value)) this.add(value);
    } else if (Array.isArray(value)) {
      for (const item of value.slice(0, 50)) this.collect(item, depth + 1);
    } else if (value && typeof value === 'object') {
      for (const item of Object.values(value).slice(0, 100)) this.collect(item, depth + 1);
    }
  }

  pick(n: number): string | undefined {
    return this.#items.length === 0 ? undefined : this.#items[n % this.#items.length];
  }

  get size(): number {
    return this.#items.length;
  }
}

interface ZodDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  items?: z.ZodType[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
  getter?: () => z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
}

function defOf(schema: z.ZodType): ZodDef {
  return (schema as unknown as { _zod: { def: ZodDef } })._zod.def;
}

/**
 * Builds values shaped like `schema` with hostile values inside: each leaf is usually of
 * the right type (and often valid), sometimes anything at all.
 */
export function shapedLike(schema: z.ZodType, pool: StringPool, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const poolString = fc.nat().map((n) => pool.pick(n) ?? '00000000-0000-7000-8000-000000000000');
  const strings = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 3, arbitrary: poolString },
    { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 1, arbitrary: fc.uuid() },
  );
  const numbers = fc.oneof(
    fc.constantFrom(...HOSTILE_NUMBERS),
    fc.integer({ min: -5, max: 500 }),
    fc.double(),
  );
  const mixed = (typed: fc.Arbitrary<unknown>) =>
    fc.oneof({ weight: 6, arbitrary: typed }, { weight: 1, arbitrary: hostileValue });
  if (depth > 6) return hostileValue;
  const inner = (s: z.ZodType | undefined) => (s ? shapedLike(s, pool, depth + 1) : hostileValue);

  switch (def.type) {
    case 'string':
      return mixed(strings);
    case 'number':
    case 'int':
      return mixed(numbers);
    case 'boolean':
      return mixed(fc.boolean());
    case 'enum':
      return mixed(fc.constantFrom(...Object.values(def.entries ?? { x: 'x' })));
    case 'literal':
      return mixed(fc.constantFrom(...(def.values ?? [null])));
    case 'optional':
      return fc.oneof(
        { weight: 1, arbitrary: fc.constant(undefined) },
        { weight: 3, arbitrary: inner(def.innerType) },
      );
    case 'nullable':
      return fc.oneof(
        { weight: 1, arbitrary: fc.constant(null) },
        { weight: 3, arbitrary: inner(def.innerType) },
      );
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return fc.oneof(
        { weight: 1, arbitrary: fc.constant(undefined) },
        { weight: 3, arbitrary: inner(def.innerType) },
      );
    case 'pipe':
      return inner(def.in);
    case 'lazy':
      return def.getter ? inner(def.getter()) : hostileValue;
    case 'array':
      return mixed(fc.array(inner(def.element), { maxLength: 4 }));
    case 'tuple':
      return mixed(fc.tuple(...(def.items ?? []).map((item) => inner(item))));
    case 'union':
      return fc.oneof(...(def.options ?? []).map((option) => inner(option)));
    case 'intersection':
      return fc.oneof(inner(def.left), inner(def.right));
    case 'record':
      return mixed(fc.dictionary(fc.oneof(strings, hostileKey), inner(def.valueType), { maxKeys: 3 }));
    case 'object': {
      const shape = def.shape ?? {};
      const fields = Object.fromEntries(Object.entries(shape).map(([key, value]) => [key, inner(value)]));
      const base = fc.record(fields, { requiredKeys: [] });
      const extra = fc
        .tuple(base, hostileKey, hostileValue)
        .map(([obj, key, value]) =>
          withOwnKey(obj as Record<string, unknown>, key, key === '__proto__' ? pollutingValue : value),
        );
      return fc.oneof(
        { weight: 8, arbitrary: base },
        { weight: 1, arbitrary: extra },
        { weight: 1, arbitrary: hostileValue },
      );
    }
    default:
      return hostileValue;
  }
}

/** The input of one fuzz case: mostly shaped like the method's input, sometimes anything. */
export function hostileInput(schema: z.ZodType, pool: StringPool): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 4, arbitrary: shapedLike(schema, pool) }, { weight: 1, arbitrary: hostileValue });
}
