/**
 * The letter register's table: the shared VirtualTable's look, roles and keys, built for
 * 100,000 rows scrolled fast. What a scroll frame costs is the rows it adds, not the rows it
 * keeps: a row is memoised on its letter (a scroll re-renders none of the rows already
 * drawn), a row still loading is one still bar instead of an animated skeleton per cell (the
 * animations repainted the whole view on every frame of a jump), rows are laid out alone
 * (CSS containment), and the page after the rows in view is read before the user gets there.
 */
import { Group, Paper, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { Column, SortState } from '../../components/VirtualTable';
import classes from '../../components/VirtualTable.module.css';
import { useI18n } from '../../i18n/locale';
import type { PagedList } from '../../lib/paged';
import own from './RegisterTable.module.css';

export interface RegisterTableProps<I> {
  label: string;
  list: PagedList<I>;
  /** Must keep its identity between renders (useMemo), or every row is drawn again. */
  columns: Column<I>[];
  rowKey: (item: I) => string;
  onOpen: (item: I) => void;
  sort: SortState;
  onSort: (sort: SortState) => void;
  empty: ReactNode;
  testId: string;
}

const ROW_HEIGHT = 52;
/** Rows drawn beyond each edge of the view: enough for a wheel step, few enough to stay cheap. */
const OVERSCAN = 3;
/** Rows beyond the view whose page is read ahead, so a steady scroll meets rows already there. */
const READ_AHEAD = 60;

interface RowProps<I> {
  index: number;
  item: I | undefined;
  start: number;
  template: string;
  columns: Column<I>[];
  focusable: boolean;
  onOpen: (item: I) => void;
  onKey: (event: KeyboardEvent, index: number, item: I | undefined) => void;
}

function RowOf<I>({ index, item, start, template, columns, focusable, onOpen, onKey }: RowProps<I>) {
  return (
    <div
      role="row"
      data-index={index}
      aria-rowindex={index + 2}
      aria-busy={item ? undefined : true}
      tabIndex={focusable ? 0 : -1}
      className={`${classes.row} ${own.row}`}
      style={{ gridTemplateColumns: template, height: ROW_HEIGHT, transform: `translateY(${start}px)` }}
      onClick={() => item && onOpen(item)}
      onKeyDown={(event) => onKey(event, index, item)}
    >
      {item ? (
        columns.map((column) => (
          <div
            role="cell"
            key={column.id}
            className={classes.cell}
            dir={column.userText ? 'auto' : undefined}
          >
            {column.render(item)}
          </div>
        ))
      ) : (
        <div role="cell" className={own.loading} aria-hidden />
      )}
    </div>
  );
}

const Row = memo(RowOf) as typeof RowOf;

export function RegisterTable<I>(props: RegisterTableProps<I>) {
  const { label, list, columns, rowKey, sort, onSort, empty, testId } = props;
  const { t } = useI18n();
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = list.total ?? 0;
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual keeps its own state; rows are read from it on every render, never memoised
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  const { ensure } = list;
  useEffect(() => {
    if (last >= first) ensure(Math.max(0, first - READ_AHEAD), Math.min(count - 1, last + READ_AHEAD));
  }, [ensure, first, last, count]);

  // As in VirtualTable: a fixed width is the most a column takes, so a narrow window shortens
  // them all instead of pushing the last one off the table.
  const template = columns
    .map((c) => (/^[\d.]+rem$/.test(c.width) ? `minmax(0, ${c.width})` : c.width))
    .join(' ');

  // The rows' handlers keep one identity, so a memoised row is not drawn again for a new closure.
  const latest = useRef({ onOpen: props.onOpen, count, virtualizer });
  useLayoutEffect(() => {
    latest.current = { onOpen: props.onOpen, count, virtualizer };
  });
  const onOpen = useCallback((item: I) => latest.current.onOpen(item), []);
  const onKey = useCallback((event: KeyboardEvent, index: number, item: I | undefined) => {
    const { count: total, virtualizer: v } = latest.current;
    const height = scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10;
    const page = Math.max(1, Math.floor(height / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: total - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      const target = Math.max(0, Math.min(total - 1, moves[event.key]!));
      v.scrollToIndex(target, { align: 'auto' });
      requestAnimationFrame(() =>
        scrollRef.current?.querySelector<HTMLElement>(`[data-index="${target}"]`)?.focus(),
      );
    } else if ((event.key === 'Enter' || event.key === ' ') && item) {
      event.preventDefault();
      latest.current.onOpen(item);
    }
  }, []);

  const header = (column: Column<I>) => {
    const active = sort.key === column.sortKey;
    const ariaSort = active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined;
    if (!column.sortKey) {
      return (
        <div role="columnheader" key={column.id} className={classes.headerCell}>
          {column.header}
        </div>
      );
    }
    const Icon = active ? (sort.direction === 'asc' ? IconArrowUp : IconArrowDown) : IconArrowsSort;
    const sortKey = column.sortKey;
    return (
      <div role="columnheader" key={column.id} aria-sort={ariaSort} className={classes.headerCell}>
        <UnstyledButton
          className={classes.sortButton}
          data-active={active || undefined}
          aria-label={t('list.sortBy', { column: column.header })}
          onClick={() =>
            onSort({ key: sortKey, direction: active && sort.direction === 'asc' ? 'desc' : 'asc' })
          }
        >
          <span>{column.header}</span>
          <Icon size={14} aria-hidden />
        </UnstyledButton>
      </div>
    );
  };

  if (list.error) return <ErrorNotice error={list.error} onRetry={list.refresh} />;

  return (
    <Paper withBorder className={classes.root} data-testid={testId}>
      <Group justify="flex-end" px="md" py={6} className={classes.countBar}>
        <Text size="xs" c="dimmed" aria-live="polite" data-testid={`${testId}-count`}>
          {list.total === undefined ? t('common.loading') : t('list.count', { n: list.total })}
        </Text>
      </Group>
      <div role="table" aria-label={label} aria-rowcount={count + 1} className={classes.table}>
        <div role="rowgroup">
          <div
            role="row"
            aria-rowindex={1}
            className={classes.headerRow}
            style={{ gridTemplateColumns: template }}
          >
            {columns.map(header)}
          </div>
        </div>
        {!list.loading && count === 0 ? (
          <div className={classes.empty}>{empty}</div>
        ) : (
          <div
            ref={scrollRef}
            role="rowgroup"
            className={classes.body}
            style={{ height: 'calc(100vh - 19rem)' }}
          >
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {items.map((virtual) => {
                const item = list.get(virtual.index);
                return (
                  <Row
                    key={item ? rowKey(item) : `loading-${virtual.index}`}
                    index={virtual.index}
                    item={item}
                    start={virtual.start}
                    template={template}
                    columns={columns}
                    focusable={virtual.index === first}
                    onOpen={onOpen}
                    onKey={onKey}
                  />
                );
              })}
            </div>
          </div>
        )}
      </div>
    </Paper>
  );
}
