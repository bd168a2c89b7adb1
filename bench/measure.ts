/**
 * Repetitions with wall time and this process's CPU time side by side: on a loaded machine
 * wall time says how long the user waited, CPU time how much work the desk did.
 */
import { createHash } from 'node:crypto';

export interface Stats {
  n: number;
  wallMedianMs: number;
  wallP95Ms: number;
  wallMaxMs: number;
  cpuMedianMs: number;
  cpuP95Ms: number;
  /** The speed probe's times around and between the repetitions (see speedProbe). */
  probesMs?: number[];
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, at)]!;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

export function summarise(wall: number[], cpu: number[]): Stats {
  const w = [...wall].sort((a, b) => a - b);
  const c = [...cpu].sort((a, b) => a - b);
  return {
    n: w.length,
    wallMedianMs: round(quantile(w, 0.5)),
    wallP95Ms: round(quantile(w, 0.95)),
    wallMaxMs: round(w[w.length - 1] ?? Number.NaN),
    cpuMedianMs: round(quantile(c, 0.5)),
    cpuP95Ms: round(quantile(c, 0.95)),
  };
}

/** Times one run of `fn`: wall milliseconds and CPU milliseconds (user + system). */
export async function timeOnce<T>(fn: () => Promise<T>): Promise<{ wall: number; cpu: number; value: T }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1000, value };
}

let probeInput: Buffer | null = null;

/**
 * Times a fixed piece of work: the SHA-256 of 2 MB, native code that no JIT tiering changes
 * (about 1.4 ms on the reference machine at its full speed). The reference machine is a
 * virtual one that at times runs the same work 2–2.5 times slower, for seconds on end, its
 * CPU time growing with it: a figure taken then says more about the machine than about the
 * desk. `repeat` runs the probe before, between (every `PROBE_EVERY`) and after its
 * repetitions, and the report compares each probe with the run's fastest.
 */
export function speedProbe(): number {
  probeInput ??= Buffer.alloc(2 * 1024 * 1024, 7);
  const t0 = performance.now();
  createHash('sha256').update(probeInput).digest();
  return performance.now() - t0;
}

const PROBE_EVERY = 10;

/** A probe slower than this many times the run's fastest was taken on a slowed machine. */
export const SLOWED = 1.5;

/** How many of these probes were slowed, against the fastest probe of the whole run. */
export function slowedProbes(probesMs: readonly number[], fastestMs: number): number {
  return probesMs.filter((ms) => ms > SLOWED * fastestMs).length;
}

/** What a run's speed probes found, for the report's `machine` section. */
export interface SpeedProbeSummary {
  probes: number;
  fastestMs: number | null;
  slowestMs: number | null;
  slowedAbove: number;
}

/**
 * Judges every result's probes against the fastest probe of the whole run (known only once
 * every operation has run): sets each result's `slowedProbes` and answers the run's summary.
 */
export function judgeProbes(
  results: { stats?: Stats; slowedProbes?: { slowed: number; of: number } }[],
): SpeedProbeSummary {
  const all = results.flatMap((r) => r.stats?.probesMs ?? []);
  if (all.length === 0) return { probes: 0, fastestMs: null, slowestMs: null, slowedAbove: SLOWED };
  const fastestMs = Math.min(...all);
  for (const r of results) {
    const own = r.stats?.probesMs;
    if (own) r.slowedProbes = { slowed: slowedProbes(own, fastestMs), of: own.length };
  }
  return { probes: all.length, fastestMs, slowestMs: Math.max(...all), slowedAbove: SLOWED };
}

/** Runs `fn(i)` `warmup` times untimed, then `reps` times timed, with speed probes between. */
export async function repeat(
  reps: number,
  warmup: number,
  fn: (i: number) => Promise<unknown>,
): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const wall: number[] = [];
  const cpu: number[] = [];
  const probes = [speedProbe()];
  for (let i = 0; i < reps; i++) {
    const t = await timeOnce(() => fn(warmup + i));
    wall.push(t.wall);
    cpu.push(t.cpu);
    if ((i + 1) % PROBE_EVERY === 0 || i === reps - 1) probes.push(speedProbe());
  }
  return { ...summarise(wall, cpu), probesMs: probes.map(round) };
}
