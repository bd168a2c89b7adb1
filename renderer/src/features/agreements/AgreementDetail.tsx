/**
 * One agreement: its parties and signing details, the term with expiry and reminder in the
 * user's calendar, the status with the next steps the workflow allows, and the text,
 * versions and compare in tabs.
 */
import { Alert, Badge, Button, Group, Stack, Tabs, Text, Textarea, Timeline } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useState } from 'react';
import type { Agreement, AgreementStatus } from '../../../../shared/api/agreements.contract';
import { navigate, replaceRoute, type Route } from '../../app/routes';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { hasMethod } from '../../app/sections';
import { EmptyHint } from '../../components/EmptyHint';
import { ExportButton } from '../../components/ExportButton';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Facts } from '../../components/Facts';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { SectionCard } from '../../components/SectionCard';
import { useI18n } from '../../i18n/locale';
import { ApiError } from '../../lib/api';
import { languageName } from '../../lib/languages';
import { notifyDone, notifyFailure } from '../../lib/notify';
import { useMutation, useQuery } from '../../lib/query';
import { STATUS_COLORS } from './agreement-view';
import { SigningDialog } from './SigningDialog';
import { ClauseEditor } from './ClauseEditor';
import { VersionCompare } from './VersionCompare';
import { TasksCard } from '../tasks/TasksCard';

function TransitionDialog({
  agreement,
  to,
  onClose,
  onDone,
}: {
  agreement: Agreement;
  to: AgreementStatus | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const [conflict, setConflict] = useState(false);
  const transition = useMutation('agreements.transition');
  const close = () => {
    setNote('');
    setConflict(false);
    onClose();
  };
  return (
    <ConfirmDialog
      opened={to !== null}
      title={t('agreements.transition.title')}
      body={
        to
          ? t('agreements.transition.body', {
              title: agreement.title,
              from: t(`agreements.status.${agreement.status}`),
              to: t(`agreements.status.${to}`),
            })
          : ''
      }
      confirmLabel={t('action.confirm')}
      pending={transition.pending}
      onClose={close}
      onConfirm={async () => {
        if (!to) return;
        try {
          await transition.run({ id: agreement.id, to, note: note.trim() || null });
          notifyDone(t('agreements.transition.done', { status: t(`agreements.status.${to}`) }));
          onDone();
          close();
        } catch (error) {
          if (error instanceof ApiError && error.code === 'CONFLICT') {
            setConflict(true);
            onDone();
          } else notifyFailure(error, t);
        }
      }}
    >
      <Textarea
        label={t('agreements.transition.note')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        dir="auto"
        autosize
        minRows={2}
      />
      {conflict && (
        <Alert color="orange" role="alert" data-testid="transition-conflict">
          {t('agreements.transition.conflict')}
        </Alert>
      )}
    </ConfirmDialog>
  );
}

function SaveVersion({ agreement, onSaved }: { agreement: Agreement; onSaved: (n: number) => void }) {
  const { t } = useI18n();
  const [opened, setOpened] = useState(false);
  const [note, setNote] = useState('');
  const save = useMutation('agreements.saveVersion');
  return (
    <>
      <Button
        leftSection={<IconDeviceFloppy size={18} aria-hidden />}
        variant="light"
        onClick={() => setOpened(true)}
        data-testid="version-save"
      >
        {t('agreements.version.save')}
      </Button>
      <ConfirmDialog
        opened={opened}
        title={t('agreements.version.save')}
        body={t('agreements.version.note.hint')}
        confirmLabel={t('action.save')}
        pending={save.pending}
        onClose={() => setOpened(false)}
        onConfirm={async () => {
          try {
            const version = await save.run({ id: agreement.id, note: note.trim() || null });
            notifyDone(t('agreements.version.saved', { n: version.number }));
            setOpened(false);
            setNote('');
            onSaved(version.number);
          } catch (error) {
            notifyFailure(error, t);
          }
        }}
      >
        <Textarea
          label={t('agreements.version.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          dir="auto"
          autosize
          minRows={2}
          data-testid="version-note"
        />
      </ConfirmDialog>
    </>
  );
}

export function AgreementDetail({ route }: { route: Route }) {
  const i18n = useI18n();
  const { t, date, name, locale, number, dateTime } = i18n;
  const id = route.id ?? '';
  const query = useQuery('agreements.get', { id }, { entities: ['agreement'] });
  const versions = useQuery('agreements.versions', { id }, { entities: ['agreement'] });
  const [to, setTo] = useState<AgreementStatus | null>(null);
  const [signing, setSigning] = useState(false);
  const params = route.params ?? {};
  const tab = params.tab ?? 'text';
  const setParams = (change: Record<string, string | null>) => {
    const next = { ...params };
    for (const [key, value] of Object.entries(change)) {
      if (value) next[key] = value;
      else delete next[key];
    }
    replaceRoute({ section: 'agreements', id, params: next });
  };
  const refresh = () => {
    query.refresh();
    versions.refresh();
  };

  if (query.error) return <ErrorNotice error={query.error} onRetry={query.refresh} />;
  const agreement = query.data ?? query.previous;
  if (!agreement || agreement.id !== id) return <Loading />;
  const list = versions.data ?? [];
  const separator = locale === 'fa' ? '، ' : ', ';
  const open = agreement.status !== 'expired' && agreement.status !== 'terminated';

  return (
    <Stack gap="lg">
      <PageHeader
        title={<bdi dir="auto">{agreement.title}</bdi>}
        subtitle={t(`agreements.kind.${agreement.kind}`)}
        actions={
          <>
            <Button variant="default" onClick={() => navigate({ section: 'agreements' })}>
              {t('action.back')}
            </Button>
            {hasMethod('documents.export') && <ExportButton kind="agreement" id={agreement.id} />}
          </>
        }
      />
      <SectionCard
        title={t('agreements.status')}
        actions={
          <Badge
            size="lg"
            variant="light"
            color={STATUS_COLORS[agreement.status]}
            data-testid="agreement-status"
          >
            {t(`agreements.status.${agreement.status}`)}
          </Badge>
        }
      >
        <Stack gap="md">
          {(agreement.nextStatuses.length > 0 || open) && (
            <Group gap="sm">
              {agreement.nextStatuses.map((next, index) => (
                <Button
                  key={next}
                  variant={index === 0 ? 'filled' : 'default'}
                  onClick={() => setTo(next)}
                  data-testid={`transition-${next}`}
                >
                  {t('agreements.transition.to', { status: t(`agreements.status.${next}`) })}
                </Button>
              ))}
              {open && (
                <Button variant="light" onClick={() => setSigning(true)} data-testid="signing-edit">
                  {t('agreements.signing.edit')}
                </Button>
              )}
            </Group>
          )}
          <Facts
            cols={4}
            facts={[
              {
                label: t('agreements.field.parties'),
                value: (
                  <Stack gap={4} component="span">
                    {agreement.parties.map((p) => (
                      <span key={p.partnerId}>
                        <bdi dir="auto">{name(p)}</bdi>
                        {p.own && (
                          <Text span c="dimmed" size="xs">
                            {' '}
                            ({t('agreements.own')})
                          </Text>
                        )}
                        {p.signatoryName && (
                          <Text span c="dimmed" size="xs" display="block">
                            <bdi dir="auto">
                              {p.signatoryName}
                              {p.signatoryPosition ? ` — ${p.signatoryPosition}` : ''}
                            </bdi>
                          </Text>
                        )}
                      </span>
                    ))}
                  </Stack>
                ),
              },
              {
                label: t('agreements.field.languages'),
                value: agreement.languages.map((l) => languageName(l, locale)).join(separator),
              },
              {
                label: t('agreements.field.signedPlace'),
                value: agreement.signedPlace ? <bdi dir="auto">{agreement.signedPlace}</bdi> : '—',
              },
              {
                label: t('agreements.field.signedDate'),
                value: agreement.signedDate ? date(agreement.signedDate) : '—',
              },
              {
                label: t('agreements.field.term'),
                value: agreement.termYears
                  ? t('agreements.field.termYears', { n: agreement.termYears })
                  : '—',
              },
              {
                label: t('agreements.field.expiry'),
                value: agreement.expiryDate ? date(agreement.expiryDate) : '—',
                testId: 'agreement-expiry',
              },
              {
                label: t('agreements.field.reminder'),
                value: agreement.reminderDate ? date(agreement.reminderDate) : '—',
              },
              {
                label: t('agreements.field.version'),
                value: agreement.latestVersion
                  ? t('agreements.version.label', { n: agreement.latestVersion })
                  : '—',
              },
            ]}
          />
        </Stack>
      </SectionCard>

      <Tabs
        value={tab}
        onChange={(value) => setParams({ tab: value === 'text' ? null : value })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="text">{t('agreements.tab.text')}</Tabs.Tab>
          <Tabs.Tab value="versions">
            {t('agreements.tab.versions')} ({number(list.length)})
          </Tabs.Tab>
          <Tabs.Tab value="compare" data-testid="tab-compare">
            {t('agreements.tab.compare')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="text" pt="md">
          <Stack gap="md">
            <Group justify="space-between">
              {agreement.textEditable ? <span /> : <Alert color="blue">{t('agreements.readOnly')}</Alert>}
              <SaveVersion agreement={agreement} onSaved={refresh} />
            </Group>
            <ClauseEditor agreement={agreement} onChanged={refresh} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="versions" pt="md">
          {list.length === 0 ? (
            <EmptyHint
              title={t('agreements.tab.versions')}
              hint={t('agreements.version.empty')}
              action={<SaveVersion agreement={agreement} onSaved={refresh} />}
            />
          ) : (
            <Stack gap="sm">
              {list.map((v) => (
                <SectionCard
                  key={v.number}
                  title={t('agreements.version.label', { n: v.number })}
                  actions={
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => setParams({ tab: 'compare', from: String(v.number), to: null })}
                    >
                      {t('agreements.version.compare')}
                    </Button>
                  }
                >
                  <Group gap="md">
                    <Text size="sm">
                      {t('agreements.version.by', { author: v.author, date: dateTime(v.createdAt) })}
                    </Text>
                    <Badge variant="light" color={STATUS_COLORS[v.status]}>
                      {t(`agreements.status.${v.status}`)}
                    </Badge>
                    {v.completeness
                      .filter((c) => !c.complete)
                      .map((c) => (
                        <Badge key={c.language} color="yellow" variant="outline">
                          {languageName(c.language, locale)}: {t('agreements.missing', { n: c.missing })}
                        </Badge>
                      ))}
                  </Group>
                  {v.note && (
                    <Text size="sm" c="dimmed" mt="xs" dir="auto">
                      {v.note}
                    </Text>
                  )}
                </SectionCard>
              ))}
            </Stack>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="compare" pt="md">
          <VersionCompare
            agreementId={agreement.id}
            versions={list}
            from={params.from ? Number(params.from) : null}
            to={params.to ? Number(params.to) : null}
            onPick={(from, toVersion) =>
              setParams({ from: String(from), to: toVersion === null ? null : String(toVersion) })
            }
          />
        </Tabs.Panel>
      </Tabs>

      <TasksCard ownerType="agreement" ownerId={agreement.id} />

      <SectionCard title={t('agreements.history')}>
        <Timeline bulletSize={12} lineWidth={2}>
          {agreement.transitions.map((tr, index) => (
            <Timeline.Item key={index}>
              <Text size="xs">
                {t('agreements.history.entry', {
                  status: t(`agreements.status.${tr.toStatus}`),
                  actor: tr.actor,
                  date: dateTime(tr.at),
                })}
              </Text>
              {tr.note && (
                <Text size="xs" c="dimmed" dir="auto">
                  {tr.note}
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      </SectionCard>

      <TransitionDialog agreement={agreement} to={to} onClose={() => setTo(null)} onDone={refresh} />
      {signing && (
        <SigningDialog agreement={agreement} opened onClose={() => setSigning(false)} onSaved={refresh} />
      )}
    </Stack>
  );
}
