/** Every agreement: filtered by status, partner, expiry and words, sorted, read page by page. */
import { Badge, Button, Group, MultiSelect, Stack, Switch, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBooks, IconFilePlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { AgreementListInput, AgreementSummary } from '../../../../shared/api/agreements.contract';
import { AGREEMENT_SORT_KEYS, AGREEMENT_STATUSES } from '../../../../shared/api/agreements.contract';
import type { AgreementStatus } from '../../../../shared/agreements/workflow';
import { addMonths } from '../../../../shared/dates/jalali';
import { navigate, replaceRoute, type Route } from '../../app/routes';
import { useSession } from '../../app/session';
import { EmptyHint } from '../../components/EmptyHint';
import { PageHeader } from '../../components/PageHeader';
import { RecordPicker } from '../../components/RecordPicker';
import { VirtualTable, type Column, type SortState } from '../../components/VirtualTable';
import { useI18n } from '../../i18n/locale';
import { usePagedList } from '../../lib/paged';
import { languageName } from '../../lib/languages';
import { STATUS_COLORS, loadPartners } from './agreement-view';

function oneOf<T extends string>(list: readonly T[], value: string | undefined): T | undefined {
  return (list as readonly string[]).includes(value ?? '') ? (value as T) : undefined;
}

export function AgreementList({ route }: { route: Route }) {
  const i18n = useI18n();
  const { t, date, locale, name } = i18n;
  const { today } = useSession();
  const params = route.params ?? {};
  const setParams = (change: Record<string, string | null>) => {
    const next = { ...params };
    for (const [key, value] of Object.entries(change)) {
      if (value) next[key] = value;
      else delete next[key];
    }
    replaceRoute({ section: 'agreements', params: next });
  };

  const [text, setText] = useState(params.q ?? '');
  const [debouncedText] = useDebouncedValue(text.trim(), 250);
  const sortBy = oneOf(AGREEMENT_SORT_KEYS, params.sort) ?? 'updatedAt';
  const sort: SortState = { key: sortBy, direction: params.dir === 'asc' ? 'asc' : 'desc' };
  const statuses = (params.status ?? '')
    .split(',')
    .filter((s): s is AgreementStatus => (AGREEMENT_STATUSES as readonly string[]).includes(s));
  const expiring = params.expiring === '1';
  const filter: Omit<AgreementListInput, 'limit' | 'offset'> = {
    sort: { by: sortBy, direction: sort.direction },
    ...(statuses.length > 0 && { status: statuses }),
    ...(params.partner && { partnerId: params.partner }),
    ...(expiring && { expiringBefore: addMonths(today, 3, 'gregorian') }),
    ...(debouncedText && { text: debouncedText }),
  };
  const list = usePagedList('agreements.list', filter, { entities: ['agreement'] });

  const columns: Column<AgreementSummary>[] = [
    {
      id: 'title',
      header: t('agreements.field.title'),
      width: 'minmax(12rem, 2.5fr)',
      sortKey: 'title',
      userText: true,
      render: (a) => a.title,
    },
    {
      id: 'parties',
      header: t('agreements.field.parties'),
      width: 'minmax(8rem, 1.2fr)',
      render: (a) =>
        a.parties
          .filter((p) => !p.own)
          .map((p) => name(p))
          .join(locale === 'fa' ? '، ' : ', '),
    },
    {
      id: 'kind',
      header: t('agreements.kind'),
      width: '10rem',
      render: (a) => t(`agreements.kind.${a.kind}`),
    },
    {
      id: 'languages',
      header: t('agreements.field.languages'),
      width: '8rem',
      render: (a) => a.languages.map((l) => languageName(l, locale)).join(locale === 'fa' ? '، ' : ', '),
    },
    {
      id: 'status',
      header: t('agreements.status'),
      width: '8rem',
      render: (a) => (
        <Badge variant="light" color={STATUS_COLORS[a.status]} size="sm">
          {t(`agreements.status.${a.status}`)}
        </Badge>
      ),
    },
    {
      id: 'signed',
      header: t('agreements.field.signedDate'),
      width: '6.5rem',
      sortKey: 'signedDate',
      render: (a) => (a.signedDate ? date(a.signedDate, 'short') : '—'),
    },
    {
      id: 'expiry',
      header: t('agreements.field.expiry'),
      width: '6.5rem',
      sortKey: 'expiryDate',
      render: (a) => (a.expiryDate ? date(a.expiryDate, 'short') : '—'),
    },
    {
      id: 'updated',
      header: t('agreements.field.updated'),
      width: '6.5rem',
      sortKey: 'updatedAt',
      render: (a) => i18n.dateOf(a.updatedAt, 'short'),
    },
  ];

  const filtered = Boolean(statuses.length || params.partner || expiring || debouncedText);
  const create = () => navigate({ section: 'agreements', id: 'new' });

  return (
    <Stack gap="md">
      <PageHeader
        title={t('agreements.title')}
        subtitle={t('agreements.subtitle')}
        actions={
          <>
            <Button
              variant="light"
              leftSection={<IconBooks size={18} aria-hidden />}
              onClick={() => navigate({ section: 'agreements', id: 'library' })}
              data-testid="library-open"
            >
              {t('library.open')}
            </Button>
            <Button leftSection={<IconFilePlus size={18} aria-hidden />} onClick={create}>
              {t('agreements.new')}
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
          w={220}
          dir="auto"
          data-list-filter
        />
        <MultiSelect
          label={t('agreements.status')}
          placeholder={statuses.length === 0 ? t('list.all') : undefined}
          value={statuses}
          onChange={(value) => setParams({ status: value.join(',') || null })}
          data={AGREEMENT_STATUSES.map((s) => ({ value: s, label: t(`agreements.status.${s}`) }))}
          clearable
          w={260}
          data-testid="agreements-status-filter"
        />
        <div style={{ width: 220 }}>
          <RecordPicker
            label={t('agreements.filter.partner')}
            value={params.partner ?? null}
            valueLabel={params.partnerName ?? null}
            placeholder={t('agreements.partners.pick')}
            load={(words) => loadPartners(words, i18n)}
            onChange={(value, option) => setParams({ partner: value, partnerName: option?.label ?? null })}
          />
        </div>
        <Switch
          label={t('agreements.filter.expiring')}
          checked={expiring}
          onChange={(event) => setParams({ expiring: event.currentTarget.checked ? '1' : null })}
          mb={8}
        />
      </Group>
      <VirtualTable
        label={t('agreements.list.label')}
        list={list}
        columns={columns}
        rowKey={(a) => a.id}
        onOpen={(a) => navigate({ section: 'agreements', id: a.id })}
        sort={sort}
        onSort={(next) => setParams({ sort: next.key, dir: next.direction })}
        testId="agreements"
        empty={
          filtered ? (
            <EmptyHint title={t('list.noMatch')} hint={t('list.noMatch.hint')} />
          ) : (
            <EmptyHint
              title={t('agreements.empty')}
              hint={t('agreements.empty.hint')}
              action={<Button onClick={create}>{t('agreements.new')}</Button>}
            />
          )
        }
      />
    </Stack>
  );
}
