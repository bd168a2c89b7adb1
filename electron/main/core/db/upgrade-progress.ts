/**
 * The progress of opening a desk whose structure must be updated: the backup before it, the
 * proof of that backup, and each migration. One figure, from 0 to 1, runs across all three
 * so the opening screen shows one bar that never goes back; each phase carries its own
 * figures too (bytes, files or a migration's rows).
 */
import type { UpgradeProgress } from '../../../../shared/api/system.contract';

export type { UpgradeProgress } from '../../../../shared/api/system.contract';

/**
 * Shares of the bar, from the parts' times at office scale (2.3 GB): the copy about a sixth
 * of the waiting, its page check about two thirds, the migrations the rest.
 */
const SHARE = { backup: 0.15, check: 0.65, migrate: 0.2 } as const;

/** A migration reporting every row would flood the window; a figure every 100 ms is enough. */
const MIN_INTERVAL_MS = 100;

export interface UpgradeTracker {
  backup(done: number, total: number, unit: 'bytes' | 'files'): void;
  check(done: number, total: number): void;
  /** Migration `step` (1-based) of `steps` starts. */
  started(step: number, steps: number): void;
  /** The running migration's own rows. */
  rows(done: number, total: number): void;
  failed(problem: string): void;
}

function ratio(done: number, total: number): number {
  return total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
}

/**
 * Reports to `emit` (when given) in order, with a fraction that only grows. A desk without a
 * backup before its migrations (a new one) gives the whole bar to the migrations.
 */
export function upgradeTracker(emit: ((progress: UpgradeProgress) => void) | undefined): UpgradeTracker {
  let backedUp = false;
  let fraction = 0;
  let step = 0;
  let steps = 0;
  let lastAt = 0;
  let lastKey = '';
  const send = (
    phase: UpgradeProgress['phase'],
    done: number,
    total: number,
    unit: UpgradeProgress['unit'],
    at: number,
    problem: string | null = null,
  ) => {
    if (!emit) return;
    fraction = Math.max(fraction, Math.min(1, at));
    const key = `${phase}/${step}/${unit}`;
    const now = Date.now();
    const edge = key !== lastKey || done >= total || phase === 'failed';
    if (!edge && now - lastAt < MIN_INTERVAL_MS) return;
    lastAt = now;
    lastKey = key;
    emit({ phase, done, total, unit, step, steps, fraction, problem });
  };
  const migrateStart = () => (backedUp ? SHARE.backup + SHARE.check : 0);
  const migrateShare = () => (backedUp ? SHARE.migrate : 1);
  return {
    backup(done, total, unit) {
      backedUp = true;
      // The database file is nearly all of a backup; its attachments take the last tenth.
      const within = unit === 'bytes' ? 0.9 * ratio(done, total) : 0.9 + 0.1 * ratio(done, total);
      send('backup', done, total, unit, SHARE.backup * within);
    },
    check(done, total) {
      backedUp = true;
      send('check', done, total, 'bytes', SHARE.backup + SHARE.check * ratio(done, total));
    },
    started(next, count) {
      step = next;
      steps = count;
      send('migrate', 0, 0, 'none', migrateStart() + (migrateShare() * (next - 1)) / count);
    },
    rows(done, total) {
      const each = steps > 0 ? migrateShare() / steps : 0;
      send('migrate', done, total, 'rows', migrateStart() + each * (step - 1 + ratio(done, total)));
    },
    failed(problem) {
      send('failed', 0, 0, 'none', fraction, problem);
    },
  };
}
