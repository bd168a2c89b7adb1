/**
 * Partners between rows and domain objects, and the rules a partner must keep: organisation
 * types only on organisations, coordinates in pairs, a parent that exists and is not the
 * partner's own descendant, and an `own` flag that agrees with the relationships.
 */
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type {
  Partner,
  PartnerRef,
  partnerCreateInput,
  partnerUpdateInput,
} from '../../../../shared/api/partners.contract';
import { findCountry } from '../../../../shared/geo/countries';
import { cleanDisplayText } from '../../../../shared/text/persian';
import { sortKey } from '../../../../shared/text/sort-key';
import { textFilterKey } from '../db/text-filter';
import type { Database } from '../db/tables';
import { conflict, invalid, notFound } from '../errors';
import { ancestorIds, findPartner, findPartners, relationshipRoles } from './partners.repository';
import type { PartnerRow } from './partners.table';

type PartnerCreate = z.output<typeof partnerCreateInput>;
type PartnerUpdate = z.output<typeof partnerUpdateInput>;

/** The fields of a partner as the service handles them, before they become a row. */
export interface PartnerDraft {
  kind: Partner['kind'];
  orgType: Partner['orgType'];
  nameFa: string;
  nameEn: string | null;
  nameNative: string | null;
  nativeLanguage: string | null;
  country: string | null;
  latitude: number | null;
  longitude: number | null;
  parentId: string | null;
  website: string | null;
  notes: string | null;
  own: boolean;
}

export function toPartnerRef(row: PartnerRow): PartnerRef {
  return {
    id: row.id,
    kind: row.kind as PartnerRef['kind'],
    nameFa: row.name_fa,
    nameEn: row.name_en,
    country: row.country,
    own: row.own === 1,
    archived: row.archived === 1,
  };
}

export function toPartner(row: PartnerRow, parent: PartnerRow | undefined): Partner {
  return {
    ...toPartnerRef(row),
    orgType: row.org_type as Partner['orgType'],
    nameNative: row.name_native,
    nativeLanguage: row.native_language,
    latitude: row.latitude,
    longitude: row.longitude,
    parent: parent ? toPartnerRef(parent) : null,
    website: row.website,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Reads partners with their parents in two queries. */
export async function loadPartners(
  tx: Transaction<Database>,
  rows: readonly PartnerRow[],
): Promise<Partner[]> {
  const parents = await findPartners(
    tx,
    rows.flatMap((r) => (r.parent_id ? [r.parent_id] : [])),
  );
  return rows.map((r) => toPartner(r, r.parent_id ? parents.get(r.parent_id) : undefined));
}

export async function loadPartner(tx: Transaction<Database>, id: string): Promise<Partner> {
  const row = await findPartner(tx, id);
  if (!row) throw notFound('Partner', id);
  const [partner] = await loadPartners(tx, [row]);
  return partner!;
}

/** Display text as it is saved: bidi overrides and control characters removed. */
function clean(value: string | null | undefined): string | null {
  return value ? cleanDisplayText(value) : null;
}

/** Keeps what an update leaves out (undefined); null clears. */
function keep<T>(given: T | undefined, current: T): T {
  return given === undefined ? current : given;
}

export function draftFromInput(input: PartnerCreate): PartnerDraft {
  return {
    kind: input.kind,
    orgType: input.orgType ?? null,
    nameFa: cleanDisplayText(input.nameFa),
    nameEn: clean(input.nameEn),
    nameNative: clean(input.nameNative),
    nativeLanguage: input.nativeLanguage ?? null,
    country: input.country ?? null,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    parentId: input.parentId ?? null,
    website: input.website ?? null,
    notes: clean(input.notes),
    own: input.own,
  };
}

export function draftFromPartner(p: Partner): PartnerDraft {
  return {
    kind: p.kind,
    orgType: p.orgType,
    nameFa: p.nameFa,
    nameEn: p.nameEn,
    nameNative: p.nameNative,
    nativeLanguage: p.nativeLanguage,
    country: p.country,
    latitude: p.latitude,
    longitude: p.longitude,
    parentId: p.parent?.id ?? null,
    website: p.website,
    notes: p.notes,
    own: p.own,
  };
}

/** The partner as an update would leave it. */
export function applyUpdate(current: PartnerDraft, input: PartnerUpdate): PartnerDraft {
  return {
    kind: keep(input.kind, current.kind),
    orgType: keep(input.orgType, current.orgType),
    nameFa: input.nameFa === undefined ? current.nameFa : cleanDisplayText(input.nameFa),
    nameEn: input.nameEn === undefined ? current.nameEn : clean(input.nameEn),
    nameNative: input.nameNative === undefined ? current.nameNative : clean(input.nameNative),
    nativeLanguage: keep(input.nativeLanguage, current.nativeLanguage),
    country: keep(input.country, current.country),
    latitude: keep(input.latitude, current.latitude),
    longitude: keep(input.longitude, current.longitude),
    parentId: keep(input.parentId, current.parentId),
    website: keep(input.website, current.website),
    notes: input.notes === undefined ? current.notes : clean(input.notes),
    own: keep(input.own, current.own),
  };
}

/** Checks a partner as it would be saved; `id` is the partner's own id when it exists. */
export async function checkPartner(
  tx: Transaction<Database>,
  draft: PartnerDraft,
  id: string | null,
): Promise<void> {
  if (draft.orgType !== null && draft.kind !== 'organisation') {
    throw invalid('Only an organisation has an organisation type.', ['orgType']);
  }
  if ((draft.latitude === null) !== (draft.longitude === null)) {
    throw invalid('Give both latitude and longitude, or neither.', [
      draft.latitude === null ? 'latitude' : 'longitude',
    ]);
  }
  if (draft.parentId !== null) {
    if (draft.parentId === id) throw conflict('A partner cannot be its own parent.');
    if (!(await findPartner(tx, draft.parentId))) throw notFound('Partner', draft.parentId);
    if (id !== null && (await ancestorIds(tx, draft.parentId)).includes(id)) {
      throw conflict(
        'This parent is already inside this partner: the parent chain would go round in a circle.',
      );
    }
  }
  if (id !== null) {
    const roles = await relationshipRoles(tx, id);
    if (!draft.own && roles.asOwnUnit > 0) {
      throw conflict('This partner holds relationships as one of the office’s own units; it must stay own.');
    }
    if (draft.own && roles.asPartner > 0) {
      throw conflict('This partner is the other side of relationships; it cannot become an own unit.');
    }
  }
}

/** The columns a draft sets (everything but id, archive flag and timestamps). */
export function draftColumns(draft: PartnerDraft) {
  const country = draft.country ? findCountry(draft.country) : undefined;
  return {
    kind: draft.kind,
    org_type: draft.orgType,
    name_fa: draft.nameFa,
    name_en: draft.nameEn,
    name_native: draft.nameNative,
    native_language: draft.nativeLanguage,
    country: draft.country,
    latitude: draft.latitude,
    longitude: draft.longitude,
    parent_id: draft.parentId,
    website: draft.website,
    notes: draft.notes,
    own: draft.own ? 1 : 0,
    search_key: textFilterKey([
      draft.nameFa,
      draft.nameEn,
      draft.nameNative,
      country?.fa,
      country?.en,
      draft.country,
      draft.website,
      draft.notes,
    ]),
    sort_key: sortKey(draft.nameFa),
  };
}
