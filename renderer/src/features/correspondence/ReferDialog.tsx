/** Referring (ارجاع) a letter to a colleague, with an instruction and a due date. */
import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { Letter } from '../../../../shared/api/letters.contract';
import { letterReferInput } from '../../../../shared/api/letters.contract';
import { DateInput } from '../../components/DateInput';
import { useI18n } from '../../i18n/locale';
import { isolated } from '../../i18n/translate';
import { call } from '../../lib/api';
import { notifyDone, notifyFailure } from '../../lib/notify';
import { useQuery } from '../../lib/query';
import { checkInput, type FieldErrors } from '../../lib/validation';

export function ReferDialog({ letter, onClose }: { letter: Letter; onClose: () => void }) {
  const i18n = useI18n();
  const { t, name } = i18n;
  const users = useQuery('users.list', {}, { entities: ['user'] });
  const [toUserId, setToUserId] = useState<string | null>(null);
  const [instruction, setInstruction] = useState('');
  const [dueDate, setDueDate] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const options = (users.data ?? []).map((u) => ({ value: u.id, label: name(u) }));

  const submit = async () => {
    const input = { id: letter.id, toUserId: toUserId ?? '', instruction, dueDate };
    const checked = checkInput(letterReferInput, input, i18n);
    if (!checked.ok) return setErrors(checked.errors);
    setSaving(true);
    try {
      await call('letters.refer', input);
      notifyDone(
        t('letters.refer.done', { name: isolated(options.find((o) => o.value === toUserId)?.label ?? '') }),
      );
      onClose();
    } catch (error) {
      notifyFailure(error, t);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={onClose}
      title={t('letters.refer.title')}
      centered
      size="lg"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          {users.data && users.data.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('letters.refer.noUsers')}
            </Text>
          )}
          <Select
            label={t('letters.refer.to')}
            required
            searchable
            data-autofocus
            data={options}
            value={toUserId}
            onChange={setToUserId}
            error={errors.toUserId}
            data-testid="refer-to"
          />
          <Textarea
            label={t('letters.refer.instruction')}
            dir="auto"
            autosize
            minRows={2}
            value={instruction}
            onChange={(event) => setInstruction(event.currentTarget.value)}
            error={errors.instruction}
          />
          <DateInput
            label={t('letters.refer.dueDate')}
            value={dueDate}
            onChange={setDueDate}
            error={errors.dueDate}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t('letters.action.refer')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
