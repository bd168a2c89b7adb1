/**
 * Letters in and out per month over the last twelve months of the user's calendar. Each
 * bar is a count the core answers (a one-row page of the register with its total), so the
 * chart costs 24 small indexed queries whatever the size of the register.
 */
import { Card, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import {
  addDays,
  addMonths,
  fromJalali,
  monthName,
  parseIso,
  toJalali,
} from '../../../../shared/dates/jalali';
import { useI18n } from '../../i18n/locale';
import { call, on } from '../../lib/api';

interface MonthCount {
  label: string;
  incoming: number;
  outgoing: number;
}

function lastTwelveMonths(today: string, calendar: 'jalali' | 'gregorian') {
  const ymd = calendar === 'jalali' ? toJalali(today) : parseIso(today);
  const first = calendar === 'jalali' ? fromJalali(ymd.year, ymd.month, 1) : `${today.slice(0, 8)}01`;
  return Array.from({ length: 12 }, (_, i) => {
    const from = addMonths(first, i - 11, calendar);
    const to = addDays(addMonths(from, 1, calendar), -1);
    const month = calendar === 'jalali' ? toJalali(from).month : parseIso(from).month;
    return { from, to, month };
  });
}

export function LettersChart({ today }: { today: string }) {
  const { t, locale, calendar, number, dir } = useI18n();
  const [data, setData] = useState<MonthCount[] | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => on('changed', (p) => p.entities.includes('letter') && setVersion((v) => v + 1)), []);
  useEffect(() => {
    let live = true;
    const months = lastTwelveMonths(today, calendar);
    const count = (direction: 'incoming' | 'outgoing', from: string, to: string) =>
      call('letters.list', { direction, dateFrom: from, dateTo: to, limit: 1 }).then((page) => page.total);
    Promise.all(
      months.map(async (m) => ({
        label: monthName(m.month, calendar, locale),
        incoming: await count('incoming', m.from, m.to),
        outgoing: await count('outgoing', m.from, m.to),
      })),
    ).then(
      (counts) => live && setData(counts),
      () => live && setData([]),
    );
    return () => {
      live = false;
    };
  }, [today, calendar, locale, version]);

  const summary = (data ?? [])
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
        // Until the counts arrive the chart is named by its title; an empty name is no name.
        aria-label={summary || t('desk.chart.letters')}
        data-testid="letters-chart"
      >
        {data && (
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
        )}
      </div>
    </Card>
  );
}
