/** What this desk is: versions, where its data lives, who is using it. */
import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { MethodOutput } from '../../../../shared/api/contract';
import { useI18n, type MessageKey } from '../../i18n/locale';

type SystemInfo = MethodOutput<'system.info'>;

function Fact({ label, children }: { label: MessageKey; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={500}>
        {t(label)}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

/** Technical values (versions, paths) keep their Latin form and direction. */
function Technical({ children, testId }: { children: string; testId?: string }) {
  return (
    <bdi className="ltr-value" dir="ltr" data-testid={testId} style={{ wordBreak: 'break-all' }}>
      {children}
    </bdi>
  );
}

export function SystemCard({ info }: { info: SystemInfo }) {
  const { t, locale } = useI18n();
  const user = info.currentUser;
  const userName = user ? (locale === 'en' && user.nameEn ? user.nameEn : user.nameFa) : null;
  return (
    <Card component="section" aria-labelledby="system-card-title">
      <Title order={2} fz="h4" id="system-card-title" mb="md">
        {t('desk.system.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg" verticalSpacing="md">
        <Fact label="desk.system.appVersion">
          <Technical testId="app-version">{info.appVersion}</Technical>
        </Fact>
        <Fact label="desk.system.schemaVersion">
          <Technical testId="schema-version">{info.schemaVersion}</Technical>
        </Fact>
        <Fact label="desk.system.sqliteVersion">
          <Technical testId="sqlite-version">{info.sqliteVersion}</Technical>
        </Fact>
        <Fact label="desk.system.workstation">
          <Technical>{info.workstation}</Technical>
        </Fact>
        <Fact label="desk.system.actor">
          <Technical>{info.actor}</Technical>
        </Fact>
        <Fact label="desk.system.user">
          {userName ? <bdi dir="auto">{userName}</bdi> : t('desk.system.notRegistered')}
        </Fact>
      </SimpleGrid>
      <Stack mt="lg">
        <Fact label="desk.system.dataDir">
          <Technical testId="data-dir">{info.dataDir}</Technical>
        </Fact>
      </Stack>
    </Card>
  );
}
