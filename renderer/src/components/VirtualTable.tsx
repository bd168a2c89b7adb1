/**
 * A long list as a table that only draws the rows in view (the register may hold 100,000
 * letters). Sortable column headers, a count, keyboard navigation (arrows, Home/End, Enter
 * opens), and an empty state that says what to do next.
 *
 * Built so that a scroll frame costs the rows it adds, not the rows it keeps:
 * - only the rows' part of the table renders on a scroll (the count and the headers do not);
 * - the scroll event draws the rows in view, and the few rows beyond them come in a render of
 *   their own just after (`drawnSpan`): a wheel step that replaces the view draws about 12 rows
 *   in its task, not 18, and never leaves a blank row in view;
 * - a row is memoised on its record: a scroll or an arriving page draws only new rows, provided
 *   the caller keeps `columns` the same array between renders (useMemo);
 * - the rows sit in the normal flow of one block moved to the first row's place, and carry no
 *   style of their own (height and columns come from the table): the browser styles them from
 *   one cached rule set, and lays out and paints them without a layer for each row;
 * - a row still loading is one still bar, not an animated skeleton per cell (the animations
 *   repainted the whole view on every frame of a jump);
 * - while the body scrolls its rows take no pointer events (`useScrollingMark`), so a wheel step
 *   under a resting pointer does not also hover, style and lay out the row that comes under it;
 * - the pages beyond the view are read before the user gets there.
 */
import { Group, Paper, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  memo,
  useCallback,
  useDeferredValue,
  useEffect,
  useLayoutEffect,
  useRef,
  type CSSProperties,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { useI18n } from '../i18n/locale';
import type { PagedList } from '../lib/paged';
import { drawnSpan } from './drawn-span';
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
  /** Keep it the same array between renders (useMemo), or every row in view is drawn again. */
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

/** Rows drawn beyond each edge of the view: enough for a wheel step, few enough to stay cheap. */
const OVERSCAN = 3;
/** Rows beyond the view whose page is read ahead, so a steady scroll meets rows already there. */
const READ_AHEAD = 60;
/** How long after the last scroll event the rows take the pointer again. */
const SCROLL_REST_MS = 150;

/**
 * A fixed width is the most a column takes: when the window is too narrow for all of them,
 * they give way together and their cells end in "…", instead of the last column running off
 * the table's edge.
 */
function gridTemplate<I>(columns: Column<I>[]): string {
  return columns.map((c) => (/^[\d.]+rem$/.test(c.width) ? `minmax(0, ${c.width})` : c.width)).join(' ');
}

export function VirtualTable<I>(props: VirtualTableProps<I>) {
  const { label, list, columns, sort, onSort, empty, testId } = props;
  const rowHeight = props.rowHeight ?? 52;
  const count = list.total ?? 0;
  if (list.error) return <ErrorNotice error={list.error} onRetry={list.refresh} />;

  // Every row takes its columns and height from here: one value for all, none on a row.
  const shape = {
    '--vt-columns': gridTemplate(columns),
    '--vt-row-height': `${rowHeight}px`,
  } as CSSProperties;

  return (
    <Paper withBorder className={classes.root} data-testid={testId}>
      <CountBar total={list.total} testId={testId} />
      <div role="table" aria-label={label} aria-rowcount={count + 1} className={classes.table} style={shape}>
        <HeaderRow columns={columns} sort={sort} onSort={onSort} />
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
          <Rows
            list={list}
            columns={columns}
            rowKey={props.rowKey}
            onOpen={props.onOpen}
            rowHeight={rowHeight}
            height={props.height ?? 'calc(100vh - 19rem)'}
            rowTestId={props.rowTestId}
          />
        )}
      </div>
    </Paper>
  );
}

const CountBar = memo(function CountBar({ total, testId }: { total: number | undefined; testId?: string }) {
  const { t } = useI18n();
  return (
    <Group justify="flex-end" px="md" py={6} className={classes.countBar}>
      <Text size="xs" c="dimmed" aria-live="polite" data-testid={testId ? `${testId}-count` : undefined}>
        {total === undefined ? t('common.loading') : t('list.count', { n: total })}
      </Text>
    </Group>
  );
});

interface HeaderRowProps<I> {
  columns: Column<I>[];
  sort?: SortState;
  onSort?: (sort: SortState) => void;
}

function HeaderRowOf<I>({ columns, sort, onSort }: HeaderRowProps<I>) {
  const { t } = useI18n();
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
  return (
    <div role="rowgroup">
      <div role="row" aria-rowindex={1} className={classes.headerRow}>
        {columns.map(header)}
      </div>
    </div>
  );
}

const HeaderRow = memo(HeaderRowOf) as typeof HeaderRowOf;

interface RowsProps<I> {
  list: PagedList<I>;
  columns: Column<I>[];
  rowKey: (item: I) => string;
  onOpen: (item: I) => void;
  rowHeight: number;
  height: string;
  rowTestId: string | undefined;
}

/** The scrolling body: the only part of the table a scroll renders again. */
function Rows<I>({ list, columns, rowKey, rowHeight, height, rowTestId, ...props }: RowsProps<I>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = list.total ?? 0;
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual keeps its own state; rows are read from it on every render, never memoised
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    // The virtualizer gives the rows in view; drawnSpan adds the rows beyond them.
    overscan: 0,
  });
  const inView = virtualizer.getVirtualItems();
  const view = { first: inView[0]?.index ?? 0, last: inView[inView.length - 1]?.index ?? -1 };
  // The same view as this render's once React has caught up with the scroll, in a render of its own.
  const settledKey = useDeferredValue(`${view.first}:${view.last}`);
  const [settledFirst, settledLast] = settledKey.split(':').map(Number) as [number, number];
  const { first, last } = drawnSpan(view, { first: settledFirst, last: settledLast }, OVERSCAN, count);
  const indexes = Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
  const { ensure } = list;
  useEffect(() => {
    if (last >= first) ensure(Math.max(0, first - READ_AHEAD), Math.min(count - 1, last + READ_AHEAD));
  }, [ensure, first, last, count]);

  // The rows' handlers keep one identity, so a memoised row is not drawn again for a new closure.
  const latest = useRef({ onOpen: props.onOpen, count, virtualizer });
  useLayoutEffect(() => {
    latest.current = { onOpen: props.onOpen, count, virtualizer };
  });
  const onOpen = useCallback((item: I) => latest.current.onOpen(item), []);
  useScrollingMark(scrollRef);
  const onKey = useCallback(
    (event: KeyboardEvent, index: number, item: I | undefined) => {
      const { count: total, virtualizer: v } = latest.current;
      const page = Math.max(
        1,
        Math.floor((scrollRef.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1,
      );
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
    },
    [rowHeight],
  );

  return (
    <div ref={scrollRef} role="rowgroup" className={classes.body} style={{ height }}>
      <div style={{ height: virtualizer.getTotalSize() }}>
        {/* The rows follow each other from the first one drawn: one block moves, no row does. */}
        <div style={{ transform: `translateY(${first * rowHeight}px)` }}>
          {indexes.map((index) => {
            const item = list.get(index);
            return (
              <Row
                key={item ? rowKey(item) : `loading-${index}`}
                index={index}
                item={item}
                columns={columns}
                focusable={index === first}
                onOpen={onOpen}
                onKey={onKey}
                testId={rowTestId}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

/**
 * Marks the scrolling body while a scroll goes on (`data-scrolling`, until SCROLL_REST_MS after
 * the last scroll event), set on the element itself so that no scroll event renders React. The
 * marked body's rows take no pointer events: with the pointer over the table, every wheel step
 * otherwise brought a new row under it, and the frame dispatched pointer and mouse events and
 * styled and laid out the new `:hover` row besides drawing the new rows. A click in that time
 * lands on the body itself, and is passed on to what lies under the pointer, so a row clicked
 * just after a wheel step still opens.
 */
function useScrollingMark(scrollRef: RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    const body = scrollRef.current;
    if (!body) return;
    let rest: ReturnType<typeof setTimeout> | undefined;
    const settle = () => {
      clearTimeout(rest);
      rest = undefined;
      delete body.dataset.scrolling;
    };
    const onScroll = () => {
      if (rest === undefined) body.dataset.scrolling = '';
      else clearTimeout(rest);
      rest = setTimeout(settle, SCROLL_REST_MS);
    };
    const onClick = (event: MouseEvent) => {
      // Only a click that no row took: the rows were not pointable, or it was on the body's own edge.
      if (event.target !== body) return;
      settle();
      const under = document.elementFromPoint(event.clientX, event.clientY);
      if (!(under instanceof HTMLElement) || under === body || !body.contains(under)) return;
      under.closest<HTMLElement>('[role="row"]')?.focus({ preventScroll: true });
      under.click();
    };
    body.addEventListener('scroll', onScroll, { passive: true });
    body.addEventListener('click', onClick);
    return () => {
      body.removeEventListener('scroll', onScroll);
      body.removeEventListener('click', onClick);
      settle();
    };
  }, [scrollRef]);
}

interface RowProps<I> {
  index: number;
  item: I | undefined;
  columns: Column<I>[];
  focusable: boolean;
  onOpen: (item: I) => void;
  onKey: (event: KeyboardEvent, index: number, item: I | undefined) => void;
  testId: string | undefined;
}

function RowOf<I>({ index, item, columns, focusable, onOpen, onKey, testId }: RowProps<I>) {
  return (
    <div
      role="row"
      data-index={index}
      aria-rowindex={index + 2}
      aria-busy={item ? undefined : true}
      tabIndex={focusable ? 0 : -1}
      className={classes.row}
      data-testid={testId}
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
        <div role="cell" className={classes.loading} aria-hidden />
      )}
    </div>
  );
}

const Row = memo(RowOf) as typeof RowOf;
