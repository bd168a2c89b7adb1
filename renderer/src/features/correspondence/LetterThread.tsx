/** The whole exchange a letter belongs to, oldest first, each letter one click away. */
import { Anchor, Badge, Group, Text, Timeline } from '@mantine/core';
import { IconArrowDownLeft, IconArrowUpRight, IconArrowsExchange } from '@tabler/icons-react';
import { routeHref } from '../../app/routes';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useI18n } from '../../i18n/locale';
import { useQuery } from '../../lib/query';
import { DIRECTION_COLORS, STATE_COLORS, letterNumber } from './letter-view';

const ICONS = { incoming: IconArrowDownLeft, outgoing: IconArrowUpRight, internal: IconArrowsExchange };

export function LetterThread({ id }: { id: string }) {
  const { t, date, locale } = useI18n();
  const thread = useQuery('letters.thread', { id }, { entities: ['letter'] });
  if (thread.error) return <ErrorNotice error={thread.error} onRetry={thread.refresh} />;
  const data = thread.data ?? thread.previous;
  if (!data) return <Loading />;
  if (data.letters.length <= 1) {
    return (
      <Text size="sm" c="dimmed">
        {t('letters.thread.only')}
      </Text>
    );
  }
  const current = data.letters.findIndex((l) => l.id === id);
  return (
    <Timeline active={current} bulletSize={26} lineWidth={2} data-testid="letter-thread">
      {data.letters.map((letter) => {
        const Icon = ICONS[letter.direction];
        const here = letter.id === id;
        return (
          <Timeline.Item
            key={letter.id}
            bullet={<Icon size={14} aria-hidden />}
            color={DIRECTION_COLORS[letter.direction]}
            title={
              <Group gap="xs" wrap="wrap">
                {here ? (
                  <Text fw={600} size="sm" aria-current="true">
                    <bdi dir="auto">{letterNumber(letter.number, locale)}</bdi> ·{' '}
                    {t('letters.thread.current')}
                  </Text>
                ) : (
                  <Anchor href={routeHref({ section: 'correspondence', id: letter.id })} size="sm" fw={600}>
                    <bdi dir="auto">{letterNumber(letter.number, locale)}</bdi>
                  </Anchor>
                )}
                <Badge size="xs" variant="light" color={DIRECTION_COLORS[letter.direction]}>
                  {t(`letters.direction.${letter.direction}`)}
                </Badge>
                <Badge size="xs" variant="light" color={STATE_COLORS[letter.state]}>
                  {t(`letters.state.${letter.state}`)}
                </Badge>
              </Group>
            }
          >
            <Text size="sm" dir="auto">
              {letter.subject}
            </Text>
            <Text size="xs" c="dimmed">
              {date(letter.letterDate, 'weekday')}
            </Text>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
