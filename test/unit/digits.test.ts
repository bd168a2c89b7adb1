import { describe, expect, it } from 'vitest';
import { formatNumber, toAsciiDigits, toPersianDigits } from '../../shared/text/digits';

describe('digits', () => {
  it('writes Persian digits from ASCII and Arabic-Indic', () => {
    expect(toPersianDigits('0123456789')).toBe('۰۱۲۳۴۵۶۷۸۹');
    expect(toPersianDigits('٠١٢٣٤٥٦٧٨٩')).toBe('۰۱۲۳۴۵۶۷۸۹');
    expect(toPersianDigits('نامه 123/1404')).toBe('نامه ۱۲۳/۱۴۰۴');
  });

  it('reads Persian and Arabic-Indic digits as ASCII', () => {
    expect(toAsciiDigits('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
    expect(toAsciiDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(toAsciiDigits('۱۲۳/١٤٠٤/ر ب')).toBe('123/1404/ر ب');
    expect(toAsciiDigits('abc')).toBe('abc');
  });

  it('formats numbers with grouped thousands', () => {
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
    expect(formatNumber(1234567, 'fa')).toBe('۱٬۲۳۴٬۵۶۷');
    expect(formatNumber(1234.5, 'fa')).toBe('۱٬۲۳۴٫۵');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatNumber(999, 'fa')).toBe('۹۹۹');
    expect(formatNumber(0, 'fa')).toBe('۰');
    expect(formatNumber(-1500, 'en')).toBe('-1,500');
    expect(formatNumber(-1500, 'fa')).toBe('−۱٬۵۰۰');
    expect(formatNumber(-0.001, 'en')).toBe('0');
    expect(formatNumber(2 / 3, 'en')).toBe('0.67');
    expect(formatNumber(2 / 3, 'en', 0)).toBe('1');
  });

  it('groups like ICU does', () => {
    for (const n of [0, 7, 1000, 12345, 1234567.25, 98765432.1]) {
      expect(formatNumber(n, 'fa')).toBe(
        new Intl.NumberFormat('fa-IR', { maximumFractionDigits: 2 }).format(n),
      );
      expect(formatNumber(n, 'en')).toBe(
        new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(n),
      );
    }
  });
});
