/** The letter's earlier letters (پیرو / عطف) and its copy recipients (رونوشت). */
import { ActionIcon, Button, Grid, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type Dispatch, type SetStateAction } from 'react';
import type { LetterCopyPurpose, LetterReferenceKind } from '../../../../shared/api/letters.contract';
import { LETTER_COPY_PURPOSES, LETTER_REFERENCE_KINDS } from '../../../../shared/api/letters.contract';
import type { PartnerRef } from '../../../../shared/api/partners.contract';
import type { RelationshipType } from '../../../../shared/api/relationships.contract';
import { FormSection } from '../../components/FormSection';
import { RecordPicker } from '../../components/RecordPicker';
import { useI18n } from '../../i18n/locale';
import { call } from '../../lib/api';
import { useQuery } from '../../lib/query';
import type { FieldErrors } from '../../lib/validation';
import type { LetterDraft } from './letter-draft';
import { letterLabel } from './letter-view';

interface Props {
  draft: LetterDraft;
  setDraft: Dispatch<SetStateAction<LetterDraft>>;
  errors: FieldErrors;
}

export function LetterLinksFields({ draft, setDraft, errors }: Props) {
  const { t, locale, date, name } = useI18n();
  // The names of the linked case and relationship, for the pickers to show.
  const linkedCase = useQuery('cases.get', draft.caseId ? { id: draft.caseId } : null);
  const linkedRelationship = useQuery(
    'relationships.get',
    draft.relationshipId ? { id: draft.relationshipId } : null,
  );
  const relationshipLabel = (r: { type: RelationshipType; ownUnit: PartnerRef; partner: PartnerRef }) =>
    `${t(`relationships.type.${r.type}`)}: ${t('relationships.between', { own: name(r.ownUnit), partner: name(r.partner) })}`;
  const [kind, setKind] = useState<LetterReferenceKind>('refers');
  const [copyKeys, setCopyKeys] = useState(0);

  const findLetters = async (text: string) => {
    const page = await call('letters.list', { ...(text.trim() && { text: text.trim() }), limit: 20 });
    return page.items
      .filter((l) => !draft.references.some((r) => r.letterId === l.id))
      .map((l) => ({
        value: l.id,
        label: letterLabel(l, { locale, date }),
      }));
  };

  return (
    <>
      <FormSection title={t('cases.section.links')}>
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <RecordPicker
              label={t('letters.field.case')}
              value={draft.caseId}
              valueLabel={linkedCase.data?.title ?? null}
              onChange={(value) => setDraft((d) => ({ ...d, caseId: value }))}
              load={async (text) =>
                (
                  await call('cases.list', { ...(text.trim() && { text: text.trim() }), limit: 20 })
                ).items.map((c) => ({
                  value: c.id,
                  label: c.title,
                }))
              }
              error={errors.caseId}
              data-testid="letter-case"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <RecordPicker
              label={t('letters.field.relationship')}
              value={draft.relationshipId}
              valueLabel={linkedRelationship.data ? relationshipLabel(linkedRelationship.data) : null}
              onChange={(value) => setDraft((d) => ({ ...d, relationshipId: value }))}
              load={async (text) =>
                (
                  await call('relationships.list', { ...(text.trim() && { text: text.trim() }), limit: 20 })
                ).items.map((r) => ({ value: r.id, label: relationshipLabel(r) }))
              }
              error={errors.relationshipId}
            />
          </Grid.Col>
        </Grid>
      </FormSection>

      <FormSection title={t('letters.section.references')}>
        <Stack gap="sm">
          {draft.references.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('letters.references.none')}
            </Text>
          )}
          {draft.references.map((reference, index) => (
            <Group
              key={reference.letterId}
              justify="space-between"
              wrap="nowrap"
              data-testid="letter-reference"
            >
              <Text size="sm">
                <strong>{t(`letters.reference.${reference.kind}`)}</strong>{' '}
                <bdi dir="auto">{reference.label}</bdi>
              </Text>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={`${t('action.remove')}: ${reference.label}`}
                onClick={() =>
                  setDraft((d) => ({ ...d, references: d.references.filter((_, i) => i !== index) }))
                }
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          {errors.references && (
            <Text c="red" size="sm">
              {errors.references}
            </Text>
          )}
          <Grid gap="sm" align="flex-end">
            <Grid.Col span={{ base: 12, md: 3 }}>
              <Select
                label={t('letters.reference.kind')}
                value={kind}
                allowDeselect={false}
                onChange={(value) => value && setKind(value as LetterReferenceKind)}
                data={LETTER_REFERENCE_KINDS.map((k) => ({ value: k, label: t(`letters.reference.${k}`) }))}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 9 }}>
              <RecordPicker
                label={t('letters.reference.add')}
                placeholder={t('letters.reference.find')}
                value={null}
                load={findLetters}
                onChange={(value, option) => {
                  if (!value || !option) return;
                  setDraft((d) => ({
                    ...d,
                    references: [...d.references, { letterId: value, kind, label: option.label }],
                  }));
                }}
              />
            </Grid.Col>
          </Grid>
        </Stack>
      </FormSection>

      <FormSection title={t('letters.section.copies')}>
        <Stack gap="sm">
          {draft.copies.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('letters.copies.none')}
            </Text>
          )}
          {draft.copies.map((copy, index) => (
            <Grid key={copy.key} gap="sm" align="flex-end">
              <Grid.Col span={{ base: 12, md: 7 }}>
                <TextInput
                  label={t('letters.field.party.text')}
                  dir="auto"
                  value={copy.text}
                  error={errors[`copies.${index}`] ?? errors[`copies.${index}.text`]}
                  onChange={(event) => {
                    const text = event.currentTarget.value;
                    setDraft((d) => ({
                      ...d,
                      copies: d.copies.map((c, i) => (i === index ? { ...c, text } : c)),
                    }));
                  }}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 10, md: 4 }}>
                <Select
                  label={t('letters.copy.purpose')}
                  value={copy.purpose}
                  allowDeselect={false}
                  data={LETTER_COPY_PURPOSES.map((p) => ({
                    value: p,
                    label: t(`letters.copy.purpose.${p}`),
                  }))}
                  onChange={(value) => {
                    if (!value) return;
                    const purpose = value as LetterCopyPurpose;
                    setDraft((d) => ({
                      ...d,
                      copies: d.copies.map((c, i) => (i === index ? { ...c, purpose } : c)),
                    }));
                  }}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 2, md: 1 }}>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={`${t('action.remove')}: ${copy.text || t('letters.section.copies')}`}
                  onClick={() => setDraft((d) => ({ ...d, copies: d.copies.filter((_, i) => i !== index) }))}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Grid.Col>
            </Grid>
          ))}
          <Group>
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => {
                setCopyKeys((k) => k + 1);
                setDraft((d) => ({
                  ...d,
                  copies: [...d.copies, { key: `new-${copyKeys}`, text: '', purpose: 'information' }],
                }));
              }}
            >
              {t('letters.copy.add')}
            </Button>
          </Group>
        </Stack>
      </FormSection>
    </>
  );
}
