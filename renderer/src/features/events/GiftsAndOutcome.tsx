/** Gifts given and received at an event, and the outcome report with its follow-up tasks. */
import {
  ActionIcon,
  Badge,
  Box,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import {
  GIFT_DIRECTIONS,
  eventsContract,
  type EventRecord,
  type Gift,
} from '../../../../shared/api/events.contract';
import { useSession } from '../../app/session';
import { RemoveDialog } from '../../components/RemoveDialog';
import { DateInput } from '../../components/DateInput';
import { SectionCard } from '../../components/SectionCard';
import { useI18n } from '../../i18n/locale';
import { ApiError } from '../../lib/api';
import { notifyDone, notifyFailure } from '../../lib/notify';
import { useMutation, useQuery } from '../../lib/query';
import { checkInput, coreFieldErrors, type FieldErrors } from '../../lib/validation';

type Direction = (typeof GIFT_DIRECTIONS)[number];

function GiftDialog({
  event,
  existing,
  onClose,
}: {
  event: EventRecord;
  existing?: Gift;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [direction, setDirection] = useState<Direction>(existing?.direction ?? 'given');
  const [description, setDescription] = useState(existing?.description ?? '');
  const [giver, setGiver] = useState(existing?.giver ?? '');
  const [receiver, setReceiver] = useState(existing?.receiver ?? '');
  const [day, setDay] = useState<string | null>(existing ? existing.date : event.startDate);
  const [errors, setErrors] = useState<FieldErrors>({});
  const add = useMutation('gifts.add');
  const update = useMutation('gifts.update');
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const fields = { direction, description, giver, receiver, date: day };
    const checked = existing
      ? checkInput(eventsContract['gifts.update'].input, { id: existing.id, ...fields }, i18n)
      : checkInput(eventsContract['gifts.add'].input, { eventId: event.id, ...fields }, i18n);
    if (!checked.ok) return setErrors(checked.errors);
    try {
      if (existing) await update.run({ id: existing.id, ...fields });
      else await add.run({ eventId: event.id, ...fields });
      notifyDone(t('events.gifts.saved'));
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
      title={existing ? t('events.gifts.edit') : t('events.gifts.add')}
      centered
      size="lg"
    >
      <form onSubmit={save} noValidate>
        <Stack gap="sm">
          <SegmentedControl
            value={direction}
            onChange={(v) => setDirection(v as Direction)}
            data={GIFT_DIRECTIONS.map((d) => ({ value: d, label: t(`events.gift.direction.${d}`) }))}
          />
          <TextInput
            label={t('events.gift.description')}
            required
            value={description}
            dir="auto"
            data-autofocus
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={errors.description}
          />
          <SimpleGrid cols={3} spacing="sm">
            <TextInput
              label={t('events.gift.giver')}
              required
              value={giver}
              dir="auto"
              onChange={(e) => setGiver(e.currentTarget.value)}
              error={errors.giver}
            />
            <TextInput
              label={t('events.gift.receiver')}
              required
              value={receiver}
              dir="auto"
              onChange={(e) => setReceiver(e.currentTarget.value)}
              error={errors.receiver}
            />
            <DateInput label={t('events.gift.date')} value={day} onChange={setDay} error={errors.date} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={add.pending || update.pending} data-testid="gift-save">
              {t('action.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function GiftsCard({ event, onChanged }: { event: EventRecord; onChanged: () => void }) {
  const { t, date } = useI18n();
  const [editing, setEditing] = useState<Gift | 'new' | null>(null);
  const [removing, setRemoving] = useState<Gift | null>(null);
  return (
    <SectionCard
      title={t('events.gifts')}
      testId="gifts"
      actions={
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => setEditing('new')}
          data-testid="gift-add"
        >
          {t('events.gifts.add')}
        </Button>
      }
    >
      {event.gifts.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('events.gifts.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('events.gift.direction')}</Table.Th>
                <Table.Th>{t('events.gift.description')}</Table.Th>
                <Table.Th>{t('events.gift.giver')}</Table.Th>
                <Table.Th>{t('events.gift.receiver')}</Table.Th>
                <Table.Th>{t('events.gift.date')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {event.gifts.map((g) => (
                <Table.Tr key={g.id} data-testid="gift-row">
                  <Table.Td>
                    <Badge variant="light" color={g.direction === 'given' ? 'blue' : 'grape'} tt="none">
                      {t(`events.gift.direction.${g.direction}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td dir="auto">{g.description}</Table.Td>
                  <Table.Td dir="auto">{g.giver}</Table.Td>
                  <Table.Td dir="auto">{g.receiver}</Table.Td>
                  <Table.Td>{g.date ? date(g.date, 'short') : '—'}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap" justify="flex-end">
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={`${t('action.edit')} — ${g.description}`}
                        onClick={() => setEditing(g)}
                      >
                        <IconPencil size={16} aria-hidden />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`${t('action.remove')} — ${g.description}`}
                        onClick={() => setRemoving(g)}
                      >
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <GiftDialog
          event={event}
          {...(editing !== 'new' && { existing: editing })}
          onClose={() => {
            setEditing(null);
            onChanged();
          }}
        />
      )}
      <RemoveDialog
        method="gifts.remove"
        target={removing}
        title={t('events.gifts.remove.title')}
        confirmLabel={t('action.remove')}
        body={(gift) => t('events.gifts.remove.body', { description: gift.description })}
        done={() => t('events.gifts.removed')}
        onClose={() => setRemoving(null)}
        onChanged={onChanged}
      />
    </SectionCard>
  );
}

interface FollowUp {
  title: string;
  assigneeId: string | null;
  dueDate: string | null;
}

export function OutcomeCard({ event, onChanged }: { event: EventRecord; onChanged: () => void }) {
  const i18n = useI18n();
  const { t, dateTime, locale } = i18n;
  const { today } = useSession();
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState(event.outcome ?? '');
  const [status, setStatus] = useState<'held' | 'cancelled'>('held');
  const [followUps, setFollowUps] = useState<FollowUp[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const users = useQuery('users.list', open ? {} : null);
  const record = useMutation('events.recordOutcome');

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const input = {
      id: event.id,
      outcome,
      status,
      followUps: followUps.filter((f) => f.title.trim() !== ''),
    };
    const checked = checkInput(eventsContract['events.recordOutcome'].input, input, i18n);
    if (!checked.ok) return setErrors(checked.errors);
    try {
      const result = await record.run(input);
      notifyDone(t('events.outcome.saved', { n: result.taskIds.length }));
      setOpen(false);
      setFollowUps([]);
      onChanged();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'VALIDATION')
        setErrors(coreFieldErrors(error.issues, i18n));
      notifyFailure(error, t);
    }
  };

  return (
    <SectionCard
      title={t('events.outcome')}
      testId="outcome"
      actions={
        !open && (
          <Button size="xs" variant="light" onClick={() => setOpen(true)}>
            {t('events.outcome.write')}
          </Button>
        )
      }
    >
      {!open &&
        (event.outcome ? (
          <Stack gap={4}>
            <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
              {event.outcome}
            </Text>
            {event.outcomeRecordedAt && (
              <Text size="xs" c="dimmed">
                {t('events.outcome.recorded', { date: dateTime(event.outcomeRecordedAt) })}
              </Text>
            )}
          </Stack>
        ) : (
          <Text c="dimmed" size="sm">
            {t('events.outcome.empty')}
          </Text>
        ))}
      {open && (
        <form onSubmit={save} noValidate>
          <Stack gap="sm">
            <SegmentedControl
              value={status}
              onChange={(v) => setStatus(v as 'held' | 'cancelled')}
              data={(['held', 'cancelled'] as const).map((s) => ({
                value: s,
                label: t(`events.status.${s}`),
              }))}
              w="fit-content"
            />
            <Textarea
              label={t('events.outcome.text')}
              required
              value={outcome}
              dir="auto"
              autosize
              minRows={4}
              onChange={(e) => setOutcome(e.currentTarget.value)}
              error={errors.outcome}
              data-testid="outcome-text"
            />
            <Text size="sm" fw={600}>
              {t('events.outcome.followUps')}
            </Text>
            {followUps.map((f, index) => (
              <Group key={index} gap="sm" align="flex-end" wrap="nowrap">
                <TextInput
                  label={t('events.outcome.followUp')}
                  value={f.title}
                  dir="auto"
                  style={{ flex: 1 }}
                  onChange={(e) =>
                    setFollowUps(
                      followUps.map((x, i) => (i === index ? { ...x, title: e.currentTarget.value } : x)),
                    )
                  }
                  error={errors[`followUps.${index}.title`]}
                />
                <Select
                  label={t('events.programme.responsible')}
                  value={f.assigneeId}
                  clearable
                  w={200}
                  onChange={(v) =>
                    setFollowUps(followUps.map((x, i) => (i === index ? { ...x, assigneeId: v } : x)))
                  }
                  data={(users.data ?? []).map((u) => ({
                    value: u.id,
                    label: locale === 'en' && u.nameEn ? u.nameEn : u.nameFa,
                  }))}
                />
                <Box w={160}>
                  <DateInput
                    label={t('events.outcome.due')}
                    value={f.dueDate}
                    onChange={(iso) =>
                      setFollowUps(followUps.map((x, i) => (i === index ? { ...x, dueDate: iso } : x)))
                    }
                  />
                </Box>
                <ActionIcon
                  mb={4}
                  variant="subtle"
                  color="red"
                  aria-label={t('action.remove')}
                  onClick={() => setFollowUps(followUps.filter((_, i) => i !== index))}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <Group justify="space-between">
              <Button
                variant="subtle"
                leftSection={<IconPlus size={14} aria-hidden />}
                onClick={() => setFollowUps([...followUps, { title: '', assigneeId: null, dueDate: today }])}
              >
                {t('events.outcome.addFollowUp')}
              </Button>
              <Group gap="sm">
                <Button variant="default" onClick={() => setOpen(false)}>
                  {t('action.cancel')}
                </Button>
                <Button type="submit" loading={record.pending} data-testid="outcome-save">
                  {t('action.save')}
                </Button>
              </Group>
            </Group>
          </Stack>
        </form>
      )}
    </SectionCard>
  );
}
