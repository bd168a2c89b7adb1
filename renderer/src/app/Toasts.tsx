/** Toasts appear at the bottom corner on the end side: left in Persian, right in English. */
import { Notifications } from '@mantine/notifications';
import { useI18n } from '../i18n/locale';

export function Toasts() {
  const { dir } = useI18n();
  return <Notifications position={dir === 'rtl' ? 'bottom-left' : 'bottom-right'} limit={4} />;
}
