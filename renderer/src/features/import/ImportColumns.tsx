/**
 * The second step of an import: the sheet, the calendar of its dates, which column fills
 * each field, the first rows as they will be imported and every row that will be refused.
 */
import { Badge, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type {
  ImportMapping,
  ImportPreview,
  IMPORT_CALENDARS,
  IMPORT_ENCODINGS,
} from '../../../../shared/api/import.contract';
import { formatNumber } from '../../../../shared/text/digits';
import { isMessageKey, useI18n, type I18n } from '../../i18n/locale';
import { ImportProblems, fieldLabel } from './ImportProblems';

export type ImportCalendar = (typeof IMPORT_CALENDARS)[number];
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

export interface ImportOptions {
  sheet?: string;
  mapping?: ImportMapping;
  calendar: ImportCalendar;
  encoding: ImportEncoding;
}

const DATE_FIELDS = new Set(['letterDate', 'senderDate', 'followUpDate']);
/** Where the screens already name a field's stored choices. */
const CHOICE_KEYS: Record<string, string> = {
  direction: 'letters.direction',
  channel: 'letters.channel',
  kind: 'partners.kind',
  orgType: 'partners.orgType',
};

function shown(i18n: I18n, field: string, value: string | null): string {
  if (value === null) return '';
  if (DATE_FIELDS.has(field) && /^\d{4}-\d{2}-\d{2}$/.test(value)) return i18n.date(value, 'short');
  const prefix = CHOICE_KEYS[field];
  const key = prefix ? `${prefix}.${value}` : '';
  if (isMessageKey(key)) return i18n.t(key);
  if (value === 'true' || value === 'false') return i18n.t(value === 'true' ? 'import.yes' : 'import.no');
  return value.length > 120 ? `${value.slice(0, 120)}…` : value;
}

export function ImportColumns({
  preview,
  options,
  onChange,
}: {
  preview: ImportPreview;
  options: ImportOptions;
  onChange: (next: ImportOptions) => void;
}) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const columns = preview.headers.map((header, i) => ({
    value: String(i),
    label: t('import.mapping.column', { n: formatNumber(i + 1, locale), header: header || '—' }),
  }));
  const mapped = preview.fields.filter((f) => preview.mapping[f.key] !== undefined);
  const setColumn = (field: string, column: string | null) => {
    const mapping: ImportMapping = { ...preview.mapping };
    if (column === null) delete mapping[field];
    else {
      // A column fills one field: taking it here frees it elsewhere.
      for (const [other, at] of Object.entries(mapping)) if (at === Number(column)) delete mapping[other];
      mapping[field] = Number(column);
    }
    onChange({ ...options, sheet: preview.sheet, mapping });
  };

  return (
    <Stack gap="lg">
      <Group gap="md" align="flex-end" wrap="wrap">
        {preview.sheets.length > 1 && (
          <Select
            label={t('import.sheet')}
            data={preview.sheets}
            value={preview.sheet}
            allowDeselect={false}
            onChange={(sheet) => sheet && onChange({ ...options, sheet, mapping: undefined })}
            w={220}
            data-testid="import-sheet"
          />
        )}
        <Select
          label={t('import.calendar')}
          data={(['auto', 'jalali', 'gregorian'] as const).map((c) => ({
            value: c,
            label: t(`import.calendar.${c}`),
          }))}
          value={options.calendar}
          allowDeselect={false}
          onChange={(calendar) =>
            calendar &&
            onChange({ ...options, mapping: preview.mapping, calendar: calendar as ImportCalendar })
          }
          w={340}
        />
        {preview.format === 'csv' && (
          <Select
            label={t('import.encoding')}
            data={(['auto', 'utf-8', 'windows-1256'] as const).map((e) => ({
              value: e,
              label: t(`import.encoding.${e}`),
            }))}
            value={options.encoding}
            allowDeselect={false}
            onChange={(encoding) =>
              encoding &&
              onChange({ ...options, mapping: preview.mapping, encoding: encoding as ImportEncoding })
            }
            w={240}
          />
        )}
      </Group>

      <Paper withBorder p="md">
        <Title order={2} fz="h4" mb={4}>
          {t('import.mapping')}
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          {t('import.mapping.hint')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" data-testid="import-mapping">
          {preview.fields.map((field) => (
            <Select
              key={field.key}
              label={
                <Group gap={6} component="span">
                  {fieldLabel(t, field.key)}
                  {field.required && (
                    <Badge size="xs" variant="light" color="orange" component="span">
                      {t('import.mapping.required')}
                    </Badge>
                  )}
                </Group>
              }
              placeholder={t('import.mapping.none')}
              data={columns}
              value={preview.mapping[field.key] === undefined ? null : String(preview.mapping[field.key])}
              onChange={(value) => setColumn(field.key, value)}
              clearable
              searchable
              data-field={field.key}
            />
          ))}
        </SimpleGrid>
      </Paper>

      <Text fw={600} data-testid="import-counts">
        {t('import.counts', {
          rows: formatNumber(preview.rows, locale),
          valid: formatNumber(preview.valid, locale),
          refused: formatNumber(preview.refusedRows, locale),
        })}
      </Text>

      <Stack gap="xs">
        <Title order={2} fz="h4">
          {t('import.sample')}
        </Title>
        <Table.ScrollContainer
          minWidth={Math.max(480, mapped.length * 130)}
          scrollAreaProps={{
            viewportProps: { tabIndex: 0, role: 'region', 'aria-label': t('import.sample') },
          }}
        >
          <Table withTableBorder withColumnBorders data-testid="import-sample">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="4rem">{t('import.sample.row')}</Table.Th>
                {mapped.map((f) => (
                  <Table.Th key={f.key}>{fieldLabel(t, f.key)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.sample.map((row) => (
                <Table.Tr key={row.row} bg={row.ok ? undefined : 'red.0'}>
                  <Table.Td>{formatNumber(row.row, locale)}</Table.Td>
                  {mapped.map((f) => (
                    <Table.Td key={f.key} style={{ maxWidth: '16rem', overflowWrap: 'anywhere' }}>
                      <bdi dir="auto">{shown(i18n, f.key, row.values[f.key] ?? null)}</bdi>
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>

      <Stack gap="xs">
        <Title order={2} fz="h4">
          {t('import.problems')}
        </Title>
        <ImportProblems problems={preview.problems} total={preview.problemsTotal} />
      </Stack>

      {preview.unmatched.length > 0 && (
        <Stack gap="xs">
          <Title order={2} fz="h4">
            {t('import.unmatched')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('import.unmatched.hint')}
          </Text>
          <Table.ScrollContainer
            minWidth={420}
            maxHeight={240}
            scrollAreaProps={{
              viewportProps: { tabIndex: 0, role: 'region', 'aria-label': t('import.unmatched') },
            }}
          >
            <Table striped withTableBorder stickyHeader data-testid="import-unmatched">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="10rem">{t('import.problem.field')}</Table.Th>
                  <Table.Th>{t('import.unmatched.name')}</Table.Th>
                  <Table.Th w="6rem">{t('import.unmatched.rows')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.unmatched.map((u) => (
                  <Table.Tr key={`${u.field}-${u.name}`}>
                    <Table.Td>{fieldLabel(t, u.field)}</Table.Td>
                    <Table.Td>
                      <bdi dir="auto">{u.name}</bdi>
                    </Table.Td>
                    <Table.Td>{formatNumber(u.rows, locale)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
    </Stack>
  );
}
