/** Toasts for the results of what the user did. */
import { notifications } from '@mantine/notifications';
import type { I18n } from '../i18n/locale';
import { toApiError } from './api';

export function notifyDone(message: string): void {
  notifications.show({ message, color: 'teal', autoClose: 4000, withBorder: true });
}

/** A failure in the user's language; the core's own message is kept for the log only. */
export function notifyFailure(error: unknown, t: I18n['t']): void {
  const apiError = toApiError(error);
  notifications.show({
    title: t('errors.title'),
    message: t(`errors.${apiError.code}`),
    color: 'red',
    autoClose: 8000,
    withBorder: true,
  });
}
