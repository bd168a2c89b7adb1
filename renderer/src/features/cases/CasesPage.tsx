/** The cases section: the list, one case, and its form. */
import type { PageProps } from '../../app/pages';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useQuery } from '../../lib/query';
import { CaseDetail } from './CaseDetail';
import { CaseForm } from './CaseForm';
import { CaseList } from './CaseList';

function EditCase({ id }: { id: string }) {
  const query = useQuery('cases.get', { id });
  if (query.error) return <ErrorNotice error={query.error} onRetry={query.refresh} />;
  if (!query.data) return <Loading />;
  return <CaseForm key={id} existing={query.data} />;
}

export function CasesPage({ route }: PageProps) {
  if (route.id === 'new') return <CaseForm />;
  if (route.id && route.action === 'edit') return <EditCase id={route.id} />;
  if (route.id) return <CaseDetail id={route.id} />;
  return <CaseList route={route} />;
}
