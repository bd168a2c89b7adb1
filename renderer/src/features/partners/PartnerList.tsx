/** The partners: a sortable, filterable list, the world map, or the people at them. */
import { Badge, Button, Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { Partner, PartnerListInput } from '../../../../shared/api/partners.contract';
import {
  ARCHIVE_FILTERS,
  PARTNER_KINDS,
  PARTNER_SORT_FIELDS,
} from '../../../../shared/api/partners.contract';
import { navigate, replaceRoute, type Route } from '../../app/routes';
import { EmptyHint } from '../../components/EmptyHint';
import { PageHeader } from '../../components/PageHeader';
import { ExportListButton } from '../import/ExportListButton';
import { VirtualTable, type Column, type SortState } from '../../components/VirtualTable';
import { useI18n } from '../../i18n/locale';
import { usePagedList } from '../../lib/paged';
import { ContactList } from './ContactList';
import { KIND_COLORS, countryLabel, countryOptions } from './partner-view';
import { PartnerMap } from './PartnerMap';

function oneOf<T extends string>(list: readonly T[], value: string | undefined): T | undefined {
  return (list as readonly string[]).includes(value ?? '') ? (value as T) : undefined;
}

function PartnerTable({ params }: { params: Record<string, string> }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const setParam = (key: string, value: string | null) => {
    const next = { ...params };
    if (value) next[key] = value;
    else delete next[key];
    replaceRoute({ section: 'partners', params: next });
  };
  const [text, setText] = useState(params.q ?? '');
  const [debounced] = useDebouncedValue(text.trim(), 250);
  const sortField = oneOf(PARTNER_SORT_FIELDS, params.sort) ?? (locale === 'en' ? 'nameEn' : 'name');
  const sort: SortState = { key: sortField, direction: params.dir === 'desc' ? 'desc' : 'asc' };
  const kind = oneOf(PARTNER_KINDS, params.kind);
  const archived = oneOf(ARCHIVE_FILTERS, params.archived) ?? 'active';
  const filter: Omit<PartnerListInput, 'limit' | 'offset'> = {
    sort: { field: sortField, direction: sort.direction },
    archived,
    ...(kind && { kind }),
    ...(params.country && { country: params.country }),
    ...(debounced && { text: debounced }),
  };
  const list = usePagedList('partners.list', filter, { entities: ['partner'] });

  const columns: Column<Partner>[] = [
    {
      id: 'name',
      header: t('partners.field.nameFa'),
      width: 'minmax(10rem, 1.5fr)',
      sortKey: 'name',
      userText: true,
      render: (p) => (
        <Group gap={6} wrap="nowrap">
          <span>{p.nameFa}</span>
          {p.own && (
            <Badge size="xs" color="orange" variant="light">
              {t('partners.own')}
            </Badge>
          )}
          {p.archived && (
            <Badge size="xs" color="gray" variant="outline">
              {t('partners.archivedBadge')}
            </Badge>
          )}
        </Group>
      ),
    },
    {
      id: 'nameEn',
      header: t('partners.field.nameEn'),
      width: 'minmax(9rem, 1.3fr)',
      sortKey: 'nameEn',
      userText: true,
      render: (p) => p.nameEn ?? '',
    },
    {
      id: 'kind',
      header: t('partners.kind'),
      width: '9rem',
      sortKey: 'kind',
      render: (p) => (
        <Badge size="sm" variant="light" color={KIND_COLORS[p.kind]}>
          {p.orgType ? t(`partners.orgType.${p.orgType}`) : t(`partners.kind.${p.kind}`)}
        </Badge>
      ),
    },
    {
      id: 'country',
      header: t('partners.field.country'),
      width: '10rem',
      sortKey: 'country',
      render: (p) => countryLabel(p.country, locale),
    },
    {
      id: 'parent',
      header: t('partners.field.parent'),
      width: 'minmax(8rem, 1fr)',
      userText: true,
      render: (p) => (p.parent ? i18n.name(p.parent) : ''),
    },
  ];
  const filtered = Boolean(kind || params.country || debounced || archived !== 'active');

  return (
    <Stack gap="md">
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
          w={240}
          dir="auto"
          data-list-filter
        />
        <Select
          label={t('partners.kind')}
          value={kind ?? null}
          placeholder={t('list.all')}
          clearable
          onChange={(value) => setParam('kind', value)}
          data={PARTNER_KINDS.map((k) => ({ value: k, label: t(`partners.kind.${k}`) }))}
          w={160}
        />
        <Select
          label={t('partners.field.country')}
          value={params.country ?? null}
          placeholder={t('list.all')}
          clearable
          searchable
          onChange={(value) => setParam('country', value)}
          data={countryOptions(locale)}
          w={200}
        />
        <Select
          label={t('list.filter')}
          value={archived}
          allowDeselect={false}
          onChange={(value) => setParam('archived', value === 'active' ? null : value)}
          data={ARCHIVE_FILTERS.map((a) => ({ value: a, label: t(`list.archive.${a}`) }))}
          w={150}
        />
        <ExportListButton list="partners" filter={filter} />
      </Group>
      <VirtualTable
        label={t('partners.list.label')}
        list={list}
        columns={columns}
        rowKey={(p) => p.id}
        onOpen={(p) => navigate({ section: 'partners', id: p.id })}
        sort={sort}
        onSort={(next) =>
          replaceRoute({ section: 'partners', params: { ...params, sort: next.key, dir: next.direction } })
        }
        testId="partners"
        height="calc(100vh - 22rem)"
        empty={
          filtered ? (
            <EmptyHint title={t('list.noMatch')} hint={t('list.noMatch.hint')} />
          ) : (
            <EmptyHint
              title={t('partners.empty')}
              hint={t('partners.empty.hint')}
              action={
                <Button onClick={() => navigate({ section: 'partners', id: 'new' })}>
                  {t('partners.new')}
                </Button>
              }
            />
          )
        }
      />
    </Stack>
  );
}

export function PartnerList({ route }: { route: Route }) {
  const { t } = useI18n();
  const params = route.params ?? {};
  const view = params.view === 'map' || params.view === 'contacts' ? params.view : 'list';
  return (
    <Stack gap="md">
      <PageHeader
        title={t('partners.title')}
        subtitle={t('partners.subtitle')}
        actions={
          <Button
            leftSection={<IconPlus size={18} aria-hidden />}
            onClick={() => navigate({ section: 'partners', id: 'new' })}
          >
            {t('partners.new')}
          </Button>
        }
      />
      <Group gap="sm">
        <Text size="sm" fw={500} id="partners-view-label">
          {t('partners.view')}
        </Text>
        <SegmentedControl
          aria-labelledby="partners-view-label"
          value={view}
          onChange={(value) =>
            replaceRoute({ section: 'partners', params: value === 'list' ? {} : { view: value } })
          }
          data={[
            { value: 'list', label: t('partners.view.list') },
            { value: 'map', label: t('partners.view.map') },
            { value: 'contacts', label: t('partners.view.contacts') },
          ]}
        />
      </Group>
      {view === 'map' ? (
        <PartnerMap />
      ) : view === 'contacts' ? (
        <ContactList params={params} />
      ) : (
        <PartnerTable params={params} />
      )}
    </Stack>
  );
}
