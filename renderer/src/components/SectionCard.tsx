/** A titled card on a detail page. */
import { Card, Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function SectionCard({
  title,
  actions,
  children,
  testId,
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Card component="section" aria-label={title} data-testid={testId}>
      <Group justify="space-between" mb="md" wrap="nowrap" align="flex-start">
        <Title order={2} fz="h5" style={{ minWidth: 0 }}>
          {title}
        </Title>
        {/* The title wraps in a narrow column; the buttons keep their whole label. */}
        {actions && <div style={{ flexShrink: 0 }}>{actions}</div>}
      </Group>
      {children}
    </Card>
  );
}
