/** My language and calendar, kept with my user record. */
import { Alert, SegmentedControl, Stack, Text } from '@mantine/core';
import type { Calendar } from '../../../../shared/dates/jalali';
import { useSession } from '../../app/session';
import { useI18n, type Locale } from '../../i18n/locale';

export function PreferencesPanel() {
  const { t, locale, calendar, setPreferences, date } = useI18n();
  const { today, me, info } = useSession();
  return (
    <Stack gap="lg" maw={560}>
      {!me && <Alert color="orange">{t('settings.me.notRegistered', { login: info.actor })}</Alert>}
      <Stack gap={4}>
        <Text size="sm" fw={500} id="pref-language">
          {t('settings.me.language')}
        </Text>
        <SegmentedControl
          aria-labelledby="pref-language"
          value={locale}
          onChange={(value) => setPreferences({ locale: value as Locale })}
          data={[
            { value: 'fa', label: t('header.language.fa') },
            { value: 'en', label: t('header.language.en') },
          ]}
        />
      </Stack>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="pref-calendar">
          {t('settings.me.calendar')}
        </Text>
        <SegmentedControl
          aria-labelledby="pref-calendar"
          value={calendar}
          onChange={(value) => setPreferences({ calendar: value as Calendar })}
          data={[
            { value: 'jalali', label: t('settings.me.calendar.jalali') },
            { value: 'gregorian', label: t('settings.me.calendar.gregorian') },
          ]}
          data-testid="pref-calendar"
        />
        <Text size="sm" c="dimmed" data-testid="pref-example">
          {t('settings.me.example', { date: date(today, 'weekday') })}
        </Text>
      </Stack>
    </Stack>
  );
}
