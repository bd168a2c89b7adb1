/**
 * Records a new event, or changes one: kind, status, title, days, our role, host, venue,
 * objectives, reciprocal event.
 */
import { Button, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import {
  EVENT_KINDS,
  EVENT_ROLES,
  EVENT_STATUSES,
  eventsContract,
  type EventKind,
  type EventRecord,
  type EventRole,
  type EventStatus,
} from '../../../../shared/api/events.contract';
import { navigate } from '../../app/routes';
import { useSession } from '../../app/session';
import { DateInput } from '../../components/DateInput';
import { FormSection } from '../../components/FormSection';
import { PageHeader } from '../../components/PageHeader';
import { RecordPicker } from '../../components/RecordPicker';
import { useI18n } from '../../i18n/locale';
import { isolated } from '../../i18n/translate';
import { ApiError, call } from '../../lib/api';
import { notifyDone, notifyFailure } from '../../lib/notify';
import { useMutation } from '../../lib/query';
import { checkInput, coreFieldErrors, type FieldErrors } from '../../lib/validation';
import { loadPartners } from '../agreements/agreement-view';

export function EventForm({ existing }: { existing?: EventRecord }) {
  const i18n = useI18n();
  const { t, date, name } = i18n;
  const { today } = useSession();
  const [kind, setKind] = useState<EventKind>(existing?.kind ?? 'cultural_week');
  const [status, setStatus] = useState<EventStatus>(existing?.status ?? 'planned');
  const [role, setRole] = useState<EventRole>(existing?.ourRole ?? 'organiser');
  const [title, setTitle] = useState(existing?.title ?? '');
  const [start, setStart] = useState<string | null>(existing?.startDate ?? today);
  const [end, setEnd] = useState<string | null>(existing?.endDate ?? today);
  const [host, setHost] = useState<{ id: string | null; label: string | null }>({
    id: existing?.host?.id ?? null,
    label: existing?.host ? name(existing.host) : null,
  });
  const [venue, setVenue] = useState(existing?.venue ?? '');
  const [objectives, setObjectives] = useState(existing?.objectives ?? '');
  const [reciprocal, setReciprocal] = useState<{ id: string | null; label: string | null }>({
    id: existing?.reciprocal?.id ?? null,
    label: existing?.reciprocal
      ? `${existing.reciprocal.title} — ${date(existing.reciprocal.startDate, 'short')}`
      : null,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation('events.create');
  const update = useMutation('events.update');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = {
      kind,
      title,
      ourRole: role,
      startDate: start ?? '',
      endDate: end ?? '',
      hostPartnerId: host.id,
      venue: venue.trim() || null,
      objectives: objectives.trim() || null,
      reciprocalEventId: reciprocal.id,
    };
    const checked = existing
      ? checkInput(eventsContract['events.update'].input, { id: existing.id, status, ...input }, i18n)
      : checkInput(eventsContract['events.create'].input, input, i18n);
    if (!checked.ok) return setErrors(checked.errors);
    if (input.endDate < input.startDate) return setErrors({ endDate: t('validation.date.order') });
    setErrors({});
    try {
      const saved = existing
        ? await update.run({ id: existing.id, status, ...input })
        : await create.run(input);
      notifyDone(t(existing ? 'events.updated' : 'events.created', { title: isolated(saved.title) }));
      navigate({ section: 'events', id: saved.id });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'VALIDATION')
        setErrors(coreFieldErrors(error.issues, i18n));
      notifyFailure(error, t);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg" maw={1000}>
        <PageHeader
          title={existing ? t('events.edit.title') : t('events.new.title')}
          actions={
            <>
              <Button
                variant="default"
                onClick={() => navigate({ section: 'events', ...(existing && { id: existing.id }) })}
              >
                {t('action.cancel')}
              </Button>
              <Button type="submit" loading={create.pending || update.pending} data-testid="event-create">
                {t('action.save')}
              </Button>
            </>
          }
        />
        <FormSection title={t('events.field.title')}>
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, md: existing ? 3 : 2 }} spacing="md">
              <Select
                label={t('events.kind')}
                value={kind}
                allowDeselect={false}
                onChange={(v) => v && setKind(v as EventKind)}
                data={EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kind.${k}`) }))}
              />
              <Select
                label={t('events.role')}
                value={role}
                allowDeselect={false}
                onChange={(v) => v && setRole(v as EventRole)}
                data={EVENT_ROLES.map((r) => ({ value: r, label: t(`events.role.${r}`) }))}
              />
              {existing && (
                <Select
                  label={t('events.status')}
                  value={status}
                  allowDeselect={false}
                  onChange={(v) => v && setStatus(v as EventStatus)}
                  data={EVENT_STATUSES.map((s) => ({ value: s, label: t(`events.status.${s}`) }))}
                  data-testid="event-status-select"
                />
              )}
            </SimpleGrid>
            <TextInput
              label={t('events.field.title')}
              required
              value={title}
              dir="auto"
              autoFocus
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={errors.title}
              data-testid="event-title"
            />
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              <DateInput
                label={t('events.field.start')}
                required
                value={start}
                onChange={setStart}
                error={errors.startDate}
                data-testid="event-start"
              />
              <DateInput
                label={t('events.field.end')}
                required
                value={end}
                onChange={setEnd}
                error={errors.endDate}
                data-testid="event-end"
              />
              <RecordPicker
                label={t('events.field.host')}
                value={host.id}
                valueLabel={host.label}
                load={(words) => loadPartners(words, i18n)}
                onChange={(id, option) => setHost({ id, label: option?.label ?? null })}
                error={errors.hostPartnerId}
              />
              <TextInput
                label={t('events.field.venue')}
                value={venue}
                dir="auto"
                onChange={(e) => setVenue(e.currentTarget.value)}
                error={errors.venue}
              />
            </SimpleGrid>
            <Textarea
              label={t('events.field.objectives')}
              value={objectives}
              dir="auto"
              autosize
              minRows={2}
              onChange={(e) => setObjectives(e.currentTarget.value)}
              error={errors.objectives}
            />
            <RecordPicker
              label={t('events.field.reciprocal')}
              value={reciprocal.id}
              valueLabel={reciprocal.label}
              load={async (words) => {
                const page = await call('events.list', {
                  ...(words.trim() && { text: words.trim() }),
                  limit: 30,
                });
                return page.items.map((e) => ({
                  value: e.id,
                  label: `${e.title} — ${date(e.startDate, 'short')}`,
                }));
              }}
              onChange={(id, option) => setReciprocal({ id, label: option?.label ?? null })}
            />
          </Stack>
        </FormSection>
      </Stack>
    </form>
  );
}
