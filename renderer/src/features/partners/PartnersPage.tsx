/** The partners section: list, map and people; one partner; the partner form. */
import type { PageProps } from '../../app/pages';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useQuery } from '../../lib/query';
import { PartnerDetail } from './PartnerDetail';
import { PartnerForm } from './PartnerForm';
import { PartnerList } from './PartnerList';

function EditPartner({ id }: { id: string }) {
  const query = useQuery('partners.get', { id });
  if (query.error) return <ErrorNotice error={query.error} onRetry={query.refresh} />;
  if (!query.data) return <Loading />;
  return <PartnerForm key={id} partner={query.data} />;
}

export function PartnersPage({ route }: PageProps) {
  if (route.id === 'new') return <PartnerForm />;
  if (route.id && route.action === 'edit') return <EditPartner id={route.id} />;
  if (route.id)
    return (
      <PartnerDetail
        id={route.id}
        {...(route.params?.contact ? { openContact: route.params.contact } : {})}
      />
    );
  return <PartnerList route={route} />;
}
