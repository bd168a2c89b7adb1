/** Everyone the office deals with, across partners; a click opens the person. */
import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Contact, ContactListInput } from '../../../../shared/api/contacts.contract';
import { CONTACT_SORT_FIELDS } from '../../../../shared/api/contacts.contract';
import { ARCHIVE_FILTERS } from '../../../../shared/api/partners.contract';
import { replaceRoute } from '../../app/routes';
import { EmptyHint } from '../../components/EmptyHint';
import { VirtualTable, type Column, type SortState } from '../../components/VirtualTable';
import { useI18n } from '../../i18n/locale';
import { usePagedList } from '../../lib/paged';
import { ExportListButton } from '../import/ExportListButton';
import { ContactDrawer } from './ContactDrawer';
import { ContactForm } from './ContactForm';

function oneOf<T extends string>(list: readonly T[], value: string | undefined): T | undefined {
  return (list as readonly string[]).includes(value ?? '') ? (value as T) : undefined;
}

export function ContactList({ params }: { params: Record<string, string> }) {
  const { t, name } = useI18n();
  const [text, setText] = useState(params.q ?? '');
  const [debounced] = useDebouncedValue(text.trim(), 250);
  const [creating, setCreating] = useState(false);
  const setParam = (key: string, value: string | null) => {
    const next = { ...params };
    if (value) next[key] = value;
    else delete next[key];
    replaceRoute({ section: 'partners', params: next });
  };
  const sortField = oneOf(CONTACT_SORT_FIELDS, params.sort) ?? 'name';
  const sort: SortState = { key: sortField, direction: params.dir === 'desc' ? 'desc' : 'asc' };
  const archived = oneOf(ARCHIVE_FILTERS, params.archived) ?? 'active';
  const filter: Omit<ContactListInput, 'limit' | 'offset'> = {
    sort: { field: sortField, direction: sort.direction },
    archived,
    ...(debounced && { text: debounced }),
  };
  const list = usePagedList('contacts.list', filter, { entities: ['contact', 'partner'] });
  const columns: Column<Contact>[] = [
    {
      id: 'name',
      header: t('contacts.field.nameFa'),
      width: 'minmax(10rem, 1.3fr)',
      sortKey: 'name',
      userText: true,
      render: (c) => c.nameFa,
    },
    {
      id: 'nameEn',
      header: t('contacts.field.nameEn'),
      width: 'minmax(9rem, 1.2fr)',
      sortKey: 'nameEn',
      userText: true,
      render: (c) => c.nameEn ?? '',
    },
    {
      id: 'position',
      header: t('contacts.field.position'),
      width: 'minmax(9rem, 1.3fr)',
      userText: true,
      render: (c) => c.position ?? '',
    },
    {
      id: 'partner',
      header: t('contacts.field.partner'),
      width: 'minmax(9rem, 1fr)',
      sortKey: 'partner',
      userText: true,
      render: (c) => (c.partner ? name(c.partner) : ''),
    },
    {
      id: 'email',
      header: t('contacts.field.emails'),
      width: 'minmax(9rem, 1fr)',
      userText: true,
      render: (c) => c.emails[0] ?? '',
    },
  ];
  return (
    <Stack gap="md">
      <Group gap="md" align="flex-end" justify="space-between" wrap="wrap">
        <Group gap="md" align="flex-end">
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
            label={t('list.filter')}
            value={archived}
            allowDeselect={false}
            onChange={(value) => setParam('archived', value === 'active' ? null : value)}
            data={ARCHIVE_FILTERS.map((a) => ({ value: a, label: t(`list.archive.${a}`) }))}
            w={150}
          />
        </Group>
        <Group gap="sm" align="flex-start">
          <ExportListButton list="contacts" filter={filter} />
          <Button
            variant="light"
            leftSection={<IconUserPlus size={16} aria-hidden />}
            onClick={() => setCreating(true)}
          >
            {t('contacts.new')}
          </Button>
        </Group>
      </Group>
      <VirtualTable
        label={t('contacts.list.label')}
        list={list}
        columns={columns}
        rowKey={(c) => c.id}
        onOpen={(c) => setParam('contact', c.id)}
        sort={sort}
        onSort={(next) =>
          replaceRoute({ section: 'partners', params: { ...params, sort: next.key, dir: next.direction } })
        }
        testId="contacts"
        height="calc(100vh - 22rem)"
        empty={
          debounced || archived !== 'active' ? (
            <EmptyHint title={t('list.noMatch')} hint={t('list.noMatch.hint')} />
          ) : (
            <EmptyHint title={t('contacts.empty')} hint={t('contacts.empty.hint')} />
          )
        }
      />
      {params.contact && <ContactDrawer id={params.contact} onClose={() => setParam('contact', null)} />}
      {creating && <ContactForm onClose={() => setCreating(false)} />}
    </Stack>
  );
}
