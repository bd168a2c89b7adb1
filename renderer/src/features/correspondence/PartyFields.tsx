/** One side of a letter: who sent it or who receives it. */
import { TextInput } from '@mantine/core';
import type { PartyDraft } from './letter-draft';

export interface PartyFieldsProps {
  label: string;
  value: PartyDraft;
  onChange: (party: PartyDraft) => void;
  error?: string | undefined;
  required?: boolean;
  autoFocus?: boolean;
  'data-testid'?: string;
}

export function PartyFields({
  label,
  value,
  onChange,
  error,
  required,
  autoFocus,
  ...rest
}: PartyFieldsProps) {
  return (
    <TextInput
      label={label}
      required={required}
      autoFocus={autoFocus}
      dir="auto"
      value={value.text}
      placeholder={value.label ?? undefined}
      description={value.label && value.text === '' ? value.label : undefined}
      error={error}
      onChange={(event) => onChange({ ...value, text: event.currentTarget.value })}
      data-testid={rest['data-testid']}
    />
  );
}
