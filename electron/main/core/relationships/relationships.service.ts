/**
 * Relationships between rows and domain objects, and their rules: the own unit is a partner
 * flagged own, the other side is not, neither side may be archived when it is chosen, and
 * dormancy is counted in months from the office setting `relationships.dormantMonths`.
 */
import type { Transaction } from 'kysely';
import {
  COOPERATION_AREAS,
  type Relationship,
  type RelationshipDetail,
} from '../../../../shared/api/relationships.contract';
import { addMonths, todayIso } from '../../../../shared/dates/jalali';
import type { Database } from '../db/tables';
import { conflict, invalid, notFound } from '../errors';
import { findPartners } from '../partners/partners.repository';
import { toPartnerRef } from '../partners/partners.service';
import { readSetting } from '../settings/settings.repository';
import {
  activityByArea,
  findAreas,
  findRelationshipWithActivity,
  type RelationshipListRow,
} from './relationships.repository';

const AREA_ORDER = new Map<string, number>(COOPERATION_AREAS.map((a, i) => [a, i]));

/** The day before which a relationship with no activity counts as dormant, as of `now`. */
export async function dormancyCutoff(tx: Transaction<Database>, now: Date): Promise<string> {
  const months = await readSetting(tx, 'relationships.dormantMonths');
  return addMonths(todayIso(now), -months, 'gregorian');
}

export async function loadRelationships(
  tx: Transaction<Database>,
  rows: readonly RelationshipListRow[],
): Promise<Relationship[]> {
  const partners = await findPartners(
    tx,
    rows.flatMap((r) => [r.own_unit_id, r.partner_id]),
  );
  const areas = await findAreas(
    tx,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    id: row.id,
    ownUnit: toPartnerRef(partners.get(row.own_unit_id)!),
    partner: toPartnerRef(partners.get(row.partner_id)!),
    type: row.type as Relationship['type'],
    status: row.status as Relationship['status'],
    stage: row.stage as Relationship['stage'],
    establishedOn: row.established_on,
    level: row.level as Relationship['level'],
    areas: ((areas.get(row.id) ?? []) as Relationship['areas']).sort(
      (a, b) => AREA_ORDER.get(a)! - AREA_ORDER.get(b)!,
    ),
    notes: row.notes,
    lastActivity: row.last_activity,
    dormant: row.dormant === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}

/** One relationship with its activity per area of cooperation. */
export async function loadRelationshipDetail(
  tx: Transaction<Database>,
  id: string,
  now: Date,
): Promise<RelationshipDetail> {
  const row = await findRelationshipWithActivity(tx, id, await dormancyCutoff(tx, now));
  if (!row) throw notFound('Relationship', id);
  const [relationship] = await loadRelationships(tx, [row]);
  const counts = await activityByArea(tx, id);
  const byArea = new Map(counts.map((c) => [c.area, c.count]));
  const perArea = COOPERATION_AREAS.map((area) => ({ area, count: byArea.get(area) ?? 0 }));
  return {
    ...relationship!,
    activityByArea: perArea,
    breadth: perArea.filter((a) => a.count > 0).length,
    activityCount: counts.reduce((sum, c) => sum + c.count, 0),
  };
}

/**
 * Checks the two sides of a relationship. `chosen` names the sides picked by this call:
 * only a side newly chosen must not be archived (an existing relationship may still be
 * edited after its partner was archived).
 */
export async function checkSides(
  tx: Transaction<Database>,
  sides: { ownUnitId: string; partnerId: string },
  chosen: { ownUnit: boolean; partner: boolean },
): Promise<void> {
  const found = await findPartners(tx, [sides.ownUnitId, sides.partnerId]);
  const unit = found.get(sides.ownUnitId);
  const partner = found.get(sides.partnerId);
  if (!unit) throw notFound('Partner', sides.ownUnitId);
  if (!partner) throw notFound('Partner', sides.partnerId);
  if (unit.own !== 1) {
    throw invalid(
      'The own unit must be the office’s city or one of its neighbourhoods (a partner flagged own).',
      ['ownUnitId'],
    );
  }
  if (partner.own === 1) {
    throw invalid('The other side of a relationship cannot be one of the office’s own units.', ['partnerId']);
  }
  if (chosen.ownUnit && unit.archived === 1) {
    throw conflict(`${unit.name_fa} is archived; restore it before giving it a new relationship.`);
  }
  if (chosen.partner && partner.archived === 1) {
    throw conflict(`${partner.name_fa} is archived; restore it before giving it a new relationship.`);
  }
}
