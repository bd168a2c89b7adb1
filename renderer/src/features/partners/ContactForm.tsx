/** Adding or editing a person at a partner, checked with the contract's own schema. */
import { Button, Group, Modal, MultiSelect, Stack, TagsInput, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { Contact } from '../../../../shared/api/contacts.contract';
import { contactCreateInput, contactUpdateInput } from '../../../../shared/api/contacts.contract';
import { RecordPicker } from '../../components/RecordPicker';
import { useI18n } from '../../i18n/locale';
import { isolated } from '../../i18n/translate';
import { ApiError, call } from '../../lib/api';
import { languageOptions } from '../../lib/languages';
import { notifyDone, notifyFailure } from '../../lib/notify';
import { checkInput, coreFieldErrors, type FieldErrors } from '../../lib/validation';
import { partnerLabel } from './partner-view';

interface Draft {
  partnerId: string | null;
  partnerLabel: string | null;
  nameFa: string;
  nameEn: string;
  title: string;
  position: string;
  emails: string[];
  phones: string[];
  languages: string[];
  notes: string;
}

export interface ContactFormProps {
  /** The person to edit; a new person when absent. */
  contact?: Contact;
  /** The partner a new person works at. */
  partner?: { id: string; label: string };
  onClose: () => void;
}

export function ContactForm({ contact, partner, onClose }: ContactFormProps) {
  const i18n = useI18n();
  const { t, locale, name } = i18n;
  const [draft, setDraft] = useState<Draft>(() => ({
    partnerId: contact?.partner?.id ?? partner?.id ?? null,
    partnerLabel: contact?.partner ? partnerLabel(contact.partner, i18n) : (partner?.label ?? null),
    nameFa: contact?.nameFa ?? '',
    nameEn: contact?.nameEn ?? '',
    title: contact?.title ?? '',
    position: contact?.position ?? '',
    emails: contact?.emails ?? [],
    phones: contact?.phones ?? [],
    languages: contact?.languages ?? [],
    notes: contact?.notes ?? '',
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const fields = {
    partnerId: draft.partnerId,
    nameFa: draft.nameFa,
    nameEn: draft.nameEn,
    title: draft.title,
    position: draft.position,
    emails: draft.emails,
    phones: draft.phones,
    languages: draft.languages,
    notes: draft.notes,
  };

  const save = async () => {
    const checked = contact
      ? checkInput(contactUpdateInput, { id: contact.id, ...fields }, i18n)
      : checkInput(contactCreateInput, fields, i18n);
    if (!checked.ok) return setErrors(checked.errors);
    setSaving(true);
    try {
      const saved = contact
        ? await call('contacts.update', { id: contact.id, ...fields })
        : await call('contacts.create', fields);
      notifyDone(contact ? t('form.saved') : t('contacts.created', { name: isolated(name(saved)) }));
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.issues.length > 0)
        setErrors(coreFieldErrors(error.issues, i18n));
      notifyFailure(error, t);
    } finally {
      setSaving(false);
    }
  };

  const listError = (key: string) =>
    errors[key] ?? Object.entries(errors).find(([path]) => path.startsWith(`${key}.`))?.[1];

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={onClose}
      title={contact ? t('contacts.edit.title', { name: name(contact) }) : t('contacts.new.title')}
      size="lg"
      centered
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm">
          <RecordPicker
            label={t('contacts.field.partner')}
            value={draft.partnerId}
            valueLabel={draft.partnerLabel}
            onChange={(value, option) =>
              setDraft((d) => ({ ...d, partnerId: value, partnerLabel: option?.label ?? null }))
            }
            load={async (text) =>
              (
                await call('partners.list', { ...(text.trim() && { text: text.trim() }), limit: 20 })
              ).items.map((p) => ({
                value: p.id,
                label: partnerLabel(p, i18n),
              }))
            }
            error={errors.partnerId}
          />
          <Group grow align="flex-start">
            <TextInput
              label={t('contacts.field.nameFa')}
              required
              data-autofocus
              dir="auto"
              value={draft.nameFa}
              onChange={(e) => set('nameFa', e.currentTarget.value)}
              error={errors.nameFa}
              data-testid="contact-name-fa"
            />
            <TextInput
              label={t('contacts.field.nameEn')}
              dir="auto"
              value={draft.nameEn}
              onChange={(e) => set('nameEn', e.currentTarget.value)}
              error={errors.nameEn}
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput
              label={t('contacts.field.title')}
              placeholder={t('contacts.field.title.hint')}
              dir="auto"
              value={draft.title}
              onChange={(e) => set('title', e.currentTarget.value)}
              error={errors.title}
            />
            <TextInput
              label={t('contacts.field.position')}
              dir="auto"
              value={draft.position}
              onChange={(e) => set('position', e.currentTarget.value)}
              error={errors.position}
            />
          </Group>
          <TagsInput
            label={t('contacts.field.emails')}
            description={t('contacts.field.list.hint')}
            dir="ltr"
            value={draft.emails}
            onChange={(value) => set('emails', value)}
            error={listError('emails')}
            data-testid="contact-emails"
          />
          <TagsInput
            label={t('contacts.field.phones')}
            description={t('contacts.field.list.hint')}
            dir="ltr"
            value={draft.phones}
            onChange={(value) => set('phones', value)}
            error={listError('phones')}
          />
          <MultiSelect
            label={t('contacts.field.languages')}
            searchable
            data={languageOptions(locale)}
            value={draft.languages}
            onChange={(value) => set('languages', value)}
            error={listError('languages')}
          />
          <Textarea
            label={t('contacts.field.notes')}
            dir="auto"
            autosize
            minRows={2}
            value={draft.notes}
            onChange={(e) => set('notes', e.currentTarget.value)}
            error={errors.notes}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={saving} data-testid="contact-save">
              {t('action.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
