/**
 * The partner map: every partner with coordinates as a point, every relationship as an arc
 * from our own unit to the partner. A district without coordinates of its own is drawn at
 * its city.
 */
import { Group, Stack, Text } from '@mantine/core';
import type { Partner } from '../../../../shared/api/partners.contract';
import type { Relationship } from '../../../../shared/api/relationships.contract';
import { routeHref } from '../../app/routes';
import { hasMethod } from '../../app/sections';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { WorldMap, type MapLink, type MapPoint } from '../../components/WorldMap';
import { useI18n } from '../../i18n/locale';
import { useQuery } from '../../lib/query';
import { MAP_PARTNERS, MAP_RELATIONSHIPS } from './map-queries';
import { RELATIONSHIP_COLORS, partnerLabel } from './partner-view';

type Coordinates = [number, number];

function placeOf(partner: Partner, byId: Map<string, Partner>): Coordinates | null {
  for (let p: Partner | undefined = partner, depth = 0; p && depth < 5; depth++) {
    if (p.latitude !== null && p.longitude !== null) return [p.longitude, p.latitude];
    p = p.parent ? byId.get(p.parent.id) : undefined;
  }
  return null;
}

export function PartnerMap({ compact = false }: { compact?: boolean }) {
  const { t, name, locale } = useI18n();
  const partners = useQuery('partners.list', MAP_PARTNERS, { entities: ['partner'] });
  const relationships = useQuery(
    'relationships.list',
    hasMethod('relationships.list') ? MAP_RELATIONSHIPS : null,
    { entities: ['relationship', 'partner'] },
  );
  const error = partners.error ?? relationships.error;
  if (error) return <ErrorNotice error={error} onRetry={partners.refresh} />;
  const partnerData = partners.data ?? partners.previous;
  const relationshipData: Relationship[] = (relationships.data ?? relationships.previous)?.items ?? [];
  if (!partnerData) return <Loading />;

  const byId = new Map(partnerData.items.map((p) => [p.id, p]));
  const points: MapPoint[] = [];
  let unplaced = 0;
  for (const partner of partnerData.items) {
    if (partner.archived) continue;
    if (partner.latitude === null || partner.longitude === null) {
      if (partner.kind !== 'organisation') unplaced++;
      continue;
    }
    points.push({
      id: partner.id,
      label: partnerLabel(partner, { name, locale }),
      lon: partner.longitude,
      lat: partner.latitude,
      own: partner.own,
      href: routeHref({ section: 'partners', id: partner.id }),
    });
  }
  const links: MapLink[] = [];
  for (const r of relationshipData) {
    const own = byId.get(r.ownUnit.id);
    const other = byId.get(r.partner.id);
    const from = own && placeOf(own, byId);
    const to = other && placeOf(other, byId);
    if (!from || !to) continue;
    links.push({
      id: r.id,
      from,
      to,
      color: RELATIONSHIP_COLORS[r.type],
      label: `${t(`relationships.type.${r.type}`)}: ${t('relationships.between', { own: name(r.ownUnit), partner: name(r.partner) })}`,
      href: routeHref({ section: 'relationships', id: r.id }),
    });
  }

  const usedTypes = [...new Set(relationshipData.map((r) => r.type))];
  return (
    <Stack gap="xs">
      <WorldMap label={t('map.label')} points={points} links={links} testId="partner-map" />
      {!compact && (
        <Group gap="lg" wrap="wrap">
          <Group gap={6}>
            <svg width="14" height="14" aria-hidden>
              <circle cx="7" cy="7" r="6" fill="#d9480f" />
            </svg>
            <Text size="xs">{t('map.legend.own')}</Text>
          </Group>
          <Group gap={6}>
            <svg width="14" height="14" aria-hidden>
              <circle cx="7" cy="7" r="5" fill="var(--mantine-color-desk-7)" />
            </svg>
            <Text size="xs">{t('map.legend.partner')}</Text>
          </Group>
          {usedTypes.map((type) => (
            <Group gap={6} key={type}>
              <svg width="22" height="10" aria-hidden>
                <line x1="1" y1="5" x2="21" y2="5" stroke={RELATIONSHIP_COLORS[type]} strokeWidth="3" />
              </svg>
              <Text size="xs">{t(`relationships.type.${type}`)}</Text>
            </Group>
          ))}
        </Group>
      )}
      {points.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('map.empty')}
        </Text>
      ) : (
        unplaced > 0 &&
        !compact && (
          <Text size="xs" c="dimmed">
            {t('map.noCoordinates', { n: unplaced })}
          </Text>
        )
      )}
    </Stack>
  );
}
