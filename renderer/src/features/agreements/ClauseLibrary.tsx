/**
 * The clause library: reusable clauses (dispute settlement, entry into force, languages of
 * the text…) in one or more languages, found by words or tag, added, changed and removed.
 * Clauses already inserted into agreements keep their own text.
 */
import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowBack, IconPencil, IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { LibraryClause } from '../../../../shared/api/agreements.contract';
import { isLanguageCode, isRtlLanguage } from '../../../../shared/agreements/languages';
import { navigate } from '../../app/routes';
import { RemoveDialog } from '../../components/RemoveDialog';
import { EmptyHint } from '../../components/EmptyHint';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/locale';
import { languageName } from '../../lib/languages';
import { useQuery } from '../../lib/query';
import { LibraryClauseDialog } from './LibraryClauseDialog';

export function ClauseLibrary() {
  const { t, locale } = useI18n();
  const [text, setText] = useState('');
  const [words] = useDebouncedValue(text.trim(), 250);
  const clauses = useQuery(
    'clauseLibrary.list',
    { ...(words && { text: words }), limit: 200 },
    {
      entities: ['clause_library'],
    },
  );
  const [editing, setEditing] = useState<LibraryClause | 'new' | null>(null);
  const [removing, setRemoving] = useState<LibraryClause | null>(null);
  const data = clauses.data ?? clauses.previous;

  return (
    <Stack gap="md">
      <PageHeader
        title={t('library.title')}
        subtitle={t('library.subtitle')}
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconArrowBack size={18} aria-hidden />}
              onClick={() => navigate({ section: 'agreements' })}
            >
              {t('nav.agreements')}
            </Button>
            <Button
              leftSection={<IconPlus size={18} aria-hidden />}
              onClick={() => setEditing('new')}
              data-testid="library-new"
            >
              {t('library.new')}
            </Button>
          </>
        }
      />
      <Group justify="space-between" align="flex-end">
        <TextInput
          label={t('list.filterText')}
          placeholder={t('library.filter.placeholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          w={280}
          dir="auto"
          data-list-filter
        />
        {data && (
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="library-count">
            {t('list.count', { n: data.total })}
          </Text>
        )}
      </Group>
      {clauses.error ? (
        <ErrorNotice error={clauses.error} onRetry={clauses.refresh} />
      ) : !data ? (
        <Loading />
      ) : data.items.length === 0 ? (
        words ? (
          <EmptyHint title={t('list.noMatch')} hint={t('list.noMatch.hint')} />
        ) : (
          <EmptyHint
            title={t('library.empty')}
            hint={t('library.empty.hint')}
            action={<Button onClick={() => setEditing('new')}>{t('library.new')}</Button>}
          />
        )
      ) : (
        <Stack gap="md">
          {data.items.map((clause) => (
            <Card key={clause.id} component="article" aria-label={clause.title} data-testid="library-clause">
              <Group justify="space-between" wrap="nowrap" align="flex-start" mb="sm">
                <Stack gap={4}>
                  <Title order={2} fz="h5">
                    <bdi dir="auto">{clause.title}</bdi>
                  </Title>
                  <Group gap={6}>
                    {clause.languages.map((language) => (
                      <Badge key={language} variant="light" size="sm" tt="none">
                        {languageName(language, locale)}
                      </Badge>
                    ))}
                    {clause.tags.map((tag) => (
                      <Badge key={tag} variant="outline" color="gray" size="sm" tt="none">
                        <bdi dir="auto">{tag}</bdi>
                      </Badge>
                    ))}
                  </Group>
                </Stack>
                <Group gap={4} wrap="nowrap">
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={t('library.action.edit', { title: clause.title })}
                    onClick={() => setEditing(clause)}
                  >
                    <IconPencil size={18} aria-hidden />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('library.action.remove', { title: clause.title })}
                    onClick={() => setRemoving(clause)}
                  >
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                </Group>
              </Group>
              <SimpleGrid
                cols={{ base: 1, md: Math.min(3, Math.max(1, clause.languages.length)) }}
                spacing="md"
              >
                {clause.languages.filter(isLanguageCode).map((language) => (
                  <Text
                    key={language}
                    size="sm"
                    lang={language}
                    dir={isRtlLanguage(language) ? 'rtl' : 'ltr'}
                    lineClamp={4}
                    style={{ whiteSpace: 'pre-wrap' }}
                  >
                    {clause.texts[language]}
                  </Text>
                ))}
              </SimpleGrid>
            </Card>
          ))}
        </Stack>
      )}
      {editing && (
        <LibraryClauseDialog
          {...(editing !== 'new' && { existing: editing })}
          onClose={() => {
            setEditing(null);
            clauses.refresh();
          }}
        />
      )}
      <RemoveDialog
        method="clauseLibrary.remove"
        target={removing}
        title={t('library.remove.title')}
        confirmLabel={t('action.delete')}
        body={(clause) => t('library.remove.body', { title: clause.title })}
        done={(clause) => t('library.removed', { title: clause.title })}
        onClose={() => setRemoving(null)}
        onChanged={clauses.refresh}
      />
    </Stack>
  );
}
