/**
 * `desk.map` answers the partner map exactly what it drew from `partners.list` (every partner,
 * archived ones too, 500 at most) and `relationships.list` (500 at most, the list's default
 * order), reduced to the fields the map draws.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAP_LIMIT } from '../../shared/api/overview.contract';
import { openTestDesk, type TestDesk } from '../helpers/desk';

let t: TestDesk;
beforeEach(async () => {
  t = await openTestDesk();
  expect((await t.ok('sample.load', {})).loaded).toBe(true);
});
afterEach(async () => {
  await t.cleanup();
});

async function fromTheLists() {
  const partners = await t.ok('partners.list', { archived: 'all', limit: MAP_LIMIT });
  const relationships = await t.ok('relationships.list', { limit: MAP_LIMIT });
  return {
    partners: partners.items.map((p) => ({
      id: p.id,
      kind: p.kind,
      nameFa: p.nameFa,
      nameEn: p.nameEn,
      country: p.country,
      latitude: p.latitude,
      longitude: p.longitude,
      parentId: p.parent?.id ?? null,
      own: p.own,
      archived: p.archived,
    })),
    relationships: relationships.items.map((r) => ({
      id: r.id,
      type: r.type,
      ownUnitId: r.ownUnit.id,
      partnerId: r.partner.id,
    })),
  };
}

describe('the partner map', () => {
  it('gets the partners and relationships the lists answer, with only what it draws', async () => {
    // An archived partner and a district placed at its city are drawn too.
    const lists = await fromTheLists();
    const district = lists.partners.find((p) => p.parentId !== null);
    expect(district).toBeDefined();
    await t.ok('partners.archive', { id: lists.partners.find((p) => !p.own && p.parentId === null)!.id });
    const map = await t.ok('desk.map', {});
    expect(map).toEqual(await fromTheLists());
    expect(map.partners.some((p) => p.archived)).toBe(true);
    expect(map.relationships.length).toBeGreaterThan(0);
  });
});
