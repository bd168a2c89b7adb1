/**
 * Cases between rows and domain objects, and their rules: the owner is a registered active
 * user, linked records exist, the relationship's partner is linked too, tags are kept once
 * per spelling, and the closing day follows the status.
 */
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import {
  CASE_OPEN_STATUSES,
  type Case,
  type CaseStatus,
  type caseCreateInput,
  type caseUpdateInput,
} from '../../../../shared/api/cases.contract';
import { todayIso } from '../../../../shared/dates/jalali';
import { cleanDisplayText, searchKey } from '../../../../shared/text/persian';
import { sortKey } from '../../../../shared/text/sort-key';
import { textFilterKey } from '../db/text-filter';
import type { Database } from '../db/tables';
import { invalid, notFound } from '../errors';
import { findPartners } from '../partners/partners.repository';
import { toPartnerRef } from '../partners/partners.service';
import { findRelationship } from '../relationships/relationships.repository';
import { findCase, findCasePartnerIds, findCaseTags } from './cases.repository';
import type { CaseRow } from './cases.table';

type CaseCreate = z.output<typeof caseCreateInput>;
type CaseUpdate = z.output<typeof caseUpdateInput>;

export interface CaseDraft {
  title: string;
  kind: Case['kind'];
  status: CaseStatus;
  priority: Case['priority'];
  ownerId: string | null;
  dueOn: string | null;
  openedOn: string;
  closedOn: string | null;
  relationshipId: string | null;
  area: Case['area'];
  partnerIds: string[];
  tags: string[];
  description: string | null;
}

const OPEN = new Set<string>(CASE_OPEN_STATUSES);

function clean(value: string | null | undefined): string | null {
  return value ? cleanDisplayText(value) : null;
}

/** Tags as saved: cleaned, and one per search key (the first spelling wins). */
function distinctTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of tags.map(cleanDisplayText)) {
    const key = searchKey(tag);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

/** The closing day a status implies: kept while closed, set when closing, cleared on reopening. */
function closedOnFor(status: CaseStatus, current: string | null, today: string): string | null {
  if (OPEN.has(status)) return null;
  return current ?? today;
}

export function draftFromInput(input: CaseCreate, now: Date): CaseDraft {
  const today = todayIso(now);
  return {
    title: cleanDisplayText(input.title),
    kind: input.kind,
    status: input.status,
    priority: input.priority,
    ownerId: input.ownerId ?? null,
    dueOn: input.dueOn ?? null,
    openedOn: input.openedOn ?? today,
    closedOn: closedOnFor(input.status, null, today),
    relationshipId: input.relationshipId ?? null,
    area: input.area ?? null,
    partnerIds: [...new Set(input.partnerIds)],
    tags: distinctTags(input.tags),
    description: clean(input.description),
  };
}

export function draftFromCase(c: Case): CaseDraft {
  return {
    title: c.title,
    kind: c.kind,
    status: c.status,
    priority: c.priority,
    ownerId: c.owner?.id ?? null,
    dueOn: c.dueOn,
    openedOn: c.openedOn,
    closedOn: c.closedOn,
    relationshipId: c.relationship?.id ?? null,
    area: c.area,
    partnerIds: c.partners.map((p) => p.id),
    tags: c.tags,
    description: c.description,
  };
}

/** The case as an update would leave it: left out keeps, null clears, lists replace. */
export function applyUpdate(current: CaseDraft, input: CaseUpdate, now: Date): CaseDraft {
  const status = input.status ?? current.status;
  return {
    title: input.title === undefined ? current.title : cleanDisplayText(input.title),
    kind: input.kind ?? current.kind,
    status,
    priority: input.priority ?? current.priority,
    ownerId: input.ownerId === undefined ? current.ownerId : input.ownerId,
    dueOn: input.dueOn === undefined ? current.dueOn : input.dueOn,
    openedOn: input.openedOn ?? current.openedOn,
    closedOn: closedOnFor(status, current.closedOn, todayIso(now)),
    relationshipId: input.relationshipId === undefined ? current.relationshipId : input.relationshipId,
    area: input.area === undefined ? current.area : input.area,
    partnerIds: input.partnerIds === undefined ? current.partnerIds : [...new Set(input.partnerIds)],
    tags: input.tags === undefined ? current.tags : distinctTags(input.tags),
    description: input.description === undefined ? current.description : clean(input.description),
  };
}

/**
 * Checks what the case links to and answers the draft with the relationship's partner
 * linked as well.
 */
export async function checkCase(tx: Transaction<Database>, draft: CaseDraft): Promise<CaseDraft> {
  if (draft.ownerId !== null) {
    const owner = await tx
      .selectFrom('users')
      .select(['id', 'active'])
      .where('id', '=', draft.ownerId)
      .executeTakeFirst();
    if (!owner) throw notFound('User', draft.ownerId);
    if (owner.active !== 1) throw invalid('The owner is no longer an active user of the desk.', ['ownerId']);
  }
  let partnerIds = draft.partnerIds;
  if (draft.relationshipId !== null) {
    const relationship = await findRelationship(tx, draft.relationshipId);
    if (!relationship) throw notFound('Relationship', draft.relationshipId);
    if (!partnerIds.includes(relationship.partner_id)) partnerIds = [...partnerIds, relationship.partner_id];
  }
  const found = await findPartners(tx, partnerIds);
  const missing = partnerIds.find((id) => !found.has(id));
  if (missing) throw notFound('Partner', missing);
  if (draft.closedOn !== null && draft.closedOn < draft.openedOn) {
    throw invalid('A case cannot be opened after the day it was closed.', ['openedOn']);
  }
  return { ...draft, partnerIds };
}

export function draftColumns(draft: CaseDraft) {
  return {
    title: draft.title,
    kind: draft.kind,
    status: draft.status,
    priority: draft.priority,
    owner_id: draft.ownerId,
    due_on: draft.dueOn,
    opened_on: draft.openedOn,
    closed_on: draft.closedOn,
    relationship_id: draft.relationshipId,
    area: draft.area,
    description: draft.description,
    search_key: textFilterKey([draft.title, ...draft.tags, draft.description]),
    sort_key: sortKey(draft.title),
  };
}

export async function loadCases(
  tx: Transaction<Database>,
  rows: readonly CaseRow[],
  now: Date,
): Promise<Case[]> {
  const ids = rows.map((r) => r.id);
  const partnerIds = await findCasePartnerIds(tx, ids);
  const tags = await findCaseTags(tx, ids);
  const relationshipIds = [...new Set(rows.flatMap((r) => (r.relationship_id ? [r.relationship_id] : [])))];
  const relationships =
    relationshipIds.length === 0
      ? []
      : await tx
          .selectFrom('relationships')
          .select(['id', 'own_unit_id', 'partner_id'])
          .where('id', 'in', relationshipIds)
          .execute();
  const partners = await findPartners(tx, [
    ...[...partnerIds.values()].flat(),
    ...relationships.flatMap((r) => [r.own_unit_id, r.partner_id]),
  ]);
  const ownerIds = [...new Set(rows.flatMap((r) => (r.owner_id ? [r.owner_id] : [])))];
  const owners =
    ownerIds.length === 0
      ? []
      : await tx
          .selectFrom('users')
          .select(['id', 'name_fa', 'name_en'])
          .where('id', 'in', ownerIds)
          .execute();
  const ownerById = new Map(owners.map((o) => [o.id, o]));
  const relationshipById = new Map(relationships.map((r) => [r.id, r]));
  const today = todayIso(now);

  return rows.map((row) => {
    const owner = row.owner_id ? ownerById.get(row.owner_id) : undefined;
    const relationship = row.relationship_id ? relationshipById.get(row.relationship_id) : undefined;
    const status = row.status as CaseStatus;
    return {
      id: row.id,
      title: row.title,
      kind: row.kind as Case['kind'],
      status,
      priority: row.priority as Case['priority'],
      owner: owner ? { id: owner.id, nameFa: owner.name_fa, nameEn: owner.name_en } : null,
      dueOn: row.due_on,
      overdue: OPEN.has(status) && row.due_on !== null && row.due_on < today,
      openedOn: row.opened_on,
      closedOn: row.closed_on,
      relationship: relationship
        ? {
            id: relationship.id,
            ownUnit: toPartnerRef(partners.get(relationship.own_unit_id)!),
            partner: toPartnerRef(partners.get(relationship.partner_id)!),
          }
        : null,
      area: row.area as Case['area'],
      partners: (partnerIds.get(row.id) ?? [])
        .map((id) => partners.get(id)!)
        .sort((a, b) => (a.sort_key < b.sort_key ? -1 : a.sort_key > b.sort_key ? 1 : 0))
        .map(toPartnerRef),
      tags: tags.get(row.id) ?? [],
      description: row.description,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  });
}

export async function loadCase(tx: Transaction<Database>, id: string, now: Date): Promise<Case> {
  const row = await findCase(tx, id);
  if (!row) throw notFound('Case', id);
  const [one] = await loadCases(tx, [row], now);
  return one!;
}
