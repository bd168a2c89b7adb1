/**
 * The people who travel: role, passport and its validity, visa, travel days. A passport that
 * ends within six months of the journey carries a warning badge the eye cannot miss.
 */
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconAlertTriangle, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import {
  DELEGATION_ROLES,
  VISA_STATUSES,
  eventsContract,
  type DelegationMember,
  type EventRecord,
  type VisaStatus,
} from '../../../../shared/api/events.contract';
import { RemoveDialog } from '../../components/RemoveDialog';
import { DateInput } from '../../components/DateInput';
import { SectionCard } from '../../components/SectionCard';
import { useI18n } from '../../i18n/locale';
import { ApiError } from '../../lib/api';
import { notifyDone, notifyFailure } from '../../lib/notify';
import { useMutation } from '../../lib/query';
import { checkInput, coreFieldErrors, type FieldErrors } from '../../lib/validation';

type Role = (typeof DELEGATION_ROLES)[number];
interface Draft {
  id: string | null;
  name: string;
  position: string;
  role: Role;
  passportNumber: string;
  passportExpiry: string | null;
  visaStatus: VisaStatus;
  travelFrom: string | null;
  travelTo: string | null;
}

const VISA_COLORS: Record<VisaStatus, string> = {
  not_needed: 'gray',
  to_apply: 'yellow',
  applied: 'blue',
  granted: 'green',
  refused: 'red',
};

function MemberDialog({ event, draft, onClose }: { event: EventRecord; draft: Draft; onClose: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [d, setD] = useState(draft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const add = useMutation('delegation.add');
  const update = useMutation('delegation.update');
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const fields = {
      name: d.name,
      position: d.position.trim() || null,
      role: d.role,
      passportNumber: d.passportNumber.trim() || null,
      passportExpiry: d.passportExpiry,
      visaStatus: d.visaStatus,
      travelFrom: d.travelFrom,
      travelTo: d.travelTo,
    };
    const checked = checkInput(
      eventsContract['delegation.add'].input,
      { eventId: event.id, ...fields },
      i18n,
    );
    if (!checked.ok) return setErrors(checked.errors);
    try {
      if (d.id) await update.run({ id: d.id, ...fields });
      else await add.run({ eventId: event.id, ...fields });
      notifyDone(t('events.delegation.saved'));
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
      title={t(d.id ? 'events.delegation.edit' : 'events.delegation.add')}
      centered
      size="lg"
    >
      <form onSubmit={save} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={2} spacing="sm">
            <TextInput
              label={t('events.member.name')}
              required
              value={d.name}
              dir="auto"
              data-autofocus
              onChange={(e) => setD({ ...d, name: e.currentTarget.value })}
              error={errors.name}
              data-testid="member-name"
            />
            <TextInput
              label={t('events.member.position')}
              value={d.position}
              dir="auto"
              onChange={(e) => setD({ ...d, position: e.currentTarget.value })}
              error={errors.position}
            />
            <Select
              label={t('events.member.role')}
              value={d.role}
              allowDeselect={false}
              onChange={(v) => v && setD({ ...d, role: v as Role })}
              data={DELEGATION_ROLES.map((r) => ({ value: r, label: t(`events.member.role.${r}`) }))}
            />
            <Select
              label={t('events.member.visa')}
              value={d.visaStatus}
              allowDeselect={false}
              onChange={(v) => v && setD({ ...d, visaStatus: v as VisaStatus })}
              data={VISA_STATUSES.map((v) => ({ value: v, label: t(`events.member.visa.${v}`) }))}
            />
            <TextInput
              label={t('events.member.passport')}
              value={d.passportNumber}
              dir="ltr"
              onChange={(e) => setD({ ...d, passportNumber: e.currentTarget.value })}
              error={errors.passportNumber}
            />
            <DateInput
              label={t('events.member.passportExpiry')}
              value={d.passportExpiry}
              onChange={(iso) => setD({ ...d, passportExpiry: iso })}
              error={errors.passportExpiry}
              data-testid="member-passport-expiry"
            />
            <DateInput
              label={t('events.member.travelFrom')}
              value={d.travelFrom}
              onChange={(iso) => setD({ ...d, travelFrom: iso })}
              error={errors.travelFrom}
            />
            <DateInput
              label={t('events.member.travelTo')}
              value={d.travelTo}
              onChange={(iso) => setD({ ...d, travelTo: iso })}
              error={errors.travelTo}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={add.pending || update.pending} data-testid="member-save">
              {t('action.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * A badge whose words run over two lines in a narrow column instead of ending in "…": a
 * passport warning or a visa state cut short says nothing.
 */
const WRAPPING_BADGE = {
  label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip' },
} as const;

export function DelegationTable({ event, onChanged }: { event: EventRecord; onChanged: () => void }) {
  const { t, date } = useI18n();
  const [editing, setEditing] = useState<Draft | null>(null);
  const [removing, setRemoving] = useState<DelegationMember | null>(null);
  const blank: Draft = {
    id: null,
    name: '',
    position: '',
    role: 'member',
    passportNumber: '',
    passportExpiry: null,
    visaStatus: 'to_apply',
    travelFrom: event.startDate,
    travelTo: event.endDate,
  };
  const draftOf = (m: DelegationMember): Draft => ({
    id: m.id,
    name: m.name,
    position: m.position ?? '',
    role: m.role,
    passportNumber: m.passportNumber ?? '',
    passportExpiry: m.passportExpiry,
    visaStatus: m.visaStatus,
    travelFrom: m.travelFrom,
    travelTo: m.travelTo,
  });

  return (
    <SectionCard
      title={t('events.delegation')}
      testId="delegation"
      actions={
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => setEditing(blank)}
          data-testid="member-add"
        >
          {t('events.delegation.add')}
        </Button>
      }
    >
      {event.delegation.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('events.delegation.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('events.member.name')}</Table.Th>
                <Table.Th>{t('events.member.role')}</Table.Th>
                <Table.Th>{t('events.member.passport')}</Table.Th>
                <Table.Th>{t('events.member.passportExpiry')}</Table.Th>
                <Table.Th>{t('events.member.visa')}</Table.Th>
                <Table.Th>
                  {t('events.member.travelFrom')} – {t('events.member.travelTo')}
                </Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {event.delegation.map((m) => (
                <Table.Tr key={m.id} data-testid="member-row">
                  <Table.Td>
                    <Text size="sm" dir="auto">
                      {m.name}
                    </Text>
                    {m.position && (
                      <Text size="xs" c="dimmed" dir="auto">
                        {m.position}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`events.member.role.${m.role}`)}</Table.Td>
                  <Table.Td dir="ltr" style={{ textAlign: 'start' }}>
                    {m.passportNumber ?? '—'}
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={4} align="flex-start">
                      <span>{m.passportExpiry ? date(m.passportExpiry, 'short') : '—'}</span>
                      {m.passportWarning && (
                        <Badge
                          color="red"
                          variant="filled"
                          size="md"
                          tt="none"
                          leftSection={<IconAlertTriangle size={14} aria-hidden />}
                          data-testid="passport-warning"
                          style={{ height: 'auto', paddingBlock: 2 }}
                          styles={WRAPPING_BADGE}
                        >
                          {t(`events.member.warning.${m.passportWarning}`)}
                        </Badge>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      color={VISA_COLORS[m.visaStatus]}
                      variant="light"
                      tt="none"
                      style={{ height: 'auto', paddingBlock: 2 }}
                      styles={WRAPPING_BADGE}
                      data-testid="visa-status"
                    >
                      {t(`events.member.visa.${m.visaStatus}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {m.travelFrom ? date(m.travelFrom, 'short') : '—'} –{' '}
                    {m.travelTo ? date(m.travelTo, 'short') : '—'}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={0} wrap="nowrap">
                      <ActionIcon
                        variant="subtle"
                        aria-label={`${t('action.edit')} — ${m.name}`}
                        onClick={() => setEditing(draftOf(m))}
                      >
                        <IconPencil size={16} aria-hidden />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`${t('action.remove')} — ${m.name}`}
                        onClick={() => setRemoving(m)}
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
        <MemberDialog
          event={event}
          draft={editing}
          onClose={() => {
            setEditing(null);
            onChanged();
          }}
        />
      )}
      <RemoveDialog
        method="delegation.remove"
        target={removing}
        title={t('action.remove')}
        confirmLabel={t('action.remove')}
        body={(member) => t('events.delegation.remove.body', { name: member.name })}
        done={() => t('events.delegation.removed')}
        onClose={() => setRemoving(null)}
        onChanged={onChanged}
      />
    </SectionCard>
  );
}
