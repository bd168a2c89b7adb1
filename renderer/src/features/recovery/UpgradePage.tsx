/**
 * The desk is backed up and its structure updated before it opens: says so calmly, shows how
 * far it is on one bar that only moves forward, and asks the user not to close the program.
 * A failed update says the desk was left as it was.
 */
import { Alert, Card, Container, Group, Progress, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconDatabaseCog } from '@tabler/icons-react';
import type { UpgradeProgress } from '../../../../shared/api/system.contract';
import { useI18n, type I18n } from '../../i18n/locale';
import { formatBytes } from '../../lib/bytes';
import { StartupHeader } from './StartupHeader';
import { TechnicalDetails } from './TechnicalDetails';

/** What is happening now, in words. */
function stepText(progress: UpgradeProgress | null, i18n: I18n): string {
  const { t, number } = i18n;
  if (!progress) return t('upgrade.starting');
  const figures = { done: number(progress.done), total: number(progress.total) };
  const bytes = { done: formatBytes(progress.done, i18n), total: formatBytes(progress.total, i18n) };
  switch (progress.phase) {
    case 'backup':
      return progress.unit === 'files' ? t('upgrade.backup.files', figures) : t('upgrade.backup', bytes);
    case 'check':
      return t('upgrade.check', bytes);
    case 'migrate':
    case 'failed': {
      const step = { step: number(progress.step), steps: number(progress.steps) };
      return progress.unit === 'rows' && progress.total > 0
        ? t('upgrade.migrate.rows', { ...step, ...figures })
        : t('upgrade.migrate', step);
    }
  }
}

export function UpgradePage({ progress }: { progress: UpgradeProgress | null }) {
  const i18n = useI18n();
  const { t, number } = i18n;
  const failed = progress?.phase === 'failed';
  const percent = Math.floor((progress?.fraction ?? 0) * 100);
  return (
    <Container size="sm" py="xl">
      <StartupHeader />
      <Stack gap="lg" component="main">
        <Card data-testid="upgrade">
          <Stack gap="md">
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <ThemeIcon variant="light" size={40} radius="xl" aria-hidden>
                <IconDatabaseCog size={24} />
              </ThemeIcon>
              <Title order={1} fz="h3">
                {t('upgrade.title')}
              </Title>
            </Group>
            <Text>{t('upgrade.body')}</Text>
            {!failed && (
              <Stack gap={6}>
                <Group justify="space-between" wrap="nowrap">
                  <Text size="sm" data-testid="upgrade-step" aria-live="polite">
                    {stepText(progress, i18n)}
                  </Text>
                  <Text size="sm" fw={600} data-testid="upgrade-percent">
                    {t('upgrade.percent', { percent: number(percent) })}
                  </Text>
                </Group>
                <Progress
                  value={percent}
                  size="lg"
                  aria-label={t('upgrade.progress')}
                  data-testid="upgrade-bar"
                />
              </Stack>
            )}
          </Stack>
        </Card>
        {failed ? (
          <Alert
            color="red"
            icon={<IconAlertTriangle />}
            title={t('upgrade.failed.title')}
            role="alert"
            data-testid="upgrade-failed"
          >
            <Stack gap="sm">
              <Text size="sm">{t('upgrade.failed.body')}</Text>
              {progress.problem && (
                <TechnicalDetails label={t('upgrade.failed.details')} text={progress.problem} />
              )}
            </Stack>
          </Alert>
        ) : (
          <Alert color="blue" icon={<IconAlertTriangle />} data-testid="upgrade-do-not-close">
            {t('upgrade.doNotClose')}
          </Alert>
        )}
      </Stack>
    </Container>
  );
}
