/**
 * "Export to Excel" on a list page: every row the page's filter finds, in the user's
 * language and calendar, through the save dialog.
 */
import { Button, Stack, Tooltip } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import type { ExportListInput } from '../../../../shared/api/export.contract';
import { TaskProgress } from '../../components/TaskProgress';
import { useI18n } from '../../i18n/locale';
import { isolated } from '../../i18n/translate';
import { notifyDone, notifyFailure } from '../../lib/notify';
import { useTask } from '../../lib/task';

type Target = Pick<ExportListInput, 'list' | 'filter'>;

export function ExportListButton(target: Target) {
  const { t, locale, calendar } = useI18n();
  const task = useTask('export.list');
  const run = async () => {
    try {
      const result = await task.run({ ...target, language: locale, calendar } as ExportListInput);
      notifyDone(
        result.cancelled || !result.path
          ? t('export.cancelled')
          : t('export.done', { rows: result.rows, path: isolated(result.path) }),
      );
    } catch (error) {
      notifyFailure(error, t);
    }
  };
  return (
    <Stack gap={4}>
      <Tooltip label={t('export.excel.hint')} withArrow>
        <Button
          variant="default"
          leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
          loading={task.running}
          onClick={() => void run()}
          data-testid="export-excel"
        >
          {t('export.excel')}
        </Button>
      </Tooltip>
      <TaskProgress running={task.running} progress={task.progress} />
    </Stack>
  );
}
