/** Recording or editing a partner: names in three scripts, country, place, parent. */
import {
  Button,
  Checkbox,
  Grid,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import type { Partner, PartnerKind } from '../../../../shared/api/partners.contract';
import {
  ORGANISATION_TYPES,
  PARTNER_KINDS,
  partnerCreateInput,
  partnerUpdateInput,
} from '../../../../shared/api/partners.contract';
import { navigate } from '../../app/routes';
import { FormSection } from '../../components/FormSection';
import { PageHeader } from '../../components/PageHeader';
import { RecordPicker } from '../../components/RecordPicker';
import { useI18n } from '../../i18n/locale';
import { isolated } from '../../i18n/translate';
import { ApiError, call } from '../../lib/api';
import { languageOptions } from '../../lib/languages';
import { notifyDone, notifyFailure } from '../../lib/notify';
import { checkInput, coreFieldErrors, type FieldErrors } from '../../lib/validation';
import { countryOptions, partnerLabel } from './partner-view';

interface Draft {
  kind: PartnerKind;
  orgType: string | null;
  nameFa: string;
  nameEn: string;
  nameNative: string;
  nativeLanguage: string | null;
  country: string | null;
  latitude: number | null;
  longitude: number | null;
  parentId: string | null;
  parentLabel: string | null;
  website: string;
  notes: string;
  own: boolean;
}

function draftOf(partner: Partner | undefined, label: (p: NonNullable<Partner['parent']>) => string): Draft {
  return {
    kind: partner?.kind ?? 'city',
    orgType: partner?.orgType ?? null,
    nameFa: partner?.nameFa ?? '',
    nameEn: partner?.nameEn ?? '',
    nameNative: partner?.nameNative ?? '',
    nativeLanguage: partner?.nativeLanguage ?? null,
    country: partner?.country ?? null,
    latitude: partner?.latitude ?? null,
    longitude: partner?.longitude ?? null,
    parentId: partner?.parent?.id ?? null,
    parentLabel: partner?.parent ? label(partner.parent) : null,
    website: partner?.website ?? '',
    notes: partner?.notes ?? '',
    own: partner?.own ?? false,
  };
}

function inputOf(d: Draft) {
  return {
    kind: d.kind,
    orgType: d.kind === 'organisation' ? (d.orgType as Partner['orgType']) : null,
    nameFa: d.nameFa,
    nameEn: d.nameEn,
    nameNative: d.nameNative,
    nativeLanguage: d.nativeLanguage,
    country: d.country,
    latitude: d.latitude,
    longitude: d.longitude,
    parentId: d.parentId,
    website: d.website,
    notes: d.notes,
    own: d.own,
  };
}

export function PartnerForm({ partner }: { partner?: Partner }) {
  const i18n = useI18n();
  const { t, locale, name } = i18n;
  const [draft, setDraft] = useState(() => draftOf(partner, (p) => partnerLabel(p, i18n)));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const back = () => navigate(partner ? { section: 'partners', id: partner.id } : { section: 'partners' });

  const save = async () => {
    const input = inputOf(draft);
    const checked = partner
      ? checkInput(partnerUpdateInput, { id: partner.id, ...input }, i18n)
      : checkInput(partnerCreateInput, input, i18n);
    if (!checked.ok) return setErrors(checked.errors);
    if ((draft.latitude === null) !== (draft.longitude === null)) {
      return setErrors({ latitude: t('validation.coordinates') });
    }
    setSaving(true);
    try {
      const saved = partner
        ? await call('partners.update', { id: partner.id, ...input })
        : await call('partners.create', input);
      notifyDone(partner ? t('form.saved') : t('partners.created', { name: isolated(name(saved)) }));
      navigate({ section: 'partners', id: saved.id });
    } catch (error) {
      if (error instanceof ApiError && error.issues.length > 0)
        setErrors(coreFieldErrors(error.issues, i18n));
      notifyFailure(error, t);
    } finally {
      setSaving(false);
    }
  };

  const coordinate = (key: 'latitude' | 'longitude', max: number) => (
    <NumberInput
      label={t(`partners.field.${key}`)}
      min={-max}
      max={max}
      decimalScale={5}
      dir="ltr"
      value={draft[key] ?? ''}
      onChange={(value) => set(key, typeof value === 'number' ? value : null)}
      error={errors[key]}
      data-testid={`partner-${key}`}
    />
  );

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
        }
      }}
    >
      <PageHeader
        title={partner ? t('partners.edit.title', { name: name(partner) }) : t('partners.new.title')}
        actions={
          <>
            <Button variant="default" onClick={back}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={saving} data-testid="partner-save">
              {t('action.save')}
            </Button>
          </>
        }
      />
      <Stack gap="lg">
        <FormSection title={t('partners.section.identity')}>
          <Grid gap="md">
            <Grid.Col span={12}>
              <Stack gap={4}>
                <Text size="sm" fw={500} id="partner-kind-label">
                  {t('partners.kind')}
                </Text>
                <SegmentedControl
                  aria-labelledby="partner-kind-label"
                  value={draft.kind}
                  onChange={(value) => set('kind', value as PartnerKind)}
                  data={PARTNER_KINDS.map((k) => ({ value: k, label: t(`partners.kind.${k}`) }))}
                />
              </Stack>
            </Grid.Col>
            {draft.kind === 'organisation' && (
              <Grid.Col span={{ base: 12, md: 4 }}>
                <Select
                  label={t('partners.orgType')}
                  value={draft.orgType}
                  onChange={(value) => set('orgType', value)}
                  data={ORGANISATION_TYPES.map((o) => ({ value: o, label: t(`partners.orgType.${o}`) }))}
                  error={errors.orgType}
                />
              </Grid.Col>
            )}
            <Grid.Col span={{ base: 12, md: 4 }}>
              <TextInput
                label={t('partners.field.nameFa')}
                required
                autoFocus
                dir="auto"
                value={draft.nameFa}
                onChange={(e) => set('nameFa', e.currentTarget.value)}
                error={errors.nameFa}
                data-testid="partner-name-fa"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <TextInput
                label={t('partners.field.nameEn')}
                dir="auto"
                value={draft.nameEn}
                onChange={(e) => set('nameEn', e.currentTarget.value)}
                error={errors.nameEn}
                data-testid="partner-name-en"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <TextInput
                label={t('partners.field.nameNative')}
                dir="auto"
                value={draft.nameNative}
                onChange={(e) => set('nameNative', e.currentTarget.value)}
                error={errors.nameNative}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Select
                label={t('partners.field.nativeLanguage')}
                clearable
                searchable
                value={draft.nativeLanguage}
                onChange={(value) => set('nativeLanguage', value)}
                data={languageOptions(locale, draft.nativeLanguage)}
                error={errors.nativeLanguage}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <RecordPicker
                label={t('partners.field.parent')}
                description={t('partners.field.parent.hint')}
                value={draft.parentId}
                valueLabel={draft.parentLabel}
                onChange={(value, option) =>
                  setDraft((d) => ({ ...d, parentId: value, parentLabel: option?.label ?? null }))
                }
                load={async (text) =>
                  (
                    await call('partners.list', { ...(text.trim() && { text: text.trim() }), limit: 20 })
                  ).items
                    .filter((p) => p.id !== partner?.id)
                    .map((p) => ({ value: p.id, label: partnerLabel(p, i18n) }))
                }
                error={errors.parentId}
              />
            </Grid.Col>
            <Grid.Col span={12}>
              <Checkbox
                label={t('partners.own')}
                description={t('partners.own.hint')}
                checked={draft.own}
                onChange={(e) => set('own', e.currentTarget.checked)}
              />
            </Grid.Col>
          </Grid>
        </FormSection>
        <FormSection title={t('partners.section.place')}>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Select
                label={t('partners.field.country')}
                clearable
                searchable
                value={draft.country}
                onChange={(value) => set('country', value)}
                data={countryOptions(locale)}
                error={errors.country}
                data-testid="partner-country"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, md: 4 }}>{coordinate('latitude', 90)}</Grid.Col>
            <Grid.Col span={{ base: 6, md: 4 }}>{coordinate('longitude', 180)}</Grid.Col>
            <Grid.Col span={12}>
              <TextInput
                label={t('partners.field.website')}
                dir="ltr"
                value={draft.website}
                onChange={(e) => set('website', e.currentTarget.value)}
                error={errors.website}
              />
            </Grid.Col>
            <Grid.Col span={12}>
              <Textarea
                label={t('partners.field.notes')}
                dir="auto"
                autosize
                minRows={2}
                value={draft.notes}
                onChange={(e) => set('notes', e.currentTarget.value)}
                error={errors.notes}
              />
            </Grid.Col>
          </Grid>
        </FormSection>
      </Stack>
    </form>
  );
}
