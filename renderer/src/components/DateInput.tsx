/**
 * A date field in the user's calendar: type 1404/1/15, ۱۴۰۴/۰۱/۱۵ (or 2025-04-04 in
 * English), or pick from the month grid. Shows the weekday of what was entered and refuses,
 * in words, a date that is malformed or does not exist. The value is always the stored
 * Gregorian YYYY-MM-DD, or null when empty.
 */
import { ActionIcon, Popover, TextInput } from '@mantine/core';
import { IconCalendar } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { formatDate, parseUserDate } from '../../../shared/dates/jalali';
import { useSession } from '../app/session';
import { useI18n } from '../i18n/locale';
import { MonthGrid } from './MonthGrid';

export interface DateInputProps {
  label: string;
  value: string | null;
  onChange: (iso: string | null) => void;
  /** Tells the form whether the text typed is a date at all (it blocks saving while not). */
  onValidityChange?: (valid: boolean) => void;
  error?: string | undefined;
  required?: boolean;
  description?: string;
  autoFocus?: boolean;
  'data-testid'?: string;
}

export function DateInput(props: DateInputProps) {
  const { label, value, onChange, onValidityChange, error, required, description, autoFocus } = props;
  const i18n = useI18n();
  const { t, locale, calendar } = i18n;
  const { today } = useSession();
  const show = (iso: string | null) => (iso ? formatDate(iso, locale, 'short', calendar) : '');
  const syncKey = `${value ?? ''}|${locale}|${calendar}`;
  const [synced, setSynced] = useState(syncKey);
  const [text, setText] = useState(() => show(value));
  const [problem, setProblem] = useState<'format' | 'range' | null>(null);
  const [touched, setTouched] = useState(false);
  const [open, setOpen] = useState(false);
  const pickerId = useId();

  // A new value from outside (or another language) rewrites the text.
  if (synced !== syncKey) {
    setSynced(syncKey);
    setText(show(value));
    setProblem(null);
  }

  const emit = (iso: string | null) => {
    setSynced(`${iso ?? ''}|${locale}|${calendar}`);
    onChange(iso);
  };

  const read = (typed: string) => {
    setText(typed);
    if (typed.trim() === '') {
      setProblem(null);
      onValidityChange?.(true);
      if (value !== null) emit(null);
      return;
    }
    const parsed = parseUserDate(typed, calendar);
    if (parsed.ok) {
      setProblem(null);
      onValidityChange?.(true);
      if (parsed.iso !== value) emit(parsed.iso);
    } else {
      setProblem(parsed.reason);
      onValidityChange?.(false);
    }
  };

  const pick = (iso: string) => {
    setText(show(iso));
    setProblem(null);
    setOpen(false);
    onValidityChange?.(true);
    emit(iso);
  };

  const example = t(calendar === 'jalali' ? 'date.example.jalali' : 'date.example.gregorian');
  const ownError =
    problem && touched
      ? problem === 'format'
        ? t('validation.date.format', { example })
        : t('validation.date.range')
      : undefined;
  const weekday = value && !problem ? formatDate(value, locale, 'weekday', calendar) : undefined;

  return (
    <TextInput
      label={label}
      required={required}
      value={text}
      placeholder={example}
      dir="auto"
      autoFocus={autoFocus}
      inputMode="numeric"
      autoComplete="off"
      data-testid={props['data-testid']}
      onChange={(event) => read(event.currentTarget.value)}
      onBlur={() => {
        setTouched(true);
        if (!problem && value) setText(show(value));
      }}
      onKeyDown={(event) => {
        if (event.key === 'ArrowDown' && event.altKey) setOpen(true);
      }}
      description={weekday ?? description}
      error={ownError ?? error}
      rightSection={
        // The calendar hangs from its button, which says whether it is open.
        <Popover opened={open} onChange={setOpen} position="bottom-end" shadow="md" trapFocus returnFocus>
          <Popover.Target>
            <ActionIcon
              variant="subtle"
              aria-label={t('date.pick')}
              aria-haspopup="dialog"
              onClick={() => setOpen((o) => !o)}
            >
              <IconCalendar size={18} aria-hidden />
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown id={pickerId} role="dialog" aria-label={label}>
            <MonthGrid value={value} today={today} onPick={pick} />
          </Popover.Dropdown>
        </Popover>
      }
    />
  );
}
