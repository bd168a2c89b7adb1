/** The Desk: where the day starts. */
import { Stack } from '@mantine/core';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/locale';
import { useQuery } from '../../lib/query';
import { SystemCard } from './SystemCard';

export function DeskPage() {
  const { t, locale, dateOf } = useI18n();
  const info = useQuery('system.info', {}, { entities: ['user'] });
  if (info.error) return <ErrorNotice error={info.error} onRetry={info.refresh} />;
  const data = info.data ?? info.previous;
  if (!data) return <Loading />;
  const user = data.currentUser;
  const name = user ? (locale === 'en' && user.nameEn ? user.nameEn : user.nameFa) : null;
  return (
    <Stack gap="lg">
      <PageHeader
        title={name ? t('desk.greeting', { name }) : t('desk.greeting.anonymous')}
        subtitle={<span data-testid="today">{dateOf(data.now, 'weekday')}</span>}
      />
      <SystemCard info={data} />
    </Stack>
  );
}
