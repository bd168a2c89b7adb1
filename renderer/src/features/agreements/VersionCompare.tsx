/**
 * Two versions (or a version and the working draft) side by side, clause by clause and
 * language by language. Added words are underlined on green and removed words struck
 * through on red, each also named in words for screen readers — never colour alone.
 */
import { Alert, Badge, Group, Paper, Select, SimpleGrid, Stack, Text, VisuallyHidden } from '@mantine/core';
import { Fragment } from 'react';
import type { z } from 'zod';
import type { AgreementVersionSummary, diffSegment } from '../../../../shared/api/agreements.contract';
import { isRtlLanguage } from '../../../../shared/agreements/languages';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useI18n } from '../../i18n/locale';
import { languageName } from '../../lib/languages';
import { useQuery } from '../../lib/query';
import classes from './VersionCompare.module.css';

type Segment = z.infer<typeof diffSegment>;

const CHANGE_COLORS = { added: 'green', removed: 'red', changed: 'orange', unchanged: 'gray' } as const;
const DRAFT = 'draft';

function Segments({ segments, language }: { segments: Segment[]; language?: string }) {
  const { t } = useI18n();
  return (
    <Text
      size="sm"
      lang={language}
      dir={language ? (isRtlLanguage(language) ? 'rtl' : 'ltr') : 'auto'}
      className={classes.text}
      data-language={language}
    >
      {segments.map((segment, index) =>
        segment.kind === 'same' ? (
          <span key={index}>{segment.text}</span>
        ) : segment.kind === 'added' ? (
          <Fragment key={index}>
            {/* A word replaced by another: the two stand apart, as words do, not run together. */}
            {segments[index - 1]?.kind === 'removed' && ' '}
            <ins className={classes.added} data-segment="added">
              <VisuallyHidden>{t('agreements.compare.ins')}</VisuallyHidden>
              {segment.text}
            </ins>
          </Fragment>
        ) : (
          <del key={index} className={classes.removed} data-segment="removed">
            <VisuallyHidden>{t('agreements.compare.del')}</VisuallyHidden>
            {segment.text}
          </del>
        ),
      )}
    </Text>
  );
}

export function VersionCompare({
  agreementId,
  versions,
  from,
  to,
  onPick,
}: {
  agreementId: string;
  versions: AgreementVersionSummary[];
  from: number | null;
  to: number | null;
  onPick: (from: number, to: number | null) => void;
}) {
  const { t, number, locale } = useI18n();
  const fromVersion = from ?? versions[0]?.number ?? null;
  const comparison = useQuery(
    'agreements.compare',
    fromVersion === null ? null : { id: agreementId, from: fromVersion, ...(to !== null && { to }) },
    { entities: ['agreement'] },
  );
  if (fromVersion === null) return <Text c="dimmed">{t('agreements.compare.need')}</Text>;

  const options = versions.map((v) => ({
    value: String(v.number),
    label: t('agreements.version.label', { n: v.number }),
  }));
  const data = comparison.data;

  return (
    <Stack gap="md">
      <Group gap="md" align="flex-end">
        <Select
          label={t('agreements.compare.from')}
          value={String(fromVersion)}
          allowDeselect={false}
          data={options}
          onChange={(value) => value && onPick(Number(value), to)}
          w={180}
          data-testid="compare-from"
        />
        <Select
          label={t('agreements.compare.to')}
          value={to === null ? DRAFT : String(to)}
          allowDeselect={false}
          data={[{ value: DRAFT, label: t('agreements.version.draft') }, ...options]}
          onChange={(value) => value && onPick(fromVersion, value === DRAFT ? null : Number(value))}
          w={200}
          data-testid="compare-to"
        />
      </Group>
      {comparison.error && <ErrorNotice error={comparison.error} onRetry={comparison.refresh} />}
      {!data && !comparison.error && <Loading />}
      {data && (
        <>
          <Text size="sm" data-testid="compare-summary">
            {t('agreements.compare.summary', {
              added: data.summary.added,
              removed: data.summary.removed,
              changed: data.summary.changed,
              moved: data.summary.moved,
            })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('agreements.compare.legend')}
          </Text>
          {data.titleChanged && (
            <Paper withBorder p="sm">
              <Text size="xs" c="dimmed" fw={600} mb={4}>
                {t('agreements.compare.title')}
              </Text>
              <Segments segments={data.title} />
            </Paper>
          )}
          {data.preamble.some((p) => p.change !== 'unchanged') && (
            <Paper withBorder p="sm">
              <Text size="xs" c="dimmed" fw={600} mb={4}>
                {t('agreements.preamble')}
              </Text>
              <SimpleGrid cols={data.languages.length} spacing="md">
                {data.preamble.map((p) => (
                  <Segments key={p.language} segments={p.segments} language={p.language} />
                ))}
              </SimpleGrid>
            </Paper>
          )}
          {data.summary.added + data.summary.removed + data.summary.changed + data.summary.moved === 0 &&
            !data.titleChanged && <Alert color="gray">{t('agreements.compare.none')}</Alert>}
          {data.clauses.map((clause) => (
            <Paper
              key={clause.clauseKey}
              withBorder
              p="sm"
              data-change={clause.change}
              data-testid={`compare-clause-${clause.toPosition ?? clause.fromPosition}`}
              className={classes.clause}
            >
              <Group gap="xs" mb="xs">
                <Text fw={700} size="sm">
                  {t('agreements.clause', { n: number(clause.toPosition ?? clause.fromPosition ?? 0) })}
                </Text>
                <Badge color={CHANGE_COLORS[clause.change]} variant="light" size="sm">
                  {t(`agreements.compare.change.${clause.change}`)}
                </Badge>
                {clause.moved && clause.fromPosition !== null && clause.toPosition !== null && (
                  <Badge color="violet" variant="light" size="sm">
                    {t('agreements.compare.moved', { from: clause.fromPosition, to: clause.toPosition })}
                  </Badge>
                )}
              </Group>
              <SimpleGrid cols={clause.languages.length} spacing="md">
                {clause.languages.map((l) => (
                  <Stack key={l.language} gap={2}>
                    <Text size="xs" c="dimmed">
                      {languageName(l.language, locale)}
                    </Text>
                    <Segments segments={l.segments} language={l.language} />
                  </Stack>
                ))}
              </SimpleGrid>
            </Paper>
          ))}
        </>
      )}
    </Stack>
  );
}
