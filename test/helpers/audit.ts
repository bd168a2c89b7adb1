/**
 * What an update's audit row holds: the top-level fields whose value differs between the
 * record before and after, on both sides (written out here, not taken from the core).
 */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): [Record<string, unknown>, Record<string, unknown>] {
  const was: Record<string, unknown> = {};
  const now: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const b: unknown = JSON.parse(JSON.stringify(before[key] ?? null));
    const a: unknown = JSON.parse(JSON.stringify(after[key] ?? null));
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    was[key] = b;
    now[key] = a;
  }
  return [was, now];
}
