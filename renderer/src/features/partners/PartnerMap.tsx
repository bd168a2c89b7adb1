/**
 * The partner map: every partner with coordinates as a point, every relationship as an arc
 * from our own unit to the partner. A district without coordinates of its own is drawn at
 * its city.
 */
import { Group, Stack, Text } from '@mantine/core';
import type { MapPartner } from '../../../../shared/api/overview.contract';
import { routeHref } from '../../app/routes';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { WorldMap, type MapLink, type MapPoint } from '../../components/WorldMap';
import { useI18n } from '../../i18n/locale';
import { useQuery } from '../../lib/query';
import { RELATIONSHIP_COLORS, partnerLabel } from './partner-view';

type Coordinates = [number, number];

function placeOf(partner: MapPartner, byId: Map<string, MapPartner>): Coordinates | null {
  for (let p: MapPartner | undefined = partner, depth = 0; p && depth < 5; depth++) {
    if (p.latitude !== null && p.longitude !== null) return [p.longitude, p.latitude];
    p = p.parentId ? byId.get(p.parentId) : undefined;
  }
  return null;
}

export function PartnerMap({ compact = false }: { compact?: boolean }) {
  const { t, name, locale } = useI18n();
  // Only what the map draws: partners with their place and parent, relationships with their sides.
  const map = useQuery('desk.map', {}, { entities: ['partner', 'relationship'] });
  if (map.error) return <ErrorNotice error={map.error} onRetry={map.refresh} />;
  const data = map.data ?? map.previous;
  if (!data) return <Loading />;
  const relationshipData = data.relationships;

  const byId = new Map(data.partners.map((p) => [p.id, p]));
  const points: MapPoint[] = [];
  let unplaced = 0;
  for (const partner of data.partners) {
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
    const own = byId.get(r.ownUnitId);
    const other = byId.get(r.partnerId);
    const from = own && placeOf(own, byId);
    const to = other && placeOf(other, byId);
    if (!own || !other || !from || !to) continue;
    links.push({
      id: r.id,
      from,
      to,
      color: RELATIONSHIP_COLORS[r.type],
      label: `${t(`relationships.type.${r.type}`)}: ${t('relationships.between', { own: name(own), partner: name(other) })}`,
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
