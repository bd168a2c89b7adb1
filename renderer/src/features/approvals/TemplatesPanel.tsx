/**
 * Settings for approvals: the authorities that approve requests (added, renamed, archived
 * with their history kept) and the chain templates that new chains start from.
 */
import { ActionIcon, Badge, Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import {
  IconArchive,
  IconArrowBackUp,
  IconPencil,
  IconPlus,
  IconSearch,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import type { ApprovalTemplate, Authority } from '../../../../shared/api/approvals.contract';
import { approvalsContract } from '../../../../shared/api/approvals.contract';
import { searchKey } from '../../../../shared/text/persian';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { SectionCard } from '../../components/SectionCard';
import { useI18n } from '../../i18n/locale';
import { isolated } from '../../i18n/translate';
import { call } from '../../lib/api';
import { notifyDone, notifyFailure } from '../../lib/notify';
import { useQuery } from '../../lib/query';
import { checkInput, type FieldErrors } from '../../lib/validation';
import { TemplateDialog } from './TemplateDialog';

function AuthorityForm({ existing, onDone }: { existing?: Authority; onDone: () => void }) {
  const i18n = useI18n();
  const { t, name } = i18n;
  const [nameFa, setNameFa] = useState(existing?.nameFa ?? '');
  const [nameEn, setNameEn] = useState(existing?.nameEn ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const fields = { nameFa, nameEn };
    const checked = existing
      ? checkInput(
          approvalsContract['approvals.authorities.update'].input,
          { id: existing.id, ...fields },
          i18n,
        )
      : checkInput(approvalsContract['approvals.authorities.create'].input, fields, i18n);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setSaving(true);
    try {
      const saved = existing
        ? await call('approvals.authorities.update', { id: existing.id, ...fields })
        : await call('approvals.authorities.create', fields);
      notifyDone(
        t(existing ? 'authorities.updated' : 'authorities.created', { name: isolated(name(saved)) }),
      );
      if (!existing) {
        setNameFa('');
        setNameEn('');
      }
      onDone();
    } catch (error) {
      notifyFailure(error, t);
    } finally {
      setSaving(false);
    }
  };
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Group align="flex-start" gap="sm">
        <TextInput
          label={t('authorities.field.nameFa')}
          dir="rtl"
          value={nameFa}
          onChange={(e) => setNameFa(e.currentTarget.value)}
          error={errors.nameFa}
          w={240}
          data-testid={existing ? undefined : 'authority-name-fa'}
        />
        <TextInput
          label={t('authorities.field.nameEn')}
          dir="ltr"
          value={nameEn}
          onChange={(e) => setNameEn(e.currentTarget.value)}
          error={errors.nameEn}
          w={240}
          data-testid={existing ? undefined : 'authority-name-en'}
        />
        <Button
          type="submit"
          mt={25}
          loading={saving}
          variant={existing ? 'filled' : 'light'}
          data-testid={existing ? 'authority-save' : 'authority-add'}
        >
          {existing ? t('action.save') : t('authorities.add')}
        </Button>
        {existing && (
          <Button mt={25} variant="default" onClick={onDone}>
            {t('action.cancel')}
          </Button>
        )}
      </Group>
    </form>
  );
}

function Authorities({ authorities, refresh }: { authorities: Authority[]; refresh: () => void }) {
  const { t, name } = useI18n();
  const [editing, setEditing] = useState<string | null>(null);
  const [archiving, setArchiving] = useState<Authority | null>(null);
  const setArchived = async (authority: Authority, archived: boolean) => {
    try {
      await call('approvals.authorities.update', { id: authority.id, archived });
      notifyDone(
        t(archived ? 'authorities.archived' : 'authorities.restored', { name: isolated(name(authority)) }),
      );
      setArchiving(null);
      refresh();
    } catch (error) {
      notifyFailure(error, t);
    }
  };
  return (
    <SectionCard title={t('authorities.title')} testId="authorities">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('authorities.hint')}
        </Text>
        <Table.ScrollContainer minWidth={560}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('authorities.field.nameFa')}</Table.Th>
                <Table.Th>{t('authorities.field.nameEn')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {authorities.map((a) =>
                editing === a.id ? (
                  <Table.Tr key={a.id}>
                    <Table.Td colSpan={3}>
                      <AuthorityForm
                        existing={a}
                        onDone={() => {
                          setEditing(null);
                          refresh();
                        }}
                      />
                    </Table.Td>
                  </Table.Tr>
                ) : (
                  <Table.Tr key={a.id} data-testid="authority-row" c={a.archived ? 'dimmed' : undefined}>
                    <Table.Td dir="rtl">
                      {a.nameFa}{' '}
                      {a.archived && (
                        <Badge size="xs" variant="light" color="gray">
                          {t('authorities.archivedBadge')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <bdi dir="ltr">{a.nameEn}</bdi>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={t('authorities.action.edit', { name: name(a) })}
                          onClick={() => setEditing(a.id)}
                        >
                          <IconPencil size={16} aria-hidden />
                        </ActionIcon>
                        {a.archived ? (
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            aria-label={t('authorities.action.restore', { name: name(a) })}
                            onClick={() => void setArchived(a, false)}
                          >
                            <IconArrowBackUp size={16} aria-hidden />
                          </ActionIcon>
                        ) : (
                          <ActionIcon
                            variant="subtle"
                            color="orange"
                            aria-label={t('authorities.action.archive', { name: name(a) })}
                            onClick={() => setArchiving(a)}
                          >
                            <IconArchive size={16} aria-hidden />
                          </ActionIcon>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ),
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <AuthorityForm onDone={refresh} />
      </Stack>
      <ConfirmDialog
        opened={archiving !== null}
        title={t('authorities.archive.title')}
        body={archiving ? t('authorities.archive.body', { name: name(archiving) }) : ''}
        confirmLabel={t('authorities.archive.confirm')}
        onConfirm={() => archiving && void setArchived(archiving, true)}
        onClose={() => setArchiving(null)}
      />
    </SectionCard>
  );
}

function Templates({
  templates,
  authorities,
  refresh,
}: {
  templates: ApprovalTemplate[];
  authorities: Authority[];
  refresh: () => void;
}) {
  const { t, name, dir } = useI18n();
  const [editing, setEditing] = useState<ApprovalTemplate | 'new' | null>(null);
  const [removing, setRemoving] = useState<ApprovalTemplate | null>(null);
  const [text, setText] = useState('');
  const arrow = dir === 'rtl' ? ' ← ' : ' → ';
  // Found by any word of its names or of its authorities', however the word is spelled.
  const words = searchKey(text).split(' ').filter(Boolean);
  const shown = templates.filter((template) => {
    const key = searchKey(
      [
        template.nameFa,
        template.nameEn,
        ...template.steps.flatMap((s) => [s.authorityNameFa, s.authorityNameEn]),
      ].join(' '),
    );
    return words.every((word) => key.includes(word));
  });
  const remove = async () => {
    if (!removing) return;
    try {
      await call('approvals.templates.remove', { id: removing.id });
      notifyDone(t('templates.removed', { name: isolated(name(removing)) }));
      setRemoving(null);
      refresh();
    } catch (error) {
      notifyFailure(error, t);
    }
  };
  return (
    <SectionCard
      title={t('templates.title')}
      testId="templates"
      actions={
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => setEditing('new')}
          data-testid="template-new"
        >
          {t('templates.new')}
        </Button>
      }
    >
      {templates.length > 0 && (
        <Group justify="space-between" align="flex-end" mb="sm">
          <TextInput
            label={t('list.filterText')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            w={260}
            size="xs"
            data-testid="templates-filter"
          />
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="templates-count">
            {t('list.count', { n: shown.length })}
          </Text>
        </Group>
      )}
      {templates.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('templates.empty')}
        </Text>
      ) : shown.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('list.noMatch')}
        </Text>
      ) : (
        <Stack gap="sm">
          {shown.map((template) => (
            <Card
              key={template.id}
              withBorder
              padding="sm"
              component="article"
              aria-label={name(template)}
              data-testid="template-card"
            >
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={4}>
                  <Group gap="xs">
                    <Title order={3} fz="sm">
                      {name(template)}
                    </Title>
                    {template.caseKind && (
                      <Badge size="xs" variant="light" tt="none">
                        {t(`cases.kind.${template.caseKind}`)}
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm" c="dimmed" data-testid="template-chain">
                    {template.steps
                      .map((s) => name({ nameFa: s.authorityNameFa, nameEn: s.authorityNameEn }))
                      .join(arrow)}
                  </Text>
                </Stack>
                <Group gap={4} wrap="nowrap">
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={t('templates.action.edit', { name: name(template) })}
                    onClick={() => setEditing(template)}
                  >
                    <IconPencil size={16} aria-hidden />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('templates.action.remove', { name: name(template) })}
                    onClick={() => setRemoving(template)}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      {editing && (
        <TemplateDialog
          {...(editing !== 'new' && { existing: editing })}
          authorities={authorities}
          onClose={() => {
            setEditing(null);
            refresh();
          }}
        />
      )}
      <ConfirmDialog
        opened={removing !== null}
        title={t('templates.remove.title')}
        body={removing ? t('templates.remove.body', { name: name(removing) }) : ''}
        confirmLabel={t('action.delete')}
        danger
        onConfirm={() => void remove()}
        onClose={() => setRemoving(null)}
      />
    </SectionCard>
  );
}

export function TemplatesPanel() {
  const authorities = useQuery(
    'approvals.authorities.list',
    { includeArchived: true },
    {
      entities: ['approval_authority'],
    },
  );
  const templates = useQuery(
    'approvals.templates.list',
    {},
    { entities: ['approval_template', 'approval_authority'] },
  );
  const error = authorities.error ?? templates.error;
  if (error)
    return <ErrorNotice error={error} onRetry={() => (authorities.refresh(), templates.refresh())} />;
  const a = authorities.data ?? authorities.previous;
  const tpl = templates.data ?? templates.previous;
  if (!a || !tpl) return <Loading />;
  const refresh = () => {
    authorities.refresh();
    templates.refresh();
  };
  return (
    <Stack gap="lg">
      <Templates templates={tpl} authorities={a} refresh={refresh} />
      <Authorities authorities={a} refresh={refresh} />
    </Stack>
  );
}
