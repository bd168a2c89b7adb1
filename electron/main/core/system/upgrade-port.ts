/**
 * What the window talks to while a desk is backed up and updated before it opens: a stand-in
 * for the Desk that answers `system.upgrade` (how far the opening is, or why it failed) and
 * pushes each step as the `upgrade` event; every other method answers CONFLICT, since the
 * desk is not open yet. The main process binds it to IPC as soon as an update starts and
 * binds the opened desk once it is done.
 */
import { contract } from '../../../../shared/api/contract';
import type { Result } from '../../../../shared/api/errors';
import type { UpgradeProgress, UpgradeStatus } from '../../../../shared/api/system.contract';
import type { Desk, Listener } from '../desk';

export interface UpgradePort extends Pick<Desk, 'call' | 'on'> {
  /** Passes on one step of the opening (openDesk's `onUpgrade`). */
  report(progress: UpgradeProgress): void;
  /** The opening stopped with this error; the desk was left as it was. */
  fail(problem: string): void;
}

export function upgradePort(): UpgradePort {
  let latest: UpgradeProgress | null = null;
  const listeners = new Set<Listener<'upgrade'>>();
  const publish = (progress: UpgradeProgress) => {
    latest = progress;
    for (const listener of listeners) listener(progress);
  };

  async function call(method: string, input: unknown): Promise<Result<unknown>> {
    if (method !== 'system.upgrade') {
      return {
        ok: false,
        error: { code: 'CONFLICT', message: 'The desk is being updated; it opens when that is done.' },
      };
    }
    if (!contract['system.upgrade'].input.safeParse(input ?? {}).success)
      return { ok: false, error: { code: 'VALIDATION', message: 'Unexpected input.' } };
    const status: UpgradeStatus = { upgrading: true, progress: latest };
    return { ok: true, value: status };
  }

  return {
    // One implementation behind the contract's typed overloads, as Desk.call has.
    call: call as Desk['call'],
    on: ((event: string, listener: Listener<'upgrade'>) => {
      if (event !== 'upgrade') return () => {};
      listeners.add(listener);
      return () => listeners.delete(listener);
    }) as Desk['on'],
    report: publish,
    fail(problem) {
      if (latest?.phase === 'failed') return;
      publish({
        phase: 'failed',
        done: 0,
        total: 0,
        unit: 'none',
        step: latest?.step ?? 0,
        steps: latest?.steps ?? 0,
        fraction: latest?.fraction ?? 0,
        problem,
      });
    },
  };
}
