/**
 * What every screen may need about the desk it runs on: today's date by the desk's clock
 * (not the page's, so dates agree with what the core records), the registered user, and
 * the office settings. Loaded once, refreshed when users or settings change.
 */
import { createContext, use, type ReactNode } from 'react';
import type { MethodOutput } from '../../../shared/api/contract';
import type { User } from '../../../shared/api/system.contract';
import { todayIso } from '../../../shared/dates/jalali';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { useQuery } from '../lib/query';

export interface Session {
  info: MethodOutput<'system.info'>;
  settings: MethodOutput<'settings.get'>;
  /** Today as YYYY-MM-DD on the desk's clock, in this workstation's time zone. */
  today: string;
  me: User | null;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const value = use(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const info = useQuery('system.info', {}, { entities: ['user'] });
  const settings = useQuery('settings.get', {}, { entities: ['setting'] });
  const error = info.error ?? settings.error;
  if (error) {
    const retry = () => {
      info.refresh();
      settings.refresh();
    };
    return <ErrorNotice error={error} onRetry={retry} />;
  }
  const infoData = info.data ?? info.previous;
  const settingsData = settings.data ?? settings.previous;
  if (!infoData || !settingsData) return <Loading />;
  const value: Session = {
    info: infoData,
    settings: settingsData,
    today: todayIso(new Date(infoData.now)),
    me: infoData.currentUser,
  };
  return <SessionContext value={value}>{children}</SessionContext>;
}
