/**
 * The header of the screens shown before the desk opens (the upgrade and the damaged-desk
 * screens): the program's name and the language switch, as the shell draws them.
 */
import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconWorld } from '@tabler/icons-react';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { useI18n } from '../../i18n/locale';

export function StartupHeader() {
  const { t } = useI18n();
  return (
    <Group justify="space-between" wrap="nowrap" component="header" mb="lg">
      <Group gap="sm" wrap="nowrap">
        <ThemeIcon size={38} radius="md" variant="filled" aria-hidden>
          <IconWorld size={22} stroke={1.6} />
        </ThemeIcon>
        <Text fw={700} size="lg">
          {t('app.name')}
        </Text>
      </Group>
      <LanguageSwitch />
    </Group>
  );
}
