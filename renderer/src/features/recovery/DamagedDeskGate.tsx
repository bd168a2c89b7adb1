/**
 * Shows the damaged-desk screen instead of everything else when the desk file could not be
 * opened. An open desk answers `damaged: false` and the program goes on as usual.
 */
import type { ReactNode } from 'react';
import { hasMethod } from '../../app/sections';
import { useQuery } from '../../lib/query';
import { DamagedDeskPage } from './DamagedDeskPage';

export function DamagedDeskGate({ children }: { children: ReactNode }) {
  // Read once: after a restore the main process reloads the page onto the reopened desk.
  const status = useQuery('backup.damaged', hasMethod('backup.damaged') ? {} : null, { entities: [] });
  if (!hasMethod('backup.damaged') || status.error) return children;
  if (!status.data) return null;
  if (status.data.damaged) return <DamagedDeskPage status={status.data} />;
  return children;
}
