/** The register: every letter, newest first, filtered and sorted, read page by page. */
import { Button, Group, SegmentedControl, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconMailPlus, IconSearch } from '@tabler/icons-react';
import { useMemo, useState, type ReactNode } from 'react';
import type { LetterListInput, LetterSummary } from '../../../../shared/api/letters.contract';
import { LETTER_DIRECTIONS, LETTER_SORT_KEYS, LETTER_STATES } from '../../../../shared/api/letters.contract';
import { navigate, replaceRoute, type Route } from '../../app/routes';
import { useSession } from '../../app/session';
import { DateInput } from '../../components/DateInput';
import { EmptyHint } from '../../components/EmptyHint';
import { PageHeader } from '../../components/PageHeader';
import { ExportListButton } from '../import/ExportListButton';
import { VirtualTable, type Column, type SortState } from '../../components/VirtualTable';
import { useI18n } from '../../i18n/locale';
import { usePagedList } from '../../lib/paged';
import { DIRECTION_COLORS, STATE_COLORS, counterpart, isOverdue, letterNumber } from './letter-view';
import { RegisterBadge } from './RegisterBadge';

type Params = Record<string, string>;

function oneOf<T extends string>(list: readonly T[], value: string | undefined): T | undefined {
  return (list as readonly string[]).includes(value ?? '') ? (value as T) : undefined;
}

export function LetterList({ route }: { route: Route }) {
  const { t } = useI18n();
  const { me } = useSession();
  const params: Params = route.params ?? {};
  const setParam = (key: string, value: string | null) => {
    const next = { ...params };
    if (value) next[key] = value;
    else delete next[key];
    replaceRoute({ section: 'correspondence', params: next });
  };

  const [text, setText] = useState(params.q ?? '');
  const [debouncedText] = useDebouncedValue(text.trim(), 250);
  const sortBy = oneOf(LETTER_SORT_KEYS, params.sort) ?? 'letterDate';
  const sort: SortState = { key: sortBy, direction: params.dir === 'asc' ? 'asc' : 'desc' };
  const direction = oneOf(LETTER_DIRECTIONS, params.direction);
  const state = oneOf(LETTER_STATES, params.state);
  const filter: Omit<LetterListInput, 'limit' | 'offset'> = {
    sort: { by: sortBy, direction: sort.direction },
    ...(direction && { direction }),
    ...(state && { state }),
    ...(debouncedText && { text: debouncedText }),
    ...(params.from && { dateFrom: params.from }),
    ...(params.to && { dateTo: params.to }),
    ...(params.mine === '1' && me && { referredTo: me.id }),
  };
  const filtered = Boolean(direction || state || debouncedText || params.from || params.to || params.mine);

  return (
    <Stack gap="md">
      <PageHeader
        title={t('letters.title')}
        subtitle={t('letters.subtitle')}
        actions={
          <>
            <ExportListButton list="letters" filter={filter} />
            <Button
              leftSection={<IconMailPlus size={18} aria-hidden />}
              onClick={() =>
                navigate({ section: 'correspondence', id: 'new', params: { direction: 'incoming' } })
              }
            >
              {t('letters.new.incoming')}
            </Button>
            <Button
              variant="light"
              onClick={() =>
                navigate({ section: 'correspondence', id: 'new', params: { direction: 'outgoing' } })
              }
            >
              {t('letters.new.outgoing')}
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
            setParam('q', event.currentTarget.value.trim() || null);
          }}
          w={240}
          dir="auto"
          data-list-filter
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="letters-direction-label">
            {t('letters.direction')}
          </Text>
          <SegmentedControl
            aria-labelledby="letters-direction-label"
            value={direction ?? 'all'}
            onChange={(value) => setParam('direction', value === 'all' ? null : value)}
            data={[
              { value: 'all', label: t('list.all') },
              ...LETTER_DIRECTIONS.map((d) => ({ value: d, label: t(`letters.direction.${d}`) })),
            ]}
          />
        </Stack>
        <Select
          label={t('letters.state')}
          value={state ?? null}
          onChange={(value) => setParam('state', value)}
          placeholder={t('list.all')}
          clearable
          data={LETTER_STATES.map((s) => ({ value: s, label: t(`letters.state.${s}`) }))}
          w={170}
        />
        <div style={{ width: 150 }}>
          <DateInput
            label={t('letters.field.dateFrom')}
            value={params.from ?? null}
            onChange={(iso) => setParam('from', iso)}
          />
        </div>
        <div style={{ width: 150 }}>
          <DateInput
            label={t('letters.field.dateTo')}
            value={params.to ?? null}
            onChange={(iso) => setParam('to', iso)}
          />
        </div>
        {me && (
          <Switch
            label={t('letters.filter.referredToMe')}
            checked={params.mine === '1'}
            onChange={(event) => setParam('mine', event.currentTarget.checked ? '1' : null)}
            mb={8}
          />
        )}
      </Group>
      <LetterRegister
        filter={filter}
        sort={sort}
        onSort={(next) =>
          replaceRoute({
            section: 'correspondence',
            params: { ...params, sort: next.key, dir: next.direction },
          })
        }
        filtered={filtered}
      />
    </Stack>
  );
}

/**
 * A column's cell drawn once per letter: the same element on the next render lets React skip
 * the cell, so scrolling and arriving pages draw only new rows. The cache goes with the
 * columns (language, today).
 */
function drawnOnce<I extends object>(render: (item: I) => ReactNode): (item: I) => ReactNode {
  const cells = new WeakMap<I, ReactNode>();
  return (item) => {
    if (!cells.has(item)) cells.set(item, render(item));
    return cells.get(item);
  };
}

/**
 * The register's rows. Its own component, so a page of rows arriving re-renders the table
 * and not the filters above it.
 */
function LetterRegister({
  filter,
  sort,
  onSort,
  filtered,
}: {
  filter: Omit<LetterListInput, 'limit' | 'offset'>;
  sort: SortState;
  onSort: (sort: SortState) => void;
  filtered: boolean;
}) {
  const i18n = useI18n();
  const { t, date, locale } = i18n;
  const { today } = useSession();
  const list = usePagedList('letters.list', filter, { entities: ['letter'] });

  const columns = useMemo((): Column<LetterSummary>[] => {
    const raw: Column<LetterSummary>[] = [
      {
        id: 'number',
        header: t('letters.field.number'),
        width: '9rem',
        sortKey: 'number',
        render: (l) => <bdi dir="auto">{letterNumber(l.number, locale)}</bdi>,
      },
      {
        id: 'date',
        header: t('letters.field.letterDate'),
        width: '7.5rem',
        sortKey: 'letterDate',
        render: (l) => date(l.letterDate, 'short'),
      },
      {
        id: 'direction',
        header: t('letters.direction'),
        width: '5.5rem',
        render: (l) => (
          <RegisterBadge variant="light" color={DIRECTION_COLORS[l.direction]}>
            {t(`letters.direction.${l.direction}`)}
          </RegisterBadge>
        ),
      },
      {
        id: 'counterpart',
        header: t('letters.field.counterpart'),
        width: 'minmax(9rem, 1.2fr)',
        userText: true,
        render: (l) => counterpart(l, i18n),
      },
      {
        id: 'subject',
        header: t('letters.field.subject'),
        width: 'minmax(12rem, 2.5fr)',
        sortKey: 'subject',
        userText: true,
        render: (l) => l.subject,
      },
      {
        id: 'state',
        header: t('letters.state'),
        width: '9rem',
        render: (l) =>
          isOverdue(l, today) ? (
            <RegisterBadge color="red" variant="filled">
              {t('letters.overdue')}
            </RegisterBadge>
          ) : (
            <RegisterBadge color={STATE_COLORS[l.state]} variant="light">
              {t(`letters.state.${l.state}`)}
            </RegisterBadge>
          ),
      },
      {
        id: 'referral',
        header: t('letters.field.referral'),
        width: '8rem',
        render: (l) =>
          l.currentReferral ? (
            <bdi dir="auto">
              {i18n.name({ nameFa: l.currentReferral.toUserName, nameEn: l.currentReferral.toUserNameEn })}
            </bdi>
          ) : (
            ''
          ),
      },
    ];
    return raw.map((column) => ({ ...column, render: drawnOnce(column.render) }));
  }, [i18n, t, date, locale, today]);

  return (
    <VirtualTable
      label={t('letters.list.label')}
      list={list}
      columns={columns}
      rowKey={(l) => l.id}
      onOpen={(l) => navigate({ section: 'correspondence', id: l.id })}
      sort={sort}
      onSort={onSort}
      testId="letters"
      empty={
        filtered ? (
          <EmptyHint title={t('list.noMatch')} hint={t('list.noMatch.hint')} />
        ) : (
          <EmptyHint
            title={t('letters.empty')}
            hint={t('letters.empty.hint')}
            action={
              <Button
                onClick={() =>
                  navigate({ section: 'correspondence', id: 'new', params: { direction: 'incoming' } })
                }
              >
                {t('letters.new.incoming')}
              </Button>
            }
          />
        )
      }
    />
  );
}
