/**
 * Keyboard shortcuts of the whole window: Ctrl+N starts a new record in the current section,
 * Ctrl+F jumps to the list's filter (or the search box), Ctrl+K opens the command palette.
 * Esc belongs to whatever is open: dialogs, menus and forms handle it themselves.
 */
import { useEffect } from 'react';
import { navigate, type Route, type SectionId } from './routes';

/** Where Ctrl+N leads in each section that can create records. */
export const NEW_ROUTES: Partial<Record<SectionId, Route>> = {
  correspondence: { section: 'correspondence', id: 'new', params: { direction: 'incoming' } },
  partners: { section: 'partners', id: 'new' },
  relationships: { section: 'relationships', id: 'new' },
  cases: { section: 'cases', id: 'new' },
  agreements: { section: 'agreements', id: 'new' },
  events: { section: 'events', id: 'new' },
};

export interface ShortcutHandlers {
  section: SectionId | null;
  openPalette?: () => void;
}

function focusFirst(selector: string): boolean {
  const element = document.querySelector<HTMLElement>(selector);
  if (!element) return false;
  element.focus();
  if (element instanceof HTMLInputElement) element.select();
  return true;
}

export function useShortcuts({ section, openPalette }: ShortcutHandlers): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      // Persian layouts send the Persian letter in event.key; event.code names the physical key.
      const code = event.code;
      if (key === 'k' || code === 'KeyK') {
        if (!openPalette) return;
        event.preventDefault();
        openPalette();
      } else if (key === 'n' || code === 'KeyN') {
        const target = section ? NEW_ROUTES[section] : undefined;
        if (!target) return;
        event.preventDefault();
        navigate(target);
      } else if (key === 'f' || code === 'KeyF') {
        event.preventDefault();
        if (!focusFirst('[data-list-filter]')) focusFirst('[data-header-search]');
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [section, openPalette]);
}
