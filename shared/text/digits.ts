/**
 * Digits in the three scripts staff type: ASCII 0-9, Persian ۰-۹ (U+06F0–06F9) and
 * Arabic-Indic ٠-٩ (U+0660–0669, what an Arabic keyboard layout produces).
 */

const PERSIAN_ZERO = 0x06f0;
const ARABIC_INDIC_ZERO = 0x0660;

/** ASCII and Arabic-Indic digits become Persian digits; everything else stays. */
export function toPersianDigits(s: string): string {
  return s.replace(/[0-9\u0660-\u0669]/g, (d) => {
    const code = d.charCodeAt(0);
    const value = code >= ARABIC_INDIC_ZERO ? code - ARABIC_INDIC_ZERO : code - 48;
    return String.fromCharCode(PERSIAN_ZERO + value);
  });
}

/** Persian and Arabic-Indic digits become ASCII digits; everything else stays. */
export function toAsciiDigits(s: string): string {
  return s.replace(/[\u06f0-\u06f9\u0660-\u0669]/g, (d) => {
    const code = d.charCodeAt(0);
    return String(code >= PERSIAN_ZERO ? code - PERSIAN_ZERO : code - ARABIC_INDIC_ZERO);
  });
}

export type NumberLocale = 'fa' | 'en';

/** Persian thousands separator (U+066C) and decimal separator (U+066B). */
const FA_GROUP = '\u066c';
const FA_DECIMAL = '\u066b';
/** A true minus sign: the hyphen-minus looks like a dash between Persian digits. */
const FA_MINUS = '\u2212';

/**
 * Formats a number for display with grouped thousands: `1,234.5` in English and
 * `۱٬۲۳۴٫۵` in Persian. The grouping is done here rather than by `Intl` so that main and
 * renderer agree whatever ICU they carry, and no bidi marks end up in the text.
 */
export function formatNumber(n: number, locale: NumberLocale, maximumFractionDigits = 2): string {
  if (!Number.isFinite(n)) return String(n);
  const fixed = Math.abs(n).toFixed(Math.max(0, Math.min(20, maximumFractionDigits)));
  const [whole = '0', fraction = ''] = fixed.split('.');
  const trimmedFraction = fraction.replace(/0+$/, '');
  const negative = n < 0 && (/[1-9]/.test(whole) || trimmedFraction !== '');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  if (locale === 'en') {
    return `${negative ? '-' : ''}${grouped}${trimmedFraction ? `.${trimmedFraction}` : ''}`;
  }
  const body = toPersianDigits(grouped.replace(/,/g, FA_GROUP));
  const tail = trimmedFraction ? `${FA_DECIMAL}${toPersianDigits(trimmedFraction)}` : '';
  return `${negative ? FA_MINUS : ''}${body}${tail}`;
}
