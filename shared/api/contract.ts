/**
 * The one API contract: every method the renderer may call, by name `domain.verb`, with its
 * input and output schemas. Domain contracts live beside this file and are joined here.
 */
import type { z } from 'zod';
import { agreementsContract } from './agreements.contract';
import { approvalsContract } from './approvals.contract';
import { backupContract } from './backup.contract';
import { casesContract } from './cases.contract';
import { contactsContract } from './contacts.contract';
import { documentsContract } from './documents.contract';
import { eventsContract } from './events.contract';
import { exportContract } from './export.contract';
import { importContract } from './import.contract';
import { lettersContract } from './letters.contract';
import { partnersContract } from './partners.contract';
import { relationshipsContract } from './relationships.contract';
import { sampleContract } from './sample.contract';
import { attachmentsContract } from './attachments.contract';
import { searchContract } from './search.contract';
import { setupContract } from './setup.contract';
import { overviewContract } from './overview.contract';
import { systemContract } from './system.contract';
import { tasksContract } from './tasks.contract';

export const contract = {
  ...systemContract,
  ...partnersContract,
  ...contactsContract,
  ...relationshipsContract,
  ...casesContract,
  ...backupContract,
  ...searchContract,
  ...attachmentsContract,
  ...overviewContract,
  ...tasksContract,
  ...lettersContract,
  ...approvalsContract,
  ...eventsContract,
  ...sampleContract,
  ...documentsContract,
  ...importContract,
  ...exportContract,
  ...agreementsContract,
  ...setupContract,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What the caller passes (before defaults are applied). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What the handler receives (after parsing and defaults). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;
export type MethodKindOf<M extends MethodName> = Contract[M]['kind'];

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
