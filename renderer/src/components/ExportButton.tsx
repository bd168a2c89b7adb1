/** "Export to Word" for one record, in Persian or English, through the save dialog. */
import { Button, Menu, Stack } from '@mantine/core';
import { IconFileTypeDocx } from '@tabler/icons-react';
import type { DocumentKind } from '../../../shared/api/documents.contract';
import { useI18n } from '../i18n/locale';
import { isolated } from '../i18n/translate';
import { notifyDone, notifyFailure } from '../lib/notify';
import { useTask } from '../lib/task';
import { TaskProgress } from './TaskProgress';

export function ExportButton({ kind, id }: { kind: Exclude<DocumentKind, 'activityReport'>; id: string }) {
  const { t, locale } = useI18n();
  const task = useTask('documents.export');
  const run = async (language: 'fa' | 'en') => {
    try {
      const result = await task.run({ kind, id, language });
      notifyDone(
        result.cancelled || !result.path
          ? t('documents.cancelled')
          : t('documents.exported', { path: isolated(result.path) }),
      );
    } catch (error) {
      notifyFailure(error, t);
    }
  };
  return (
    <Stack gap={4}>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            leftSection={<IconFileTypeDocx size={18} aria-hidden />}
            loading={task.running}
            data-testid="export-word"
          >
            {t('documents.export')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {(locale === 'fa' ? (['fa', 'en'] as const) : (['en', 'fa'] as const)).map((language) => (
            <Menu.Item key={language} onClick={() => void run(language)}>
              {t(`documents.export.${language}`)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <TaskProgress running={task.running} progress={task.progress} />
    </Stack>
  );
}
