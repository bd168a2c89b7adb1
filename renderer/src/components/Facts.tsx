/** Labelled values of a record, in a responsive grid. */
import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface Fact {
  label: string;
  value: ReactNode;
  testId?: string;
}

export function Facts({ facts, cols = 3 }: { facts: (Fact | false | null | undefined)[]; cols?: number }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: cols }} spacing="lg" verticalSpacing="md" component="dl" m={0}>
      {facts
        .filter((f): f is Fact => Boolean(f))
        .map((fact) => (
          <Stack gap={2} key={fact.label}>
            <Text size="xs" c="dimmed" fw={500} component="dt">
              {fact.label}
            </Text>
            <Text size="sm" component="dd" m={0} data-testid={fact.testId}>
              {fact.value ?? '—'}
            </Text>
          </Stack>
        ))}
    </SimpleGrid>
  );
}
