/**
 * Asks before removing one record, removes it through the core and says how it went. The
 * dialog closes only when the removal succeeded; the list is refreshed either way, since a
 * failure (someone else removed it first) can mean the list is stale.
 */
import { useI18n } from '../i18n/locale';
import { notifyDone, notifyFailure } from '../lib/notify';
import { useMutation } from '../lib/query';
import { ConfirmDialog } from './ConfirmDialog';

/** The core's methods that remove one record named by its id. */
export type RemoveMethod = 'programme.remove' | 'delegation.remove' | 'gifts.remove' | 'clauseLibrary.remove';

export function RemoveDialog<T extends { id: string }>({
  method,
  target,
  title,
  confirmLabel,
  body,
  done,
  onClose,
  onChanged,
}: {
  method: RemoveMethod;
  /** The record asked about; null keeps the dialog closed. */
  target: T | null;
  title: string;
  confirmLabel: string;
  body: (target: T) => string;
  done: (target: T) => string;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const remove = useMutation(method);
  const confirm = async () => {
    if (!target) return;
    try {
      await remove.run({ id: target.id });
      notifyDone(done(target));
      onClose();
    } catch (error) {
      notifyFailure(error, t);
    }
    onChanged();
  };
  return (
    <ConfirmDialog
      opened={target !== null}
      title={title}
      body={target ? body(target) : ''}
      confirmLabel={confirmLabel}
      danger
      pending={remove.pending}
      onConfirm={() => void confirm()}
      onClose={onClose}
    />
  );
}
