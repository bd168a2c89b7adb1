/**
 * The Desk's other charts: approval requests waiting at each authority now, and the
 * relationships by status and by area of cooperation. Each bar opens the list it counts.
 * Relationship counts come with the Desk's overview, each the relationship list's total for
 * its filter.
 */
import { Card, SimpleGrid, Text, Title } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DeskOverview } from '../../../../shared/api/overview.contract';
import { COOPERATION_AREAS, RELATIONSHIP_STATUSES } from '../../../../shared/api/relationships.contract';
import { navigate, type Route } from '../../app/routes';
import { hasMethod } from '../../app/sections';
import { useI18n } from '../../i18n/locale';
import { useQuery } from '../../lib/query';
import { authorityName } from '../approvals/approval-view';
import { turnaroundInput } from './desk-queries';

interface Bucket {
  key: string;
  label: string;
  count: number;
  route: Route;
}

/** A horizontal bar chart of labelled counts, laid out in the reading direction. */
function CountBars({ buckets, label, testId }: { buckets: Bucket[]; label: string; testId: string }) {
  const { t, number, dir } = useI18n();
  const rtl = dir === 'rtl';
  const summary = buckets.map((b) => t('desk.chart.count', { label: b.label, count: number(b.count) }));
  return (
    // SVG text anchors follow the CSS direction: the chart is drawn left to right and
    // mirrored through its axes instead (values grow toward the start side of the text).
    <div
      dir="ltr"
      role="img"
      aria-label={`${label}: ${summary.join(rtl ? '؛ ' : '; ')}`}
      data-testid={testId}
      style={{ width: '100%', height: Math.max(120, buckets.length * 30 + 40) }}
    >
      <ResponsiveContainer>
        <BarChart data={buckets} layout="vertical" margin={{ top: 4, right: 8, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis
            type="number"
            reversed={rtl}
            allowDecimals={false}
            tickFormatter={(v: number) => number(v)}
            fontSize={11}
          />
          <YAxis
            type="category"
            dataKey="label"
            width={120}
            orientation={rtl ? 'right' : 'left'}
            fontSize={12}
            interval={0}
          />
          <Tooltip formatter={(v) => [number(Number(v)), label]} />
          <Bar
            dataKey="count"
            fill="#1c7ed6"
            radius={3}
            maxBarSize={22}
            isAnimationActive={false}
            cursor="pointer"
            onClick={(entry: { payload?: Bucket }) => entry.payload && navigate(entry.payload.route)}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Requests waiting at each authority now, the most first. */
export function ApprovalsWaitingChart({ today }: { today: string }) {
  const { t, locale } = useI18n();
  const rows = useQuery(
    'approvals.turnaround',
    hasMethod('approvals.turnaround') ? turnaroundInput(today) : null,
    { entities: ['approval_chain'] },
  );
  const buckets: Bucket[] = (rows.data ?? rows.previous ?? [])
    .filter((r) => r.waitingNow > 0)
    .sort((a, b) => b.waitingNow - a.waitingNow)
    .map((r) => ({
      key: r.authorityId,
      label: authorityName(r, locale),
      count: r.waitingNow,
      route: { section: 'approvals' },
    }));
  const title = t('desk.chart.approvals');
  return (
    <Card component="section" aria-label={title} h="100%">
      <Title order={2} fz="h5" mb="sm">
        {title}
      </Title>
      {rows.data && buckets.length === 0 ? (
        <Text c="dimmed" size="sm" data-testid="approvals-chart-empty">
          {t('desk.chart.approvals.empty')}
        </Text>
      ) : (
        <CountBars buckets={buckets} label={title} testId="approvals-chart" />
      )}
    </Card>
  );
}

/** Relationships by status and by area of cooperation (from the overview); empty buckets are left out. */
export function RelationshipsChart({
  byStatus: status,
  byArea: area,
}: {
  byStatus: DeskOverview['relationshipsByStatus'];
  byArea: DeskOverview['relationshipsByArea'];
}) {
  const { t } = useI18n();
  const counts = { status, area };

  const byStatus: Bucket[] = RELATIONSHIP_STATUSES.map((status) => ({
    key: status,
    label: t(`relationships.status.${status}`),
    count: counts.status[status],
    route: { section: 'relationships' as const, params: { status } },
  })).filter((b) => b.count > 0);
  const byArea: Bucket[] = COOPERATION_AREAS.map((area) => ({
    key: area,
    label: t(`relationships.area.${area}`),
    count: counts.area[area],
    route: { section: 'relationships' as const, params: { area } },
  })).filter((b) => b.count > 0);
  const title = t('desk.chart.relationships');

  return (
    <Card component="section" aria-label={title} h="100%">
      <Title order={2} fz="h5" mb="sm">
        {title}
      </Title>
      {byStatus.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('desk.chart.relationships.empty')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <div>
            <Text size="sm" fw={600} mb={4}>
              {t('desk.chart.byStatus')}
            </Text>
            <CountBars buckets={byStatus} label={t('desk.chart.byStatus')} testId="status-chart" />
          </div>
          <div>
            <Text size="sm" fw={600} mb={4}>
              {t('desk.chart.byArea')}
            </Text>
            <CountBars buckets={byArea} label={t('desk.chart.byArea')} testId="area-chart" />
          </div>
        </SimpleGrid>
      )}
    </Card>
  );
}
