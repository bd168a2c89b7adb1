/** A titled group of form fields (a fieldset with its legend, for screen readers too). */
import { Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function FormSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" component="fieldset" style={{ margin: 0, minWidth: 0 }}>
      <Title order={2} fz="h5" mb="md" component="legend" style={{ padding: '0 0.25rem' }}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}
