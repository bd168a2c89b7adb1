/**
 * A cultural week's programme as a grid of days: each day's items in time order, their
 * types as badges; items added, edited and removed in a dialog.
 */
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import {
  PROGRAMME_TYPES,
  eventsContract,
  type EventRecord,
  type ProgrammeItem,
  type ProgrammeType,
} from '../../../../shared/api/events.contract';
import { RemoveDialog } from '../../components/RemoveDialog';
import { DateInput } from '../../components/DateInput';
import { SectionCard } from '../../components/SectionCard';
import { useI18n } from '../../i18n/locale';
import { ApiError } from '../../lib/api';
import { notifyDone, notifyFailure } from '../../lib/notify';
import { useMutation } from '../../lib/query';
import { checkInput, coreFieldErrors, type FieldErrors } from '../../lib/validation';
import { PROGRAMME_COLORS } from './event-view';

interface Draft {
  id: string | null;
  title: string;
  type: ProgrammeType;
  date: string | null;
  startTime: string;
  endTime: string;
  venue: string;
  responsible: string;
}

function ItemDialog({ event, draft, onClose }: { event: EventRecord; draft: Draft; onClose: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [d, setD] = useState(draft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const add = useMutation('programme.add');
  const update = useMutation('programme.update');
  const toAscii = (s: string) => s.trim().replace(/[۰-۹]/g, (c) => String(c.charCodeAt(0) - 0x06f0));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const fields = {
      title: d.title,
      type: d.type,
      date: d.date ?? '',
      startTime: toAscii(d.startTime) || null,
      endTime: toAscii(d.endTime) || null,
      venue: d.venue.trim() || null,
      responsible: d.responsible.trim() || null,
    };
    const checked = checkInput(eventsContract['programme.add'].input, { eventId: event.id, ...fields }, i18n);
    if (!checked.ok) return setErrors(checked.errors);
    try {
      if (d.id) await update.run({ id: d.id, ...fields });
      else await add.run({ eventId: event.id, ...fields });
      notifyDone(t('events.programme.saved'));
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'VALIDATION')
        setErrors(coreFieldErrors(error.issues, i18n));
      notifyFailure(error, t);
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t(d.id ? 'events.programme.edit' : 'events.programme.add')}
      centered
      size="lg"
    >
      <form onSubmit={save} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('events.field.title')}
            required
            value={d.title}
            dir="auto"
            data-autofocus
            onChange={(e) => setD({ ...d, title: e.currentTarget.value })}
            error={errors.title}
            data-testid="programme-title"
          />
          <SimpleGrid cols={2} spacing="sm">
            <Select
              label={t('events.programme.type')}
              value={d.type}
              allowDeselect={false}
              onChange={(v) => v && setD({ ...d, type: v as ProgrammeType })}
              data={PROGRAMME_TYPES.map((p) => ({ value: p, label: t(`events.programme.type.${p}`) }))}
              data-testid="programme-type"
            />
            <DateInput
              label={t('events.programme.date')}
              required
              value={d.date}
              onChange={(iso) => setD({ ...d, date: iso })}
              error={errors.date}
              data-testid="programme-date"
            />
            <TextInput
              label={t('events.programme.start')}
              value={d.startTime}
              dir="ltr"
              placeholder="19:30"
              onChange={(e) => setD({ ...d, startTime: e.currentTarget.value })}
              error={errors.startTime}
              data-testid="programme-start"
            />
            <TextInput
              label={t('events.programme.end')}
              value={d.endTime}
              dir="ltr"
              placeholder="21:00"
              onChange={(e) => setD({ ...d, endTime: e.currentTarget.value })}
              error={errors.endTime}
            />
            <TextInput
              label={t('events.field.venue')}
              value={d.venue}
              dir="auto"
              onChange={(e) => setD({ ...d, venue: e.currentTarget.value })}
              error={errors.venue}
            />
            <TextInput
              label={t('events.programme.responsible')}
              value={d.responsible}
              dir="auto"
              onChange={(e) => setD({ ...d, responsible: e.currentTarget.value })}
              error={errors.responsible}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={add.pending || update.pending} data-testid="programme-save">
              {t('action.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function ProgrammeGrid({ event, onChanged }: { event: EventRecord; onChanged: () => void }) {
  const { t, date, digits } = useI18n();
  const [editing, setEditing] = useState<Draft | null>(null);
  const [removing, setRemoving] = useState<ProgrammeItem | null>(null);
  const days = new Map<string, ProgrammeItem[]>();
  for (const item of [...event.programme].sort((a, b) =>
    `${a.date} ${a.startTime ?? ''}`.localeCompare(`${b.date} ${b.startTime ?? ''}`),
  )) {
    days.set(item.date, [...(days.get(item.date) ?? []), item]);
  }
  const blank: Draft = {
    id: null,
    title: '',
    type: 'exhibition',
    date: event.startDate,
    startTime: '',
    endTime: '',
    venue: '',
    responsible: '',
  };
  const draftOf = (i: ProgrammeItem): Draft => ({
    id: i.id,
    title: i.title,
    type: i.type,
    date: i.date,
    startTime: i.startTime ?? '',
    endTime: i.endTime ?? '',
    venue: i.venue ?? '',
    responsible: i.responsible ?? '',
  });

  return (
    <SectionCard
      title={t('events.programme')}
      testId="programme"
      actions={
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => setEditing(blank)}
          data-testid="programme-add"
        >
          {t('events.programme.add')}
        </Button>
      }
    >
      {days.size === 0 ? (
        <Text c="dimmed" size="sm">
          {t('events.programme.empty')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          {[...days.entries()].map(([day, items]) => (
            <Paper
              key={day}
              withBorder
              p="sm"
              data-testid={`programme-day-${day}`}
              component="section"
              aria-label={date(day, 'weekday')}
            >
              <Text fw={700} size="sm" mb="xs">
                {date(day, 'weekday')}
              </Text>
              <Stack gap="xs">
                {items.map((item) => (
                  <Stack key={item.id} gap={2} data-testid="programme-item">
                    <Group gap="xs" wrap="nowrap" justify="space-between">
                      <Group gap="xs" wrap="nowrap">
                        <Text size="xs" c="dimmed" fw={600}>
                          {item.startTime
                            ? digits(`${item.startTime}${item.endTime ? `–${item.endTime}` : ''}`)
                            : t('events.programme.allDay')}
                        </Text>
                        <Badge size="xs" variant="light" tt="none" color={PROGRAMME_COLORS[item.type]}>
                          {t(`events.programme.type.${item.type}`)}
                        </Badge>
                      </Group>
                      <Group gap={0} wrap="nowrap">
                        <ActionIcon
                          size="sm"
                          variant="subtle"
                          aria-label={`${t('action.edit')} — ${item.title}`}
                          onClick={() => setEditing(draftOf(item))}
                        >
                          <IconPencil size={14} aria-hidden />
                        </ActionIcon>
                        <ActionIcon
                          size="sm"
                          variant="subtle"
                          color="red"
                          aria-label={`${t('action.remove')} — ${item.title}`}
                          onClick={() => setRemoving(item)}
                        >
                          <IconTrash size={14} aria-hidden />
                        </ActionIcon>
                      </Group>
                    </Group>
                    <Text size="sm" dir="auto" lh={1.4}>
                      {item.title}
                    </Text>
                    {item.venue && (
                      <Text size="xs" c="dimmed" dir="auto">
                        {item.venue}
                      </Text>
                    )}
                  </Stack>
                ))}
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
      )}
      {editing && (
        <ItemDialog
          event={event}
          draft={editing}
          onClose={() => {
            setEditing(null);
            onChanged();
          }}
        />
      )}
      <RemoveDialog
        method="programme.remove"
        target={removing}
        title={t('action.remove')}
        confirmLabel={t('action.remove')}
        body={(item) => t('events.programme.remove.body', { title: item.title })}
        done={() => t('events.programme.removed')}
        onClose={() => setRemoving(null)}
        onChanged={onChanged}
      />
    </SectionCard>
  );
}
