/** Settings: my preferences, the office, the staff, approval chains, backups and upkeep — one tab each. */
import { Stack, Tabs } from '@mantine/core';
import type { PageProps } from '../../app/pages';
import { replaceRoute } from '../../app/routes';
import { PageHeader } from '../../components/PageHeader';
import { TemplatesPanel } from '../approvals/TemplatesPanel';
import { useI18n } from '../../i18n/locale';
import { MaintenancePanel } from './MaintenancePanel';
import { OfficePanel } from './OfficePanel';
import { PreferencesPanel } from './PreferencesPanel';
import { UsersPanel } from './UsersPanel';

const TABS = ['me', 'office', 'staff', 'approvals', 'upkeep'] as const;
type Tab = (typeof TABS)[number];

export function SettingsPage({ route }: PageProps) {
  const { t } = useI18n();
  const asked = route.params?.tab;
  const tab: Tab = (TABS as readonly string[]).includes(asked ?? '') ? (asked as Tab) : 'me';
  return (
    <Stack gap="md">
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      <Tabs
        value={tab}
        onChange={(value) => replaceRoute({ section: 'settings', params: { tab: value ?? 'me' } })}
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          {TABS.map((id) => (
            <Tabs.Tab key={id} value={id}>
              {t(`settings.tab.${id}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="me">
          <PreferencesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="office">
          <OfficePanel />
        </Tabs.Panel>
        <Tabs.Panel value="staff">
          <UsersPanel />
        </Tabs.Panel>
        <Tabs.Panel value="approvals">
          <TemplatesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="upkeep">
          <MaintenancePanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
