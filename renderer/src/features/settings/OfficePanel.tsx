/** The office's own settings: its name, letter numbering, classifications, thresholds. */
import {
  Button,
  Grid,
  NumberInput,
  Pill,
  Stack,
  TagsInput,
  Text,
  TextInput,
  type TagsInputProps,
} from '@mantine/core';
import { useState } from 'react';
import type { SettingEntry, SettingKey, Settings } from '../../../../shared/api/settings.schema';
import { SETTINGS } from '../../../../shared/api/settings.schema';
import { jalaliYearOf } from '../../../../shared/dates/jalali';
import {
  displayRegisterNumber,
  formatRegisterNumber,
  registerPatternProblems,
} from '../../../../shared/letters/register-number';
import { useSession } from '../../app/session';
import { isolated } from '../../i18n/translate';
import { levelLabel } from '../correspondence/letter-view';
import { useI18n } from '../../i18n/locale';
import { call } from '../../lib/api';
import { notifyDone, notifyFailure } from '../../lib/notify';
import { translateIssue, type FieldErrors } from '../../lib/validation';

const MB = 1024 * 1024;

/** The twelfth letter of this year under a pattern, or '' while the pattern is not usable. */
function previewNumber(pattern: string, year: number, secretariat: string, locale: 'fa' | 'en'): string {
  try {
    return displayRegisterNumber(formatRegisterNumber(pattern, { seq: 12, year, secretariat }), locale);
  } catch {
    return '';
  }
}

type TagsInputPillProps = Parameters<NonNullable<TagsInputProps['renderPill']>>[0];

export function OfficePanel() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const { settings, today } = useSession();
  const [draft, setDraft] = useState<Settings>(settings);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const set = <K extends SettingKey>(key: K, value: Settings[K]) => setDraft((d) => ({ ...d, [key]: value }));
  // The office's words are stored as typed; each shows as the letters show it, named in the
  // user's language where the program knows its name, with the typed word on hover.
  const levelPill = ({ value = '', onRemove, disabled }: TagsInputPillProps) => (
    <Pill
      withRemoveButton={!disabled}
      onRemove={onRemove}
      title={value}
      data-testid="level-pill"
      removeButtonProps={{ 'aria-label': `${t('action.remove')} ${value}` }}
    >
      <bdi>{levelLabel(value, locale)}</bdi>
    </Pill>
  );

  const save = async () => {
    const changed = (Object.keys(draft) as SettingKey[]).filter(
      (key) => JSON.stringify(draft[key]) !== JSON.stringify(settings[key]),
    );
    const found: FieldErrors = {};
    for (const key of changed) {
      const parsed = SETTINGS[key].safeParse(draft[key]);
      if (!parsed.success) found[key] = translateIssue(parsed.error.issues[0]!, i18n);
    }
    if (registerPatternProblems(draft['letters.numberPattern']).length > 0) {
      found['letters.numberPattern'] = t('validation.invalid');
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    try {
      for (const key of changed) await call('settings.set', { key, value: draft[key] } as SettingEntry);
      notifyDone(t('settings.office.saved'));
    } catch (error) {
      notifyFailure(error, t);
    } finally {
      setSaving(false);
    }
  };

  const preview = previewNumber(
    draft['letters.numberPattern'],
    jalaliYearOf(today),
    draft['letters.secretariat'],
    locale,
  );

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Stack gap="md" maw={820}>
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <TextInput
              label={t('settings.office.nameFa')}
              dir="auto"
              value={draft['office.nameFa']}
              onChange={(e) => set('office.nameFa', e.currentTarget.value)}
              error={errors['office.nameFa']}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <TextInput
              label={t('settings.office.nameEn')}
              dir="auto"
              value={draft['office.nameEn']}
              onChange={(e) => set('office.nameEn', e.currentTarget.value)}
              error={errors['office.nameEn']}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <TextInput
              label={t('settings.office.numberPattern')}
              description={t('settings.office.numberPattern.hint')}
              dir="auto"
              value={draft['letters.numberPattern']}
              onChange={(e) => set('letters.numberPattern', e.currentTarget.value)}
              error={errors['letters.numberPattern']}
              data-testid="number-pattern"
            />
            {preview && (
              <Text size="xs" c="dimmed" mt={4} data-testid="number-preview">
                {t('settings.office.numberPattern.preview', { number: isolated(preview) })}
              </Text>
            )}
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <TextInput
              label={t('settings.office.secretariat')}
              dir="auto"
              value={draft['letters.secretariat']}
              onChange={(e) => set('letters.secretariat', e.currentTarget.value)}
              error={errors['letters.secretariat']}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <TagsInput
              label={t('settings.office.classifications')}
              description={t('contacts.field.list.hint')}
              value={draft['letters.classifications']}
              renderPill={levelPill}
              onChange={(v) => set('letters.classifications', v)}
              error={errors['letters.classifications']}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <TagsInput
              label={t('settings.office.urgencies')}
              description={t('contacts.field.list.hint')}
              value={draft['letters.urgencies']}
              renderPill={levelPill}
              onChange={(v) => set('letters.urgencies', v)}
              error={errors['letters.urgencies']}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <NumberInput
              label={t('settings.office.dormantMonths')}
              min={1}
              max={120}
              allowDecimal={false}
              value={draft['relationships.dormantMonths']}
              onChange={(v) => set('relationships.dormantMonths', typeof v === 'number' ? v : 0)}
              error={errors['relationships.dormantMonths']}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <NumberInput
              label={t('settings.office.maxMegabytes')}
              min={1}
              max={2048}
              allowDecimal={false}
              value={Math.round(draft['attachments.maxBytes'] / MB)}
              onChange={(v) => set('attachments.maxBytes', (typeof v === 'number' ? v : 0) * MB)}
              error={errors['attachments.maxBytes']}
            />
          </Grid.Col>
        </Grid>
        <div>
          <Button type="submit" loading={saving} data-testid="office-save">
            {t('action.save')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
