/** Opening or editing a case: what the work is, who owns it, by when, and what it serves. */
import {
  Badge,
  Button,
  CloseButton,
  Grid,
  Group,
  Select,
  Stack,
  TagsInput,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import type { Case, CaseKind, CasePriority, CaseStatus } from '../../../../shared/api/cases.contract';
import {
  CASE_KINDS,
  CASE_PRIORITIES,
  CASE_STATUSES,
  caseCreateInput,
  caseUpdateInput,
} from '../../../../shared/api/cases.contract';
import { COOPERATION_AREAS } from '../../../../shared/api/relationships.contract';
import { navigate } from '../../app/routes';
import { useSession } from '../../app/session';
import { DateInput } from '../../components/DateInput';
import { FormSection } from '../../components/FormSection';
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
  title: string;
  kind: CaseKind;
  status: CaseStatus;
  priority: CasePriority;
  ownerId: string | null;
  dueOn: string | null;
  openedOn: string | null;
  relationshipId: string | null;
  relationshipLabel: string | null;
  area: string | null;
  partners: { id: string; label: string }[];
  tags: string[];
  description: string;
}

export function CaseForm({ existing }: { existing?: Case }) {
  const i18n = useI18n();
  const { t, name } = i18n;
  const { today, me } = useSession();
  const users = useQuery('users.list', {}, { entities: ['user'] });
  const relationshipLabel = (r: NonNullable<Case['relationship']>) =>
    t('relationships.between', { own: name(r.ownUnit), partner: name(r.partner) });
  const [draft, setDraft] = useState<Draft>(() => ({
    title: existing?.title ?? '',
    kind: existing?.kind ?? 'incoming_request',
    status: existing?.status ?? 'open',
    priority: existing?.priority ?? 'normal',
    ownerId: existing ? (existing.owner?.id ?? null) : (me?.id ?? null),
    dueOn: existing?.dueOn ?? null,
    openedOn: existing?.openedOn ?? today,
    relationshipId: existing?.relationship?.id ?? null,
    relationshipLabel: existing?.relationship ? relationshipLabel(existing.relationship) : null,
    area: existing?.area ?? null,
    partners: existing?.partners.map((p) => ({ id: p.id, label: partnerLabel(p, i18n) })) ?? [],
    tags: existing?.tags ?? [],
    description: existing?.description ?? '',
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const input = {
    title: draft.title,
    kind: draft.kind,
    status: draft.status,
    priority: draft.priority,
    ownerId: draft.ownerId,
    dueOn: draft.dueOn,
    ...(draft.openedOn && { openedOn: draft.openedOn }),
    relationshipId: draft.relationshipId,
    area: draft.area as Case['area'],
    partnerIds: draft.partners.map((p) => p.id),
    tags: draft.tags,
    description: draft.description,
  };
  const back = () => navigate(existing ? { section: 'cases', id: existing.id } : { section: 'cases' });
  const save = async () => {
    const checked = existing
      ? checkInput(caseUpdateInput, { id: existing.id, ...input }, i18n)
      : checkInput(caseCreateInput, input, i18n);
    if (!checked.ok) return setErrors(checked.errors);
    setSaving(true);
    try {
      const saved = existing
        ? await call('cases.update', { id: existing.id, ...input })
        : await call('cases.create', input);
      notifyDone(existing ? t('form.saved') : t('cases.created', { title: isolated(saved.title) }));
      navigate({ section: 'cases', id: saved.id });
    } catch (error) {
      if (error instanceof ApiError && error.issues.length > 0)
        setErrors(coreFieldErrors(error.issues, i18n));
      notifyFailure(error, t);
    } finally {
      setSaving(false);
    }
  };

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
        title={existing ? t('cases.edit.title') : t('cases.new.title')}
        actions={
          <>
            <Button variant="default" onClick={back}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={saving} data-testid="case-save">
              {t('action.save')}
            </Button>
          </>
        }
      />
      <Stack gap="lg">
        <FormSection title={t('cases.title')}>
          <Grid gap="md">
            <Grid.Col span={12}>
              <TextInput
                label={t('cases.field.title')}
                required
                autoFocus
                dir="auto"
                value={draft.title}
                onChange={(e) => set('title', e.currentTarget.value)}
                error={errors.title}
                data-testid="case-title"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Select
                label={t('cases.kind')}
                allowDeselect={false}
                value={draft.kind}
                onChange={(v) => v && set('kind', v as CaseKind)}
                data={CASE_KINDS.map((v) => ({ value: v, label: t(`cases.kind.${v}`) }))}
                data-testid="case-kind"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Select
                label={t('cases.status')}
                allowDeselect={false}
                value={draft.status}
                onChange={(v) => v && set('status', v as CaseStatus)}
                data={CASE_STATUSES.map((v) => ({ value: v, label: t(`cases.status.${v}`) }))}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Select
                label={t('cases.priority')}
                allowDeselect={false}
                value={draft.priority}
                onChange={(v) => v && set('priority', v as CasePriority)}
                data={CASE_PRIORITIES.map((v) => ({ value: v, label: t(`cases.priority.${v}`) }))}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Select
                label={t('cases.field.owner')}
                clearable
                value={draft.ownerId}
                onChange={(v) => set('ownerId', v)}
                data={(users.data ?? []).map((u) => ({ value: u.id, label: name(u) }))}
                error={errors.ownerId}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <DateInput
                label={t('cases.field.openedOn')}
                value={draft.openedOn}
                onChange={(iso) => set('openedOn', iso)}
                error={errors.openedOn}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <DateInput
                label={t('cases.field.dueOn')}
                value={draft.dueOn}
                onChange={(iso) => set('dueOn', iso)}
                error={errors.dueOn}
                data-testid="case-due"
              />
            </Grid.Col>
          </Grid>
        </FormSection>
        <FormSection title={t('cases.section.links')}>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 8 }}>
              <RecordPicker
                label={t('cases.field.relationship')}
                value={draft.relationshipId}
                valueLabel={draft.relationshipLabel}
                onChange={(value, option) =>
                  setDraft((d) => ({ ...d, relationshipId: value, relationshipLabel: option?.label ?? null }))
                }
                load={async (text) =>
                  (
                    await call('relationships.list', { ...(text.trim() && { text: text.trim() }), limit: 20 })
                  ).items.map((r) => ({
                    value: r.id,
                    label: `${t(`relationships.type.${r.type}`)}: ${relationshipLabel(r)}`,
                  }))
                }
                error={errors.relationshipId}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Select
                label={t('cases.field.area')}
                clearable
                value={draft.area}
                onChange={(v) => set('area', v)}
                data={COOPERATION_AREAS.map((v) => ({ value: v, label: t(`relationships.area.${v}`) }))}
              />
            </Grid.Col>
            <Grid.Col span={12}>
              <Stack gap="xs">
                <RecordPicker
                  label={t('cases.field.partners.add')}
                  value={null}
                  onChange={(value, option) => {
                    if (!value || !option || draft.partners.some((p) => p.id === value)) return;
                    setDraft((d) => ({
                      ...d,
                      partners: [...d.partners, { id: value, label: option.label }],
                    }));
                  }}
                  load={async (text) =>
                    (
                      await call('partners.list', { ...(text.trim() && { text: text.trim() }), limit: 20 })
                    ).items.map((p) => ({
                      value: p.id,
                      label: partnerLabel(p, i18n),
                    }))
                  }
                  error={errors.partnerIds}
                  data-testid="case-partner-add"
                />
                <Group gap="xs" aria-label={t('cases.field.partners')} role="list">
                  {draft.partners.map((p) => (
                    <Badge
                      key={p.id}
                      role="listitem"
                      variant="light"
                      size="lg"
                      rightSection={
                        <CloseButton
                          size="xs"
                          aria-label={`${t('action.remove')}: ${p.label}`}
                          onClick={() =>
                            setDraft((d) => ({ ...d, partners: d.partners.filter((x) => x.id !== p.id) }))
                          }
                        />
                      }
                    >
                      <bdi dir="auto">{p.label}</bdi>
                    </Badge>
                  ))}
                </Group>
              </Stack>
            </Grid.Col>
            <Grid.Col span={12}>
              <TagsInput
                label={t('cases.field.tags')}
                description={t('contacts.field.list.hint')}
                value={draft.tags}
                onChange={(value) => set('tags', value)}
                error={errors.tags}
              />
            </Grid.Col>
            <Grid.Col span={12}>
              <Textarea
                label={t('cases.field.description')}
                dir="auto"
                autosize
                minRows={3}
                value={draft.description}
                onChange={(e) => set('description', e.currentTarget.value)}
                error={errors.description}
              />
            </Grid.Col>
          </Grid>
        </FormSection>
      </Stack>
    </form>
  );
}
