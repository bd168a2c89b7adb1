/** Search over everything: ranked hits of every kind, the matched words marked. */
import { Anchor, Badge, Button, Chip, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { SearchHit, SearchType } from '../../../../shared/api/search.contract';
import { SEARCH_TYPES } from '../../../../shared/api/search.contract';
import type { PageProps } from '../../app/pages';
import { replaceRoute, routeHref } from '../../app/routes';
import { DateInput } from '../../components/DateInput';
import { EmptyHint } from '../../components/EmptyHint';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Highlighted } from '../../components/Highlighted';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/locale';
import { useQuery } from '../../lib/query';
import { hitRoute, openHit } from './hits';

const PAGE = 30;

function HitCard({ hit }: { hit: SearchHit }) {
  const { t, date } = useI18n();
  const route = hitRoute(hit);
  const title = (
    <Highlighted
      segments={hit.titleSegments.length > 0 ? hit.titleSegments : [{ text: hit.title, match: false }]}
    />
  );
  return (
    <Paper withBorder p="md" component="li" data-testid="search-hit">
      <Group gap="xs" mb={4} wrap="nowrap">
        <Badge size="sm" variant="light">
          {t(`search.type.${hit.type}`)}
        </Badge>
        {route ? (
          <Anchor href={routeHref(route)} fw={600} size="sm" dir="auto">
            {title}
          </Anchor>
        ) : hit.type === 'attachment' ? (
          <Anchor
            component="button"
            type="button"
            fw={600}
            size="sm"
            dir="auto"
            onClick={() => void openHit(hit, t)}
          >
            {title}
          </Anchor>
        ) : (
          <Text fw={600} size="sm" dir="auto">
            {title}
          </Text>
        )}
        {hit.date && (
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap', marginInlineStart: 'auto' }}>
            {date(hit.date, 'short')}
          </Text>
        )}
      </Group>
      {hit.snippet.length > 0 && (
        <Text size="sm" c="dimmed" dir="auto" lineClamp={2}>
          <Highlighted segments={hit.snippet} lines />
        </Text>
      )}
    </Paper>
  );
}

export function SearchPage({ route }: PageProps) {
  const { t } = useI18n();
  const params = route.params ?? {};
  const [text, setText] = useState(params.q ?? '');
  const [debounced] = useDebouncedValue(text.trim(), 250);
  const [limit, setLimit] = useState(PAGE);
  const types = (params.types ?? '')
    .split(',')
    .filter((v): v is SearchType => (SEARCH_TYPES as readonly string[]).includes(v));
  const setParam = (key: string, value: string | null) => {
    const next = { ...params };
    if (value) next[key] = value;
    else delete next[key];
    replaceRoute({ section: 'search', params: next });
  };
  const filters = { ...(params.from && { from: params.from }), ...(params.to && { to: params.to }) };
  const results = useQuery(
    'search.query',
    debounced
      ? {
          text: debounced,
          limit,
          ...(types.length > 0 && { types }),
          ...(Object.keys(filters).length > 0 && { filters }),
        }
      : null,
    {},
  );
  const data = results.data ?? (debounced ? results.previous : undefined);

  return (
    <Stack gap="md">
      <PageHeader title={t('search.title')} subtitle={t('search.subtitle')} />
      <TextInput
        label={t('search.box')}
        placeholder={t('search.placeholder')}
        description={t('search.hint')}
        leftSection={<IconSearch size={18} aria-hidden />}
        size="md"
        dir="auto"
        autoFocus
        value={text}
        data-list-filter
        data-testid="search-input"
        onChange={(event) => {
          setText(event.currentTarget.value);
          setLimit(PAGE);
          setParam('q', event.currentTarget.value.trim() || null);
        }}
      />
      <Group gap="md" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="search-types-label">
            {t('search.types')}
          </Text>
          <Chip.Group multiple value={types} onChange={(value) => setParam('types', value.join(',') || null)}>
            <Group gap={6} role="group" aria-labelledby="search-types-label">
              {SEARCH_TYPES.map((type) => (
                <Chip key={type} value={type} size="xs" variant="light">
                  {t(`search.type.${type}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </Stack>
        <div style={{ width: 150 }}>
          <DateInput
            label={t('letters.field.dateFrom')}
            value={params.from ?? null}
            onChange={(iso) => setParam('from', iso)}
          />
        </div>
        <div style={{ width: 150 }}>
          <DateInput
            label={t('letters.field.dateTo')}
            value={params.to ?? null}
            onChange={(iso) => setParam('to', iso)}
          />
        </div>
      </Group>
      {!debounced ? (
        <Text c="dimmed" size="sm">
          {t('search.start')}
        </Text>
      ) : results.error ? (
        <ErrorNotice error={results.error} onRetry={results.refresh} />
      ) : !data ? (
        <Loading />
      ) : data.items.length === 0 ? (
        <EmptyHint title={t('search.empty', { text: debounced })} hint={t('search.empty.hint')} />
      ) : (
        <Stack gap="sm">
          <Stack
            gap="sm"
            component="ul"
            aria-label={t('search.results')}
            m={0}
            p={0}
            style={{ listStyle: 'none' }}
          >
            {data.items.map((hit) => (
              <HitCard key={`${hit.type}-${hit.id}`} hit={hit} />
            ))}
          </Stack>
          {data.hasMore && (
            <Group justify="center">
              <Button
                variant="light"
                onClick={() => setLimit((l) => Math.min(200, l + PAGE))}
                loading={results.loading}
              >
                {t('search.more')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Stack>
  );
}
