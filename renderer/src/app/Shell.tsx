/** The window: header on top, the sections on the start side (right in Persian), the page. */
import { AppShell, Button, Group, NavLink, ScrollArea, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconWorld } from '@tabler/icons-react';
import { Suspense, lazy, useCallback, useState } from 'react';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { Loading } from '../components/Loading';
import { SessionProvider } from './session';
import { useI18n } from '../i18n/locale';
import { LanguageSwitch } from './LanguageSwitch';
import { PAGES, VISIBLE_SECTIONS } from './pages';
import { routeHref, useRoute } from './routes';
import { useShortcuts } from './shortcuts';
import { HeaderSearch } from './HeaderSearch';
import { IntegrityAlert } from './IntegrityAlert';
import { hasMethod } from './sections';

/** The command palette's code is read when it is first opened (Ctrl+K or the header's button). */
const CommandPalette = lazy(() => import('./CommandPalette').then((m) => ({ default: m.CommandPalette })));

export function Shell() {
  const { t } = useI18n();
  const [route] = useRoute();
  const Page = route ? PAGES[route.section] : undefined;
  const visible = route !== null && VISIBLE_SECTIONS.some((s) => s.id === route.section);
  const [palette, setPalette] = useState(false);
  // Kept once opened, so it closes with its own transition.
  const [paletteUsed, setPaletteUsed] = useState(false);
  const openPalette = useCallback(() => {
    setPaletteUsed(true);
    setPalette(true);
  }, []);
  const searchable = hasMethod('search.query');
  useShortcuts({ section: visible ? route.section : null, ...(searchable && { openPalette }) });

  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 248, breakpoint: 0 }} padding="xl">
      <AppShell.Header px="lg">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon size={38} radius="md" variant="filled" aria-hidden>
              <IconWorld size={22} stroke={1.6} />
            </ThemeIcon>
            <Stack gap={0}>
              <Text fw={700} size="lg" lh={1.2}>
                {t('app.name')}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2}>
                {t('app.office')}
              </Text>
            </Stack>
          </Group>
          <Group gap="md" wrap="nowrap">
            {searchable && <HeaderSearch onPalette={openPalette} />}
            <LanguageSwitch />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label={t('nav.label')} component="nav">
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap={4}>
            {VISIBLE_SECTIONS.map((section) => {
              const Icon = section.icon;
              const active = route?.section === section.id;
              return (
                <NavLink
                  key={section.id}
                  href={routeHref({ section: section.id })}
                  label={t(section.label)}
                  leftSection={<Icon size={20} stroke={1.6} aria-hidden />}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                  variant="light"
                  style={{ borderRadius: 'var(--mantine-radius-md)' }}
                />
              );
            })}
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        <SessionProvider>
          <IntegrityAlert />
          <ErrorBoundary key={route?.section ?? 'none'}>
            {route && Page && visible ? (
              // A screen's code loads when it is first opened; the spinner shows meanwhile.
              <Suspense fallback={<Loading />}>
                <Page route={route} />
              </Suspense>
            ) : (
              <Stack align="flex-start" gap="md">
                <Text size="lg">{t('common.notFound')}</Text>
                <Button component="a" href={routeHref({ section: 'desk' })} variant="light">
                  {t('common.backToDesk')}
                </Button>
              </Stack>
            )}
          </ErrorBoundary>
        </SessionProvider>
      </AppShell.Main>
      {searchable && paletteUsed && (
        <Suspense fallback={null}>
          <CommandPalette opened={palette} onClose={() => setPalette(false)} />
        </Suspense>
      )}
    </AppShell>
  );
}
