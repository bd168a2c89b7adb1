/**
 * One approval chain as its steps: the authority, where the step stands, the dates in the
 * user's calendar and the days at the authority; who holds the request now and since when;
 * the actions each step allows, and pending steps added and reordered.
 */
import { ActionIcon, Alert, Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { ApprovalChain, ApprovalStep, Authority } from '../../../../shared/api/approvals.contract';
import { SectionCard } from '../../components/SectionCard';
import { useI18n } from '../../i18n/locale';
import { notifyDone, notifyFailure } from '../../lib/notify';
import { useMutation } from '../../lib/query';
import { CHAIN_COLORS, STEP_COLORS, authorityName } from './approval-view';
import { StepDialog, type StepAction } from './StepDialog';

const PENDING = new Set(['not_submitted', 'returned']);

export function ChainCard({
  chain,
  authorities,
  onChanged,
}: {
  chain: ApprovalChain;
  authorities: Authority[];
  onChanged: () => void;
}) {
  const { t, date, number, locale } = useI18n();
  const [acting, setActing] = useState<{ step: ApprovalStep; action: StepAction } | null>(null);
  const [newAuthority, setNewAuthority] = useState<string | null>(null);
  const addStep = useMutation('approvals.addStep');
  const moveStep = useMutation('approvals.moveStep');
  const pending = chain.steps.filter((s) => s.state === 'not_submitted');
  const holder = chain.steps.find((s) => s.authorityId === chain.holderAuthorityId && s.state === 'waiting');
  const finished = chain.state !== 'in_progress';

  const move = async (step: ApprovalStep, position: number) => {
    try {
      await moveStep.run({ stepId: step.id, position });
      notifyDone(t('approvals.stepMoved'));
    } catch (error) {
      notifyFailure(error, t);
    }
    onChanged();
  };

  return (
    <SectionCard
      title={chain.title}
      testId={`chain-${chain.id}`}
      actions={
        <Badge color={CHAIN_COLORS[chain.state]} variant="light" size="lg">
          {t(`approvals.chain.${chain.state}`)}
        </Badge>
      }
    >
      <Stack gap="md">
        <Alert
          color={finished ? 'gray' : holder ? 'orange' : 'blue'}
          variant="light"
          data-testid="chain-holder"
        >
          {finished
            ? t('approvals.holder.done')
            : holder
              ? t('approvals.holder.authority', {
                  authority: authorityName(holder, locale),
                  days: chain.daysWaiting ?? 0,
                })
              : t('approvals.holder.office')}
        </Alert>
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm" aria-label={t('approvals.steps.label', { title: chain.title })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>#</Table.Th>
                <Table.Th>{t('approvals.field.authority')}</Table.Th>
                <Table.Th>{t('approvals.field.state')}</Table.Th>
                <Table.Th>{t('approvals.field.submitted')}</Table.Th>
                <Table.Th>{t('approvals.field.decided')}</Table.Th>
                <Table.Th>{t('approvals.field.days')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {chain.steps.map((step) => {
                const isPending = step.state === 'not_submitted';
                const index = pending.findIndex((p) => p.id === step.id);
                return (
                  <Table.Tr
                    key={step.id}
                    data-testid={`step-${step.position}`}
                    data-current={step.id === chain.currentStepId || undefined}
                    fw={step.id === chain.currentStepId ? 600 : undefined}
                  >
                    <Table.Td>{number(step.position)}</Table.Td>
                    <Table.Td>
                      {authorityName(step, locale)}
                      {step.skipReason && (
                        <Text size="xs" c="dimmed" dir="auto">
                          {step.skipReason}
                        </Text>
                      )}
                      {step.notes && (
                        <Text size="xs" c="dimmed" dir="auto">
                          {step.notes}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STEP_COLORS[step.state]} variant="light" data-testid="step-state">
                        {t(`approvals.step.${step.state}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{step.submittedOn ? date(step.submittedOn, 'short') : '—'}</Table.Td>
                    <Table.Td>{step.decidedOn ? date(step.decidedOn, 'short') : '—'}</Table.Td>
                    <Table.Td>
                      {step.daysAtAuthority === null ? '—' : t('approvals.days', { n: step.daysAtAuthority })}
                    </Table.Td>
                    <Table.Td>
                      {!finished && (
                        <Group gap={4} wrap="nowrap" justify="flex-end">
                          {step.id === chain.currentStepId && PENDING.has(step.state) && (
                            <Button size="xs" onClick={() => setActing({ step, action: 'submit' })}>
                              {t('approvals.action.submit')}
                            </Button>
                          )}
                          {step.state === 'waiting' && (
                            <Button size="xs" onClick={() => setActing({ step, action: 'decide' })}>
                              {t('approvals.action.decide')}
                            </Button>
                          )}
                          {PENDING.has(step.state) && (
                            <Button
                              size="xs"
                              variant="default"
                              onClick={() => setActing({ step, action: 'skip' })}
                            >
                              {t('approvals.action.skip')}
                            </Button>
                          )}
                          {isPending && (
                            <>
                              <ActionIcon
                                variant="subtle"
                                aria-label={t('approvals.action.up', { n: step.position })}
                                disabled={index <= 0}
                                onClick={() => void move(step, pending[index - 1]?.position ?? step.position)}
                              >
                                <IconArrowUp size={16} aria-hidden />
                              </ActionIcon>
                              <ActionIcon
                                variant="subtle"
                                aria-label={t('approvals.action.down', { n: step.position })}
                                disabled={index === pending.length - 1}
                                onClick={() => void move(step, pending[index + 1]?.position ?? step.position)}
                              >
                                <IconArrowDown size={16} aria-hidden />
                              </ActionIcon>
                            </>
                          )}
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {!finished && (
          <Group gap="sm" align="flex-end">
            <Select
              label={t('approvals.addStep.pick')}
              value={newAuthority}
              onChange={setNewAuthority}
              data={authorities.map((a) => ({ value: a.id, label: locale === 'en' ? a.nameEn : a.nameFa }))}
              searchable
              w={300}
            />
            <Button
              variant="light"
              leftSection={<IconPlus size={16} aria-hidden />}
              disabled={!newAuthority}
              loading={addStep.pending}
              onClick={async () => {
                if (!newAuthority) return;
                try {
                  await addStep.run({ chainId: chain.id, authorityId: newAuthority });
                  notifyDone(t('approvals.stepAdded'));
                  setNewAuthority(null);
                } catch (error) {
                  notifyFailure(error, t);
                }
                onChanged();
              }}
            >
              {t('approvals.addStep')}
            </Button>
          </Group>
        )}
      </Stack>
      {acting && (
        <StepDialog
          step={acting.step}
          action={acting.action}
          onClose={() => {
            setActing(null);
            onChanged();
          }}
        />
      )}
    </SectionCard>
  );
}
