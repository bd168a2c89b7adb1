/**
 * The long fuzz run: the same hostile inputs and checks as test/integration/fuzz.test.ts,
 * with many more runs, first method by method and then with all methods interleaved (so one
 * method's records are another's targets). Prints the figures for docs/RELIABILITY.md.
 *
 *   node --import tsx scripts/fuzz-long.ts [--runs 2000] [--mixed 100000] [--seed 42]
 *
 * Exits 1 at the first broken promise, with the method, the seed and the input.
 */
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { METHOD_NAMES, contract } from '../shared/api/contract';
import { checkOneCall, emptyTally, hostileInput, openFuzzDesk, type FuzzState } from '../test/helpers/fuzz';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '2000' },
    mixed: { type: 'string', default: '50000' },
    seed: { type: 'string' },
  },
});
const runs = Number(values.runs);
const mixed = Number(values.mixed);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);

function describeInput(input: unknown): string {
  try {
    const text = fc.stringify(input);
    return text.length > 2000 ? `${text.slice(0, 2000)}… (${text.length} characters)` : text;
  } catch {
    return String(input);
  }
}

async function main(): Promise<void> {
  const t = await openFuzzDesk();
  const tally = emptyTally();
  const state: FuzzState = { full: null, changes: 0, files: '' };
  const started = Date.now();
  const check = async (method: string, input: unknown) => {
    const problem = await checkOneCall(t, method, input, t.pool, tally, state, t.logged);
    if (problem) throw new Error(`${method}: ${problem}\ninput: ${describeInput(input)}`);
  };
  try {
    for (const [index, method] of METHOD_NAMES.entries()) {
      await fc.assert(
        fc.asyncProperty(hostileInput(contract[method].input, t.pool), (input) => check(method, input)),
        { numRuns: runs, seed: seed + index, endOnFailure: true, includeErrorInReport: true },
      );
      process.stdout.write(`${method}: ${runs} runs, ${tally.inputs} inputs so far\n`);
    }
    const anyMethod = fc.oneof(
      ...METHOD_NAMES.map((method) =>
        fc.tuple(fc.constant(method), hostileInput(contract[method].input, t.pool)),
      ),
    );
    await fc.assert(
      fc.asyncProperty(anyMethod, ([method, input]) => check(method, input)),
      { numRuns: mixed, seed, endOnFailure: true, includeErrorInReport: true },
    );
    const figures = {
      seed,
      runsPerMethod: runs,
      mixedRuns: mixed,
      methods: METHOD_NAMES.length,
      ...tally,
      idsInPool: t.pool.size,
      minutes: Math.round((Date.now() - started) / 600) / 100,
    };
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  } finally {
    await t.desk.close();
    rmSync(t.dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `fuzz-long (seed ${seed}): ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
