/**
 * Picks one record from a list the core searches: the user types a few letters of a name,
 * number or title and chooses. Only the current page of matches is ever in memory.
 */
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/locale';

export interface PickerOption {
  value: string;
  label: string;
}

export interface RecordPickerProps {
  label: string;
  value: string | null;
  /** The label of the current value, when the caller already knows it. */
  valueLabel?: string | null;
  onChange: (value: string | null, option: PickerOption | null) => void;
  load: (text: string) => Promise<PickerOption[]>;
  placeholder?: string;
  /** Shown instead of "nothing matches" when nothing is found with no text typed: there is none. */
  emptyMessage?: string;
  description?: string;
  error?: string | undefined;
  required?: boolean;
  clearable?: boolean;
  disabled?: boolean;
  'data-testid'?: string;
}

export function RecordPicker(props: RecordPickerProps) {
  const { t } = useI18n();
  const { value, valueLabel, load } = props;
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const [found, setFound] = useState<PickerOption[]>([]);
  const [opened, setOpened] = useState(false);
  // Callers pass a fresh function on every render; the search runs when the text changes.
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });

  useEffect(() => {
    if (!opened) return;
    let live = true;
    loadRef.current(debounced).then(
      (options) => live && setFound(options),
      () => live && setFound([]),
    );
    return () => {
      live = false;
    };
  }, [debounced, opened]);

  const current: PickerOption[] = value && valueLabel ? [{ value, label: valueLabel }] : [];
  const data = [...current, ...found.filter((o) => o.value !== value)];

  return (
    <Select
      label={props.label}
      placeholder={props.placeholder}
      description={props.description}
      error={props.error}
      required={props.required}
      disabled={props.disabled}
      clearable={props.clearable ?? true}
      searchable
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onDropdownOpen={() => setOpened(true)}
      onDropdownClose={() => setOpened(false)}
      filter={({ options }) => options}
      nothingFoundMessage={
        props.emptyMessage !== undefined && debounced.trim() === '' ? props.emptyMessage : t('list.noMatch')
      }
      onChange={(next) => props.onChange(next, data.find((o) => o.value === next) ?? null)}
      data-testid={props['data-testid']}
      comboboxProps={{ shadow: 'md' }}
    />
  );
}
