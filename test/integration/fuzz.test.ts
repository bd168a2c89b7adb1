/**
 * Hostile input through the API, for every method in the contract (new methods are covered
 * as they are added): wrong types, huge strings, NUL, U+202E, __proto__ and constructor keys,
 * SQL text, FTS operators, path tricks, Jalali dates where Gregorian ones belong. Every answer
 * must be a typed result or a typed error other than INTERNAL, never a thrown exception; an
 * error must leave the database and the attachment folder exactly as they were; and no
 * built-in prototype may change. FUZZ_RUNS sets the runs per method (CI: 200), FUZZ_SEED
 * replays a run; scripts/fuzz-long.ts runs the same checks for longer.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES, contract } from '../../shared/api/contract';
import type { Desk } from '../../electron/main/core';
import {
  checkOneCall,
  emptyTally,
  hostileInput,
  openFuzzDesk,
  type FuzzDesk,
  type FuzzState,
  type StringPool,
} from '../helpers/fuzz';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
/** FUZZ_ONLY, a regular expression, narrows the run to some methods while looking into one. */
const ONLY = process.env.FUZZ_ONLY ? new RegExp(process.env.FUZZ_ONLY) : null;
const SEED = process.env.FUZZ_SEED === undefined ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED);

const tally = emptyTally();
const state: FuzzState = { full: null, changes: 0, files: '' };
let t: FuzzDesk;
let pool: StringPool;
let logged: string[];

beforeAll(async () => {
  t = await openFuzzDesk();
  ({ pool, logged } = t);
}, 120_000);

afterAll(async () => {
  await t.desk.close();
  const figures = {
    seed: SEED,
    runsPerMethod: RUNS,
    methods: METHOD_NAMES.length,
    ...tally,
    idsInPool: pool.size,
  };
  writeFileSync(join(t.dir, '..', 'desk-fuzz-figures.json'), JSON.stringify(figures, null, 2));
  console.log(`fuzz: ${JSON.stringify(figures)}`);
});

describe('the fuzz checks themselves', () => {
  /** A desk whose call is replaced, to prove that each check can fail. */
  function rigged(call: (method: string, input: unknown) => Promise<unknown>) {
    return { dir: t.dir, desk: { call, internals: t.desk.internals } as unknown as Desk };
  }
  const refuse = { ok: false, error: { code: 'NOT_FOUND', message: 'Letter x does not exist.' } };

  it('notice a refusal that changed the database', async () => {
    const s: FuzzState = { full: null, changes: 0, files: '' };
    const problem = await checkOneCall(
      rigged(async () => {
        await t.desk.call('settings.set', { key: 'relationships.dormantMonths', value: 77 });
        return refuse;
      }),
      'letters.get',
      {},
      pool,
      emptyTally(),
      s,
      [],
    );
    expect(problem).toBe('answered NOT_FOUND (Letter x does not exist.) but changed audit_log, settings');
  });

  it('notice prototype pollution, a thrown exception and an answer that is no result', async () => {
    const s: FuzzState = { full: null, changes: 0, files: '' };
    const polluting = rigged(async () => {
      (Object.prototype as Record<string, unknown>).polluted = 'yes';
      return refuse;
    });
    try {
      expect(await checkOneCall(polluting, 'x', {}, pool, emptyTally(), s, [])).toMatch(/prototype/);
    } finally {
      delete (Object.prototype as Record<string, unknown>).polluted;
    }
    const throwing = rigged(async () => {
      throw new Error('boom');
    });
    expect(await checkOneCall(throwing, 'x', {}, pool, emptyTally(), s, [])).toMatch(/^threw/);
    const odd = rigged(async () => 'fine');
    expect(await checkOneCall(odd, 'x', {}, pool, emptyTally(), s, [])).toMatch(/not a result/);
    const leaky = rigged(async () => ({
      ok: false,
      error: { code: 'CONFLICT', message: 'SQLITE_CONSTRAINT: UNIQUE' },
    }));
    expect(await checkOneCall(leaky, 'x', {}, pool, emptyTally(), s, [])).toMatch(/leaks internals/);
  });
});

describe(`hostile input to every method (seed ${SEED})`, () => {
  for (const [index, method] of METHOD_NAMES.entries()) {
    if (ONLY && !ONLY.test(method)) continue;
    it(`${method} answers a typed result, and on error changes nothing`, async () => {
      await fc.assert(
        fc.asyncProperty(hostileInput(contract[method].input, pool), async (input) => {
          const problem = await checkOneCall(t, method, input, pool, tally, state, logged);
          if (problem) throw new Error(`${method}: ${problem}`);
        }),
        { numRuns: RUNS, seed: SEED + index, endOnFailure: true, includeErrorInReport: true },
      );
    }, 300_000);
  }
});
