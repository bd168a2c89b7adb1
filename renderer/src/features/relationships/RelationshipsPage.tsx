/** The relationships section: the list, one relationship, and its form. */
import type { PageProps } from '../../app/pages';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useQuery } from '../../lib/query';
import { RelationshipDetail } from './RelationshipDetail';
import { RelationshipForm } from './RelationshipForm';
import { RelationshipList } from './RelationshipList';

function EditRelationship({ id }: { id: string }) {
  const query = useQuery('relationships.get', { id });
  if (query.error) return <ErrorNotice error={query.error} onRetry={query.refresh} />;
  if (!query.data) return <Loading />;
  return <RelationshipForm key={id} relationship={query.data} />;
}

export function RelationshipsPage({ route }: PageProps) {
  if (route.id === 'new')
    return <RelationshipForm {...(route.params?.partner ? { partnerId: route.params.partner } : {})} />;
  if (route.id && route.action === 'edit') return <EditRelationship id={route.id} />;
  if (route.id) return <RelationshipDetail id={route.id} />;
  return <RelationshipList route={route} />;
}
