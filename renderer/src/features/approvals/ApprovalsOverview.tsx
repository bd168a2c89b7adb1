/**
 * Where requests are stuck and how long each authority takes: the requests waiting longest,
 * and for a period the turnaround per authority as a table and a bar chart of median days.
 */
import { Badge, Box, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { addMonths } from '../../../../shared/dates/jalali';
import { navigate } from '../../app/routes';
import { useSession } from '../../app/session';
import { DateInput } from '../../components/DateInput';
import { EmptyHint } from '../../components/EmptyHint';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ExportListButton } from '../import/ExportListButton';
import { RecordPicker } from '../../components/RecordPicker';
import { SectionCard } from '../../components/SectionCard';
import { useI18n } from '../../i18n/locale';
import { useQuery } from '../../lib/query';
import { authorityName, loadCases } from './approval-view';

function Turnaround() {
  const { t, locale, number, dir } = useI18n();
  const { today } = useSession();
  const [from, setFrom] = useState<string | null>(addMonths(today, -12, 'gregorian'));
  const [to, setTo] = useState<string | null>(today);
  const rows = useQuery('approvals.turnaround', from && to ? { from, to } : null, {
    entities: ['approval_chain'],
  });
  const data = (rows.data ?? []).map((r) => ({
    name: authorityName(r, locale),
    median: r.medianDays ?? 0,
  }));
  const rtl = dir === 'rtl';
  const share = (n: number | null) =>
    n === null ? '—' : `${number(Math.round(n * 100))}٪`.replace('٪', locale === 'fa' ? '٪' : '%');
  const days = (n: number | null) => (n === null ? '—' : number(Math.round(n * 10) / 10));

  return (
    <SectionCard title={t('approvals.turnaround.title')} testId="turnaround">
      <Stack gap="md">
        <Group gap="md">
          <Box w={170}>
            <DateInput label={t('approvals.turnaround.from')} value={from} onChange={setFrom} />
          </Box>
          <Box w={170}>
            <DateInput label={t('approvals.turnaround.to')} value={to} onChange={setTo} />
          </Box>
        </Group>
        {rows.error && <ErrorNotice error={rows.error} onRetry={rows.refresh} />}
        {!rows.data && !rows.error && <Loading />}
        {rows.data && rows.data.length === 0 && <Text c="dimmed">{t('approvals.turnaround.empty')}</Text>}
        {rows.data && rows.data.length > 0 && (
          <>
            <Box h={260} maw={900} role="img" aria-label={t('approvals.turnaround.chart')} dir="ltr">
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={data} layout="vertical" margin={{ left: 8, right: 8 }}>
                  <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                  <XAxis
                    type="number"
                    reversed={rtl}
                    allowDecimals={false}
                    tickFormatter={(v: number) => number(v)}
                    fontSize={12}
                  />
                  <YAxis
                    type="category"
                    dataKey="name"
                    width={190}
                    orientation={rtl ? 'right' : 'left'}
                    fontSize={12}
                    tick={{ fontFamily: 'inherit' }}
                  />
                  <Tooltip formatter={(v) => [number(Number(v)), t('approvals.turnaround.median')]} />
                  <Bar dataKey="median" fill="var(--mantine-color-blue-6)" radius={3} />
                </BarChart>
              </ResponsiveContainer>
            </Box>
            <Table.ScrollContainer minWidth={640}>
              <Table striped data-testid="turnaround-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('approvals.field.authority')}</Table.Th>
                    <Table.Th>{t('approvals.turnaround.decided')}</Table.Th>
                    <Table.Th>{t('approvals.turnaround.median')}</Table.Th>
                    <Table.Th>{t('approvals.turnaround.p90')}</Table.Th>
                    <Table.Th>{t('approvals.turnaround.rejected')}</Table.Th>
                    <Table.Th>{t('approvals.turnaround.waitingNow')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.data.map((r) => (
                    <Table.Tr key={r.authorityId}>
                      <Table.Td>{authorityName(r, locale)}</Table.Td>
                      <Table.Td>{number(r.decided)}</Table.Td>
                      <Table.Td>{days(r.medianDays)}</Table.Td>
                      <Table.Td>{days(r.p90Days)}</Table.Td>
                      <Table.Td>{share(r.rejectedOrReturnedShare)}</Table.Td>
                      <Table.Td>{number(r.waitingNow)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
      </Stack>
    </SectionCard>
  );
}

function Waiting() {
  const { t, date, locale } = useI18n();
  const waiting = useQuery('approvals.waiting', { limit: 50 }, { entities: ['approval_chain'] });
  if (waiting.error) return <ErrorNotice error={waiting.error} onRetry={waiting.refresh} />;
  const items = waiting.data ?? waiting.previous;
  return (
    <SectionCard title={t('approvals.waiting.title')} testId="waiting">
      {!items ? (
        <Loading />
      ) : items.length === 0 ? (
        <EmptyHint title={t('approvals.waiting.empty')} hint={t('approvals.waiting.empty.hint')} />
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table highlightOnHover aria-label={t('approvals.waiting.label')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('approvals.field.case')}</Table.Th>
                <Table.Th>{t('approvals.field.authority')}</Table.Th>
                <Table.Th>{t('approvals.field.waitingSince')}</Table.Th>
                <Table.Th>{t('approvals.field.days')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr
                  key={item.stepId}
                  style={{ cursor: 'pointer' }}
                  tabIndex={0}
                  onClick={() => navigate({ section: 'approvals', id: item.caseId })}
                  onKeyDown={(e) => e.key === 'Enter' && navigate({ section: 'approvals', id: item.caseId })}
                >
                  <Table.Td>
                    <Text size="sm" dir="auto">
                      {item.caseTitle}
                    </Text>
                    <Text size="xs" c="dimmed" dir="auto">
                      {item.chainTitle}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {authorityName(item, locale)}
                    {item.state !== 'waiting' && (
                      <Badge ms="xs" size="xs" variant="light" color="gray">
                        {t(`approvals.step.${item.state}`)}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{date(item.waitingSince, 'short')}</Table.Td>
                  <Table.Td>
                    <Badge
                      color={item.daysWaiting > 30 ? 'red' : item.daysWaiting > 14 ? 'orange' : 'gray'}
                      variant="light"
                    >
                      {t('approvals.days', { n: item.daysWaiting })}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </SectionCard>
  );
}

export function ApprovalsOverview() {
  const { t } = useI18n();
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('approvals.title')}
        subtitle={t('approvals.subtitle')}
        actions={<ExportListButton list="approvals" filter={{}} />}
      />
      <Paper withBorder p="md">
        <Box maw={420}>
          <RecordPicker
            label={t('approvals.case.pick')}
            description={t('approvals.case.pick.hint')}
            value={null}
            load={loadCases}
            onChange={(value) => value && navigate({ section: 'approvals', id: value })}
            data-testid="approvals-case"
          />
        </Box>
      </Paper>
      <Waiting />
      <Turnaround />
    </Stack>
  );
}
