/**
 * The desk file cannot be opened: says so plainly, names the file, and lists the verified
 * backups to restore from, each after a confirmation. Nothing else of the program runs.
 */
import {
  Alert,
  Button,
  Card,
  Code,
  Container,
  Group,
  Progress,
  Stack,
  Table,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import type { DamagedDesk } from '../../../../shared/api/backup.contract';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { isMessageKey, useI18n } from '../../i18n/locale';
import { call } from '../../lib/api';
import { notifyFailure } from '../../lib/notify';
import { StartupHeader } from './StartupHeader';
import { TechnicalDetails } from './TechnicalDetails';

type Backup = DamagedDesk['backups'][number];

export function DamagedDeskPage({ status }: { status: DamagedDesk }) {
  const { t, dateTime } = useI18n();
  const [chosen, setChosen] = useState<Backup | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [keptIn, setKeptIn] = useState<string | null | undefined>(undefined);
  const kindLabel = (kind: string) => {
    const key = `upkeep.backup.kind.${kind}`;
    return isMessageKey(key) ? t(key) : kind;
  };

  const restore = async (backup: Backup) => {
    setRestoring(true);
    try {
      const result = await call('backup.restoreDamaged', { id: backup.id });
      setKeptIn(result.damagedKeptIn);
      setChosen(null);
    } catch (error) {
      notifyFailure(error, t);
      setRestoring(false);
    }
  };

  return (
    <Container size="md" py="xl">
      <StartupHeader />
      <Stack gap="lg" component="main">
        <Card data-testid="damaged-desk">
          <Stack gap="md">
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <ThemeIcon color="red" variant="light" size={40} radius="xl" aria-hidden>
                <IconAlertTriangle size={24} />
              </ThemeIcon>
              <Title order={1} fz="h3">
                {t('recovery.title')}
              </Title>
            </Group>
            <Text>{t('recovery.body')}</Text>
            <div>
              <Text size="sm" c="dimmed">
                {t('recovery.file')}
              </Text>
              <Code block dir="ltr" data-testid="damaged-file">
                {status.file}
              </Code>
            </div>
            {status.reason && <TechnicalDetails label={t('recovery.details')} text={status.reason} />}
          </Stack>
        </Card>

        {keptIn !== undefined ? (
          <Alert color="teal" title={t('recovery.restored')} data-testid="damaged-restored">
            {keptIn && (
              <Stack gap={4}>
                <Text size="sm">{t('recovery.restored.kept')}</Text>
                <Code block dir="ltr">
                  {keptIn}
                </Code>
              </Stack>
            )}
          </Alert>
        ) : status.backups.length === 0 ? (
          <Alert color="orange" title={t('recovery.none.title')} data-testid="damaged-no-backups">
            {t('recovery.none.body')}
          </Alert>
        ) : (
          <Card component="section" aria-label={t('recovery.backups')}>
            <Title order={2} fz="h5" mb="md">
              {t('recovery.backups')}
            </Title>
            {restoring && (
              <Stack gap={4} mb="md">
                <Text size="sm">{t('recovery.restoring')}</Text>
                <Progress value={100} animated aria-label={t('recovery.restoring')} />
              </Stack>
            )}
            <Table.ScrollContainer minWidth={560}>
              <Table data-testid="damaged-backups">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('recovery.backup.when')}</Table.Th>
                    <Table.Th>{t('recovery.backup.kind')}</Table.Th>
                    <Table.Th>{t('recovery.backup.location')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {status.backups.map((backup) => (
                    <Table.Tr key={backup.id}>
                      <Table.Td>{dateTime(backup.createdAt)}</Table.Td>
                      <Table.Td>{kindLabel(backup.kind)}</Table.Td>
                      <Table.Td>
                        <Text size="xs" c="dimmed" dir="ltr" style={{ overflowWrap: 'anywhere' }}>
                          {backup.location}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Button
                          size="xs"
                          leftSection={<IconRestore size={14} aria-hidden />}
                          disabled={restoring}
                          aria-label={t('recovery.restore.label', { date: dateTime(backup.createdAt) })}
                          onClick={() => setChosen(backup)}
                        >
                          {t('recovery.restore')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
        )}
      </Stack>
      <ConfirmDialog
        opened={chosen !== null}
        title={chosen ? t('recovery.confirm.title', { date: dateTime(chosen.createdAt) }) : ''}
        body={t('recovery.confirm.body')}
        confirmLabel={t('recovery.restore')}
        pending={restoring}
        onConfirm={() => chosen && void restore(chosen)}
        onClose={() => !restoring && setChosen(null)}
      />
    </Container>
  );
}
