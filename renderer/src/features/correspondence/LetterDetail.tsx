/** One letter: its facts, text, thread, referrals, copies, files and history. */
import { Anchor, Badge, Button, Grid, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconArrowBackUp, IconCornerUpRight, IconLock, IconLockOpen, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import type { Letter } from '../../../../shared/api/letters.contract';
import { navigate, routeHref } from '../../app/routes';
import { useSession } from '../../app/session';
import { hasMethod } from '../../app/sections';
import { AttachmentsPanel } from '../../components/AttachmentsPanel';
import { ExportButton } from '../../components/ExportButton';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Facts } from '../../components/Facts';
import { HistoryTimeline } from '../../components/HistoryTimeline';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { SectionCard } from '../../components/SectionCard';
import { useI18n } from '../../i18n/locale';
import { call } from '../../lib/api';
import { languageName } from '../../lib/languages';
import { notifyDone, notifyFailure } from '../../lib/notify';
import { useQuery } from '../../lib/query';
import {
  DIRECTION_COLORS,
  STATE_COLORS,
  isOverdue,
  letterNumber,
  levelLabel,
  partyName,
} from './letter-view';
import { LetterThread } from './LetterThread';
import { ReferDialog } from './ReferDialog';
import { TasksCard } from '../tasks/TasksCard';

function LinkedLetters({ items }: { items: Letter['references'] }) {
  const { t, date, locale } = useI18n();
  return (
    <Stack gap={6}>
      {items.map((ref) => (
        <Text size="sm" key={`${ref.letterId}-${ref.kind}`}>
          <strong>{t(`letters.reference.${ref.kind}`)}</strong>{' '}
          <Anchor href={routeHref({ section: 'correspondence', id: ref.letterId })}>
            <bdi dir="auto">{letterNumber(ref.number, locale)}</bdi>
          </Anchor>{' '}
          · {date(ref.letterDate, 'short')} · <bdi dir="auto">{ref.subject}</bdi>
        </Text>
      ))}
    </Stack>
  );
}

export function LetterDetail({ id }: { id: string }) {
  const { t, date, dateTime, locale, name, dir, number: formatNumber } = useI18n();
  const { today, settings } = useSession();
  const query = useQuery('letters.get', { id }, { entities: ['letter'] });
  const users = useQuery('users.list', { includeInactive: true }, { entities: ['user'] });
  // Referrals name who referred by workstation login; staff know each other by name.
  const byLogin = (login: string) => {
    const user = users.data?.find((u) => u.username === login);
    return user ? name(user) : login;
  };
  const [referring, setReferring] = useState(false);
  const [closing, setClosing] = useState(false);
  const [closeNote, setCloseNote] = useState('');
  const [pending, setPending] = useState(false);

  if (query.error) return <ErrorNotice error={query.error} onRetry={query.refresh} />;
  const letter = query.data ?? (query.previous?.id === id ? query.previous : undefined);
  if (!letter) return <Loading />;

  const number = letterNumber(letter.number, locale);
  const closeFollowUp = async () => {
    setPending(true);
    try {
      await call('letters.close', { id, note: closeNote });
      notifyDone(t('letters.close.done'));
      setClosing(false);
    } catch (error) {
      notifyFailure(error, t);
    } finally {
      setPending(false);
    }
  };
  const reopen = async () => {
    try {
      await call('letters.reopen', { id });
      notifyDone(t('letters.reopen.done'));
    } catch (error) {
      notifyFailure(error, t);
    }
  };

  const defaultClassification = settings['letters.classifications'][0];
  const defaultUrgency = settings['letters.urgencies'][0];
  return (
    <Stack gap="lg">
      <PageHeader
        title={<bdi dir="auto">{letter.subject}</bdi>}
        subtitle={
          <Group gap="xs" component="span">
            <bdi dir="auto" data-testid="letter-number">
              {number}
            </bdi>
            <Badge variant="light" color={DIRECTION_COLORS[letter.direction]}>
              {t(`letters.direction.${letter.direction}`)}
            </Badge>
            <Badge variant="light" color={STATE_COLORS[letter.state]} data-testid="letter-state">
              {t(`letters.state.${letter.state}`)}
            </Badge>
            {isOverdue(letter, today) && <Badge color="red">{t('letters.overdue')}</Badge>}
            {letter.classification !== defaultClassification && (
              <Badge color="red" variant="outline">
                {levelLabel(letter.classification, locale)}
              </Badge>
            )}
            {letter.urgency !== defaultUrgency && (
              <Badge color="orange" variant="outline">
                {levelLabel(letter.urgency, locale)}
              </Badge>
            )}
          </Group>
        }
        actions={
          <>
            <Button
              leftSection={<IconArrowBackUp size={18} aria-hidden />}
              onClick={() => navigate({ section: 'correspondence', id: 'new', params: { replyTo: id } })}
            >
              {t('letters.action.reply')}
            </Button>
            <Button
              variant="light"
              leftSection={<IconCornerUpRight size={18} aria-hidden />}
              onClick={() => setReferring(true)}
            >
              {t('letters.action.refer')}
            </Button>
            {letter.state === 'closed' ? (
              <Button
                variant="light"
                leftSection={<IconLockOpen size={18} aria-hidden />}
                onClick={() => void reopen()}
              >
                {t('letters.action.reopen')}
              </Button>
            ) : (
              <Button
                variant="light"
                leftSection={<IconLock size={18} aria-hidden />}
                onClick={() => setClosing(true)}
              >
                {t('letters.action.close')}
              </Button>
            )}
            <Button
              variant="default"
              leftSection={<IconPencil size={18} aria-hidden />}
              onClick={() => navigate({ section: 'correspondence', id, action: 'edit' })}
            >
              {t('action.edit')}
            </Button>
            {hasMethod('documents.export') && <ExportButton kind="letter" id={id} />}
          </>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            <SectionCard title={t('letters.section.main')}>
              <Facts
                facts={[
                  { label: t('letters.field.number'), value: <bdi dir="auto">{number}</bdi> },
                  { label: t('letters.field.letterDate'), value: date(letter.letterDate, 'weekday') },
                  { label: t('letters.field.registeredAt'), value: dateTime(letter.registeredAt) },
                  {
                    label: t('letters.field.from'),
                    value: <bdi dir="auto">{partyName(letter.from, name, dir)}</bdi>,
                  },
                  {
                    label: t('letters.field.to'),
                    value: <bdi dir="auto">{partyName(letter.to, name, dir)}</bdi>,
                  },
                  letter.senderNumber !== null && {
                    label: t('letters.field.senderNumber'),
                    value: <bdi dir="auto">{letter.senderNumber}</bdi>,
                  },
                  letter.senderDate !== null && {
                    label: t('letters.field.senderDate'),
                    value: date(letter.senderDate, 'short'),
                  },
                  {
                    label: t('letters.field.classification'),
                    value: levelLabel(letter.classification, locale),
                  },
                  { label: t('letters.field.urgency'), value: levelLabel(letter.urgency, locale) },
                  letter.channel !== null && {
                    label: t('letters.channel'),
                    value: t(`letters.channel.${letter.channel}`),
                  },
                  { label: t('letters.field.language'), value: languageName(letter.language, locale) },
                  {
                    label: t('letters.field.attachmentsCount'),
                    value: formatNumber(letter.attachmentsCount),
                  },
                ]}
              />
              {letter.body && (
                <Text size="sm" mt="lg" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
                  {letter.body}
                </Text>
              )}
            </SectionCard>
            <TasksCard ownerType="letter" ownerId={id} />
            <SectionCard title={t('attachments.title')}>
              <AttachmentsPanel ownerType="letter" ownerId={id} />
            </SectionCard>
            <SectionCard title={t('letters.section.thread')}>
              <LetterThread id={id} />
            </SectionCard>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            <SectionCard title={t('letters.section.followUp')}>
              <Stack gap="xs">
                <Text size="sm">
                  {letter.needsReply ? t('letters.field.needsReply') : t('letters.state.none')}
                </Text>
                {letter.followUpDate && (
                  <Text size="sm" c={isOverdue(letter, today) ? 'red' : undefined}>
                    {t('letters.followUp.due', { date: date(letter.followUpDate, 'weekday') })}
                  </Text>
                )}
                {letter.closeNote && (
                  <Text size="sm" c="dimmed" dir="auto">
                    {letter.closeNote}
                  </Text>
                )}
              </Stack>
            </SectionCard>
            <SectionCard title={t('letters.section.referrals')}>
              {letter.referrals.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('letters.referrals.none')}
                </Text>
              ) : (
                <Stack gap="sm" data-testid="letter-referrals">
                  {[...letter.referrals].reverse().map((r) => (
                    <Stack gap={2} key={r.id}>
                      <Text size="sm" fw={500}>
                        {t('letters.referral.line', {
                          by: byLogin(r.referredBy),
                          to: name({ nameFa: r.toUserName, nameEn: r.toUserNameEn }),
                        })}
                      </Text>
                      {r.instruction && (
                        <Text size="sm" dir="auto">
                          {r.instruction}
                        </Text>
                      )}
                      <Text size="xs" c="dimmed">
                        {dateTime(r.referredAt)}
                        {r.dueDate
                          ? ` · ${t('letters.followUp.due', { date: date(r.dueDate, 'short') })}`
                          : ''}
                      </Text>
                    </Stack>
                  ))}
                </Stack>
              )}
            </SectionCard>
            <SectionCard title={t('letters.section.references')}>
              <Stack gap="md">
                {letter.references.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('letters.references.none')}
                  </Text>
                ) : (
                  <LinkedLetters items={letter.references} />
                )}
                {letter.referencedBy.length > 0 && (
                  <Stack gap={4}>
                    <Text size="xs" c="dimmed" fw={500}>
                      {t('letters.referencedBy')}
                    </Text>
                    <LinkedLetters items={letter.referencedBy} />
                  </Stack>
                )}
              </Stack>
            </SectionCard>
            <SectionCard title={t('letters.section.copies')}>
              {letter.copies.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('letters.copies.none')}
                </Text>
              ) : (
                <Stack gap={4}>
                  {letter.copies.map((copy, index) => (
                    <Text size="sm" key={index}>
                      <bdi dir="auto">{partyName(copy, name, dir)}</bdi> —{' '}
                      {t(`letters.copy.purpose.${copy.purpose}`)}
                    </Text>
                  ))}
                </Stack>
              )}
            </SectionCard>
            <SectionCard title={t('letters.section.history')}>
              <HistoryTimeline entity="letter" entityId={id} />
            </SectionCard>
          </Stack>
        </Grid.Col>
      </Grid>
      {referring && <ReferDialog letter={letter} onClose={() => setReferring(false)} />}
      <ConfirmDialog
        opened={closing}
        title={t('letters.close.title')}
        body={t('letters.close.body')}
        confirmLabel={t('letters.action.close')}
        pending={pending}
        onConfirm={() => void closeFollowUp()}
        onClose={() => setClosing(false)}
      >
        <Textarea
          label={t('letters.close.note')}
          dir="auto"
          value={closeNote}
          onChange={(event) => setCloseNote(event.currentTarget.value)}
        />
      </ConfirmDialog>
    </Stack>
  );
}
