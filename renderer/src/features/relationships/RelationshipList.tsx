/** Every relationship of the office's own units, filterable by type, status, area and dormancy. */
import { Badge, Button, Group, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { Relationship, RelationshipListInput } from '../../../../shared/api/relationships.contract';
import {
  COOPERATION_AREAS,
  RELATIONSHIP_SORT_FIELDS,
  RELATIONSHIP_STATUSES,
  RELATIONSHIP_TYPES,
} from '../../../../shared/api/relationships.contract';
import { navigate, replaceRoute, type Route } from '../../app/routes';
import { EmptyHint } from '../../components/EmptyHint';
import { PageHeader } from '../../components/PageHeader';
import { VirtualTable, type Column, type SortState } from '../../components/VirtualTable';
import { useI18n } from '../../i18n/locale';
import { usePagedList } from '../../lib/paged';
import { RELATIONSHIP_COLORS, countryLabel } from '../partners/partner-view';
import { NoActivityNote } from './NoActivityNote';
import { STATUS_COLORS } from './relationship-view';

function oneOf<T extends string>(list: readonly T[], value: string | undefined): T | undefined {
  return (list as readonly string[]).includes(value ?? '') ? (value as T) : undefined;
}

export function RelationshipList({ route }: { route: Route }) {
  const { t, name, date, locale } = useI18n();
  const params = route.params ?? {};
  const setParam = (key: string, value: string | null) => {
    const next = { ...params };
    if (value) next[key] = value;
    else delete next[key];
    replaceRoute({ section: 'relationships', params: next });
  };
  const [text, setText] = useState(params.q ?? '');
  const [debounced] = useDebouncedValue(text.trim(), 250);
  const sortField = oneOf(RELATIONSHIP_SORT_FIELDS, params.sort) ?? 'partner';
  const sort: SortState = { key: sortField, direction: params.dir === 'desc' ? 'desc' : 'asc' };
  const type = oneOf(RELATIONSHIP_TYPES, params.type);
  const status = oneOf(RELATIONSHIP_STATUSES, params.status);
  const area = oneOf(COOPERATION_AREAS, params.area);
  const filter: Omit<RelationshipListInput, 'limit' | 'offset'> = {
    sort: { field: sortField, direction: sort.direction },
    ...(type && { type }),
    ...(status && { status }),
    ...(area && { area }),
    ...(params.dormant === '1' && { dormant: true }),
    ...(debounced && { text: debounced }),
  };
  const list = usePagedList('relationships.list', filter, {
    entities: ['relationship', 'partner', 'letter', 'case'],
  });
  const columns: Column<Relationship>[] = [
    {
      id: 'partner',
      header: t('relationships.field.partner'),
      width: 'minmax(10rem, 1.4fr)',
      sortKey: 'partner',
      userText: true,
      render: (r) => name(r.partner),
    },
    {
      id: 'country',
      header: t('partners.field.country'),
      width: '8rem',
      render: (r) => countryLabel(r.partner.country, locale),
    },
    {
      id: 'own',
      header: t('relationships.field.ownUnit'),
      width: 'minmax(8rem, 1fr)',
      userText: true,
      render: (r) => name(r.ownUnit),
    },
    {
      id: 'type',
      header: t('relationships.type'),
      width: '10rem',
      render: (r) => (
        <Badge variant="dot" color={RELATIONSHIP_COLORS[r.type]} size="sm">
          {t(`relationships.type.${r.type}`)}
        </Badge>
      ),
    },
    {
      id: 'status',
      header: t('relationships.status'),
      width: '8.5rem',
      sortKey: 'status',
      render: (r) => (
        <Group gap={4} wrap="nowrap">
          <Badge variant="light" color={STATUS_COLORS[r.status]} size="sm">
            {t(`relationships.status.${r.status}`)}
          </Badge>
        </Group>
      ),
    },
    {
      id: 'established',
      header: t('relationships.field.establishedOn'),
      width: '7.5rem',
      sortKey: 'establishedOn',
      render: (r) => (r.establishedOn ? date(r.establishedOn, 'short') : ''),
    },
    {
      id: 'activity',
      header: t('relationships.field.lastActivity'),
      width: 'minmax(14rem, 1fr)',
      sortKey: 'lastActivity',
      render: (r) => (
        <Group gap={4} wrap="nowrap">
          {/* Never any activity: the note alone says so, without a dash before it. */}
          {(r.lastActivity || !r.dormant) && (
            <span>{r.lastActivity ? date(r.lastActivity, 'short') : '—'}</span>
          )}
          {r.dormant && <NoActivityNote size="xs" />}
        </Group>
      ),
    },
  ];
  const filtered = Boolean(type || status || area || params.dormant || debounced);
  return (
    <Stack gap="md">
      <PageHeader
        title={t('relationships.title')}
        subtitle={t('relationships.subtitle')}
        actions={
          <Button
            leftSection={<IconPlus size={18} aria-hidden />}
            onClick={() => navigate({ section: 'relationships', id: 'new' })}
          >
            {t('relationships.new')}
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
          label={t('relationships.type')}
          value={type ?? null}
          placeholder={t('list.all')}
          clearable
          onChange={(v) => setParam('type', v)}
          data={RELATIONSHIP_TYPES.map((v) => ({ value: v, label: t(`relationships.type.${v}`) }))}
          w={180}
        />
        <Select
          label={t('relationships.status')}
          value={status ?? null}
          placeholder={t('list.all')}
          clearable
          onChange={(v) => setParam('status', v)}
          data={RELATIONSHIP_STATUSES.map((v) => ({ value: v, label: t(`relationships.status.${v}`) }))}
          w={160}
        />
        <Select
          label={t('relationships.area')}
          value={area ?? null}
          placeholder={t('list.all')}
          clearable
          onChange={(v) => setParam('area', v)}
          data={COOPERATION_AREAS.map((v) => ({ value: v, label: t(`relationships.area.${v}`) }))}
          w={160}
        />
        <Switch
          label={t('relationships.filter.dormantOnly')}
          checked={params.dormant === '1'}
          onChange={(e) => setParam('dormant', e.currentTarget.checked ? '1' : null)}
          mb={8}
        />
      </Group>
      <VirtualTable
        label={t('relationships.list.label')}
        list={list}
        columns={columns}
        rowKey={(r) => r.id}
        onOpen={(r) => navigate({ section: 'relationships', id: r.id })}
        sort={sort}
        onSort={(next) =>
          replaceRoute({
            section: 'relationships',
            params: { ...params, sort: next.key, dir: next.direction },
          })
        }
        testId="relationships"
        empty={
          filtered ? (
            <EmptyHint title={t('list.noMatch')} hint={t('list.noMatch.hint')} />
          ) : (
            <EmptyHint
              title={t('relationships.empty')}
              hint={t('relationships.empty.hint')}
              action={
                <Button onClick={() => navigate({ section: 'relationships', id: 'new' })}>
                  {t('relationships.new')}
                </Button>
              }
            />
          )
        }
      />
    </Stack>
  );
}
