/** Every event: filtered by kinds, roles, period, partner and words, sorted, read page by page. */
import { Badge, Box, Button, Group, MultiSelect, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCalendarPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { EventKind, EventRole, EventSummary } from '../../../../shared/api/events.contract';
import { EVENT_KINDS, EVENT_ROLES, EVENT_SORT_FIELDS } from '../../../../shared/api/events.contract';
import { navigate, replaceRoute, type Route } from '../../app/routes';
import { DateInput } from '../../components/DateInput';
import { EmptyHint } from '../../components/EmptyHint';
import { PageHeader } from '../../components/PageHeader';
import { ExportListButton } from '../import/ExportListButton';
import { RecordPicker } from '../../components/RecordPicker';
import { VirtualTable, type Column, type SortState } from '../../components/VirtualTable';
import { useI18n } from '../../i18n/locale';
import { usePagedList } from '../../lib/paged';
import { loadPartners } from '../agreements/agreement-view';
import { EVENT_STATUS_COLORS } from './event-view';

function listOf<T extends string>(all: readonly T[], raw: string | undefined): T[] {
  return (raw ?? '').split(',').filter((v): v is T => (all as readonly string[]).includes(v));
}

export function EventList({ route }: { route: Route }) {
  const i18n = useI18n();
  const { t, date, name } = i18n;
  const params = route.params ?? {};
  const setParams = (change: Record<string, string | null>) => {
    const next = { ...params };
    for (const [key, value] of Object.entries(change)) {
      if (value) next[key] = value;
      else delete next[key];
    }
    replaceRoute({ section: 'events', params: next });
  };
  const [text, setText] = useState(params.q ?? '');
  const [debouncedText] = useDebouncedValue(text.trim(), 250);
  const kinds = listOf<EventKind>(EVENT_KINDS, params.kinds);
  const roles = listOf<EventRole>(EVENT_ROLES, params.roles);
  const field = (EVENT_SORT_FIELDS as readonly string[]).includes(params.sort ?? '')
    ? (params.sort as (typeof EVENT_SORT_FIELDS)[number])
    : 'startDate';
  const sort: SortState = { key: field, direction: params.dir === 'asc' ? 'asc' : 'desc' };
  const filter = {
    sort: { field, direction: sort.direction },
    ...(kinds.length > 0 && { kinds }),
    ...(roles.length > 0 && { roles }),
    ...(params.from && { from: params.from }),
    ...(params.to && { to: params.to }),
    ...(params.partner && { partnerId: params.partner }),
    ...(debouncedText && { text: debouncedText }),
  };
  const list = usePagedList('events.list', filter, {
    entities: ['event', 'programme_item', 'delegation_member'],
  });

  const columns: Column<EventSummary>[] = [
    {
      id: 'title',
      header: t('events.field.title'),
      width: 'minmax(12rem, 2.5fr)',
      sortKey: 'title',
      userText: true,
      render: (e) => e.title,
    },
    {
      id: 'kind',
      header: t('events.kind'),
      width: '8rem',
      sortKey: 'kind',
      render: (e) => t(`events.kind.${e.kind}`),
    },
    {
      id: 'when',
      header: t('events.field.period'),
      width: '12rem',
      sortKey: 'startDate',
      render: (e) => `${date(e.startDate, 'short')} – ${date(e.endDate, 'short')}`,
    },
    { id: 'role', header: t('events.role'), width: '7rem', render: (e) => t(`events.role.${e.ourRole}`) },
    {
      id: 'host',
      header: t('events.field.host'),
      width: 'minmax(7rem, 1fr)',
      render: (e) => (e.host ? name(e.host) : '—'),
    },
    {
      id: 'status',
      header: t('events.status'),
      width: '7.5rem',
      render: (e) => (
        <Badge size="sm" variant="light" color={EVENT_STATUS_COLORS[e.status]}>
          {t(`events.status.${e.status}`)}
        </Badge>
      ),
    },
    {
      id: 'counts',
      header: t('events.field.counts'),
      width: '9rem',
      render: (e) => (
        <Group gap={4} wrap="nowrap">
          <span>{t('events.counts', { programme: e.programmeCount, members: e.delegationCount })}</span>
        </Group>
      ),
    },
    {
      id: 'warnings',
      header: t('events.field.warnings'),
      width: '6.5rem',
      render: (e) =>
        e.warningCount > 0 ? (
          <Badge size="sm" color="red" variant="filled">
            {t('events.warnings', { n: e.warningCount })}
          </Badge>
        ) : (
          ''
        ),
    },
  ];
  const filtered = Boolean(
    kinds.length || roles.length || params.from || params.to || params.partner || debouncedText,
  );
  const create = () => navigate({ section: 'events', id: 'new' });

  return (
    <Stack gap="md">
      <PageHeader
        title={t('events.title')}
        subtitle={t('events.subtitle')}
        actions={
          <>
            <ExportListButton list="events" filter={filter} />
            <Button leftSection={<IconCalendarPlus size={18} aria-hidden />} onClick={create}>
              {t('events.new')}
            </Button>
          </>
        }
      />
      <Group gap="md" align="flex-end" wrap="wrap">
        <TextInput
          label={t('list.filterText')}
          placeholder={t('list.filterText.placeholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            setParams({ q: event.currentTarget.value.trim() || null });
          }}
          w={200}
          dir="auto"
          data-list-filter
        />
        <MultiSelect
          label={t('events.kind')}
          placeholder={kinds.length === 0 ? t('list.all') : undefined}
          value={kinds}
          onChange={(value) => setParams({ kinds: value.join(',') || null })}
          data={EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kind.${k}`) }))}
          clearable
          w={220}
        />
        <MultiSelect
          label={t('events.role')}
          placeholder={roles.length === 0 ? t('list.all') : undefined}
          value={roles}
          onChange={(value) => setParams({ roles: value.join(',') || null })}
          data={EVENT_ROLES.map((r) => ({ value: r, label: t(`events.role.${r}`) }))}
          clearable
          w={180}
        />
        <Box w={150}>
          <DateInput
            label={t('events.filter.from')}
            value={params.from ?? null}
            onChange={(iso) => setParams({ from: iso })}
          />
        </Box>
        <Box w={150}>
          <DateInput
            label={t('events.filter.to')}
            value={params.to ?? null}
            onChange={(iso) => setParams({ to: iso })}
          />
        </Box>
        <Box w={200}>
          <RecordPicker
            label={t('events.filter.partner')}
            value={params.partner ?? null}
            valueLabel={params.partnerName ?? null}
            load={(words) => loadPartners(words, i18n)}
            onChange={(value, option) => setParams({ partner: value, partnerName: option?.label ?? null })}
          />
        </Box>
      </Group>
      <VirtualTable
        label={t('events.list.label')}
        list={list}
        columns={columns}
        rowKey={(e) => e.id}
        onOpen={(e) => navigate({ section: 'events', id: e.id })}
        sort={sort}
        onSort={(next) => setParams({ sort: next.key, dir: next.direction })}
        testId="events"
        empty={
          filtered ? (
            <EmptyHint title={t('list.noMatch')} hint={t('list.noMatch.hint')} />
          ) : (
            <EmptyHint
              title={t('events.empty')}
              hint={t('events.empty.hint')}
              action={<Button onClick={create}>{t('events.new')}</Button>}
            />
          )
        }
      />
    </Stack>
  );
}
