/**
 * A long list as a table that only draws the rows in view (the register may hold 100,000
 * letters). Sortable column headers, a count, keyboard navigation (arrows, Home/End, Enter
 * opens), and an empty state that says what to do next.
 */
import { Group, Paper, Skeleton, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useI18n } from '../i18n/locale';
import type { PagedList } from '../lib/paged';
import { ErrorNotice } from './ErrorNotice';
import classes from './VirtualTable.module.css';

export interface Column<I> {
  id: string;
  header: string;
  /** A CSS grid track: '8rem', 'minmax(12rem, 2fr)'. */
  width: string;
  /** The contract's sort field for this column, when it can be sorted. */
  sortKey?: string;
  /**
   * The cell holds user text in any script: it takes the direction of its own text, so a
   * long English subject in a Persian table is cut at its end, not its beginning.
   */
  userText?: boolean;
  render: (item: I) => ReactNode;
}

export interface SortState {
  key: string;
  direction: 'asc' | 'desc';
}

export interface VirtualTableProps<I> {
  label: string;
  list: PagedList<I>;
  columns: Column<I>[];
  rowKey: (item: I) => string;
  onOpen: (item: I) => void;
  sort?: SortState;
  onSort?: (sort: SortState) => void;
  empty: ReactNode;
  rowHeight?: number;
  /** Height of the scrolling body; default fills the window below the page header. */
  height?: string;
  testId?: string;
  /** A test id on each row, for a list whose rows hold their own buttons. */
  rowTestId?: string;
}

export function VirtualTable<I>(props: VirtualTableProps<I>) {
  const { label, list, columns, rowKey, onOpen, sort, onSort, empty, testId } = props;
  const rowHeight = props.rowHeight ?? 52;
  const { t } = useI18n();
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = list.total ?? 0;
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual keeps its own state; rows are read from it on every render, never memoised
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  const { ensure } = list;
  useEffect(() => {
    if (last >= first) ensure(first, last);
  }, [ensure, first, last]);

  // A fixed width is the most a column takes: when the window is too narrow for all of them,
  // they give way together and their cells end in "…", instead of the last column running
  // off the table's edge.
  const template = columns
    .map((c) => (/^[\d.]+rem$/.test(c.width) ? `minmax(0, ${c.width})` : c.width))
    .join(' ');

  const focusRow = (index: number) => {
    const target = Math.max(0, Math.min(count - 1, index));
    virtualizer.scrollToIndex(target, { align: 'auto' });
    requestAnimationFrame(() =>
      scrollRef.current?.querySelector<HTMLElement>(`[data-index="${target}"]`)?.focus(),
    );
  };

  const onRowKey = (event: KeyboardEvent, index: number, item: I | undefined) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: count - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      focusRow(moves[event.key]!);
    } else if ((event.key === 'Enter' || event.key === ' ') && item) {
      event.preventDefault();
      onOpen(item);
    }
  };

  const header = (column: Column<I>) => {
    const active = sort?.key === column.sortKey;
    const ariaSort = active ? (sort?.direction === 'asc' ? 'ascending' : 'descending') : undefined;
    if (!column.sortKey || !onSort) {
      return (
        <div role="columnheader" key={column.id} className={classes.headerCell}>
          {column.header}
        </div>
      );
    }
    const Icon = active ? (sort?.direction === 'asc' ? IconArrowUp : IconArrowDown) : IconArrowsSort;
    const sortKey = column.sortKey;
    return (
      <div role="columnheader" key={column.id} aria-sort={ariaSort} className={classes.headerCell}>
        <UnstyledButton
          className={classes.sortButton}
          data-active={active || undefined}
          aria-label={t('list.sortBy', { column: column.header })}
          onClick={() =>
            onSort({ key: sortKey, direction: active && sort?.direction === 'asc' ? 'desc' : 'asc' })
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
        <Text size="xs" c="dimmed" aria-live="polite" data-testid={testId ? `${testId}-count` : undefined}>
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
          // The empty state may hold a button: inside a table it must sit in a row's cell.
          <div role="rowgroup">
            <div role="row">
              <div role="cell" className={classes.empty}>
                {empty}
              </div>
            </div>
          </div>
        ) : (
          <div
            ref={scrollRef}
            role="rowgroup"
            className={classes.body}
            style={{ height: props.height ?? 'calc(100vh - 19rem)' }}
          >
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {items.map((virtual) => {
                const item = list.get(virtual.index);
                return (
                  <div
                    role="row"
                    key={item ? rowKey(item) : `loading-${virtual.index}`}
                    data-index={virtual.index}
                    aria-rowindex={virtual.index + 2}
                    tabIndex={virtual.index === first ? 0 : -1}
                    className={classes.row}
                    style={{
                      gridTemplateColumns: template,
                      height: rowHeight,
                      transform: `translateY(${virtual.start}px)`,
                    }}
                    data-testid={props.rowTestId}
                    onClick={() => item && onOpen(item)}
                    onKeyDown={(event) => onRowKey(event, virtual.index, item)}
                  >
                    {columns.map((column) => (
                      <div
                        role="cell"
                        key={column.id}
                        className={classes.cell}
                        dir={column.userText ? 'auto' : undefined}
                      >
                        {item ? column.render(item) : <Skeleton height={12} radius="sm" aria-hidden />}
                      </div>
                    ))}
                  </div>
                );
              })}
            </div>
          </div>
        )}
      </div>
    </Paper>
  );
}
