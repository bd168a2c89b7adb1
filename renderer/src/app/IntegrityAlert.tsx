/**
 * The verdict of the background page check of a large desk file: the check runs after the
 * desk opened, so its answer may come while the user works. Damage is shown above every page
 * until the program is restarted, with the way to the backups.
 */
import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/locale';
import { on } from '../lib/api';
import { routeHref } from './routes';
import { useSession } from './session';

export function IntegrityAlert() {
  const { t } = useI18n();
  const { info } = useSession();
  // The event answers while the page is open; system.info answers for a page opened after it.
  const [reported, setReported] = useState<string | null>(null);
  useEffect(
    () =>
      on('integrity', (payload) => {
        if (payload.state === 'damaged') setReported(payload.problem ?? '');
      }),
    [],
  );
  const problem = reported ?? (info.integrity.state === 'damaged' ? (info.integrity.problem ?? '') : null);
  if (problem === null) return null;
  return (
    <Alert
      color="red"
      variant="filled"
      role="alert"
      icon={<IconAlertTriangle />}
      title={t('integrity.damaged.title')}
      mb="lg"
      data-testid="integrity-alert"
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('integrity.damaged.body')}</Text>
        {problem !== '' && (
          <Text size="xs" dir="auto" ff="monospace">
            {problem}
          </Text>
        )}
        <Button
          component="a"
          href={routeHref({ section: 'settings', params: { tab: 'upkeep' } })}
          variant="white"
          color="red"
          size="xs"
        >
          {t('integrity.damaged.backups')}
        </Button>
      </Stack>
    </Alert>
  );
}
