/**
 * The text of a draft side by side: one column per language, each in its own direction
 * (Persian and Arabic right to left, English and Russian left to right, whatever the
 * interface language), one row per clause. Clauses are reordered by dragging their handle
 * or with Alt+↑ / Alt+↓, and inserted from the clause library.
 */
import { ActionIcon, Badge, Box, Button, Group, Paper, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconGripVertical, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type DragEvent, type KeyboardEvent } from 'react';
import type {
  Agreement,
  AgreementClause,
  LanguageTextsInput,
} from '../../../../shared/api/agreements.contract';
import { isRtlLanguage, type LanguageCode } from '../../../../shared/agreements/languages';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { RecordPicker, type PickerOption } from '../../components/RecordPicker';
import { useI18n } from '../../i18n/locale';
import { languageName } from '../../lib/languages';
import { notifyDone, notifyFailure } from '../../lib/notify';
import { call } from '../../lib/api';
import { useMutation } from '../../lib/query';
import classes from './ClauseEditor.module.css';

type Texts = Partial<Record<LanguageCode, string>>;
const PREAMBLE = 'preamble';

function textsFor(languages: LanguageCode[], source: Texts): LanguageTextsInput {
  return Object.fromEntries(languages.map((l) => [l, source[l] ?? ''])) as LanguageTextsInput;
}

export function ClauseEditor({ agreement, onChanged }: { agreement: Agreement; onChanged: () => void }) {
  const { t, locale, number } = useI18n();
  const languages = agreement.languages;
  const editable = agreement.textEditable;
  const [drafts, setDrafts] = useState<Record<string, Texts>>({});
  const [dragging, setDragging] = useState<string | null>(null);
  const [removing, setRemoving] = useState<AgreementClause | null>(null);
  const [libraryPick, setLibraryPick] = useState<PickerOption | null>(null);
  const add = useMutation('agreements.clauses.add');
  const update = useMutation('agreements.clauses.update');
  const move = useMutation('agreements.clauses.move');
  const remove = useMutation('agreements.clauses.remove');
  const insert = useMutation('agreements.clauses.insertFromLibrary');
  const savePreamble = useMutation('agreements.update');

  const valueOf = (key: string, saved: Texts, language: LanguageCode) =>
    drafts[key]?.[language] ?? saved[language] ?? '';
  const dirty = (key: string, saved: Texts) =>
    drafts[key] !== undefined &&
    languages.some((l) => (drafts[key]?.[l] ?? saved[l] ?? '') !== (saved[l] ?? ''));
  const edit = (key: string, language: LanguageCode, text: string) =>
    setDrafts((d) => ({ ...d, [key]: { ...d[key], [language]: text } }));
  const forget = (key: string) =>
    setDrafts((d) => {
      const next = { ...d };
      delete next[key];
      return next;
    });

  const attempt = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      notifyDone(done);
      onChanged();
    } catch (error) {
      notifyFailure(error, t);
      onChanged();
    }
  };

  const saveClause = (clause: AgreementClause) => {
    const merged: Texts = { ...clause.texts, ...drafts[clause.clauseKey] };
    return attempt(
      async () => {
        await update.run({
          agreementId: agreement.id,
          clauseKey: clause.clauseKey,
          texts: textsFor(languages, merged),
        });
        forget(clause.clauseKey);
      },
      t('agreements.clause.saved', { n: clause.position }),
    );
  };

  const moveTo = (clause: AgreementClause, toPosition: number) => {
    if (toPosition < 1 || toPosition > agreement.clauses.length || toPosition === clause.position) return;
    void attempt(
      () => move.run({ agreementId: agreement.id, clauseKey: clause.clauseKey, toPosition }),
      t('agreements.clause.moved', { n: toPosition }),
    ).then(() =>
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>(`[data-clause-handle="${clause.clauseKey}"]`)?.focus(),
      ),
    );
  };

  const onRowKey = (event: KeyboardEvent, clause: AgreementClause) => {
    if (!editable) return;
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      moveTo(clause, clause.position + (event.key === 'ArrowUp' ? -1 : 1));
    } else if ((event.ctrlKey || event.metaKey) && event.key === 's') {
      event.preventDefault();
      if (dirty(clause.clauseKey, clause.texts)) void saveClause(clause);
    }
  };

  const onDrop = (event: DragEvent, target: AgreementClause) => {
    event.preventDefault();
    const source = agreement.clauses.find((c) => c.clauseKey === dragging);
    setDragging(null);
    if (source) moveTo(source, target.position);
  };

  const template = `2.75rem repeat(${languages.length}, minmax(0, 1fr)) 2.5rem`;
  const header = (
    <div
      className={classes.row}
      style={{ gridTemplateColumns: template, paddingInline: 'calc(var(--mantine-spacing-sm) + 1px)' }}
    >
      <span />
      {languages.map((language) => (
        <Text key={language} fw={600} size="sm" ta="center">
          {languageName(language, locale)}
        </Text>
      ))}
      <span />
    </div>
  );

  const cells = (
    key: string,
    saved: Texts,
    label: (language: LanguageCode) => string,
    onKey?: (e: KeyboardEvent) => void,
  ) =>
    languages.map((language) => (
      <div
        key={language}
        dir={isRtlLanguage(language) ? 'rtl' : 'ltr'}
        lang={language}
        data-column={language}
      >
        <Textarea
          aria-label={label(language)}
          value={valueOf(key, saved, language)}
          onChange={(e) => edit(key, language, e.currentTarget.value)}
          onKeyDown={onKey}
          readOnly={!editable}
          autosize
          minRows={2}
          maxRows={14}
          lang={language}
          dir={isRtlLanguage(language) ? 'rtl' : 'ltr'}
          data-testid={`clause-${key}-${language}`}
          data-language={language}
        />
      </div>
    ));

  const preambleDirty = dirty(PREAMBLE, agreement.preamble);

  return (
    <Stack gap="sm" component="section" aria-label={t('agreements.field.clauses')}>
      {header}
      <Paper withBorder p="sm" className={classes.row} style={{ gridTemplateColumns: template }}>
        <Text size="xs" c="dimmed" fw={600}>
          {t('agreements.preamble')}
        </Text>
        {cells(
          PREAMBLE,
          agreement.preamble,
          (language) => `${t('agreements.preamble')} — ${languageName(language, locale)}`,
        )}
        <span />
        {preambleDirty && (
          <Group className={classes.saveBar} gap="xs" justify="flex-end">
            <Badge color="yellow" variant="light" size="sm">
              {t('agreements.clause.unsaved')}
            </Badge>
            <Button
              size="xs"
              loading={savePreamble.pending}
              onClick={() =>
                void attempt(async () => {
                  await savePreamble.run({
                    id: agreement.id,
                    preamble: textsFor(languages, { ...agreement.preamble, ...drafts[PREAMBLE] }),
                  });
                  forget(PREAMBLE);
                }, t('agreements.preamble.saved'))
              }
            >
              {t('action.save')}
            </Button>
          </Group>
        )}
      </Paper>

      {agreement.clauses.length === 0 && (
        <Text c="dimmed" size="sm" py="md" ta="center">
          {t('agreements.clause.empty')}
        </Text>
      )}

      {agreement.clauses.map((clause) => {
        const n = number(clause.position);
        const isDirty = dirty(clause.clauseKey, clause.texts);
        return (
          <Paper
            key={clause.clauseKey}
            withBorder
            p="sm"

            className={classes.row}
            data-dragging={dragging === clause.clauseKey || undefined}
            data-testid={`clause-row-${clause.position}`}
            style={{ gridTemplateColumns: template }}
            onDragOver={(e) => dragging && e.preventDefault()}
            onDrop={(e) => onDrop(e, clause)}
          >
            <Stack gap={4} align="center">
              <Text size="sm" fw={700}>
                {n}
              </Text>
              {editable && (
                <Tooltip label={t('agreements.clause.drag', { n })}>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    draggable
                    className={classes.handle}
                    data-clause-handle={clause.clauseKey}
                    aria-label={t('agreements.clause.drag', { n })}
                    aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
                    onDragStart={(e) => {
                      e.dataTransfer.effectAllowed = 'move';
                      e.dataTransfer.setData('text/plain', clause.clauseKey);
                      setDragging(clause.clauseKey);
                    }}
                    onDragEnd={() => setDragging(null)}
                    onKeyDown={(e) => {
                      if (e.key === 'ArrowUp' || e.key === 'ArrowDown') onRowKey(e, clause);
                    }}
                  >
                    <IconGripVertical size={18} aria-hidden />
                  </ActionIcon>
                </Tooltip>
              )}
            </Stack>
            {cells(
              clause.clauseKey,
              clause.texts,
              (language) => t('agreements.clause.text', { n, language: languageName(language, locale) }),
              (e) => onRowKey(e, clause),
            )}
            {editable ? (
              <Stack gap={2} align="center">
                <ActionIcon
                  variant="subtle"
                  aria-label={t('agreements.clause.up', { n })}
                  disabled={clause.position === 1}
                  onClick={() => moveTo(clause, clause.position - 1)}
                >
                  <IconArrowUp size={16} aria-hidden />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  aria-label={t('agreements.clause.down', { n })}
                  disabled={clause.position === agreement.clauses.length}
                  onClick={() => moveTo(clause, clause.position + 1)}
                >
                  <IconArrowDown size={16} aria-hidden />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`${t('action.remove')} — ${t('agreements.clause', { n })}`}
                  onClick={() => setRemoving(clause)}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Stack>
            ) : (
              <span />
            )}
            {isDirty && (
              <Group className={classes.saveBar} gap="xs" justify="flex-end">
                <Badge color="yellow" variant="light" size="sm">
                  {t('agreements.clause.unsaved')}
                </Badge>
                <Button
                  size="xs"
                  loading={update.pending}
                  onClick={() => void saveClause(clause)}
                  data-testid={`clause-save-${clause.position}`}
                >
                  {t('action.save')}
                </Button>
              </Group>
            )}
          </Paper>
        );
      })}

      {editable && (
        <Group gap="md" align="flex-end">
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            variant="light"
            loading={add.pending}
            data-testid="clause-add"
            onClick={() =>
              void attempt(
                () => add.run({ agreementId: agreement.id, texts: textsFor(languages, {}) }),
                t('agreements.clause.added'),
              )
            }
          >
            {t('agreements.clause.add')}
          </Button>
          <Box w={300}>
            {/* The core searches the whole library, however many clauses it holds. */}
            <RecordPicker
              label={t('agreements.clause.fromLibrary')}
              placeholder={t('agreements.clause.library.pick')}
              emptyMessage={t('agreements.clause.library.empty')}
              value={libraryPick?.value ?? null}
              valueLabel={libraryPick?.label ?? null}
              onChange={(_value, option) => setLibraryPick(option)}
              load={async (text) =>
                (
                  await call('clauseLibrary.list', { ...(text.trim() && { text: text.trim() }), limit: 20 })
                ).items.map((c) => ({ value: c.id, label: c.title }))
              }
              data-testid="clause-library-pick"
            />
          </Box>
          <Button
            variant="default"
            disabled={!libraryPick}
            loading={insert.pending}
            data-testid="clause-library-insert"
            onClick={() =>
              libraryPick &&
              void attempt(async () => {
                await insert.run({ agreementId: agreement.id, libraryClauseId: libraryPick.value });
                setLibraryPick(null);
              }, t('agreements.clause.added'))
            }
          >
            {t('action.add')}
          </Button>
        </Group>
      )}

      <ConfirmDialog
        opened={removing !== null}
        title={t('agreements.clause.remove.title')}
        body={removing ? t('agreements.clause.remove.body', { n: removing.position }) : ''}
        confirmLabel={t('action.remove')}
        danger
        pending={remove.pending}
        onClose={() => setRemoving(null)}
        onConfirm={() => {
          const target = removing;
          if (!target) return;
          void attempt(async () => {
            await remove.run({ agreementId: agreement.id, clauseKey: target.clauseKey });
            forget(target.clauseKey);
            setRemoving(null);
          }, t('agreements.clause.removed'));
        }}
      />
    </Stack>
  );
}
