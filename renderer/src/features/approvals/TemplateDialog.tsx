/**
 * A chain template: its names, the case kind it is the default for, and its authorities in
 * order (added from a list, moved up and down, taken off).
 */
import { ActionIcon, Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import {
  approvalsContract,
  type ApprovalTemplate,
  type Authority,
} from '../../../../shared/api/approvals.contract';
import { CASE_KINDS, type CaseKind } from '../../../../shared/api/cases.contract';
import { useI18n } from '../../i18n/locale';
import { isolated } from '../../i18n/translate';
import { ApiError } from '../../lib/api';
import { notifyDone, notifyFailure } from '../../lib/notify';
import { useMutation } from '../../lib/query';
import { checkInput, coreFieldErrors, type FieldErrors } from '../../lib/validation';

export interface TemplateDialogProps {
  existing?: ApprovalTemplate;
  authorities: Authority[];
  onClose: () => void;
}

export function TemplateDialog({ existing, authorities, onClose }: TemplateDialogProps) {
  const i18n = useI18n();
  const { t, name } = i18n;
  const [nameFa, setNameFa] = useState(existing?.nameFa ?? '');
  const [nameEn, setNameEn] = useState(existing?.nameEn ?? '');
  const [caseKind, setCaseKind] = useState<CaseKind | null>(existing?.caseKind ?? null);
  const [steps, setSteps] = useState<string[]>(existing?.steps.map((s) => s.authorityId) ?? []);
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation('approvals.templates.create');
  const update = useMutation('approvals.templates.update');
  const byId = new Map(authorities.map((a) => [a.id, a]));
  const label = (id: string) => {
    const authority = byId.get(id);
    return authority ? name(authority) : id;
  };

  const move = (index: number, by: -1 | 1) =>
    setSteps((current) => {
      const next = [...current];
      const [step] = next.splice(index, 1);
      if (step !== undefined) next.splice(index + by, 0, step);
      return next;
    });

  const submit = async () => {
    const fields = { nameFa, nameEn, caseKind, authorityIds: steps };
    const checked = existing
      ? checkInput(
          approvalsContract['approvals.templates.update'].input,
          { id: existing.id, ...fields },
          i18n,
        )
      : checkInput(approvalsContract['approvals.templates.create'].input, fields, i18n);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    try {
      const saved = existing ? await update.run({ id: existing.id, ...fields }) : await create.run(fields);
      notifyDone(t(existing ? 'templates.updated' : 'templates.created', { name: isolated(name(saved)) }));
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'VALIDATION')
        setErrors(coreFieldErrors(error.issues, i18n));
      notifyFailure(error, t);
    }
  };

  const available = authorities.filter((a) => !a.archived && !steps.includes(a.id));
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={onClose}
      title={existing ? t('templates.edit.title') : t('templates.new.title')}
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
          <SimpleGrid cols={2} spacing="md">
            <TextInput
              label={t('templates.field.nameFa')}
              required
              dir="rtl"
              data-autofocus
              value={nameFa}
              onChange={(e) => setNameFa(e.currentTarget.value)}
              error={errors.nameFa}
              data-testid="template-name-fa"
            />
            <TextInput
              label={t('templates.field.nameEn')}
              required
              dir="ltr"
              value={nameEn}
              onChange={(e) => setNameEn(e.currentTarget.value)}
              error={errors.nameEn}
              data-testid="template-name-en"
            />
          </SimpleGrid>
          <Select
            label={t('templates.field.caseKind')}
            placeholder={t('templates.caseKind.none')}
            clearable
            value={caseKind}
            onChange={(v) => setCaseKind(v as CaseKind | null)}
            data={CASE_KINDS.map((k) => ({ value: k, label: t(`cases.kind.${k}`) }))}
          />
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              {t('templates.field.steps')}
            </Text>
            {steps.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('templates.steps.none')}
              </Text>
            )}
            <Stack
              gap={4}
              component="ol"
              m={0}
              p={0}
              style={{ listStyle: 'none' }}
              data-testid="template-steps"
            >
              {steps.map((id, index) => (
                <Group key={id} component="li" gap="xs" wrap="nowrap" data-testid="template-step">
                  <Text size="sm" w={24} c="dimmed">
                    {i18n.number(index + 1)}
                  </Text>
                  <Text size="sm" style={{ flex: 1 }}>
                    {label(id)}
                  </Text>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    disabled={index === 0}
                    aria-label={t('templates.step.up', { name: label(id) })}
                    onClick={() => move(index, -1)}
                  >
                    <IconArrowUp size={16} aria-hidden />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    disabled={index === steps.length - 1}
                    aria-label={t('templates.step.down', { name: label(id) })}
                    onClick={() => move(index, 1)}
                  >
                    <IconArrowDown size={16} aria-hidden />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('templates.step.remove', { name: label(id) })}
                    onClick={() => setSteps((current) => current.filter((s) => s !== id))}
                  >
                    <IconX size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              ))}
            </Stack>
            <Select
              aria-label={t('templates.step.add')}
              placeholder={t('templates.step.add')}
              searchable
              value={null}
              onChange={(v) => v && setSteps((current) => [...current, v])}
              data={available.map((a) => ({ value: a.id, label: name(a) }))}
              error={errors.authorityIds}
              data-testid="template-step-add"
            />
          </Stack>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={create.pending || update.pending} data-testid="template-save">
              {t('action.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
