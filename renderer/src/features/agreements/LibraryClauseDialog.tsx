/** Adds a reusable clause to the library, or changes one: title, tags, its text per language. */
import {
  Button,
  Group,
  Modal,
  MultiSelect,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import {
  libraryClauseCreateInput,
  libraryClauseUpdateInput,
  type LibraryClause,
} from '../../../../shared/api/agreements.contract';
import { isLanguageCode, isRtlLanguage, type LanguageTexts } from '../../../../shared/agreements/languages';
import { useI18n } from '../../i18n/locale';
import { isolated } from '../../i18n/translate';
import { ApiError } from '../../lib/api';
import { languageName, languageOptions } from '../../lib/languages';
import { notifyDone, notifyFailure } from '../../lib/notify';
import { useMutation } from '../../lib/query';
import { checkInput, coreFieldErrors, type FieldErrors } from '../../lib/validation';

export function LibraryClauseDialog({
  existing,
  onClose,
}: {
  existing?: LibraryClause;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [title, setTitle] = useState(existing?.title ?? '');
  const [tags, setTags] = useState<string[]>(existing?.tags ?? []);
  const [languages, setLanguages] = useState<string[]>(existing?.languages ?? ['fa', 'en']);
  const [texts, setTexts] = useState<LanguageTexts>(existing?.texts ?? {});
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation('clauseLibrary.create');
  const update = useMutation('clauseLibrary.update');

  const submit = async () => {
    // Only the languages still chosen are kept; a language taken off takes its text with it.
    const chosen: LanguageTexts = {};
    for (const language of languages.filter(isLanguageCode)) {
      const value = texts[language]?.trim();
      if (value) chosen[language] = value;
    }
    const fields = { title, tags, texts: chosen };
    const checked = existing
      ? checkInput(libraryClauseUpdateInput, { id: existing.id, ...fields }, i18n)
      : checkInput(libraryClauseCreateInput, fields, i18n);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    try {
      const saved = existing ? await update.run({ id: existing.id, ...fields }) : await create.run(fields);
      notifyDone(t(existing ? 'library.updated' : 'library.created', { title: isolated(saved.title) }));
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'VALIDATION')
        setErrors(coreFieldErrors(error.issues, i18n));
      notifyFailure(error, t);
    }
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={onClose}
      title={existing ? t('library.edit.title') : t('library.new.title')}
      centered
      size="xl"
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          <TextInput
            label={t('library.field.title')}
            required
            dir="auto"
            data-autofocus
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={errors.title}
            data-testid="library-title"
          />
          <Group grow align="flex-start">
            <MultiSelect
              label={t('library.field.languages')}
              data={languageOptions(locale)}
              value={languages}
              onChange={setLanguages}
              searchable
              data-testid="library-languages"
            />
            <TagsInput
              label={t('library.field.tags')}
              value={tags}
              onChange={setTags}
              error={errors.tags}
              data-testid="library-tags"
            />
          </Group>
          {languages.filter(isLanguageCode).map((language) => (
            <Textarea
              key={language}
              label={t('library.field.text', { language: languageName(language, locale) })}
              dir={isRtlLanguage(language) ? 'rtl' : 'ltr'}
              lang={language}
              autosize
              minRows={3}
              value={texts[language] ?? ''}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setTexts((current) => ({ ...current, [language]: value }));
              }}
              error={errors[`texts.${language}`]}
              data-testid={`library-text-${language}`}
            />
          ))}
          {errors.texts && (
            <Text c="red.8" size="sm" role="alert" data-testid="library-texts-error">
              {t('library.error.noText')}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={create.pending || update.pending} data-testid="library-save">
              {t('action.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
