/** The approvals section: where requests wait and how long authorities take, or one case's chains. */
import type { PageProps } from '../../app/pages';
import { ApprovalsOverview } from './ApprovalsOverview';
import { CaseApprovals } from './CaseApprovals';

export function ApprovalsPage({ route }: PageProps) {
  if (route.id) return <CaseApprovals key={route.id} caseId={route.id} />;
  return <ApprovalsOverview />;
}
