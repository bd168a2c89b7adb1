/** The agreements section: the list, a new draft, and one agreement. */
import type { PageProps } from '../../app/pages';
import { AgreementDetail } from './AgreementDetail';
import { AgreementForm } from './AgreementForm';
import { AgreementList } from './AgreementList';

export function AgreementsPage({ route }: PageProps) {
  if (route.id === 'new') return <AgreementForm />;
  if (route.id) return <AgreementDetail key={route.id} route={route} />;
  return <AgreementList route={route} />;
}
