/**
 * An image or PDF shown inside the program. The bytes come checked from the core and are
 * shown from a blob: URL that lives only while the preview is open; nothing is written to
 * disk and nothing is fetched.
 */
import { Center, Image, Modal } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Attachment } from '../../../shared/api/attachments.contract';
import { useI18n } from '../i18n/locale';
import { call, toApiError, type ApiError } from '../lib/api';
import { ErrorNotice } from './ErrorNotice';
import { Loading } from './Loading';

function blobOf(base64: string, contentType: string): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: contentType });
}

export function AttachmentPreview({ attachment, onClose }: { attachment: Attachment; onClose: () => void }) {
  const { t } = useI18n();
  const [shown, setShown] = useState<{ url: string; kind: string } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let url: string | null = null;
    let live = true;
    call('attachments.read', { id: attachment.id }).then(
      (content) => {
        if (!live) return;
        url = URL.createObjectURL(blobOf(content.base64, content.contentType));
        setShown({ url, kind: content.kind });
      },
      (thrown: unknown) => live && setError(toApiError(thrown)),
    );
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [attachment.id]);

  const title = t('attachments.previewTitle', { name: attachment.displayName });
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={onClose}
      title={<span dir="auto">{title}</span>}
      size="80rem"
      centered
    >
      {error ? (
        <ErrorNotice error={error} />
      ) : !shown ? (
        <Loading />
      ) : shown.kind === 'pdf' ? (
        <iframe src={shown.url} title={title} style={{ width: '100%', height: '75vh', border: 0 }} />
      ) : (
        <Center>
          <Image src={shown.url} alt={attachment.displayName} fit="contain" mah="75vh" />
        </Center>
      )}
    </Modal>
  );
}
