/**
 * The language and calendar last chosen on this workstation, mirrored in localStorage so the
 * first paint (and the first screen's questions to the desk) need not wait for the core.
 */
import type { Calendar } from '../../../shared/dates/jalali';
import { defaultCalendar } from '../../../shared/dates/jalali';
import type { Locale } from './translate';

export const STORAGE_KEY = 'desk.preferences';

export interface Preferences {
  locale: Locale;
  calendar: Calendar;
}

/** The last choice made on this workstation, for the first paint only. */
export function storedPreferences(): Preferences {
  try {
    const raw = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<Preferences> | null;
    const locale: Locale = raw?.locale === 'en' ? 'en' : 'fa';
    const calendar: Calendar =
      raw?.calendar === 'jalali' || raw?.calendar === 'gregorian' ? raw.calendar : defaultCalendar(locale);
    return { locale, calendar };
  } catch {
    return { locale: 'fa', calendar: 'jalali' };
  }
}

/** Puts the language and its direction on <html>, where the page's styles and Mantine read them. */
export function markLanguage(locale: Locale): void {
  const root = document.documentElement;
  root.lang = locale;
  root.dir = locale === 'fa' ? 'rtl' : 'ltr';
}
