/** One list on the Desk: a few items needing attention, and a way to see them all. */
import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/locale';

export interface AttentionItem {
  key: string;
  href: string;
  title: string;
  meta?: ReactNode;
  tone?: 'red' | 'orange';
}

export function AttentionCard(props: {
  title: string;
  items: AttentionItem[] | undefined;
  total?: number;
  allHref?: string;
  empty: string;
  testId: string;
}) {
  const { t } = useI18n();
  const { items, total } = props;
  return (
    <Card component="section" aria-label={props.title} data-testid={props.testId} h="100%">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={2} fz="h5">
          {props.title}
        </Title>
        {props.allHref && total !== undefined && total > 0 && (
          <Anchor href={props.allHref} size="xs">
            {t('desk.seeAll', { n: total })}
          </Anchor>
        )}
      </Group>
      {items === undefined ? (
        <Text size="sm" c="dimmed">
          {t('common.loading')}
        </Text>
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {props.empty}
        </Text>
      ) : (
        <Stack gap={10} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {items.map((item) => (
            <li key={item.key}>
              {/* The title takes its own direction, so an English subject is cut at its end. */}
              <Anchor href={item.href} size="sm" fw={500} lineClamp={1} dir="auto" display="block">
                {item.title}
              </Anchor>
              {item.meta && (
                <Text size="xs" c={item.tone ?? 'dimmed'}>
                  {item.meta}
                </Text>
              )}
            </li>
          ))}
        </Stack>
      )}
    </Card>
  );
}
