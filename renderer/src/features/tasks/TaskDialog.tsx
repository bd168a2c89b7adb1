/** Adds a follow-up to a record, or changes one: what to do, for whom, by when, notes. */
import { Button, Group, Modal, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { RecordType } from '../../../../shared/api/attachments.contract';
import { tasksContract, type Task } from '../../../../shared/api/tasks.contract';
import { DateInput } from '../../components/DateInput';
import { useI18n } from '../../i18n/locale';
import { isolated } from '../../i18n/translate';
import { ApiError } from '../../lib/api';
import { notifyDone, notifyFailure } from '../../lib/notify';
import { useMutation, useQuery } from '../../lib/query';
import { checkInput, coreFieldErrors, type FieldErrors } from '../../lib/validation';

export interface TaskDialogProps {
  ownerType: RecordType;
  ownerId: string;
  /** The follow-up to change; absent for a new one. */
  existing?: Task;
  onClose: () => void;
}

export function TaskDialog({ ownerType, ownerId, existing, onClose }: TaskDialogProps) {
  const i18n = useI18n();
  const { t, name } = i18n;
  const users = useQuery('users.list', {}, { entities: ['user'] });
  const [title, setTitle] = useState(existing?.title ?? '');
  const [notes, setNotes] = useState(existing?.notes ?? '');
  const [assigneeId, setAssigneeId] = useState<string | null>(existing?.assigneeId ?? null);
  const [dueDate, setDueDate] = useState<string | null>(existing?.dueDate ?? null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation('tasks.create');
  const update = useMutation('tasks.update');
  const options = (users.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: name(u) }));

  const submit = async () => {
    const fields = { title, notes: notes.trim() || null, assigneeId, dueDate };
    const checked = existing
      ? checkInput(tasksContract['tasks.update'].input, { id: existing.id, ...fields }, i18n)
      : checkInput(tasksContract['tasks.create'].input, { ...fields, ownerType, ownerId }, i18n);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    try {
      const saved = existing
        ? await update.run({ id: existing.id, ...fields })
        : await create.run({ ...fields, ownerType, ownerId });
      notifyDone(t(existing ? 'tasks.updated' : 'tasks.created', { title: isolated(saved.title) }));
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'VALIDATION')
        setErrors(coreFieldErrors(error.issues, i18n));
      notifyFailure(error, t);
    }
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={onClose}
      title={existing ? t('tasks.edit.title') : t('tasks.new.title')}
      centered
      size="lg"
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          <TextInput
            label={t('tasks.field.title')}
            required
            dir="auto"
            data-autofocus
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={errors.title}
            data-testid="task-title"
          />
          <Group grow align="flex-start">
            <Select
              label={t('tasks.field.assignee')}
              placeholder={t('tasks.assignee.none')}
              searchable
              clearable
              data={options}
              value={assigneeId}
              onChange={setAssigneeId}
              error={errors.assigneeId}
              data-testid="task-assignee"
            />
            <DateInput
              label={t('tasks.field.dueDate')}
              value={dueDate}
              onChange={setDueDate}
              error={errors.dueDate}
              data-testid="task-due"
            />
          </Group>
          <Textarea
            label={t('tasks.field.notes')}
            dir="auto"
            autosize
            minRows={2}
            value={notes}
            onChange={(event) => setNotes(event.currentTarget.value)}
            error={errors.notes}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={create.pending || update.pending} data-testid="task-save">
              {t('action.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
