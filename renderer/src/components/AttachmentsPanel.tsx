/**
 * The files of one record: add them through the desktop's file dialog, preview images and
 * PDFs inside the program (the core checks the stored file first), open any of them in its
 * own program, remove with a confirmation.
 */
import { ActionIcon, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import {
  IconEye,
  IconExternalLink,
  IconFile,
  IconFileTypePdf,
  IconPaperclip,
  IconPhoto,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import type { Attachment, RecordType } from '../../../shared/api/attachments.contract';
import { PREVIEW_KINDS, PREVIEW_MAX_BYTES } from '../../../shared/api/attachments.contract';
import { useI18n } from '../i18n/locale';
import { isolated } from '../i18n/translate';
import { call } from '../lib/api';
import { formatBytes } from '../lib/bytes';
import { notifyDone, notifyFailure } from '../lib/notify';
import { useQuery } from '../lib/query';
import { AttachmentPreview } from './AttachmentPreview';
import { ConfirmDialog } from './ConfirmDialog';
import { ErrorNotice } from './ErrorNotice';
import { Loading } from './Loading';

const previewable = (a: Attachment) =>
  (PREVIEW_KINDS as readonly string[]).includes(a.kind) && a.size <= PREVIEW_MAX_BYTES;

function KindIcon({ kind }: { kind: Attachment['kind'] }) {
  const Icon =
    kind === 'pdf'
      ? IconFileTypePdf
      : kind === 'png' || kind === 'jpeg' || kind === 'tiff'
        ? IconPhoto
        : IconFile;
  return <Icon size={20} stroke={1.5} aria-hidden />;
}

export function AttachmentsPanel({ ownerType, ownerId }: { ownerType: RecordType; ownerId: string }) {
  const i18n = useI18n();
  const { t, dateOf } = i18n;
  const list = useQuery('attachments.list', { ownerType, ownerId, limit: 200 }, { entities: ['attachment'] });
  const [adding, setAdding] = useState(false);
  const [preview, setPreview] = useState<Attachment | null>(null);
  const [removing, setRemoving] = useState<Attachment | null>(null);
  const [removePending, setRemovePending] = useState(false);

  const add = async () => {
    setAdding(true);
    try {
      const added = await call('attachments.add', { ownerType, ownerId });
      if (added.length > 0) notifyDone(t('attachments.added', { n: added.length }));
      list.refresh();
    } catch (error) {
      notifyFailure(error, t);
    } finally {
      setAdding(false);
    }
  };

  const open = async (attachment: Attachment) => {
    try {
      await call('attachments.open', { id: attachment.id });
      notifyDone(t('attachments.opened', { name: isolated(attachment.displayName) }));
    } catch (error) {
      notifyFailure(error, t);
    }
  };

  const remove = async () => {
    if (!removing) return;
    setRemovePending(true);
    try {
      await call('attachments.remove', { id: removing.id });
      notifyDone(t('attachments.removed'));
      setRemoving(null);
      list.refresh();
    } catch (error) {
      notifyFailure(error, t);
    } finally {
      setRemovePending(false);
    }
  };

  const data = list.data ?? list.previous;
  return (
    <Stack gap="sm">
      <Group justify="flex-end">
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPaperclip size={16} aria-hidden />}
          loading={adding}
          onClick={() => void add()}
        >
          {t('attachments.add')}
        </Button>
      </Group>
      {list.error ? (
        <ErrorNotice error={list.error} onRetry={list.refresh} />
      ) : !data ? (
        <Loading />
      ) : data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('attachments.empty')}
        </Text>
      ) : (
        <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {data.items.map((attachment) => (
            <Group
              component="li"
              key={attachment.id}
              justify="space-between"
              wrap="nowrap"
              gap="sm"
              data-testid="attachment"
            >
              <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
                <KindIcon kind={attachment.kind} />
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text size="sm" dir="auto" truncate="end">
                    {attachment.displayName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatBytes(attachment.size, i18n)} ·{' '}
                    {t('attachments.addedBy', {
                      actor: attachment.addedBy,
                      date: dateOf(attachment.addedAt, 'short'),
                    })}
                  </Text>
                </Stack>
              </Group>
              <Group gap={4} wrap="nowrap">
                {previewable(attachment) && (
                  <Tooltip label={t('attachments.preview')}>
                    <ActionIcon
                      variant="subtle"
                      aria-label={`${t('attachments.preview')}: ${attachment.displayName}`}
                      onClick={() => setPreview(attachment)}
                    >
                      <IconEye size={18} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                )}
                <Tooltip label={t('attachments.open')}>
                  <ActionIcon
                    variant="subtle"
                    aria-label={`${t('attachments.open')}: ${attachment.displayName}`}
                    onClick={() => void open(attachment)}
                  >
                    <IconExternalLink size={18} aria-hidden />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label={t('action.remove')}>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`${t('action.remove')}: ${attachment.displayName}`}
                    onClick={() => setRemoving(attachment)}
                  >
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                </Tooltip>
              </Group>
            </Group>
          ))}
        </Stack>
      )}
      {preview && <AttachmentPreview attachment={preview} onClose={() => setPreview(null)} />}
      <ConfirmDialog
        opened={removing !== null}
        title={t('attachments.remove.title')}
        body={t('attachments.remove.body', { name: removing?.displayName ?? '' })}
        confirmLabel={t('action.remove')}
        danger
        pending={removePending}
        onConfirm={() => void remove()}
        onClose={() => setRemoving(null)}
      />
    </Stack>
  );
}
