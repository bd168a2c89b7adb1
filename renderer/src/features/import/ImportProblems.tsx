/** The rows an import refuses: row number, field, why, and the value as the file has it. */
import { Table, Text } from '@mantine/core';
import type { ImportProblem } from '../../../../shared/api/import.contract';
import { isMessageKey, useI18n } from '../../i18n/locale';
import { formatNumber } from '../../../../shared/text/digits';

export function fieldLabel(t: ReturnType<typeof useI18n>['t'], field: string | null): string {
  const key = `import.field.${field ?? ''}`;
  return isMessageKey(key) ? t(key) : (field ?? '—');
}

export function ImportProblems({ problems, total }: { problems: ImportProblem[]; total: number }) {
  const { t, locale } = useI18n();
  if (total === 0) {
    return (
      <Text size="sm" c="teal.8" data-testid="import-no-problems">
        {t('import.problems.none')}
      </Text>
    );
  }
  const shown = problems.slice(0, 200);
  return (
    <>
      <Table.ScrollContainer
        minWidth={520}
        maxHeight={320}
        scrollAreaProps={{
          viewportProps: { tabIndex: 0, role: 'region', 'aria-label': t('import.problems') },
        }}
      >
        <Table striped withTableBorder stickyHeader data-testid="import-problems">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="5rem">{t('import.sample.row')}</Table.Th>
              <Table.Th w="10rem">{t('import.problem.field')}</Table.Th>
              <Table.Th>{t('import.problem.reason')}</Table.Th>
              <Table.Th w="14rem">{t('import.problem.value')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((p, i) => (
              <Table.Tr key={`${p.row}-${p.field ?? ''}-${i}`}>
                <Table.Td>{formatNumber(p.row, locale)}</Table.Td>
                <Table.Td>{fieldLabel(t, p.field)}</Table.Td>
                <Table.Td>
                  {t(`import.problem.${p.code}`)}
                  {locale === 'en' && p.code === 'invalid' && (
                    <Text span size="xs" c="dimmed">
                      {` — ${p.message}`}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <bdi dir="auto">{p.value ?? ''}</bdi>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {total > shown.length && (
        <Text size="xs" c="dimmed">
          {t('import.problems.more', { n: formatNumber(total - shown.length, locale) })}
        </Text>
      )}
    </>
  );
}
