/**
 * The bench's repetitions carry a speed probe around and between them (bench/measure.ts), so
 * a run can tell a figure taken while the machine itself was slowed from the desk's own.
 */
import { describe, expect, it } from 'vitest';
import { judgeProbes, repeat, SLOWED, slowedProbes, speedProbe } from '../../bench/measure';

describe('the speed probe', () => {
  it('runs before the repetitions, after every tenth and after the last', async () => {
    let calls = 0;
    const stats = await repeat(25, 3, async () => {
      calls += 1;
    });
    expect(calls).toBe(28);
    expect(stats.n).toBe(25);
    // Before the first timed call, after the 10th and 20th, and after the 25th.
    expect(stats.probesMs).toHaveLength(4);
    for (const ms of stats.probesMs!) expect(ms).toBeGreaterThan(0);
  });

  it('times real work each time', () => {
    const times = Array.from({ length: 5 }, () => speedProbe());
    for (const ms of times) expect(ms).toBeGreaterThan(0.05);
  });

  it('counts as slowed only the probes over SLOWED times the run’s fastest', () => {
    expect(SLOWED).toBe(1.5);
    expect(slowedProbes([2, 3, 3.01, 5, 1.5], 2)).toBe(2);
    expect(slowedProbes([], 2)).toBe(0);
  });

  it('judges each result against the fastest probe of the whole run, not its own', () => {
    const stats = { n: 1, wallMedianMs: 1, wallP95Ms: 1, wallMaxMs: 1, cpuMedianMs: 1, cpuP95Ms: 1 };
    const fast = { stats: { ...stats, probesMs: [1, 1.2] } };
    const slow = { stats: { ...stats, probesMs: [2, 3, 1.4] } };
    const unprobed = { stats };
    const none: { stats?: typeof stats } = {};
    expect(judgeProbes([fast, slow, unprobed, none])).toEqual({
      probes: 5,
      fastestMs: 1,
      slowestMs: 3,
      slowedAbove: SLOWED,
    });
    expect(fast).toMatchObject({ slowedProbes: { slowed: 0, of: 2 } });
    // 2 and 3 are over 1.5× the run's fastest (1), though 2 is the fastest of its own.
    expect(slow).toMatchObject({ slowedProbes: { slowed: 2, of: 3 } });
    expect(unprobed).not.toHaveProperty('slowedProbes');
    expect(judgeProbes([unprobed, none])).toEqual({
      probes: 0,
      fastestMs: null,
      slowestMs: null,
      slowedAbove: SLOWED,
    });
  });
});
