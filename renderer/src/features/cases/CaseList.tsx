/** All cases: open work first by deadline, filterable by status, kind, priority, owner and text. */
import { Badge, Button, Group, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { Case, CaseListInput } from '../../../../shared/api/cases.contract';
import {
  CASE_KINDS,
  CASE_PRIORITIES,
  CASE_SORT_FIELDS,
  CASE_STATUSES,
} from '../../../../shared/api/cases.contract';
import { navigate, replaceRoute, type Route } from '../../app/routes';
import { useSession } from '../../app/session';
import { EmptyHint } from '../../components/EmptyHint';
import { PageHeader } from '../../components/PageHeader';
import { VirtualTable, type Column, type SortState } from '../../components/VirtualTable';
import { useI18n } from '../../i18n/locale';
import { usePagedList } from '../../lib/paged';
import { CASE_STATUS_COLORS, PRIORITY_COLORS } from './case-view';

function oneOf<T extends string>(list: readonly T[], value: string | undefined): T | undefined {
  return (list as readonly string[]).includes(value ?? '') ? (value as T) : undefined;
}

export function CaseList({ route }: { route: Route }) {
  const { t, name, date, locale } = useI18n();
  const { me } = useSession();
  const params = route.params ?? {};
  const setParam = (key: string, value: string | null) => {
    const next = { ...params };
    if (value) next[key] = value;
    else delete next[key];
    replaceRoute({ section: 'cases', params: next });
  };
  const [text, setText] = useState(params.q ?? '');
  const [debounced] = useDebouncedValue(text.trim(), 250);
  const sortField = oneOf(CASE_SORT_FIELDS, params.sort) ?? 'dueOn';
  const sort: SortState = { key: sortField, direction: params.dir === 'desc' ? 'desc' : 'asc' };
  const status = oneOf(CASE_STATUSES, params.status);
  const kind = oneOf(CASE_KINDS, params.kind);
  const priority = oneOf(CASE_PRIORITIES, params.priority);
  // Open work is what a list of cases is usually for; "all" shows the closed ones too.
  const openOnly = params.all !== '1';
  const filter: Omit<CaseListInput, 'limit' | 'offset'> = {
    sort: { field: sortField, direction: sort.direction },
    ...(status ? { status } : openOnly && { openOnly: true }),
    ...(kind && { kind }),
    ...(priority && { priority }),
    ...(params.overdue === '1' && { overdue: true }),
    ...(params.mine === '1' && me && { ownerId: me.id }),
    ...(debounced && { text: debounced }),
  };
  const list = usePagedList('cases.list', filter, { entities: ['case', 'letter'] });
  const columns: Column<Case>[] = [
    {
      id: 'title',
      header: t('cases.field.title'),
      width: 'minmax(14rem, 2.5fr)',
      sortKey: 'title',
      userText: true,
      render: (c) => c.title,
    },
    { id: 'kind', header: t('cases.kind'), width: '10rem', render: (c) => t(`cases.kind.${c.kind}`) },
    {
      id: 'status',
      header: t('cases.status'),
      width: '7rem',
      sortKey: 'status',
      render: (c) => (
        <Badge size="sm" variant="light" color={CASE_STATUS_COLORS[c.status]}>
          {t(`cases.status.${c.status}`)}
        </Badge>
      ),
    },
    {
      id: 'priority',
      header: t('cases.priority'),
      width: '6.5rem',
      sortKey: 'priority',
      render: (c) => (
        <Badge size="sm" variant="dot" color={PRIORITY_COLORS[c.priority]}>
          {t(`cases.priority.${c.priority}`)}
        </Badge>
      ),
    },
    {
      id: 'owner',
      header: t('cases.field.owner'),
      width: '9rem',
      userText: true,
      render: (c) => (c.owner ? name(c.owner) : ''),
    },
    {
      id: 'due',
      header: t('cases.field.dueOn'),
      width: '8.5rem',
      sortKey: 'dueOn',
      render: (c) =>
        c.dueOn ? (
          <Text size="sm" c={c.overdue ? 'red' : undefined} fw={c.overdue ? 600 : undefined} component="span">
            {date(c.dueOn, 'short')}
          </Text>
        ) : (
          ''
        ),
    },
    {
      id: 'partners',
      header: t('cases.field.partners'),
      width: 'minmax(8rem, 1fr)',
      userText: true,
      render: (c) => c.partners.map((p) => name(p)).join(locale === 'fa' ? '، ' : ', '),
    },
  ];
  const filtered = Boolean(status || kind || priority || params.overdue || params.mine || debounced);
  return (
    <Stack gap="md">
      <PageHeader
        title={t('cases.title')}
        subtitle={t('cases.subtitle')}
        actions={
          <Button
            leftSection={<IconPlus size={18} aria-hidden />}
            onClick={() => navigate({ section: 'cases', id: 'new' })}
          >
            {t('cases.new')}
          </Button>
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
            setParam('q', event.currentTarget.value.trim() || null);
          }}
          w={220}
          dir="auto"
          data-list-filter
        />
        <Select
          label={t('cases.status')}
          value={status ?? null}
          placeholder={openOnly ? t('cases.filter.openOnly') : t('list.all')}
          clearable
          onChange={(v) => setParam('status', v)}
          data={CASE_STATUSES.map((v) => ({ value: v, label: t(`cases.status.${v}`) }))}
          w={170}
        />
        <Select
          label={t('cases.kind')}
          value={kind ?? null}
          placeholder={t('list.all')}
          clearable
          onChange={(v) => setParam('kind', v)}
          data={CASE_KINDS.map((v) => ({ value: v, label: t(`cases.kind.${v}`) }))}
          w={180}
        />
        <Select
          label={t('cases.priority')}
          value={priority ?? null}
          placeholder={t('list.all')}
          clearable
          onChange={(v) => setParam('priority', v)}
          data={CASE_PRIORITIES.map((v) => ({ value: v, label: t(`cases.priority.${v}`) }))}
          w={130}
        />
        <Stack gap={6} mb={4}>
          <Switch
            size="sm"
            label={t('cases.filter.openOnly')}
            checked={openOnly}
            disabled={Boolean(status)}
            onChange={(e) => setParam('all', e.currentTarget.checked ? null : '1')}
          />
          <Switch
            size="sm"
            label={t('cases.filter.overdue')}
            checked={params.overdue === '1'}
            onChange={(e) => setParam('overdue', e.currentTarget.checked ? '1' : null)}
          />
        </Stack>
        {me && (
          <Switch
            size="sm"
            mb={8}
            label={t('cases.filter.mine')}
            checked={params.mine === '1'}
            onChange={(e) => setParam('mine', e.currentTarget.checked ? '1' : null)}
          />
        )}
      </Group>
      <VirtualTable
        label={t('cases.list.label')}
        list={list}
        columns={columns}
        rowKey={(c) => c.id}
        onOpen={(c) => navigate({ section: 'cases', id: c.id })}
        sort={sort}
        onSort={(next) =>
          replaceRoute({ section: 'cases', params: { ...params, sort: next.key, dir: next.direction } })
        }
        testId="cases"
        empty={
          filtered ? (
            <EmptyHint title={t('list.noMatch')} hint={t('list.noMatch.hint')} />
          ) : (
            <EmptyHint
              title={t('cases.empty')}
              hint={t('cases.empty.hint')}
              action={
                <Button onClick={() => navigate({ section: 'cases', id: 'new' })}>{t('cases.new')}</Button>
              }
            />
          )
        }
      />
    </Stack>
  );
}
