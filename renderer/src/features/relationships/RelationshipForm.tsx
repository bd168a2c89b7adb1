/** Recording or editing a relationship between one of our units and a partner. */
import { Alert, Button, Checkbox, Grid, Group, Select, Stack, Textarea } from '@mantine/core';
import { useRef, useState } from 'react';
import type { PartnerRef } from '../../../../shared/api/partners.contract';
import type {
  RelationshipDetail,
  RelationshipStatus,
  RelationshipType,
} from '../../../../shared/api/relationships.contract';
import {
  COOPERATION_AREAS,
  RELATIONSHIP_LEVELS,
  RELATIONSHIP_STAGES,
  RELATIONSHIP_STATUSES,
  RELATIONSHIP_TYPES,
  relationshipCreateInput,
  relationshipUpdateInput,
} from '../../../../shared/api/relationships.contract';
import { navigate } from '../../app/routes';
import { DateInput } from '../../components/DateInput';
import { FormSection } from '../../components/FormSection';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { RecordPicker } from '../../components/RecordPicker';
import { useI18n } from '../../i18n/locale';
import { isolated } from '../../i18n/translate';
import { ApiError, call } from '../../lib/api';
import { notifyDone, notifyFailure } from '../../lib/notify';
import { useQuery } from '../../lib/query';
import { checkInput, coreFieldErrors, type FieldErrors } from '../../lib/validation';
import { partnerLabel } from '../partners/partner-view';

interface Draft {
  ownUnitId: string | null;
  partnerId: string | null;
  /** The partner picked, kept whole so that its name follows the language of the form. */
  partner: PartnerRef | null;
  type: RelationshipType;
  status: RelationshipStatus;
  stage: string | null;
  level: string | null;
  areas: string[];
  establishedOn: string | null;
  notes: string;
}

export function RelationshipForm({
  relationship,
  partnerId,
}: {
  relationship?: RelationshipDetail;
  partnerId?: string;
}) {
  const i18n = useI18n();
  const { t, name } = i18n;
  const ownUnits = useQuery('partners.list', { own: true, limit: 100 }, { entities: ['partner'] });
  const [draft, setDraft] = useState<Draft>(() => ({
    ownUnitId: relationship?.ownUnit.id ?? null,
    partnerId: relationship?.partner.id ?? partnerId ?? null,
    partner: relationship?.partner ?? null,
    type: relationship?.type ?? 'sister_city',
    status: relationship?.status ?? 'exploring',
    stage: relationship?.stage ?? null,
    level: relationship?.level ?? null,
    areas: relationship?.areas ?? [],
    establishedOn: relationship?.establishedOn ?? null,
    notes: relationship?.notes ?? '',
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  // The partners the picker has offered, to keep the one picked; and the one named in the
  // address when the form was opened from a partner's page.
  const found = useRef(new Map<string, PartnerRef>());
  const preset = useQuery('partners.get', partnerId && !relationship ? { id: partnerId } : null, {
    entities: ['partner'],
  });
  const pickedPartner =
    draft.partner ?? (draft.partnerId && preset.data?.id === draft.partnerId ? preset.data : null);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const units = ownUnits.data?.items ?? [];
  const ownUnitId = draft.ownUnitId ?? (units.length === 1 ? units[0]!.id : null);

  const input = {
    ownUnitId: ownUnitId ?? '',
    partnerId: draft.partnerId ?? '',
    type: draft.type,
    status: draft.status,
    stage: draft.stage as RelationshipDetail['stage'],
    level: draft.level as RelationshipDetail['level'],
    areas: draft.areas as RelationshipDetail['areas'],
    establishedOn: draft.establishedOn,
    notes: draft.notes,
  };
  const back = () =>
    navigate(relationship ? { section: 'relationships', id: relationship.id } : { section: 'relationships' });
  const save = async () => {
    const checked = relationship
      ? checkInput(relationshipUpdateInput, { id: relationship.id, ...input }, i18n)
      : checkInput(relationshipCreateInput, input, i18n);
    if (!checked.ok) return setErrors(checked.errors);
    setSaving(true);
    try {
      const saved = relationship
        ? await call('relationships.update', { id: relationship.id, ...input })
        : await call('relationships.create', input);
      notifyDone(
        relationship ? t('form.saved') : t('relationships.created', { name: isolated(name(saved.partner)) }),
      );
      navigate({ section: 'relationships', id: saved.id });
    } catch (error) {
      if (error instanceof ApiError && error.issues.length > 0)
        setErrors(coreFieldErrors(error.issues, i18n));
      notifyFailure(error, t);
    } finally {
      setSaving(false);
    }
  };

  if (!ownUnits.data) return <Loading />;
  const title = relationship
    ? t('relationships.edit.title', { name: name(relationship.partner) })
    : t('relationships.new.title');
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
        title={<bdi dir="auto">{title}</bdi>}
        actions={
          <>
            <Button variant="default" onClick={back}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={saving} data-testid="relationship-save">
              {t('action.save')}
            </Button>
          </>
        }
      />
      <Stack gap="lg">
        {units.length === 0 && <Alert color="orange">{t('relationships.noOwnUnits')}</Alert>}
        <FormSection title={t('relationships.section.details')}>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Select
                label={t('relationships.field.ownUnit')}
                required
                value={ownUnitId}
                onChange={(value) => set('ownUnitId', value)}
                data={units.map((u) => ({ value: u.id, label: name(u) }))}
                error={errors.ownUnitId}
                data-testid="relationship-own-unit"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <RecordPicker
                label={t('relationships.field.partner')}
                required
                value={draft.partnerId}
                valueLabel={pickedPartner ? partnerLabel(pickedPartner, i18n) : null}
                onChange={(value) =>
                  setDraft((d) => ({
                    ...d,
                    partnerId: value,
                    partner: (value && found.current.get(value)) || null,
                  }))
                }
                load={async (text) => {
                  const page = await call('partners.list', {
                    own: false,
                    ...(text.trim() && { text: text.trim() }),
                    limit: 20,
                  });
                  for (const p of page.items) found.current.set(p.id, p);
                  return page.items.map((p) => ({ value: p.id, label: partnerLabel(p, i18n) }));
                }}
                error={errors.partnerId}
                data-testid="relationship-partner"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Select
                label={t('relationships.type')}
                allowDeselect={false}
                value={draft.type}
                onChange={(v) => v && set('type', v as RelationshipType)}
                data={RELATIONSHIP_TYPES.map((v) => ({ value: v, label: t(`relationships.type.${v}`) }))}
                data-testid="relationship-type"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Select
                label={t('relationships.status')}
                allowDeselect={false}
                value={draft.status}
                onChange={(v) => v && set('status', v as RelationshipStatus)}
                data={RELATIONSHIP_STATUSES.map((v) => ({ value: v, label: t(`relationships.status.${v}`) }))}
                data-testid="relationship-status"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <DateInput
                label={t('relationships.field.establishedOn')}
                value={draft.establishedOn}
                onChange={(iso) => set('establishedOn', iso)}
                error={errors.establishedOn}
                data-testid="relationship-established"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Select
                label={t('relationships.stage')}
                clearable
                value={draft.stage}
                onChange={(v) => set('stage', v)}
                data={RELATIONSHIP_STAGES.map((v) => ({ value: v, label: t(`relationships.stage.${v}`) }))}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Select
                label={t('relationships.level')}
                clearable
                value={draft.level}
                onChange={(v) => set('level', v)}
                data={RELATIONSHIP_LEVELS.map((v) => ({ value: v, label: t(`relationships.level.${v}`) }))}
              />
            </Grid.Col>
            <Grid.Col span={12}>
              <Checkbox.Group
                label={t('relationships.areas')}
                value={draft.areas}
                onChange={(value) => set('areas', value)}
              >
                <Group gap="md" mt="xs">
                  {COOPERATION_AREAS.map((area) => (
                    <Checkbox key={area} value={area} label={t(`relationships.area.${area}`)} />
                  ))}
                </Group>
              </Checkbox.Group>
            </Grid.Col>
            <Grid.Col span={12}>
              <Textarea
                label={t('relationships.field.notes')}
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
