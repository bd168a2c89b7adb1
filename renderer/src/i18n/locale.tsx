/**
 * The user's language and calendar. The choice is kept on the user's record (users.update)
 * and mirrored in localStorage, which only serves the first paint before the core answers.
 */
import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Calendar } from '../../../shared/dates/jalali';
import { defaultCalendar, formatDate, todayIso, type DateStyle } from '../../../shared/dates/jalali';
import { formatNumber, toPersianDigits } from '../../../shared/text/digits';
import type { User } from '../../../shared/api/system.contract';
import { call, on } from '../lib/api';
import { arrivedPreload, takePreloaded } from '../lib/preload';
import { fa, type MessageKey } from './fa';
import { markLanguage, STORAGE_KEY, storedPreferences, type Preferences } from './preferences';
import { catalogues, translate, type Locale, type MessageParams } from './translate';

export type { Calendar, Locale, MessageKey, MessageParams, Preferences };
export { storedPreferences, translate };

/** Puts the language and direction on <html>, where Mantine's DirectionProvider reads it. */
export function applyToDocument(locale: Locale): void {
  markLanguage(locale);
  document.title = catalogues[locale]['app.name'];
}

/** Whether a key built at run time (a phase name from the core) has words in the catalogue. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(fa, key);
}

export interface I18n extends Preferences {
  dir: 'rtl' | 'ltr';
  t: (key: MessageKey, params?: MessageParams) => string;
  /** A stored YYYY-MM-DD date in the user's calendar and digits. */
  date: (isoDate: string, style?: DateStyle) => string;
  /** The calendar date (local wall clock) of a UTC timestamp. */
  dateOf: (isoTimestamp: string, style?: DateStyle) => string;
  /** Date and wall-clock time of a UTC timestamp: `۱۵ اردیبهشت ۱۴۰۴، ۱۲:۳۰`. */
  dateTime: (isoTimestamp: string) => string;
  number: (n: number) => string;
  /** A record's name in the user's language: the English name in English when there is one. */
  name: (named: { nameFa: string; nameEn?: string | null }) => string;
  /** Digits of identifiers, versions and register numbers in the user's script. */
  digits: (s: string) => string;
  setPreferences: (change: Partial<Preferences>) => void;
}

const I18nContext = createContext<I18n | null>(null);

export function useI18n(): I18n {
  const value = use(I18nContext);
  if (!value) throw new Error('useI18n outside LocaleProvider');
  return value;
}

/** The registered user, when the answer asked for as the page started has already come. */
function arrivedUser(): User | null {
  const arrived = arrivedPreload('users.me', '{}');
  return arrived?.ok ? arrived.value : null;
}

/**
 * The language and calendar the program is first drawn in: the registered user's own choice
 * when the desk has already answered who that is, otherwise this workstation's last choice.
 */
export function firstPreferences(): Preferences {
  const user = arrivedUser();
  return user ? { locale: user.locale, calendar: user.calendar } : storedPreferences();
}

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [prefs, setPrefs] = useState<Preferences>(firstPreferences);
  const [me, setMe] = useState<User | null>(arrivedUser);

  // The registered user's own choice wins over this workstation's hint.
  useEffect(() => {
    let live = true;
    (takePreloaded('users.me', '{}') ?? call('users.me', {})).then(
      (user) => {
        if (!live || !user) return;
        // The same answer the first render drew changes nothing, so nothing is drawn again.
        setMe(user);
        setPrefs((current) =>
          current.locale === user.locale && current.calendar === user.calendar
            ? current
            : { locale: user.locale, calendar: user.calendar },
        );
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);

  // A user registered (or changed) later, in Settings, from now on keeps the choice.
  useEffect(
    () =>
      on('changed', (payload) => {
        if (!payload.entities.includes('user')) return;
        call('users.me', {}).then(setMe, () => {});
      }),
    [],
  );

  useEffect(() => {
    applyToDocument(prefs.locale);
    localStorage.setItem(STORAGE_KEY, JSON.stringify(prefs));
  }, [prefs]);

  const setPreferences = useCallback(
    (change: Partial<Preferences>) => {
      const locale = change.locale ?? prefs.locale;
      const calendar =
        change.calendar ??
        (change.locale && change.locale !== prefs.locale ? defaultCalendar(locale) : prefs.calendar);
      setPrefs({ locale, calendar });
      if (me) {
        call('users.update', { id: me.id, locale, calendar }).then(setMe, () => {});
      }
    },
    [me, prefs],
  );

  const value = useMemo<I18n>(() => {
    const { locale, calendar } = prefs;
    const date = (isoDate: string, style: DateStyle = 'long') => formatDate(isoDate, locale, style, calendar);
    return {
      locale,
      calendar,
      dir: locale === 'fa' ? 'rtl' : 'ltr',
      t: (key, params) => translate(locale, key, params),
      date,
      dateOf: (isoTimestamp, style) => date(todayIso(new Date(isoTimestamp)), style),
      dateTime: (isoTimestamp) => {
        const at = new Date(isoTimestamp);
        const time = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
        const day = date(todayIso(at), 'long');
        return locale === 'fa' ? `${day}، ${toPersianDigits(time)}` : `${day}, ${time}`;
      },
      number: (n) => formatNumber(n, locale),
      name: (named) => (locale === 'en' && named.nameEn ? named.nameEn : named.nameFa),
      digits: (s) => (locale === 'fa' ? toPersianDigits(s) : s),
      setPreferences,
    };
  }, [prefs, setPreferences]);

  return <I18nContext value={value}>{children}</I18nContext>;
}
