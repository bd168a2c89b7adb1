/**
 * Shows the start-up screens instead of everything else: the upgrade screen while the desk is
 * updated before it opens, and the damaged-desk screen when the desk file could not be
 * opened. An open desk answers `upgrading: false` and `damaged: false`, and the program goes
 * on as usual.
 */
import { Suspense, lazy, type ReactNode } from 'react';
import { hasMethod } from '../../app/sections';
import { useQuery } from '../../lib/query';
import { UpgradeGate } from './UpgradeGate';

/** Read only when the desk file could not be opened. */
const DamagedDeskPage = lazy(() => import('./DamagedDeskPage').then((m) => ({ default: m.DamagedDeskPage })));

export function DamagedDeskGate({ children }: { children: ReactNode }) {
  return (
    <UpgradeGate>
      <DamagedDeskCheck>{children}</DamagedDeskCheck>
    </UpgradeGate>
  );
}

function DamagedDeskCheck({ children }: { children: ReactNode }) {
  // Read once: after a restore the main process reloads the page onto the reopened desk.
  const status = useQuery('backup.damaged', hasMethod('backup.damaged') ? {} : null, { entities: [] });
  if (!hasMethod('backup.damaged') || status.error) return children;
  if (!status.data) return null;
  if (status.data.damaged)
    return (
      <Suspense fallback={null}>
        <DamagedDeskPage status={status.data} />
      </Suspense>
    );
  return children;
}
