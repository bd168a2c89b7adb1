/**
 * Shows the welcome screen instead of the shell while the desk was never set up. A desk that
 * cannot answer goes on to the shell, which has its own way of showing what is wrong.
 */
import type { ReactNode } from 'react';
import { useQuery } from '../../lib/query';
import { WelcomePage } from './WelcomePage';

export function WelcomeGate({ children }: { children: ReactNode }) {
  // Read once: after setting up, the page reloads into the Desk.
  const status = useQuery('setup.status', {}, { entities: [] });
  if (status.error) return children;
  if (!status.data) return null;
  if (!status.data.completed) return <WelcomePage login={status.data.actor} />;
  return children;
}
