/** The form that starts a draft: kind, title, languages, our own unit and the partners. */
import { ActionIcon, Button, Group, MultiSelect, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import {
  AGREEMENT_KINDS,
  agreementCreateInput,
  type AgreementCreateInput,
  type AgreementKind,
} from '../../../../shared/api/agreements.contract';
import { MAX_AGREEMENT_LANGUAGES, isLanguageCode } from '../../../../shared/agreements/languages';
import { navigate } from '../../app/routes';
import { FormSection } from '../../components/FormSection';
import { PageHeader } from '../../components/PageHeader';
import { RecordPicker } from '../../components/RecordPicker';
import { useI18n } from '../../i18n/locale';
import { isolated } from '../../i18n/translate';
import { ApiError } from '../../lib/api';
import { languageOptions } from '../../lib/languages';
import { notifyDone, notifyFailure } from '../../lib/notify';
import { useMutation } from '../../lib/query';
import { checkInput, coreFieldErrors, type FieldErrors } from '../../lib/validation';
import { loadPartners } from './agreement-view';

interface PartyDraft {
  partnerId: string | null;
  label: string | null;
  signatoryName: string;
  signatoryPosition: string;
}

const emptyParty = (): PartyDraft => ({
  partnerId: null,
  label: null,
  signatoryName: '',
  signatoryPosition: '',
});

function partyInput(p: PartyDraft) {
  return {
    partnerId: p.partnerId ?? '',
    signatoryName: p.signatoryName.trim() || null,
    signatoryPosition: p.signatoryPosition.trim() || null,
  };
}

export function AgreementForm() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [kind, setKind] = useState<AgreementKind>('mou');
  const [title, setTitle] = useState('');
  const [languages, setLanguages] = useState<string[]>(['fa', 'en']);
  const [own, setOwn] = useState<PartyDraft>(emptyParty);
  const [partners, setPartners] = useState<PartyDraft[]>([emptyParty()]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation('agreements.create');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input: AgreementCreateInput = {
      kind,
      title,
      languages: languages.filter(isLanguageCode),
      ownUnit: partyInput(own),
      partners: partners.map(partyInput),
    };
    const checked = checkInput(agreementCreateInput, input, i18n);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    try {
      const created = await create.run(input);
      notifyDone(t('agreements.created', { title: isolated(created.title) }));
      navigate({ section: 'agreements', id: created.id });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'VALIDATION') {
        setErrors(coreFieldErrors(error.issues, i18n));
      }
      notifyFailure(error, t);
    }
  };

  const partyFields = (
    party: PartyDraft,
    change: (next: PartyDraft) => void,
    path: string,
    label: string,
    ownOnly: boolean,
    testId: string,
  ) => (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md" style={{ flex: 1 }}>
      <RecordPicker
        label={label}
        required
        value={party.partnerId}
        valueLabel={party.label}
        placeholder={t('agreements.partners.pick')}
        load={(words) => loadPartners(words, i18n, ownOnly ? true : undefined)}
        onChange={(value, option) => change({ ...party, partnerId: value, label: option?.label ?? null })}
        error={errors[`${path}.partnerId`]}
        data-testid={testId}
      />
      <TextInput
        label={t('agreements.field.signatory')}
        value={party.signatoryName}
        dir="auto"
        onChange={(e) => change({ ...party, signatoryName: e.currentTarget.value })}
        error={errors[`${path}.signatoryName`]}
      />
      <TextInput
        label={t('agreements.field.signatoryPosition')}
        value={party.signatoryPosition}
        dir="auto"
        onChange={(e) => change({ ...party, signatoryPosition: e.currentTarget.value })}
        error={errors[`${path}.signatoryPosition`]}
      />
    </SimpleGrid>
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg" maw={1100}>
        <PageHeader
          title={t('agreements.new.title')}
          actions={
            <>
              <Button variant="default" onClick={() => navigate({ section: 'agreements' })}>
                {t('action.cancel')}
              </Button>
              <Button type="submit" loading={create.pending} data-testid="agreement-create">
                {t('action.save')}
              </Button>
            </>
          }
        />
        <FormSection title={t('agreements.field.title')}>
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              <Select
                label={t('agreements.kind')}
                value={kind}
                allowDeselect={false}
                onChange={(value) => value && setKind(value as AgreementKind)}
                data={AGREEMENT_KINDS.map((k) => ({ value: k, label: t(`agreements.kind.${k}`) }))}
                error={errors.kind}
              />
              <MultiSelect
                label={t('agreements.field.languages')}
                description={t('agreements.field.languages.hint')}
                required
                value={languages}
                maxValues={MAX_AGREEMENT_LANGUAGES}
                onChange={setLanguages}
                data={languageOptions(locale)}
                searchable
                error={errors.languages}
                data-testid="agreement-languages"
              />
            </SimpleGrid>
            <TextInput
              label={t('agreements.field.title')}
              required
              value={title}
              dir="auto"
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={errors.title}
              data-testid="agreement-title"
              autoFocus
            />
          </Stack>
        </FormSection>
        <FormSection title={t('agreements.field.parties')}>
          <Stack gap="lg">
            {partyFields(own, setOwn, 'ownUnit', t('agreements.field.ownUnit'), true, 'agreement-own')}
            {partners.map((party, index) => (
              <Group key={index} align="flex-start" wrap="nowrap" gap="sm">
                {partyFields(
                  party,
                  (next) => setPartners(partners.map((p, i) => (i === index ? next : p))),
                  `partners.${index}`,
                  t('agreements.field.partner'),
                  false,
                  `agreement-partner-${index}`,
                )}
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mt={28}
                  aria-label={t('action.remove')}
                  disabled={partners.length === 1}
                  onClick={() => setPartners(partners.filter((_, i) => i !== index))}
                >
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="light"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setPartners([...partners, emptyParty()])}
              >
                {t('agreements.addPartner')}
              </Button>
            </Group>
          </Stack>
        </FormSection>
      </Stack>
    </form>
  );
}
