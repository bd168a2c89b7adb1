/**
 * Letters in and out per month over the last twelve months of the user's calendar. The
 * counts come with the Desk's overview (each the register's total for a direction and a
 * month), so the chart costs no call of its own.
 */
import { Card, Title } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { LettersInMonth } from '../../../../shared/api/overview.contract';
import { monthName, parseIso, toJalali } from '../../../../shared/dates/jalali';
import { useI18n } from '../../i18n/locale';

export function LettersChart({ months }: { months: LettersInMonth[] }) {
  const { t, locale, calendar, number, dir } = useI18n();
  const data = months.map((m) => ({
    label: monthName(
      calendar === 'jalali' ? toJalali(m.from).month : parseIso(m.from).month,
      calendar,
      locale,
    ),
    incoming: m.incoming,
    outgoing: m.outgoing,
  }));

  const summary = data
    .map((m) => t('desk.chart.summary', { month: m.label, incoming: m.incoming, outgoing: m.outgoing }))
    .join('؛ ');
  return (
    <Card component="section" aria-label={t('desk.chart.letters')} h="100%">
      <Title order={2} fz="h5" mb="sm">
        {t('desk.chart.letters')}
      </Title>
      {/*
        SVG text anchors follow the CSS direction; the chart is laid out left to right and
        mirrored by its axes (reversed time, values on the right) instead.
      */}
      <div
        style={{ width: '100%', height: 260 }}
        dir="ltr"
        role="img"
        // With no months the chart is named by its title; an empty name is no name.
        aria-label={summary || t('desk.chart.letters')}
        data-testid="letters-chart"
      >
        <ResponsiveContainer>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
            <CartesianGrid vertical={false} strokeDasharray="3 3" />
            {/* Time runs the way the text reads: right to left in Persian. */}
            <XAxis
              dataKey="label"
              reversed={dir === 'rtl'}
              tick={{ fontSize: 11 }}
              interval={0}
              angle={-30}
              textAnchor="end"
              height={50}
            />
            <YAxis
              allowDecimals={false}
              orientation={dir === 'rtl' ? 'right' : 'left'}
              tickFormatter={(v: number) => number(v)}
              width={36}
            />
            <Tooltip formatter={(value) => number(Number(value))} />
            <Legend />
            <Bar
              dataKey="incoming"
              name={t('desk.chart.incoming')}
              fill="#1c7ed6"
              radius={[3, 3, 0, 0]}
              isAnimationActive={false}
            />
            <Bar
              dataKey="outgoing"
              name={t('desk.chart.outgoing')}
              fill="#9c36b5"
              radius={[3, 3, 0, 0]}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </Card>
  );
}
