/**
 * The import wizard: choose what the file holds and the file (through the open dialog),
 * check the sheet, the columns and the rows that will be refused, choose what happens to
 * bad rows, run it with a progress bar and a stop button, and read the report.
 */
import { Alert, Button, Group, Paper, Radio, SegmentedControl, Stack, Stepper, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import type {
  ImportMode,
  ImportPreview,
  ImportReport,
  ImportTarget,
} from '../../../../shared/api/import.contract';
import { formatNumber } from '../../../../shared/text/digits';
import { PageHeader } from '../../components/PageHeader';
import { TaskProgress } from '../../components/TaskProgress';
import { isMessageKey, useI18n } from '../../i18n/locale';
import { navigate } from '../../app/routes';
import { call, toApiError, type ApiError } from '../../lib/api';
import { useTask } from '../../lib/task';
import { ImportColumns, type ImportOptions } from './ImportColumns';
import { ImportProblems } from './ImportProblems';

const TARGETS: readonly ImportTarget[] = ['partners', 'contacts', 'letters'];
const SECTION_OF = { partners: 'partners', contacts: 'partners', letters: 'correspondence' } as const;

function FileError({ error }: { error: ApiError }) {
  const { t, locale } = useI18n();
  const key = `import.error.${error.code}`;
  return (
    <Alert
      color="red"
      icon={<IconAlertTriangle aria-hidden />}
      title={t('errors.title')}
      data-testid="import-error"
    >
      {isMessageKey(key) ? t(key) : t(`errors.${error.code}`)}
      {locale === 'en' && (
        <Text size="xs" mt={4}>
          {error.message}
        </Text>
      )}
    </Alert>
  );
}

export function ImportPage() {
  const { t, locale } = useI18n();
  const [step, setStep] = useState(0);
  const [target, setTarget] = useState<ImportTarget>('letters');
  const [options, setOptions] = useState<ImportOptions>({ calendar: 'auto', encoding: 'auto' });
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [mode, setMode] = useState<ImportMode>('all-or-nothing');
  const [report, setReport] = useState<ImportReport | null>(null);
  const [runId, setRunId] = useState<string | null>(null);
  const reading = useTask('import.preview');
  const running = useTask('import.run');

  const load = async (next: { target: ImportTarget; options: ImportOptions; path?: string }) => {
    setError(null);
    try {
      const result = await reading.run({
        target: next.target,
        calendar: next.options.calendar,
        encoding: next.options.encoding,
        ...(next.path !== undefined && { path: next.path }),
        ...(next.options.sheet !== undefined && { sheet: next.options.sheet }),
        ...(next.options.mapping !== undefined && { mapping: next.options.mapping }),
      });
      if (result.preview) {
        setPreview(result.preview);
        setStep((s) => Math.max(s, 1));
      }
    } catch (caught) {
      setError(toApiError(caught));
    }
  };

  const changeTarget = (value: string) => {
    const next = value as ImportTarget;
    setTarget(next);
    const fresh = { calendar: options.calendar, encoding: options.encoding };
    setOptions(fresh);
    if (preview) void load({ target: next, options: fresh, path: preview.path });
  };

  const changeOptions = (next: ImportOptions) => {
    setOptions(next);
    if (preview) void load({ target, options: next, path: preview.path });
  };

  const run = async () => {
    if (!preview) return;
    const id = crypto.randomUUID();
    setRunId(id);
    setError(null);
    try {
      const result = await running.run({
        path: preview.path,
        target,
        mapping: preview.mapping,
        mode,
        calendar: options.calendar,
        encoding: options.encoding,
        sheet: preview.sheet,
        runId: id,
      });
      setReport(result);
      setStep(3);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setRunId(null);
    }
  };

  const restart = () => {
    setPreview(null);
    setReport(null);
    setOptions({ calendar: 'auto', encoding: 'auto' });
    setStep(0);
  };

  const missing = preview?.fields.filter((f) => f.required && preview.mapping[f.key] === undefined) ?? [];

  return (
    <Stack gap="md">
      <PageHeader title={t('import.title')} subtitle={t('import.subtitle')} />
      <Stepper active={step} onStepClick={(s) => s < step && step < 3 && setStep(s)} size="sm">
        <Stepper.Step label={t('import.step.file')}>
          <Paper withBorder p="lg">
            <Stack gap="md">
              <Stack gap={6}>
                <Text fw={600}>{t('import.target')}</Text>
                <SegmentedControl
                  value={target}
                  onChange={changeTarget}
                  data={TARGETS.map((v) => ({ value: v, label: t(`import.target.${v}`) }))}
                  data-testid="import-target"
                  w="fit-content"
                />
                <Text size="sm" c="dimmed">
                  {t(`import.target.hint.${target}`)}
                </Text>
              </Stack>
              <Group gap="md">
                <Button
                  leftSection={<IconFileImport size={18} aria-hidden />}
                  onClick={() =>
                    void load({ target, options: { calendar: options.calendar, encoding: options.encoding } })
                  }
                  loading={reading.running}
                  data-testid="import-choose"
                >
                  {preview ? t('import.chooseAgain') : t('import.choose')}
                </Button>
                {preview && (
                  <Button variant="light" onClick={() => setStep(1)}>
                    {t('import.next')}
                  </Button>
                )}
              </Group>
              <Text size="xs" c="dimmed">
                {t('import.formats')}
              </Text>
              <TaskProgress running={reading.running} progress={reading.progress} />
              {error && <FileError error={error} />}
            </Stack>
          </Paper>
        </Stepper.Step>

        <Stepper.Step label={t('import.step.columns')}>
          {preview && (
            <Stack gap="md">
              <Group gap="xs">
                <Text fw={600}>
                  <bdi dir="auto">{t('import.file', { name: preview.fileName })}</bdi>
                </Text>
                <Text size="sm" c="dimmed">
                  {preview.format === 'csv'
                    ? t('import.file.csv', {
                        encoding: preview.encoding ?? '',
                        separator:
                          preview.separator === '\t' ? t('import.separator.tab') : (preview.separator ?? ''),
                      })
                    : t('import.file.xlsx')}
                </Text>
              </Group>
              <TaskProgress running={reading.running} progress={reading.progress} />
              {error && <FileError error={error} />}
              <ImportColumns preview={preview} options={options} onChange={changeOptions} />
              <Group justify="space-between">
                <Button variant="default" onClick={() => setStep(0)}>
                  {t('import.back')}
                </Button>
                <Button
                  onClick={() => setStep(2)}
                  disabled={missing.length > 0 || reading.running}
                  data-testid="import-next"
                >
                  {t('import.next')}
                </Button>
              </Group>
            </Stack>
          )}
        </Stepper.Step>

        <Stepper.Step label={t('import.step.run')}>
          {preview && (
            <Paper withBorder p="lg">
              <Stack gap="md">
                <Text fw={600}>
                  {t('import.counts', {
                    rows: formatNumber(preview.rows, locale),
                    valid: formatNumber(preview.valid, locale),
                    refused: formatNumber(preview.refusedRows, locale),
                  })}
                </Text>
                <Radio.Group
                  label={t('import.mode')}
                  value={mode}
                  onChange={(value) => setMode(value as ImportMode)}
                  data-testid="import-mode"
                >
                  <Stack gap="xs" mt="xs">
                    <Radio value="all-or-nothing" label={t('import.mode.all-or-nothing')} />
                    <Radio value="skip-bad" label={t('import.mode.skip-bad')} />
                  </Stack>
                </Radio.Group>
                <TaskProgress running={running.running} progress={running.progress} />
                {error && <FileError error={error} />}
                <Group justify="space-between">
                  <Button variant="default" onClick={() => setStep(1)} disabled={running.running}>
                    {t('import.back')}
                  </Button>
                  <Group gap="sm">
                    {running.running && runId && (
                      <Button
                        color="red"
                        variant="light"
                        onClick={() => void call('import.cancel', { runId })}
                        data-testid="import-cancel"
                      >
                        {t('import.cancel')}
                      </Button>
                    )}
                    <Button onClick={() => void run()} loading={running.running} data-testid="import-run">
                      {t('import.run')}
                    </Button>
                  </Group>
                </Group>
              </Stack>
            </Paper>
          )}
        </Stepper.Step>

        <Stepper.Completed>
          {report && (
            <Stack gap="md" data-testid="import-report">
              <Alert
                color={report.imported > 0 ? 'teal' : 'orange'}
                icon={
                  report.imported > 0 ? <IconCircleCheck aria-hidden /> : <IconAlertTriangle aria-hidden />
                }
                title={
                  report.cancelled
                    ? t('import.report.cancelled')
                    : report.imported > 0
                      ? t('import.report.done', { n: formatNumber(report.imported, locale) })
                      : t('import.report.none')
                }
              >
                {report.refusedRows > 0 && (
                  <Text size="sm">
                    {t('import.report.refused', { n: formatNumber(report.refusedRows, locale) })}
                  </Text>
                )}
                {report.imported > 0 && <Text size="sm">{t('import.report.audit')}</Text>}
              </Alert>
              {report.problemsTotal > 0 && (
                <ImportProblems problems={report.problems} total={report.problemsTotal} />
              )}
              <Group gap="sm">
                <Button onClick={restart}>{t('import.again')}</Button>
                <Button variant="light" onClick={() => navigate({ section: SECTION_OF[report.target] })}>
                  {t('import.open')}
                </Button>
              </Group>
            </Stack>
          )}
        </Stepper.Completed>
      </Stepper>
    </Stack>
  );
}
