/** The program itself: providers around the shell, drawn into #root. */
import { DirectionProvider, MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Shell } from './Shell';
import { Toasts } from './Toasts';
import { cssVariablesResolver, theme } from './theme';
import { DamagedDeskGate } from '../features/recovery/DamagedDeskGate';
import { WelcomeGate } from '../features/welcome/WelcomeGate';
import { LocaleProvider, applyToDocument, firstPreferences } from '../i18n/locale';

/**
 * Draws the program into #root. main.tsx calls it once the first screen's code is here and the
 * desk has answered the start-up questions, so the first render draws the screen itself, not
 * each gate empty in turn.
 */
export function mount(): void {
  const first = firstPreferences();
  applyToDocument(first.locale);

  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');

  createRoot(root).render(
    <StrictMode>
      <DirectionProvider initialDirection={first.locale === 'fa' ? 'rtl' : 'ltr'}>
        <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
          <LocaleProvider>
            <Toasts />
            <DamagedDeskGate>
              <WelcomeGate>
                <Shell />
              </WelcomeGate>
            </DamagedDeskGate>
          </LocaleProvider>
        </MantineProvider>
      </DirectionProvider>
    </StrictMode>,
  );
}
