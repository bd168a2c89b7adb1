/**
 * Registering or editing a letter. Built for speed at the secretariat desk: the cursor
 * starts in the first field, Tab walks through them in reading order, Ctrl+Enter saves and
 * Esc goes back. Every field is checked with the contract's own schema before saving.
 */
import {
  Button,
  Grid,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import type { Letter, LetterDirection } from '../../../../shared/api/letters.contract';
import {
  LETTER_CHANNELS,
  LETTER_DIRECTIONS,
  letterCreateInput,
  letterUpdateInput,
} from '../../../../shared/api/letters.contract';
import { navigate } from '../../app/routes';
import { useSession } from '../../app/session';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DateInput } from '../../components/DateInput';
import { FormSection } from '../../components/FormSection';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/locale';
import { ApiError, call } from '../../lib/api';
import { languageOptions } from '../../lib/languages';
import { notifyDone, notifyFailure } from '../../lib/notify';
import { checkInput, coreFieldErrors, type FieldErrors } from '../../lib/validation';
import { LetterLinksFields } from './LetterLinksFields';
import { createInput, updateInput, type LetterDraft } from './letter-draft';
import { letterNumberInText, levelLabel } from './letter-view';
import { PartyFields } from './PartyFields';

export type LetterFormMode = { kind: 'create'; title: string } | { kind: 'edit'; letter: Letter };

export function LetterForm({ mode, initial }: { mode: LetterFormMode; initial: LetterDraft }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const { settings } = useSession();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [badDates, setBadDates] = useState<Set<string>>(new Set());
  const [saving, setSaving] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);

  const set = <K extends keyof LetterDraft>(key: K, value: LetterDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    if (errors[key]) setErrors(({ [key]: _gone, ...rest }) => rest);
  };
  const dateValidity = (field: string) => (valid: boolean) =>
    setBadDates((prev) => {
      const next = new Set(prev);
      if (valid) next.delete(field);
      else next.add(field);
      return next;
    });

  const back = () =>
    navigate(
      mode.kind === 'edit'
        ? { section: 'correspondence', id: mode.letter.id }
        : { section: 'correspondence' },
    );
  const cancel = () => (dirty ? setLeaving(true) : back());

  const save = async () => {
    if (badDates.size > 0) {
      notifyFailure(new ApiError({ code: 'VALIDATION', message: 'dates' }), t);
      return;
    }
    const checked =
      mode.kind === 'create'
        ? checkInput(letterCreateInput, createInput(draft), i18n)
        : checkInput(letterUpdateInput, updateInput(mode.letter.id, draft), i18n);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setSaving(true);
    try {
      const saved =
        mode.kind === 'create'
          ? await call('letters.create', createInput(draft))
          : await call('letters.update', updateInput(mode.letter.id, draft));
      notifyDone(
        mode.kind === 'create'
          ? t('letters.created', { number: letterNumberInText(saved.number, locale) })
          : t('form.saved'),
      );
      navigate({ section: 'correspondence', id: saved.id });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'VALIDATION' && error.issues.length > 0) {
        setErrors(coreFieldErrors(error.issues, i18n));
      }
      notifyFailure(error, t);
    } finally {
      setSaving(false);
    }
  };

  const classifications = settings['letters.classifications'];
  const urgencies = settings['letters.urgencies'];
  const incoming = draft.direction === 'incoming';
  const title =
    mode.kind === 'create'
      ? mode.title
      : t('letters.edit.title', { number: letterNumberInText(mode.letter.number, locale) });

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          void save();
        } else if (event.key === 'Escape' && !event.defaultPrevented) {
          const target = event.target as HTMLElement;
          // Esc inside an open list or calendar closes that first.
          if (target.getAttribute('aria-expanded') === 'true') return;
          event.preventDefault();
          cancel();
        }
      }}
    >
      <PageHeader
        title={<bdi dir="auto">{title}</bdi>}
        subtitle={t('letters.keyboard.hint')}
        actions={
          <>
            <Button variant="default" onClick={cancel}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t('action.save')}
            </Button>
          </>
        }
      />
      <Stack gap="lg">
        {Object.keys(errors).length > 0 && (
          <Text c="red" size="sm" role="alert">
            {t('form.checkFields')}
          </Text>
        )}
        <FormSection title={t('letters.section.main')}>
          <Grid gap="md">
            {mode.kind === 'create' && (
              <Grid.Col span={12}>
                <Stack gap={4}>
                  <Text size="sm" fw={500} id="letter-direction-label">
                    {t('letters.direction')}
                  </Text>
                  <SegmentedControl
                    aria-labelledby="letter-direction-label"
                    value={draft.direction}
                    onChange={(value) => {
                      const direction = value as LetterDirection;
                      setDraft((d) => ({ ...d, direction, needsReply: direction === 'incoming' }));
                    }}
                    data={LETTER_DIRECTIONS.map((d) => ({ value: d, label: t(`letters.direction.${d}`) }))}
                  />
                </Stack>
              </Grid.Col>
            )}
            <Grid.Col span={{ base: 12, md: 4 }}>
              <DateInput
                label={t('letters.field.letterDate')}
                required
                autoFocus
                value={draft.letterDate}
                onChange={(iso) => set('letterDate', iso)}
                onValidityChange={dateValidity('letterDate')}
                error={errors.letterDate}
                data-testid="letter-date"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Select
                label={t('letters.field.classification')}
                data={classifications.map((c) => ({ value: c, label: levelLabel(c, i18n.locale) }))}
                value={draft.classification ?? classifications[0] ?? null}
                onChange={(value) => set('classification', value)}
                allowDeselect={false}
                error={errors.classification}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Select
                label={t('letters.field.urgency')}
                data={urgencies.map((u) => ({ value: u, label: levelLabel(u, i18n.locale) }))}
                value={draft.urgency ?? urgencies[0] ?? null}
                onChange={(value) => set('urgency', value)}
                allowDeselect={false}
                error={errors.urgency}
              />
            </Grid.Col>
            {incoming && (
              <>
                <Grid.Col span={{ base: 12, md: 4 }}>
                  <TextInput
                    label={t('letters.field.senderNumber')}
                    dir="auto"
                    value={draft.senderNumber}
                    onChange={(event) => set('senderNumber', event.currentTarget.value)}
                    error={errors.senderNumber}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, md: 4 }}>
                  <DateInput
                    label={t('letters.field.senderDate')}
                    value={draft.senderDate}
                    onChange={(iso) => set('senderDate', iso)}
                    onValidityChange={dateValidity('senderDate')}
                    error={errors.senderDate}
                  />
                </Grid.Col>
              </>
            )}
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Select
                label={t('letters.channel')}
                clearable
                value={draft.channel}
                onChange={(value) => set('channel', value)}
                data={LETTER_CHANNELS.map((c) => ({ value: c, label: t(`letters.channel.${c}`) }))}
              />
            </Grid.Col>
          </Grid>
        </FormSection>

        <FormSection title={t('letters.section.sides')}>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 6 }}>
              <PartyFields
                label={t('letters.field.from')}
                required
                value={draft.from}
                onChange={(party) => set('from', party)}
                error={errors.from ?? errors['from.text']}
                data-testid="letter-from"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <PartyFields
                label={t('letters.field.to')}
                required
                value={draft.to}
                onChange={(party) => set('to', party)}
                error={errors.to ?? errors['to.text']}
                data-testid="letter-to"
              />
            </Grid.Col>
            <Grid.Col span={12}>
              <TextInput
                label={t('letters.field.subject')}
                required
                dir="auto"
                value={draft.subject}
                onChange={(event) => set('subject', event.currentTarget.value)}
                error={errors.subject}
                data-testid="letter-subject"
              />
            </Grid.Col>
            <Grid.Col span={12}>
              <Textarea
                label={t('letters.field.body')}
                dir="auto"
                autosize
                minRows={3}
                maxRows={12}
                value={draft.body}
                onChange={(event) => set('body', event.currentTarget.value)}
                error={errors.body}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Select
                label={t('letters.field.language')}
                value={draft.language}
                onChange={(value) => value && set('language', value)}
                data={languageOptions(locale, draft.language)}
                allowDeselect={false}
                searchable
                error={errors.language}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <NumberInput
                label={t('letters.field.attachmentsCount')}
                min={0}
                max={9999}
                allowDecimal={false}
                allowNegative={false}
                value={draft.attachmentsCount}
                onChange={(value) => set('attachmentsCount', typeof value === 'number' ? value : 0)}
                error={errors.attachmentsCount}
              />
            </Grid.Col>
          </Grid>
        </FormSection>

        <FormSection title={t('letters.section.followUp')}>
          <Grid gap="md" align="flex-end">
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Switch
                label={t('letters.field.needsReply')}
                checked={draft.needsReply}
                onChange={(event) => set('needsReply', event.currentTarget.checked)}
                mb="xs"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <DateInput
                label={t('letters.field.followUpDate')}
                value={draft.followUpDate}
                onChange={(iso) => set('followUpDate', iso)}
                onValidityChange={dateValidity('followUpDate')}
                error={errors.followUpDate}
              />
            </Grid.Col>
          </Grid>
        </FormSection>

        <LetterLinksFields draft={draft} setDraft={setDraft} errors={errors} />

        <Group justify="flex-end">
          <Button variant="default" onClick={cancel}>
            {t('action.cancel')}
          </Button>
          <Button type="submit" loading={saving} data-testid="letter-save">
            {t('action.save')}
          </Button>
        </Group>
      </Stack>
      <ConfirmDialog
        opened={leaving}
        title={t('action.cancel')}
        body={t('form.unsaved')}
        confirmLabel={t('action.confirm')}
        danger
        onConfirm={back}
        onClose={() => setLeaving(false)}
      />
    </form>
  );
}
