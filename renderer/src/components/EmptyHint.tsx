/** An empty list that says what to do next. */
import { EmptyState } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export function EmptyHint({ title, hint, action }: { title: string; hint: string; action?: ReactNode }) {
  return (
    <EmptyState
      title={title}
      description={hint}
      icon={<IconInbox size={28} stroke={1.5} aria-hidden />}
      variant="light"
      size="md"
    >
      {action}
    </EmptyState>
  );
}
