/** A small deterministic generator (a linear congruential one), so a failing case can be run again from its seed. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A month or day number as two digits. */
export const pad2 = (n: number) => String(n).padStart(2, '0');
