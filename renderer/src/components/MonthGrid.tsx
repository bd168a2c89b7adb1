/**
 * One month of the user's calendar (Jalali weeks start on Saturday, Gregorian on Monday),
 * as a grid of day buttons: arrow keys move by day and week, Page Up/Down by month, Enter
 * picks. Days are named in full for screen readers.
 */
import { ActionIcon, Group, Text, UnstyledButton } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconChevronsLeft, IconChevronsRight } from '@tabler/icons-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { addDays, addMonths, monthGrid, monthName, parseIso, toJalali } from '../../../shared/dates/jalali';
import { useI18n } from '../i18n/locale';
import classes from './MonthGrid.module.css';

const SHORT_WEEKDAYS = {
  fa: ['ی', 'د', 'س', 'چ', 'پ', 'ج', 'ش'],
  en: ['Su', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa'],
} as const;

function yearMonthOf(iso: string, calendar: 'jalali' | 'gregorian') {
  const ymd = calendar === 'jalali' ? toJalali(iso) : parseIso(iso);
  return { year: ymd.year, month: ymd.month };
}

export interface MonthGridProps {
  value: string | null;
  today: string;
  onPick: (iso: string) => void;
}

export function MonthGrid({ value, today, onPick }: MonthGridProps) {
  const { t, locale, calendar, dir, date, digits, number } = useI18n();
  const [focused, setFocused] = useState(value ?? today);
  const { year, month } = yearMonthOf(focused, calendar);
  const grid = monthGrid(year, month, calendar);
  const gridRef = useRef<HTMLDivElement>(null);
  const [moveFocus, setMoveFocus] = useState(false);

  useEffect(() => {
    if (!moveFocus) return;
    gridRef.current?.querySelector<HTMLButtonElement>('[data-focused="true"]')?.focus();
  }, [focused, moveFocus]);

  const go = (iso: string) => {
    setMoveFocus(true);
    setFocused(iso);
  };
  const forward = dir === 'rtl' ? -1 : 1;
  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, () => string> = {
      ArrowRight: () => addDays(focused, forward),
      ArrowLeft: () => addDays(focused, -forward),
      ArrowDown: () => addDays(focused, 7),
      ArrowUp: () => addDays(focused, -7),
      PageDown: () => addMonths(focused, 1, calendar),
      PageUp: () => addMonths(focused, -1, calendar),
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      go(move());
    }
  };

  // "Previous" points to the start side: right in Persian, left in English.
  const Prev = dir === 'rtl' ? IconChevronRight : IconChevronLeft;
  const Next = dir === 'rtl' ? IconChevronLeft : IconChevronRight;
  const PrevYear = dir === 'rtl' ? IconChevronsRight : IconChevronsLeft;
  const NextYear = dir === 'rtl' ? IconChevronsLeft : IconChevronsRight;

  return (
    <div className={classes.root}>
      <Group justify="space-between" mb="xs" wrap="nowrap" gap={4}>
        <Group gap={2} wrap="nowrap">
          <ActionIcon
            variant="subtle"
            aria-label={t('date.prevYear')}
            onClick={() => setFocused(addMonths(focused, -12, calendar))}
          >
            <PrevYear size={16} aria-hidden />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            aria-label={t('date.prevMonth')}
            onClick={() => setFocused(addMonths(focused, -1, calendar))}
          >
            <Prev size={16} aria-hidden />
          </ActionIcon>
        </Group>
        <Text fw={600} size="sm" aria-live="polite">
          {monthName(month, calendar, locale)} {digits(String(year))}
        </Text>
        <Group gap={2} wrap="nowrap">
          <ActionIcon
            variant="subtle"
            aria-label={t('date.nextMonth')}
            onClick={() => setFocused(addMonths(focused, 1, calendar))}
          >
            <Next size={16} aria-hidden />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            aria-label={t('date.nextYear')}
            onClick={() => setFocused(addMonths(focused, 12, calendar))}
          >
            <NextYear size={16} aria-hidden />
          </ActionIcon>
        </Group>
      </Group>
      <div
        role="grid"
        ref={gridRef}
        onKeyDown={onKeyDown}
        className={classes.grid}
        aria-label={`${monthName(month, calendar, locale)} ${digits(String(year))}`}
      >
        <div role="row" className={classes.row}>
          {grid.weekdays.map((weekday) => (
            <div role="columnheader" key={weekday} className={classes.weekday}>
              {SHORT_WEEKDAYS[locale][weekday]}
            </div>
          ))}
        </div>
        {grid.weeks.map((week) => (
          <div role="row" key={week[0]!.iso} className={classes.row}>
            {week.map((day) => (
              <div role="gridcell" key={day.iso} aria-selected={day.iso === value}>
                <UnstyledButton
                  className={classes.day}
                  data-outside={!day.inMonth || undefined}
                  data-selected={day.iso === value || undefined}
                  data-today={day.iso === today || undefined}
                  data-focused={day.iso === focused}
                  tabIndex={day.iso === focused ? 0 : -1}
                  aria-label={date(day.iso, 'weekday')}
                  onClick={() => onPick(day.iso)}
                  onFocus={() => setFocused(day.iso)}
                >
                  {number(day.day)}
                </UnstyledButton>
              </div>
            ))}
          </div>
        ))}
      </div>
      <Group justify="center" mt="xs">
        <UnstyledButton className={classes.todayLink} onClick={() => onPick(today)}>
          {t('date.today')}
        </UnstyledButton>
      </Group>
    </div>
  );
}
