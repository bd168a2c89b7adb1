/** Shown while the first answer for a view is on its way. */
import { Center, Loader } from '@mantine/core';
import { useI18n } from '../i18n/locale';

export function Loading() {
  const { t } = useI18n();
  return (
    <Center py="xl" role="status" aria-label={t('common.loading')}>
      <Loader size="md" />
    </Center>
  );
}
