/** Documents: the activity report of a solar quarter or year, and where the other Word files are made. */
import { Button, Card, Group, List, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { IconFileTypeDocx } from '@tabler/icons-react';
import { useState } from 'react';
import { jalaliYearOf } from '../../../../shared/dates/jalali';
import type { PageProps } from '../../app/pages';
import { useSession } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { TaskProgress } from '../../components/TaskProgress';
import { useI18n } from '../../i18n/locale';
import { isolated } from '../../i18n/translate';
import { notifyDone, notifyFailure } from '../../lib/notify';
import { useTask } from '../../lib/task';

export function DocumentsPage(_props: PageProps) {
  const { t, locale, digits } = useI18n();
  const { today } = useSession();
  const [year, setYear] = useState(jalaliYearOf(today));
  const [quarter, setQuarter] = useState<string>('all');
  const [language, setLanguage] = useState<'fa' | 'en'>(locale);
  const task = useTask('documents.export');

  const make = async () => {
    try {
      const period = quarter === 'all' ? { year } : { year, quarter: Number(quarter) };
      const result = await task.run({ kind: 'activityReport', period, language });
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
    <Stack gap="lg">
      <PageHeader title={t('documents.title')} subtitle={t('documents.subtitle')} />
      <Card component="section" aria-label={t('documents.report.title')} maw={760}>
        <Title order={2} fz="h5" mb={4}>
          {t('documents.report.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          {t('documents.report.hint')}
        </Text>
        <Group align="flex-end" gap="md" wrap="wrap">
          <Select
            label={t('documents.report.year')}
            allowDeselect={false}
            value={String(year)}
            onChange={(v) => v && setYear(Number(v))}
            data={Array.from({ length: 8 }, (_, i) => jalaliYearOf(today) + 1 - i).map((y) => ({
              value: String(y),
              label: digits(String(y)),
            }))}
            w={120}
            data-testid="report-year"
          />
          <Select
            label={t('documents.report.quarter')}
            allowDeselect={false}
            value={quarter}
            onChange={(v) => v && setQuarter(v)}
            data={[
              { value: 'all', label: t('documents.report.wholeYear') },
              ...[1, 2, 3, 4].map((q) => ({
                value: String(q),
                label: t(`documents.report.quarter.${q as 1 | 2 | 3 | 4}`),
              })),
            ]}
            w={240}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="report-language">
              {t('documents.report.language')}
            </Text>
            <SegmentedControl
              aria-labelledby="report-language"
              value={language}
              onChange={(v) => setLanguage(v as 'fa' | 'en')}
              data={[
                { value: 'fa', label: t('header.language.fa') },
                { value: 'en', label: t('header.language.en') },
              ]}
            />
          </Stack>
          <Button
            leftSection={<IconFileTypeDocx size={18} aria-hidden />}
            loading={task.running}
            onClick={() => void make()}
            data-testid="report-make"
          >
            {t('documents.report.make')}
          </Button>
        </Group>
        <TaskProgress running={task.running} progress={task.progress} />
      </Card>
      <Card component="section" aria-label={t('documents.others.title')} maw={760}>
        <Title order={2} fz="h5" mb="sm">
          {t('documents.others.title')}
        </Title>
        <List size="sm" spacing="xs">
          <List.Item>{t('documents.others.letter')}</List.Item>
          <List.Item>{t('documents.others.partner')}</List.Item>
          <List.Item>{t('documents.others.agreement')}</List.Item>
          <List.Item>{t('documents.others.event')}</List.Item>
        </List>
      </Card>
    </Stack>
  );
}
