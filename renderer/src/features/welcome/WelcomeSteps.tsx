/** The three steps of the welcome screen: language and calendar, the person and their city, the start. */
import { Autocomplete, Group, Radio, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { IconBuildingCommunity, IconDatabaseImport, IconSparkles } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { Calendar } from '../../../../shared/dates/jalali';
import { useI18n, type Locale } from '../../i18n/locale';
import type { FieldErrors } from '../../lib/validation';
import { IRANIAN_CITIES } from './cities';

export function LanguageStep({ today }: { today: string | null }) {
  const { t, locale, calendar, setPreferences, date } = useI18n();
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Text size="sm" fw={500} id="welcome-language">
          {t('welcome.language')}
        </Text>
        <SegmentedControl
          fullWidth
          size="md"
          aria-labelledby="welcome-language"
          value={locale}
          onChange={(value) => setPreferences({ locale: value as Locale })}
          data={[
            { value: 'fa', label: <span lang="fa">فارسی</span> },
            { value: 'en', label: <span lang="en">English</span> },
          ]}
          data-testid="welcome-language"
        />
      </Stack>
      <Stack gap={6}>
        <Text size="sm" fw={500} id="welcome-calendar">
          {t('welcome.calendar')}
        </Text>
        <SegmentedControl
          fullWidth
          size="md"
          aria-labelledby="welcome-calendar"
          value={calendar}
          onChange={(value) => setPreferences({ calendar: value as Calendar })}
          data={[
            { value: 'jalali', label: t('welcome.calendar.jalali') },
            { value: 'gregorian', label: t('welcome.calendar.gregorian') },
          ]}
          data-testid="welcome-calendar"
        />
        {today && (
          <Text size="sm" c="dimmed" data-testid="welcome-today">
            {t('welcome.calendar.example', { date: date(today, 'weekday') })}
          </Text>
        )}
      </Stack>
      <Text size="sm" c="dimmed">
        {t('welcome.language.hint')}
      </Text>
    </Stack>
  );
}

export interface PersonFields {
  nameFa: string;
  nameEn: string;
  cityFa: string;
  cityEn: string;
}

/** The known city both names belong to, when the person picked one from the list. */
export function knownCity(fields: Pick<PersonFields, 'cityFa' | 'cityEn'>) {
  return IRANIAN_CITIES.find((c) => c.nameFa === fields.cityFa.trim() && c.nameEn === fields.cityEn.trim());
}

export function PersonStep({
  fields,
  errors,
  login,
  onChange,
}: {
  fields: PersonFields;
  errors: FieldErrors;
  login: string;
  onChange: (change: Partial<PersonFields>) => void;
}) {
  const { t } = useI18n();
  // Picking (or typing) a known city in either script fills in the other name.
  const pickFa = (cityFa: string) => {
    const city = IRANIAN_CITIES.find((c) => c.nameFa === cityFa.trim());
    onChange(city ? { cityFa, cityEn: city.nameEn } : { cityFa });
  };
  const pickEn = (cityEn: string) => {
    const city = IRANIAN_CITIES.find((c) => c.nameEn.toLowerCase() === cityEn.trim().toLowerCase());
    onChange(city ? { cityEn: city.nameEn, cityFa: city.nameFa } : { cityEn });
  };
  return (
    <Stack gap="md">
      <Group grow align="flex-start">
        <TextInput
          label={t('welcome.nameFa')}
          description={t('welcome.nameFa.hint')}
          value={fields.nameFa}
          onChange={(e) => onChange({ nameFa: e.currentTarget.value })}
          error={errors.nameFa}
          required
          dir="rtl"
          lang="fa"
          autoFocus
          data-testid="welcome-name-fa"
        />
        <TextInput
          label={t('welcome.nameEn')}
          description={t('welcome.nameEn.hint')}
          value={fields.nameEn}
          onChange={(e) => onChange({ nameEn: e.currentTarget.value })}
          error={errors.nameEn}
          dir="ltr"
          lang="en"
          data-testid="welcome-name-en"
        />
      </Group>
      <Text size="sm" c="dimmed">
        {t('welcome.login', { login })}
      </Text>
      <Group grow align="flex-start">
        <Autocomplete
          label={t('welcome.cityFa')}
          description={t('welcome.cityFa.hint')}
          value={fields.cityFa}
          onChange={pickFa}
          data={IRANIAN_CITIES.map((c) => c.nameFa)}
          error={errors['city.nameFa']}
          required
          dir="rtl"
          lang="fa"
          limit={8}
          data-testid="welcome-city-fa"
        />
        <Autocomplete
          label={t('welcome.cityEn')}
          description={t('welcome.cityEn.hint')}
          value={fields.cityEn}
          onChange={pickEn}
          data={IRANIAN_CITIES.map((c) => c.nameEn)}
          error={errors['city.nameEn']}
          dir="ltr"
          lang="en"
          limit={8}
          data-testid="welcome-city-en"
        />
      </Group>
      <Text size="sm" c="dimmed">
        {t('welcome.city.note')}
      </Text>
    </Stack>
  );
}

export type StartChoice = 'sample' | 'empty' | 'restore';

function ChoiceCard({
  value,
  icon,
  title,
  hint,
}: {
  value: StartChoice;
  icon: ReactNode;
  title: string;
  hint: string;
}) {
  return (
    <Radio.Card value={value} radius="md" p="md" data-testid={`welcome-start-${value}`}>
      <Group wrap="nowrap" align="flex-start" gap="md">
        <Radio.Indicator mt={4} />
        <Stack gap={2} style={{ flex: 1 }}>
          <Group gap="xs" wrap="nowrap">
            {icon}
            <Text fw={600}>{title}</Text>
          </Group>
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        </Stack>
      </Group>
    </Radio.Card>
  );
}

export function StartStep({
  value,
  onChange,
  disabled,
}: {
  value: StartChoice;
  onChange: (value: StartChoice) => void;
  disabled: boolean;
}) {
  const { t } = useI18n();
  return (
    <Radio.Group
      label={t('welcome.start.choice')}
      value={value}
      onChange={(v) => onChange(v as StartChoice)}
      readOnly={disabled}
    >
      <Stack gap="sm" mt="sm">
        <ChoiceCard
          value="sample"
          icon={<IconSparkles size={18} aria-hidden />}
          title={t('welcome.start.sample')}
          hint={t('welcome.start.sample.hint')}
        />
        <ChoiceCard
          value="empty"
          icon={<IconBuildingCommunity size={18} aria-hidden />}
          title={t('welcome.start.empty')}
          hint={t('welcome.start.empty.hint')}
        />
        <ChoiceCard
          value="restore"
          icon={<IconDatabaseImport size={18} aria-hidden />}
          title={t('welcome.start.restore')}
          hint={t('welcome.start.restore.hint')}
        />
      </Stack>
    </Radio.Group>
  );
}
