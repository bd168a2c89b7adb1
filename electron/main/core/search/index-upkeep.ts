/**
 * Merging the full-text indexes while the desk is idle (see index-merge.ts for why). After
 * a write, once nobody has called the desk for a quiet spell, one small merge step runs at a
 * time as a background job, each its own transaction: a call arriving meanwhile waits for the
 * step in progress only (a few milliseconds) and the steps stop until the desk is quiet
 * again; closing the desk waits for the step in progress only. When nothing is left to merge,
 * one passive checkpoint copies the write-ahead log into the database file, so that the next
 * registration does not find the log full and copy it itself.
 */
import { sql } from 'kysely';
import type { Desk } from '../desk';
import { FTS_TABLES, mergeStep, PAGES_PER_STEP, type FtsTable } from './index-merge';

export interface IndexUpkeepOptions {
  /** How long nobody must have called the desk before merging starts (ms). */
  quietMs?: number;
  /** The pause between two steps, so that a call finds the connection free (ms). */
  gapMs?: number;
  /** Pages a step writes at most, roughly. */
  pagesPerStep?: number;
}

export interface IndexUpkeep {
  /** Steps that merged something since the desk opened. */
  readonly steps: number;
  /** Checkpoints run while the desk was idle. */
  readonly checkpoints: number;
  /** True while there may be segments left to merge, or a checkpoint to run. */
  readonly pending: boolean;
}

const QUIET_MS = 1_000;
const GAP_MS = 10;

/** Starts merging the open desk's indexes whenever it is idle; at once if it opens idle. */
export function startIndexUpkeep(desk: Desk, options: IndexUpkeepOptions = {}): IndexUpkeep {
  const quietMs = options.quietMs ?? QUIET_MS;
  const gapMs = options.gapMs ?? GAP_MS;
  const pages = options.pagesPerStep ?? PAGES_PER_STEP;
  /** Tables that may hold segments to merge; each is dropped when a step finds nothing. */
  const waiting = new Set<FtsTable>(FTS_TABLES);
  /** Whether the write-ahead log may hold pages not yet in the database file. */
  let checkpointDue = true;
  let steps = 0;
  let checkpoints = 0;
  let timer: NodeJS.Timeout | null = null;
  let stepping = false;
  /** The desk's count of calls and jobs when it was last looked at. */
  let seen = desk.callsStarted;

  const arm = (ms: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, ms);
    // Never what keeps the program running.
    timer.unref();
  };

  function tick(): void {
    timer = null;
    if (desk.closed || stepping || (waiting.size === 0 && !checkpointDue)) return;
    if (desk.busy || desk.callsStarted !== seen) {
      // Used since the last look: wait for a whole quiet spell again.
      seen = desk.callsStarted;
      arm(quietMs);
      return;
    }
    const table = waiting.values().next().value;
    stepping = true;
    desk.runInBackground('merging the search index', async (closing) => {
      try {
        if (closing()) return;
        if (table === undefined) {
          checkpointDue = false;
          // PASSIVE: copies what no reader still needs and never waits for one.
          await sql`PRAGMA wal_checkpoint(PASSIVE)`.execute(desk.internals.db);
          checkpoints++;
        } else if (await mergeStep(desk.internals.db, table, pages)) steps++;
        else waiting.delete(table);
      } catch (error) {
        // Not tried again until the next write; the failure is logged.
        if (table !== undefined) waiting.delete(table);
        throw error;
      } finally {
        stepping = false;
        if ((waiting.size > 0 || checkpointDue) && !desk.closed) arm(gapMs);
      }
    });
    // The step is a job too: only calls and jobs started after it mean the desk is in use.
    seen = desk.callsStarted;
  }

  // A write may have added segments: merge once the desk is quiet.
  desk.on('changed', () => {
    for (const table of FTS_TABLES) waiting.add(table);
    checkpointDue = true;
    if (!timer && !stepping) arm(quietMs);
  });
  arm(quietMs);
  return {
    get steps() {
      return steps;
    },
    get checkpoints() {
      return checkpoints;
    },
    get pending() {
      return waiting.size > 0 || checkpointDue;
    },
  };
}
