/** Toasts for the results of what the user did. */
import { notifications } from '@mantine/notifications';
import { createElement, type ReactNode } from 'react';
import type { I18n } from '../i18n/locale';
import { toApiError } from './api';

/**
 * A toast's text marked with the language and direction the page has when it is shown, which
 * are those it was written in. A toast outlives a switch of language: a Persian one still on
 * screen after switching to English keeps reading right to left, its full stop at its end.
 */
function asWritten(text: string): ReactNode {
  const page = document.documentElement;
  // A block, so that the text also starts on its own side of the toast.
  return createElement(
    'span',
    { dir: page.dir || 'auto', lang: page.lang || undefined, style: { display: 'block' } },
    text,
  );
}

export function notifyDone(message: string): void {
  notifications.show({ message: asWritten(message), color: 'teal', autoClose: 4000, withBorder: true });
}

/** A failure in the user's language; the core's own message is kept for the log only. */
export function notifyFailure(error: unknown, t: I18n['t']): void {
  const apiError = toApiError(error);
  notifications.show({
    title: asWritten(t('errors.title')),
    message: asWritten(t(`errors.${apiError.code}`)),
    color: 'red',
    autoClose: 8000,
    withBorder: true,
  });
}
