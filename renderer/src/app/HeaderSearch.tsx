/** The search box in the header: Enter opens the search page with the words typed. */
import { Kbd, TextInput, Tooltip, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useI18n } from '../i18n/locale';
import { navigate } from './routes';

export function HeaderSearch({ onPalette }: { onPalette: () => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  return (
    <TextInput
      aria-label={t('header.search.label')}
      placeholder={t('header.search.placeholder')}
      leftSection={<IconSearch size={16} aria-hidden />}
      rightSectionWidth={70}
      rightSection={
        <Tooltip label={t('palette.open')}>
          <UnstyledButton onClick={onPalette} dir="ltr">
            <VisuallyHidden>{t('palette.title')}</VisuallyHidden>
            <Kbd size="xs">Ctrl+K</Kbd>
          </UnstyledButton>
        </Tooltip>
      }
      w={300}
      dir="auto"
      value={text}
      data-header-search
      data-testid="header-search"
      onChange={(event) => setText(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && text.trim()) {
          navigate({ section: 'search', params: { q: text.trim() } });
          setText('');
        }
      }}
    />
  );
}
