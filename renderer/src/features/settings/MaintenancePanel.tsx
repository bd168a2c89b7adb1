/** Backups (make, verify, restore), sample data, and the desk's own checks, with progress. */
import { Alert, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconDatabaseExport, IconRestore, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { BackupInfo } from '../../../../shared/api/backup.contract';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { TaskProgress } from '../../components/TaskProgress';
import { useI18n } from '../../i18n/locale';
import { isolated } from '../../i18n/translate';
import { call } from '../../lib/api';
import { formatBytes } from '../../lib/bytes';
import { notifyDone, notifyFailure } from '../../lib/notify';
import { useQuery } from '../../lib/query';
import { useTask } from '../../lib/task';

const STATUS_COLORS = { verified: 'teal', unverified: 'gray', failed: 'red' } as const;

function Backups() {
  const i18n = useI18n();
  const { t, dateTime } = i18n;
  const backups = useQuery('backup.list', {}, { entities: ['backup'] });
  const create = useTask('backup.create');
  const verify = useTask('backup.verify');
  const restore = useTask('backup.restore');
  const [restoring, setRestoring] = useState<BackupInfo | 'folder' | null>(null);
  const busy = create.running || verify.running || restore.running;
  // Both buttons make a backup; the one the user pressed is the one that spins.
  const [toFolder, setToFolder] = useState(false);

  const make = async (copyToChosenFolder: boolean) => {
    setToFolder(copyToChosenFolder);
    try {
      const made = await create.run({ copyToChosenFolder });
      // A backup is kept as soon as it is written; its verification follows in the background.
      notifyDone(
        made.copiedTo
          ? t('upkeep.backup.copied', { path: isolated(made.copiedTo) })
          : made.backup.status === 'verified'
            ? t('upkeep.backup.created')
            : t('upkeep.backup.createdVerifying'),
      );
      backups.refresh();
    } catch (error) {
      notifyFailure(error, t);
    }
  };
  const check = async (backup: BackupInfo) => {
    try {
      const checked = await verify.run({ id: backup.id });
      if (checked.status === 'verified') notifyDone(t('upkeep.backup.verified'));
      else notifyFailure(new Error(checked.problems.join('; ')), t);
      backups.refresh();
    } catch (error) {
      notifyFailure(error, t);
    }
  };
  const bringBack = async () => {
    if (!restoring) return;
    try {
      await restore.run(restoring === 'folder' ? { chooseFolder: true } : { id: restoring.id });
      notifyDone(t('upkeep.backup.restored'));
      setRestoring(null);
      // Everything on screen came from the desk as it was; read it all again.
      window.location.reload();
    } catch (error) {
      setRestoring(null);
      notifyFailure(error, t);
    }
  };

  const list = backups.data ?? backups.previous;
  return (
    <Card component="section" aria-label={t('upkeep.backups')}>
      <Group justify="space-between" mb="md">
        <Title order={2} fz="h5">
          {t('upkeep.backups')}
        </Title>
        <Group gap="xs">
          <Button
            size="xs"
            leftSection={<IconDatabaseExport size={16} aria-hidden />}
            loading={create.running && !toFolder}
            disabled={busy}
            onClick={() => void make(false)}
            data-testid="backup-create"
          >
            {t('upkeep.backup.create')}
          </Button>
          <Button
            size="xs"
            variant="light"
            loading={create.running && toFolder}
            disabled={busy}
            onClick={() => void make(true)}
            data-testid="backup-create-to-folder"
          >
            {t('upkeep.backup.createToFolder')}
          </Button>
          <Button size="xs" variant="subtle" disabled={busy} onClick={() => setRestoring('folder')}>
            {t('upkeep.backup.restoreFromFolder')}
          </Button>
        </Group>
      </Group>
      <Stack gap="sm">
        <TaskProgress running={create.running} progress={create.progress} />
        <TaskProgress running={verify.running} progress={verify.progress} />
        <TaskProgress running={restore.running} progress={restore.progress} />
        {backups.error ? (
          <ErrorNotice error={backups.error} onRetry={backups.refresh} />
        ) : !list ? (
          <Loading />
        ) : list.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('upkeep.backup.none')}
          </Text>
        ) : (
          <Table verticalSpacing="xs" data-testid="backups-table">
            <Table.Tbody>
              {list.map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Td>
                    <Text size="sm">{dateTime(b.createdAt)}</Text>
                    <Text size="xs" c="dimmed">
                      {t('upkeep.backup.meta', {
                        records: b.records,
                        files: b.attachmentFiles,
                        size: formatBytes(b.sizeBytes, i18n),
                      })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color="gray" size="sm">
                      {t(`upkeep.backup.kind.${b.kind}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      variant="light"
                      color={STATUS_COLORS[b.status]}
                      size="sm"
                      title={b.problems.join('; ') || undefined}
                      data-testid={`backup-status-${b.status}`}
                    >
                      {t(`upkeep.backup.status.${b.status}`)}
                    </Badge>
                    {b.status === 'failed' && b.problems[0] ? (
                      <Text size="xs" c="red" maw={260} lineClamp={2}>
                        {b.problems[0]}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="subtle"
                        leftSection={<IconShieldCheck size={14} aria-hidden />}
                        disabled={busy}
                        onClick={() => void check(b)}
                      >
                        {t('upkeep.backup.verify')}
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="orange"
                        leftSection={<IconRestore size={14} aria-hidden />}
                        disabled={busy || b.status === 'failed'}
                        onClick={() => setRestoring(b)}
                      >
                        {t('upkeep.backup.restore')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <ConfirmDialog
        opened={restoring !== null}
        title={t('upkeep.backup.restore.title')}
        body={[
          t('upkeep.backup.restore.body', {
            date: restoring && restoring !== 'folder' ? dateTime(restoring.createdAt) : '…',
          }),
          restoring && restoring !== 'folder' && restoring.status !== 'verified'
            ? t('upkeep.backup.restore.unverified')
            : '',
        ]
          .filter(Boolean)
          .join(' ')}
        confirmLabel={t('upkeep.backup.restore')}
        danger
        pending={restore.running}
        onConfirm={() => void bringBack()}
        onClose={() => setRestoring(null)}
      />
    </Card>
  );
}

function Checks() {
  const { t } = useI18n();
  const sample = useTask('sample.load');
  const reindex = useTask('search.reindex');
  const attachments = useTask('attachments.verify');
  const [auditResult, setAuditResult] = useState<string | null>(null);

  const attempt = async (work: () => Promise<string>) => {
    try {
      notifyDone(await work());
    } catch (error) {
      notifyFailure(error, t);
    }
  };
  return (
    <Card component="section" aria-label={t('upkeep.checks')}>
      <Title order={2} fz="h5" mb="md">
        {t('upkeep.checks')}
      </Title>
      <Stack gap="md">
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            {t('upkeep.sample')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('upkeep.sample.hint')}
          </Text>
          <Group>
            <Button
              size="xs"
              variant="light"
              loading={sample.running}
              data-testid="sample-load"
              onClick={() =>
                void attempt(async () => {
                  const result = await sample.run({});
                  if (result.loaded) return t('upkeep.sample.loaded');
                  return result.reason === 'already_loaded'
                    ? t('upkeep.sample.already')
                    : t('upkeep.sample.notEmpty');
                })
              }
            >
              {t('upkeep.sample.load')}
            </Button>
          </Group>
          <TaskProgress running={sample.running} progress={sample.progress} />
        </Stack>
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            onClick={() =>
              void attempt(async () => {
                const result = await call('audit.verify', {});
                const message = result.ok
                  ? t('upkeep.audit.ok', { n: result.checked })
                  : t('upkeep.audit.bad', { seq: result.firstBadSeq ?? 0 });
                setAuditResult(message);
                return message;
              })
            }
          >
            {t('upkeep.audit.verify')}
          </Button>
          <Button
            size="xs"
            variant="default"
            loading={reindex.running}
            onClick={() =>
              void attempt(async () => t('upkeep.reindexed', { n: (await reindex.run({})).indexed }))
            }
          >
            {t('upkeep.reindex')}
          </Button>
          <Button
            size="xs"
            variant="default"
            loading={attachments.running}
            onClick={() =>
              void attempt(async () => {
                const result = await attachments.run({});
                return result.ok
                  ? t('upkeep.attachments.ok', { n: result.checkedFiles })
                  : t('upkeep.attachments.bad', {
                      missing: result.missing.length,
                      damaged: result.mismatched.length,
                    });
              })
            }
          >
            {t('upkeep.attachments.verify')}
          </Button>
        </Group>
        <TaskProgress running={reindex.running} progress={reindex.progress} />
        <TaskProgress running={attachments.running} progress={attachments.progress} />
        {auditResult && <Alert variant="light">{auditResult}</Alert>}
      </Stack>
    </Card>
  );
}

export function MaintenancePanel() {
  return (
    <Stack gap="lg">
      <Backups />
      <Checks />
    </Stack>
  );
}
