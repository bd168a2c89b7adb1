/**
 * The whole database as Kysely sees it: each domain declares its tables in its own
 * `*.table.ts`, and they are joined here.
 */
import type {
  ApprovalAuthoritiesTable,
  ApprovalChainsTable,
  ApprovalDecisionsTable,
  ApprovalStepsTable,
  ApprovalTemplateStepsTable,
  ApprovalTemplatesTable,
} from '../approvals/approvals.table';
import type {
  AgreementClausesTable,
  AgreementPartiesTable,
  AgreementTransitionsTable,
  AgreementVersionsTable,
  AgreementsTable,
  ClauseLibraryTable,
  ClauseLibraryTagsTable,
} from '../agreements/agreements.table';
import type { AttachmentFilesTable, AttachmentsTable } from '../attachments/attachments.table';
import type { AuditLogTable } from '../audit/audit.table';
import type {
  DelegationMembersTable,
  EventPartnersTable,
  EventsTable,
  GiftsTable,
  ProgrammeItemsTable,
} from '../events/events.table';
import type { CasePartnersTable, CaseTagsTable, CasesTable } from '../cases/cases.table';
import type { ContactsTable } from '../contacts/contacts.table';
import type {
  LetterBodiesTable,
  LetterCopiesTable,
  LetterCountsTable,
  LetterDateBlocksTable,
  LetterMonthCountsTable,
  LetterPartnerCountsTable,
  LetterPartnerDatesTable,
  LetterPartnersTable,
  LetterReferencesTable,
  LetterReferralsTable,
  LettersTable,
  RegisterCountersTable,
} from '../letters/letters.table';
import type { PartnersTable } from '../partners/partners.table';
import type { RelationshipAreasTable, RelationshipsTable } from '../relationships/relationships.table';
import type { SearchDocsTable } from '../search/search.table';
import type { SettingsTable } from '../settings/settings.table';
import type { TasksTable } from '../tasks/tasks.table';
import type { UsersTable } from '../users/users.table';

export interface Database {
  settings: SettingsTable;
  users: UsersTable;
  audit_log: AuditLogTable;
  search_docs: SearchDocsTable;
  attachment_files: AttachmentFilesTable;
  attachments: AttachmentsTable;
  tasks: TasksTable;
  approval_authorities: ApprovalAuthoritiesTable;
  approval_templates: ApprovalTemplatesTable;
  approval_template_steps: ApprovalTemplateStepsTable;
  approval_chains: ApprovalChainsTable;
  approval_steps: ApprovalStepsTable;
  approval_decisions: ApprovalDecisionsTable;
  events: EventsTable;
  event_partners: EventPartnersTable;
  programme_items: ProgrammeItemsTable;
  delegation_members: DelegationMembersTable;
  gifts: GiftsTable;
  partners: PartnersTable;
  contacts: ContactsTable;
  relationships: RelationshipsTable;
  relationship_areas: RelationshipAreasTable;
  cases: CasesTable;
  case_partners: CasePartnersTable;
  case_tags: CaseTagsTable;
  letters: LettersTable;
  letter_bodies: LetterBodiesTable;
  letter_references: LetterReferencesTable;
  letter_copies: LetterCopiesTable;
  letter_referrals: LetterReferralsTable;
  letter_partners: LetterPartnersTable;
  register_counters: RegisterCountersTable;
  letter_counts: LetterCountsTable;
  letter_month_counts: LetterMonthCountsTable;
  letter_partner_dates: LetterPartnerDatesTable;
  letter_partner_counts: LetterPartnerCountsTable;
  letter_date_blocks: LetterDateBlocksTable;
  agreements: AgreementsTable;
  agreement_parties: AgreementPartiesTable;
  agreement_clauses: AgreementClausesTable;
  agreement_versions: AgreementVersionsTable;
  agreement_transitions: AgreementTransitionsTable;
  clause_library: ClauseLibraryTable;
  clause_library_tags: ClauseLibraryTagsTable;
}
