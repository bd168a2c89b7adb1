/** The agreements section: the list, a new draft, one agreement, and the clause library. */
import type { PageProps } from '../../app/pages';
import { AgreementDetail } from './AgreementDetail';
import { AgreementForm } from './AgreementForm';
import { AgreementList } from './AgreementList';
import { ClauseLibrary } from './ClauseLibrary';

export function AgreementsPage({ route }: PageProps) {
  if (route.id === 'new') return <AgreementForm />;
  if (route.id === 'library') return <ClauseLibrary />;
  if (route.id) return <AgreementDetail key={route.id} route={route} />;
  return <AgreementList route={route} />;
}
