/**
 * The text that goes into Word documents: what the sanitiser removes and keeps, the file
 * names offered by the save dialog, and where a line changes direction.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { directionOf, segments } from '../../electron/main/core/documents/bidi-text';
import {
  safeFileName,
  sanitizeLine,
  sanitizeParagraphs,
  sanitizeText,
} from '../../electron/main/core/documents/sanitize';

/** XML 1.0's Char production. */
function isXmlText(s: string): boolean {
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const ok =
      c === 0x9 ||
      c === 0xa ||
      c === 0xd ||
      (c >= 0x20 && c <= 0xd7ff) ||
      (c >= 0xe000 && c <= 0xfffd) ||
      (c >= 0x10000 && c <= 0x10ffff);
    if (!ok) return false;
  }
  return true;
}

describe('sanitizeText', () => {
  it('removes what XML 1.0 forbids: C0 controls, U+FFFE, U+FFFF and lone surrogates', () => {
    expect(sanitizeText('a\u0000b\u0001c\u001fd\u000be\u000cf')).toBe('abcdef');
    expect(sanitizeText('x\ufffey\uffffz\ufdd0')).toBe('xyz');
    expect(sanitizeText('lone \ud800 high, lone \udc00 low, pair 😀')).toBe('lone  high, lone  low, pair 😀');
    expect(sanitizeText('plane 1 \u{1fffe}\u{10ffff}end')).toBe('plane 1 end');
  });

  it('neutralises bidi overrides and isolates, and keeps the marks Persian needs', () => {
    expect(sanitizeText('\u202egnp.exe\u202c and \u2066iso\u2069 \u202a\u202b\u202d')).toBe(
      'gnp.exe and iso ',
    );
    expect(sanitizeText('می‌شود \u200f\u200e\u061c \u200d')).toBe('می‌شود \u200f\u200e\u061c \u200d');
  });

  it('keeps line breaks as \\n, turns tabs into spaces and removes DEL and C1 controls', () => {
    expect(sanitizeText('a\r\nb\rc\td\u007fe\u0085f\u009f')).toBe('a\nb\nc def');
  });

  it('answers XML text for any string, without touching text that is already clean', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        expect(isXmlText(sanitizeText(s))).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), (s) => {
        const clean = sanitizeText(s);
        expect(sanitizeText(clean)).toBe(clean);
      }),
    );
  });

  it('folds a line and splits paragraphs, dropping empty lines', () => {
    expect(sanitizeLine('  a \n b\t c  ')).toBe('a b c');
    expect(sanitizeParagraphs('one\n\n  two  \r\n\u0001\nthree')).toEqual(['one', 'two', 'three']);
  });
});

describe('safeFileName', () => {
  it('keeps Persian and removes path separators and what Windows refuses', () => {
    expect(safeFileName('نامه ۱۷/۱۴۰۴/ر ب', 'نامه')).toBe('نامه ۱۷-۱۴۰۴-ر ب.docx');
    expect(safeFileName('..\\..\\windows\\system32\\a:b*c?"<d>|', 'x')).toBe('windows-system32-a-b-c-d.docx');
    expect(safeFileName('\u202eexe.docx\u0000', 'x')).toBe('exe.docx');
  });

  it('falls back for empty or reserved names and bounds the length', () => {
    expect(safeFileName('  ...  ', 'گزارش')).toBe('گزارش.docx');
    expect(safeFileName('CON', 'fallback')).toBe('fallback.docx');
    expect(safeFileName('lpt1.txt', 'fallback')).toBe('fallback.docx');
    expect(Array.from(safeFileName('ب'.repeat(500), 'x'))).toHaveLength(100 + '.docx'.length);
  });
});

describe('segments', () => {
  const show = (text: string, dir: 'rtl' | 'ltr') =>
    segments(text, dir).map((s) => `${s.rtl ? 'R' : 'L'}:${s.text}`);

  it('gives Latin words inside Persian their own runs, with their numbers and abbreviations', () => {
    expect(show('هیئت در تاریخ 7 April 2025 عازم می‌شود', 'rtl')).toEqual([
      'R:هیئت در تاریخ ',
      'L:7 April 2025',
      'R: عازم می‌شود',
    ]);
    expect(show('H.E. ساره فونارو', 'rtl')).toEqual(['L:H.E.', 'R: ساره فونارو']);
    expect(show('برنامه World Cities Summit (WCS) 2026 و', 'rtl')).toEqual([
      'R:برنامه ',
      'L:World Cities Summit (WCS) 2026',
      'R: و',
    ]);
    expect(show('ایمیل a.b@city.org است', 'rtl')).toEqual(['R:ایمیل ', 'L:a.b@city.org', 'R: است']);
  });

  it('leaves a sentence’s full stop and a lone number to the Persian paragraph', () => {
    expect(show('دیدار با Florence. سپس', 'rtl')).toEqual(['R:دیدار با ', 'L:Florence', 'R:. سپس']);
    expect(show('سال 2025 خوب بود', 'rtl')).toEqual(['R:سال 2025 خوب بود']);
  });

  it('gives Persian inside English its own runs, keeping parentheses paired', () => {
    expect(show('For اصفهان (نصف جهان) now', 'ltr')).toEqual(['L:For ', 'R:اصفهان (نصف جهان)', 'L: now']);
    expect(show('Visit «اصفهان» now', 'ltr')).toEqual(['L:Visit «', 'R:اصفهان', 'L:» now']);
    expect(show('Кремль and 北京', 'rtl')).toEqual(['L:Кремль and 北京']);
  });

  it('tells a text’s direction by its first strong letter', () => {
    expect(directionOf('  ۱۲ نفره Florence')).toBe('rtl');
    expect(directionOf('12 «Florence» اصفهان')).toBe('ltr');
    expect(directionOf('12 / 3')).toBeNull();
  });
});
