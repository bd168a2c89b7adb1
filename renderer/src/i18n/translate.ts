/** Messages of the catalogues with their blanks filled, without React, for screens and tests alike. */
import { formatNumber } from '../../../shared/text/digits';
import { en } from './en';
import { fa, type MessageKey } from './fa';

export type Locale = 'fa' | 'en';
export type MessageParams = Record<string, string | number>;

export const catalogues = { fa, en } as const;

/**
 * A message with its blanks filled: `{n}` takes the parameter (numbers in the locale's
 * digits); `{n|record|records}` takes the first word when n is 1 and the second otherwise.
 */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template: string = catalogues[locale][key];
  if (!params) return template;
  const counted = template.replace(
    /\{(\w+)\|([^|}]*)\|([^}]*)\}/g,
    (whole, name: string, one: string, other: string) => {
      const value = params[name];
      if (typeof value !== 'number') return whole;
      return value === 1 ? one : other;
    },
  );
  return counted.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value, locale) : value;
  });
}

/**
 * Text set apart from the words around it (FSI … PDI), for plain strings that cannot hold a
 * <bdi>: a toast, a page title, a picker's label. `ر ب/1/1404` inside an English sentence
 * otherwise pulls its neighbours into its own direction and reads as `ر ب/1/1404Invitation`,
 * and a Latin name in a Persian toast carries the sentence's full stop to its own side.
 */
export function isolated(text: string): string {
  return `\u2068${text}\u2069`;
}
