/** The approval chains of one case, and a new chain started from a template. */
import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import { navigate } from '../../app/routes';
import { EmptyHint } from '../../components/EmptyHint';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { SectionCard } from '../../components/SectionCard';
import { useI18n } from '../../i18n/locale';
import { notifyDone, notifyFailure } from '../../lib/notify';
import { useMutation, useQuery } from '../../lib/query';
import { ChainCard } from './ChainCard';

const DEFAULT = 'default';

export function CaseApprovals({ caseId }: { caseId: string }) {
  const { t, locale } = useI18n();
  const record = useQuery('cases.get', { id: caseId }, { entities: ['case'] });
  const chains = useQuery('approvals.get', { caseId }, { entities: ['approval_chain'] });
  const templates = useQuery('approvals.templates.list', {});
  const authorities = useQuery('approvals.authorities.list', {});
  const [template, setTemplate] = useState<string>(DEFAULT);
  const [title, setTitle] = useState('');
  const start = useMutation('approvals.start');

  const error = record.error ?? chains.error;
  if (error)
    return (
      <ErrorNotice
        error={error}
        onRetry={() => {
          record.refresh();
          chains.refresh();
        }}
      />
    );
  const list = chains.data ?? chains.previous;
  if (!record.data || !list) return <Loading />;

  const startChain = async () => {
    try {
      await start.run({
        caseId,
        ...(template !== DEFAULT && { templateId: template }),
        title: title.trim() || null,
      });
      notifyDone(t('approvals.started'));
      setTitle('');
    } catch (failure) {
      notifyFailure(failure, t);
    }
    chains.refresh();
  };

  return (
    <Stack gap="lg">
      <PageHeader
        title={<bdi dir="auto">{record.data.title}</bdi>}
        subtitle={t('approvals.title')}
        actions={
          <Button variant="default" onClick={() => navigate({ section: 'approvals' })}>
            {t('action.back')}
          </Button>
        }
      />
      {list.length === 0 && (
        <EmptyHint title={t('approvals.case.empty')} hint={t('approvals.case.empty.hint')} />
      )}
      {list.map((chain) => (
        <ChainCard
          key={chain.id}
          chain={chain}
          authorities={(authorities.data ?? []).filter((a) => !a.archived)}
          onChanged={chains.refresh}
        />
      ))}
      <SectionCard title={t('approvals.start')}>
        <Group gap="md" align="flex-end">
          <Select
            label={t('approvals.field.template')}
            value={template}
            allowDeselect={false}
            onChange={(value) => setTemplate(value ?? DEFAULT)}
            data={[
              { value: DEFAULT, label: t('approvals.start.default') },
              ...(templates.data ?? []).map((tpl) => ({
                value: tpl.id,
                label: locale === 'en' ? tpl.nameEn : tpl.nameFa,
              })),
            ]}
            w={320}
            data-testid="approval-template"
          />
          <TextInput
            label={t('approvals.field.title')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            dir="auto"
            w={300}
          />
          <Button
            leftSection={<IconPlayerPlay size={16} aria-hidden />}
            loading={start.pending}
            onClick={() => void startChain()}
            data-testid="approval-start"
          >
            {t('approvals.start')}
          </Button>
        </Group>
      </SectionCard>
    </Stack>
  );
}
