/**
 * The clause library: reusable clauses (dispute settlement, entry into force, languages of
 * the text…) in one or more languages, found by words, added, changed and removed. Like the
 * other lists it draws only the rows in view, so an office with thousands of clauses sees
 * them all. Clauses already inserted into agreements keep their own text.
 */
import { ActionIcon, Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowBack, IconPencil, IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { LibraryClause } from '../../../../shared/api/agreements.contract';
import { isLanguageCode, isRtlLanguage } from '../../../../shared/agreements/languages';
import { navigate } from '../../app/routes';
import { EmptyHint } from '../../components/EmptyHint';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeader } from '../../components/PageHeader';
import { RemoveDialog } from '../../components/RemoveDialog';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { useI18n } from '../../i18n/locale';
import { isolated } from '../../i18n/translate';
import { languageName } from '../../lib/languages';
import { usePagedList } from '../../lib/paged';
import { LibraryClauseDialog } from './LibraryClauseDialog';

/** The clause's opening words in each of its languages, each in its own direction. */
function Excerpts({ clause }: { clause: LibraryClause }) {
  return (
    <Stack gap={0} miw={0}>
      {clause.languages.filter(isLanguageCode).map((language) => (
        <Text
          key={language}
          size="xs"
          c="dimmed"
          lang={language}
          dir={isRtlLanguage(language) ? 'rtl' : 'ltr'}
          truncate="end"
        >
          {clause.texts[language]}
        </Text>
      ))}
    </Stack>
  );
}

export function ClauseLibrary() {
  const { t, locale } = useI18n();
  const [text, setText] = useState('');
  const [words] = useDebouncedValue(text.trim(), 250);
  const list = usePagedList('clauseLibrary.list', words ? { text: words } : {}, {
    entities: ['clause_library'],
  });
  const [editing, setEditing] = useState<LibraryClause | 'new' | null>(null);
  const [removing, setRemoving] = useState<LibraryClause | null>(null);

  const columns: Column<LibraryClause>[] = [
    {
      id: 'title',
      header: t('library.field.title'),
      width: 'minmax(12rem, 1.2fr)',
      userText: true,
      render: (clause) => (
        <Text size="sm" fw={600} truncate="end" title={clause.title}>
          {clause.title}
        </Text>
      ),
    },
    {
      id: 'text',
      header: t('library.field.excerpt'),
      width: 'minmax(14rem, 2fr)',
      render: (clause) => <Excerpts clause={clause} />,
    },
    {
      id: 'languages',
      header: t('library.field.languages'),
      width: 'minmax(9rem, 0.8fr)',
      render: (clause) => (
        <Group gap={4} wrap="nowrap">
          {clause.languages.map((language) => (
            <Badge key={language} variant="light" size="sm" tt="none">
              {languageName(language, locale)}
            </Badge>
          ))}
        </Group>
      ),
    },
    {
      id: 'tags',
      header: t('library.field.tags'),
      width: 'minmax(8rem, 0.8fr)',
      render: (clause) => (
        <Group gap={4} wrap="nowrap">
          {clause.tags.map((tag) => (
            <Badge key={tag} variant="outline" color="gray" size="sm" tt="none">
              <bdi dir="auto">{tag}</bdi>
            </Badge>
          ))}
        </Group>
      ),
    },
    {
      id: 'actions',
      header: '',
      width: '5rem',
      render: (clause) => (
        <Group gap={4} wrap="nowrap" justify="flex-end">
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={t('library.action.edit', { title: clause.title })}
            onClick={(event) => {
              event.stopPropagation();
              setEditing(clause);
            }}
          >
            <IconPencil size={18} aria-hidden />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('library.action.remove', { title: clause.title })}
            onClick={(event) => {
              event.stopPropagation();
              setRemoving(clause);
            }}
          >
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        </Group>
      ),
    },
  ];

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
      <Group align="flex-end">
        <TextInput
          label={t('list.filterText')}
          placeholder={t('library.filter.placeholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          w={280}
          data-list-filter
        />
      </Group>
      {list.error ? (
        <ErrorNotice error={list.error} onRetry={list.refresh} />
      ) : (
        <VirtualTable
          label={t('library.title')}
          list={list}
          columns={columns}
          rowKey={(clause) => clause.id}
          onOpen={(clause) => setEditing(clause)}
          testId="library"
          rowTestId="library-clause"
          rowHeight={72}
          empty={
            words ? (
              <EmptyHint title={t('list.noMatch')} hint={t('list.noMatch.hint')} />
            ) : (
              <EmptyHint
                title={t('library.empty')}
                hint={t('library.empty.hint')}
                action={<Button onClick={() => setEditing('new')}>{t('library.new')}</Button>}
              />
            )
          }
        />
      )}
      {editing && (
        <LibraryClauseDialog
          {...(editing !== 'new' && { existing: editing })}
          onClose={() => {
            setEditing(null);
            list.refresh();
          }}
        />
      )}
      <RemoveDialog
        method="clauseLibrary.remove"
        target={removing}
        title={t('library.remove.title')}
        confirmLabel={t('action.delete')}
        body={(clause) => t('library.remove.body', { title: clause.title })}
        done={(clause) => t('library.removed', { title: isolated(clause.title) })}
        onClose={() => setRemoving(null)}
        onChanged={list.refresh}
      />
    </Stack>
  );
}
