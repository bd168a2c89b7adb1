/**
 * The signing details of an agreement and its term: where and when it was signed, from when
 * it runs, for how many years and how long before expiry the renewal reminder comes. The
 * core computes expiry and reminder from them; an agreement moves to "signed" only once its
 * signing date is recorded.
 */
import { Button, Group, Modal, NumberInput, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { TERM_LIMITS } from '../../../../shared/agreements/term';
import type { Agreement } from '../../../../shared/api/agreements.contract';
import { DateInput } from '../../components/DateInput';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useI18n } from '../../i18n/locale';
import { notifyDone } from '../../lib/notify';
import { useMutation } from '../../lib/query';

const toNumber = (value: string | number) => (typeof value === 'number' ? value : null);

export function SigningDialog({
  agreement,
  opened,
  onClose,
  onSaved,
}: {
  agreement: Agreement;
  opened: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const update = useMutation('agreements.update');
  const [place, setPlace] = useState(agreement.signedPlace ?? '');
  const [signedDate, setSignedDate] = useState<string | null>(agreement.signedDate);
  const [effectiveDate, setEffectiveDate] = useState<string | null>(agreement.effectiveDate);
  const [termYears, setTermYears] = useState<number | null>(agreement.termYears);
  const [notice, setNotice] = useState<number | null>(agreement.renewalNoticeMonths);
  const [datesValid, setDatesValid] = useState({ signed: true, effective: true });

  const save = async () => {
    try {
      await update.run({
        id: agreement.id,
        signedPlace: place.trim() === '' ? null : place.trim(),
        signedDate,
        effectiveDate,
        termYears,
        renewalNoticeMonths: notice,
      });
      notifyDone(t('agreements.signing.saved'));
      onSaved();
      onClose();
    } catch {
      // The error is shown in the dialog, from update.error.
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('agreements.signing.title')} size="lg">
      <Stack gap="md">
        <Group grow align="flex-start">
          <TextInput
            label={t('agreements.field.signedPlace')}
            value={place}
            onChange={(e) => setPlace(e.currentTarget.value)}
            dir="auto"
            maxLength={200}
            data-testid="signing-place"
          />
          <DateInput
            label={t('agreements.field.signedDate')}
            value={signedDate}
            onChange={setSignedDate}
            onValidityChange={(valid) => setDatesValid((v) => ({ ...v, signed: valid }))}
            data-testid="signing-date"
          />
        </Group>
        <Group grow align="flex-start">
          <DateInput
            label={t('agreements.field.effectiveDate')}
            description={t('agreements.field.effectiveDate.hint')}
            value={effectiveDate}
            onChange={setEffectiveDate}
            onValidityChange={(valid) => setDatesValid((v) => ({ ...v, effective: valid }))}
          />
          <NumberInput
            label={t('agreements.field.term')}
            description={t('agreements.field.term.hint')}
            value={termYears ?? ''}
            onChange={(value) => setTermYears(toNumber(value))}
            min={TERM_LIMITS.minYears}
            max={TERM_LIMITS.maxYears}
            allowDecimal={false}
            data-testid="signing-term"
          />
          <NumberInput
            label={t('agreements.field.notice')}
            description={t('agreements.field.notice.hint')}
            value={notice ?? ''}
            onChange={(value) => setNotice(toNumber(value))}
            min={TERM_LIMITS.minNoticeMonths}
            max={TERM_LIMITS.maxNoticeMonths}
            allowDecimal={false}
          />
        </Group>
        {update.error && <ErrorNotice error={update.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('action.cancel')}
          </Button>
          <Button
            onClick={() => void save()}
            loading={update.pending}
            disabled={!datesValid.signed || !datesValid.effective}
            data-testid="signing-save"
          >
            {t('action.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
