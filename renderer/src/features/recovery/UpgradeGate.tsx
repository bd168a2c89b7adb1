/**
 * Shows the upgrade screen instead of everything else while the desk is backed up and its
 * structure updated before it opens. An open desk answers `upgrading: false` and the program
 * goes on as usual; once the update is done the main process reloads the page onto the desk.
 */
import { Suspense, lazy, useEffect, useState, type ReactNode } from 'react';
import type { UpgradeProgress } from '../../../../shared/api/system.contract';
import { hasMethod } from '../../app/sections';
import { on } from '../../lib/api';
import { useQuery } from '../../lib/query';

/** Read only while a desk is being upgraded. */
const UpgradePage = lazy(() => import('./UpgradePage').then((m) => ({ default: m.UpgradePage })));

export function UpgradeGate({ children }: { children: ReactNode }) {
  const status = useQuery('system.upgrade', hasMethod('system.upgrade') ? {} : null, { entities: [] });
  const [pushed, setPushed] = useState<UpgradeProgress | null>(null);
  useEffect(() => on('upgrade', setPushed), []);
  if (!hasMethod('system.upgrade') || status.error) return children;
  if (!status.data) return null;
  if (!status.data.upgrading) return children;
  return (
    <Suspense fallback={null}>
      <UpgradePage progress={pushed ?? status.data.progress} />
    </Suspense>
  );
}
