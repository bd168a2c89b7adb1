/** Persian / English, remembered for the user. */
import { SegmentedControl } from '@mantine/core';
import { useI18n, type Locale } from '../i18n/locale';

export function LanguageSwitch() {
  const { t, locale, setPreferences } = useI18n();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('header.language')}
      value={locale}
      onChange={(value) => setPreferences({ locale: value as Locale })}
      data={[
        { value: 'fa', label: <span lang="fa">{t('header.language.fa')}</span> },
        { value: 'en', label: <span lang="en">{t('header.language.en')}</span> },
      ]}
    />
  );
}
