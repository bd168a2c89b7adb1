/** A progress bar for long work, driven by the core's progress events. */
import { Group, Progress, Stack, Text } from '@mantine/core';
import { isMessageKey, useI18n } from '../i18n/locale';
import type { Progress as ProgressEvent } from '../lib/task';

export function TaskProgress({ running, progress }: { running: boolean; progress: ProgressEvent | null }) {
  const { t } = useI18n();
  if (!running) return null;
  const percent =
    progress && progress.total > 0 ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : 0;
  const phaseKey = progress ? `progress.phase.${progress.phase}` : '';
  return (
    <Stack gap={4} data-testid="task-progress">
      <Group justify="space-between" gap="xs">
        <Text size="xs" c="dimmed">
          {isMessageKey(phaseKey) ? t(phaseKey) : t('progress.label')}
        </Text>
        {progress && progress.total > 0 && (
          <Text size="xs" c="dimmed">
            {t('progress.count', { done: progress.done, total: progress.total })}
          </Text>
        )}
      </Group>
      <Progress
        value={percent}
        animated={percent === 0}
        striped={percent === 0}
        size="md"
        aria-label={t('progress.label')}
        aria-valuenow={percent}
        aria-valuemin={0}
        aria-valuemax={100}
      />
    </Stack>
  );
}
