/** The languages the office's letters and partners are written in, named in the user's language. */
export const COMMON_LANGUAGES = [
  'fa',
  'en',
  'ar',
  'fr',
  'ru',
  'zh',
  'de',
  'es',
  'it',
  'tr',
  'hy',
  'ms',
  'ur',
  'ro',
  'ja',
  'ko',
] as const;

const cache = new Map<string, Intl.DisplayNames>();

export function languageName(tag: string, locale: 'fa' | 'en'): string {
  let names = cache.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'language' });
    cache.set(locale, names);
  }
  try {
    return names.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

export function languageOptions(locale: 'fa' | 'en', extra?: string | null) {
  const tags: string[] = [...COMMON_LANGUAGES];
  if (extra && !tags.includes(extra)) tags.push(extra);
  return tags.map((tag) => ({ value: tag, label: languageName(tag, locale) }));
}
