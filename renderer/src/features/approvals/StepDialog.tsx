/** Records what happened at one step: the submission, the authority's decision, or a skip. */
import { SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { ApprovalStep } from '../../../../shared/api/approvals.contract';
import { useSession } from '../../app/session';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DateInput } from '../../components/DateInput';
import { RecordPicker } from '../../components/RecordPicker';
import { useI18n } from '../../i18n/locale';
import { isolated } from '../../i18n/translate';
import { ApiError } from '../../lib/api';
import { notifyDone, notifyFailure } from '../../lib/notify';
import { useMutation } from '../../lib/query';
import { coreFieldErrors, type FieldErrors } from '../../lib/validation';
import { authorityName, loadLetters } from './approval-view';

export type StepAction = 'submit' | 'decide' | 'skip';
type Decision = 'approved' | 'rejected' | 'returned';

export function StepDialog({
  step,
  action,
  onClose,
}: {
  step: ApprovalStep;
  action: StepAction;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const { today } = useSession();
  const [day, setDay] = useState<string | null>(today);
  const [letter, setLetter] = useState<string | null>(null);
  const [letterLabel, setLetterLabel] = useState<string | null>(null);
  const [notes, setNotes] = useState('');
  const [decision, setDecision] = useState<Decision>('approved');
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = useMutation('approvals.submit');
  const decide = useMutation('approvals.decide');
  const skip = useMutation('approvals.skip');
  const authority = authorityName(step, locale);

  const run = async () => {
    const required = t('validation.required');
    if (action !== 'skip' && !day) return setErrors({ date: required });
    if (action === 'skip' && !notes.trim()) return setErrors({ reason: required });
    try {
      if (action === 'submit') {
        await submit.run({
          stepId: step.id,
          submittedOn: day ?? today,
          letterId: letter,
          notes: notes.trim() || null,
        });
        notifyDone(t('approvals.submitted', { authority: isolated(authority) }));
      } else if (action === 'decide') {
        await decide.run({
          stepId: step.id,
          decision,
          decidedOn: day ?? today,
          letterId: letter,
          notes: notes.trim() || null,
        });
        notifyDone(t('approvals.decided', { authority: isolated(authority) }));
      } else {
        await skip.run({ stepId: step.id, reason: notes.trim() });
        notifyDone(t('approvals.skipped', { authority: isolated(authority) }));
      }
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'VALIDATION')
        setErrors(coreFieldErrors(error.issues, i18n));
      notifyFailure(error, t);
    }
  };

  return (
    <ConfirmDialog
      opened
      title={t(`approvals.${action}.title`, { authority })}
      body={t(`approvals.${action}.body`)}
      confirmLabel={t('action.save')}
      pending={submit.pending || decide.pending || skip.pending}
      onClose={onClose}
      onConfirm={() => void run()}
    >
      <Stack gap="sm">
        {action === 'decide' && (
          <Stack gap={4}>
            <Text size="sm" fw={500} id="decision-label">
              {t('approvals.field.decision')}
            </Text>
            <SegmentedControl
              aria-labelledby="decision-label"
              value={decision}
              onChange={(value) => setDecision(value as Decision)}
              data={(['approved', 'returned', 'rejected'] as const).map((d) => ({
                value: d,
                label: t(`approvals.decision.${d}`),
              }))}
              data-testid="step-decision"
            />
          </Stack>
        )}
        {action !== 'skip' && (
          <>
            <DateInput
              label={t(action === 'submit' ? 'approvals.field.submitted' : 'approvals.field.decided')}
              value={day}
              onChange={setDay}
              required
              error={errors.date ?? errors.submittedOn ?? errors.decidedOn}
              data-testid="step-date"
            />
            <RecordPicker
              label={t('approvals.field.letter')}
              value={letter}
              valueLabel={letterLabel}
              placeholder={t('approvals.field.letter.pick')}
              load={(text) => loadLetters(text, locale)}
              onChange={(value, option) => {
                setLetter(value);
                setLetterLabel(option?.label ?? null);
              }}
            />
          </>
        )}
        <Textarea
          label={t(action === 'skip' ? 'approvals.field.reason' : 'approvals.field.notes')}
          required={action === 'skip'}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
          error={errors.reason}
          dir="auto"
          autosize
          minRows={2}
          data-testid="step-notes"
        />
      </Stack>
    </ConfirmDialog>
  );
}
