/**
 * Repetitions with wall time and this process's CPU time side by side: on a loaded machine
 * wall time says how long the user waited, CPU time how much work the desk did.
 */

export interface Stats {
  n: number;
  wallMedianMs: number;
  wallP95Ms: number;
  wallMaxMs: number;
  cpuMedianMs: number;
  cpuP95Ms: number;
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

/** Runs `fn(i)` `warmup` times untimed, then `reps` times timed. */
export async function repeat(
  reps: number,
  warmup: number,
  fn: (i: number) => Promise<unknown>,
): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = await timeOnce(() => fn(warmup + i));
    wall.push(t.wall);
    cpu.push(t.cpu);
  }
  return summarise(wall, cpu);
}
