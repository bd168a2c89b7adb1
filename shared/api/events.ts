/**
 * Pushes from the core to the renderer. The preload lets the renderer subscribe to these
 * names only.
 */
import { z } from 'zod';
import { upgradeProgress } from './system.contract';

export const eventContract = {
  /** Progress of long work (import, export, backup, reindex). */
  progress: z.object({
    taskId: z.string(),
    method: z.string(),
    phase: z.string(),
    done: z.number(),
    total: z.number(),
  }),
  /** Records of these kinds changed; lists showing them should refresh. */
  changed: z.object({ entities: z.array(z.string()) }),
  /**
   * The page-by-page check of the desk file, run in the background after a large desk opened,
   * has finished. `damaged`: tell the user and offer the newest verified backup.
   */
  integrity: z.object({
    state: z.enum(['passed', 'damaged']),
    checkedAt: z.string(),
    problem: z.string().nullable(),
  }),
  /**
   * Opening a desk that needs its structure updated: the backup before it, the check of that
   * backup and each update, until the desk opens (or the update fails and changes nothing).
   */
  upgrade: upgradeProgress,
} as const;

export type EventName = keyof typeof eventContract;
export type EventPayload<E extends EventName> = z.infer<(typeof eventContract)[E]>;
export const EVENT_NAMES = Object.keys(eventContract) as EventName[];
