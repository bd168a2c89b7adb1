/**
 * Ctrl+K: one box to jump to any record or run a command. Commands are filtered here;
 * records come from the core's search as the user types. Arrows move, Enter runs, Esc closes.
 */
import { Badge, Group, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { searchKey } from '../../../shared/text/persian';
import { Highlighted } from '../components/Highlighted';
import { canOpen, openHit } from '../features/search/hits';
import { useI18n } from '../i18n/locale';
import { useQuery } from '../lib/query';
import { navigate, type Route } from './routes';
import { VISIBLE_SECTIONS } from './pages';
import classes from './CommandPalette.module.css';

interface Entry {
  key: string;
  group: 'commands' | 'records';
  label: ReactNode;
  text: string;
  badge?: string;
  run: () => void;
}

export function CommandPalette({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const i18n = useI18n();
  const { t, locale, setPreferences } = i18n;
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [debounced] = useDebouncedValue(text.trim(), 150);
  const hits = useQuery(
    'search.query',
    opened && debounced.length >= 2 ? { text: debounced, limit: 8 } : null,
    {},
  );

  const close = () => {
    setText('');
    setActive(0);
    onClose();
  };
  const go = (route: Route) => () => {
    close();
    navigate(route);
  };
  const visible = new Set(VISIBLE_SECTIONS.map((s) => s.id));
  const commands: Entry[] = [
    ...(visible.has('correspondence')
      ? [
          {
            key: 'new-in',
            text: t('letters.new.incoming'),
            route: { section: 'correspondence', id: 'new', params: { direction: 'incoming' } } as Route,
          },
          {
            key: 'new-out',
            text: t('letters.new.outgoing'),
            route: { section: 'correspondence', id: 'new', params: { direction: 'outgoing' } } as Route,
          },
        ]
      : []),
    ...(visible.has('partners')
      ? [
          {
            key: 'new-partner',
            text: t('partners.new.title'),
            route: { section: 'partners', id: 'new' } as Route,
          },
        ]
      : []),
    ...(visible.has('relationships')
      ? [
          {
            key: 'new-rel',
            text: t('relationships.new.title'),
            route: { section: 'relationships', id: 'new' } as Route,
          },
        ]
      : []),
    ...(visible.has('cases')
      ? [{ key: 'new-case', text: t('cases.new.title'), route: { section: 'cases', id: 'new' } as Route }]
      : []),
    ...VISIBLE_SECTIONS.map((s) => ({
      key: `go-${s.id}`,
      text: t('palette.goto', { section: t(s.label) }),
      route: { section: s.id } as Route,
    })),
  ].map((c) => ({ key: c.key, group: 'commands' as const, label: c.text, text: c.text, run: go(c.route) }));
  commands.push({
    key: 'language',
    group: 'commands',
    label: locale === 'fa' ? t('palette.language.en') : t('palette.language.fa'),
    text: `${t('palette.language.en')} ${t('palette.language.fa')} English فارسی`,
    run: () => {
      close();
      setPreferences({ locale: locale === 'fa' ? 'en' : 'fa' });
    },
  });

  const query = searchKey(text);
  const matchingCommands = query ? commands.filter((c) => searchKey(c.text).includes(query)) : commands;
  const records: Entry[] = (debounced.length >= 2 ? (hits.data?.items ?? []) : [])
    .filter(canOpen)
    .map((hit) => ({
      key: `${hit.type}-${hit.id}`,
      group: 'records',
      label: (
        <Highlighted
          segments={hit.titleSegments.length > 0 ? hit.titleSegments : [{ text: hit.title, match: false }]}
        />
      ),
      text: hit.title,
      badge: t(`search.type.${hit.type}`),
      run: () => {
        close();
        void openHit(hit, t);
      },
    }));
  const searchAll: Entry[] = debounced
    ? [
        {
          key: 'search-all',
          group: 'records',
          label: t('palette.searchAll', { text: debounced }),
          text: debounced,
          run: go({ section: 'search', params: { q: debounced } }),
        },
      ]
    : [];
  // Commands that match come first (they are few and exact), then records, then "search all".
  const entries = [...matchingCommands.slice(0, query ? 6 : 8), ...records, ...searchAll];
  const current = Math.min(active, Math.max(0, entries.length - 1));

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + entries.length) % Math.max(1, entries.length));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      entries[current]?.run();
    }
  };

  let lastGroup: Entry['group'] | null = null;
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={close}
      title={t('palette.title')}
      size="lg"
      yOffset="10vh"
      withinPortal
    >
      <Stack gap="sm">
        <TextInput
          data-autofocus
          dir="auto"
          aria-label={t('palette.title')}
          placeholder={t('palette.placeholder')}
          leftSection={<IconSearch size={18} aria-hidden />}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          role="combobox"
          aria-expanded
          aria-controls="palette-list"
          aria-activedescendant={entries[current] ? `palette-${entries[current].key}` : undefined}
          data-testid="palette-input"
        />
        <div id="palette-list" role="listbox" aria-label={t('palette.title')} className={classes.list}>
          {entries.length === 0 && (
            <Text size="sm" c="dimmed" p="sm">
              {t('palette.empty')}
            </Text>
          )}
          {entries.map((entry, index) => {
            const heading = entry.group !== lastGroup ? entry.group : null;
            lastGroup = entry.group;
            return (
              <div key={entry.key} role="presentation">
                {heading && (
                  <Text size="xs" c="dimmed" fw={600} px="sm" pt="xs" role="presentation">
                    {t(heading === 'commands' ? 'palette.commands' : 'palette.records')}
                  </Text>
                )}
                <UnstyledButton
                  id={`palette-${entry.key}`}
                  role="option"
                  aria-selected={index === current}
                  tabIndex={-1}
                  className={classes.option}
                  data-active={index === current || undefined}
                  onMouseEnter={() => setActive(index)}
                  onClick={entry.run}
                  data-testid="palette-option"
                >
                  <Group gap="xs" wrap="nowrap">
                    {entry.badge && (
                      <Badge size="xs" variant="light">
                        {entry.badge}
                      </Badge>
                    )}
                    <Text size="sm" dir="auto" truncate="end">
                      {entry.label}
                    </Text>
                  </Group>
                </UnstyledButton>
              </div>
            );
          })}
        </div>
        <Text size="xs" c="dimmed">
          {t('palette.hint')}
        </Text>
      </Stack>
    </Modal>
  );
}
