/**
 * Shows the welcome screen instead of the shell while the desk was never set up. A desk that
 * cannot answer goes on to the shell, which has its own way of showing what is wrong.
 */
import { Suspense, lazy, type ReactNode } from 'react';
import { useQuery } from '../../lib/query';

/** Read only on a desk never set up: an office that is set up never loads the welcome's code. */
const WelcomePage = lazy(() => import('./WelcomePage').then((m) => ({ default: m.WelcomePage })));

export function WelcomeGate({ children }: { children: ReactNode }) {
  // Read once: after setting up, the page reloads into the Desk.
  const status = useQuery('setup.status', {}, { entities: [] });
  if (status.error) return children;
  if (!status.data) return null;
  if (!status.data.completed)
    return (
      <Suspense fallback={null}>
        <WelcomePage login={status.data.actor} />
      </Suspense>
    );
  return children;
}
