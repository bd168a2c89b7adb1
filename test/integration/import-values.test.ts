/**
 * How an import reads single cells and CSV text: dates in either calendar and any digits,
 * numbers, yes and no, separators, quotes and encodings, and the mapping guessed from headers.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeCsv, detectSeparator, parseCsv } from '../../electron/main/core/import/import-csv';
import { guessMapping } from '../../electron/main/core/import/import.fields';
import { readBoolean, readDate, readNumber } from '../../electron/main/core/import/import-values';
import { fromJalali } from '../../shared/dates/jalali';

describe('dates', () => {
  const nowruz1404 = fromJalali(1404, 1, 1);
  it.each([
    ['۱۴۰۴/۰۱/۰۱', nowruz1404],
    ['١٤٠٤-١-١', nowruz1404],
    ['1404.01.01', nowruz1404],
    ['۱۴۰۴٫۰۱٫۰۱', nowruz1404],
    ['\u200f1404/1/1\u200f', nowruz1404],
    ['14040101', nowruz1404],
    ['2025-03-21', '2025-03-21'],
    ['2025/3/21', '2025-03-21'],
    ['2025-03-21T10:30:00', '2025-03-21'],
  ])('reads %s', (text, iso) => {
    expect(readDate(text, 'auto')).toBe(iso);
  });

  it('reads Excel date cells and serial numbers', () => {
    expect(readDate(new Date(Date.UTC(2024, 4, 6)), 'auto')).toBe('2024-05-06');
    expect(readDate(45420, 'auto')).toBe('2024-05-08');
    expect(readDate(14040101, 'auto')).toBe(nowruz1404);
  });

  it.each([
    ['1404/12/30', 'auto'],
    ['2025-02-29', 'auto'],
    ['21/03/2025', 'auto'],
    ['yesterday', 'auto'],
    ['1404/01/01', 'gregorian'],
    ['2025-03-21', 'jalali'],
    ['1650/01/01', 'auto'],
  ] as const)('refuses %s (%s)', (text, calendar) => {
    expect(readDate(text, calendar)).toBeNull();
  });

  it('refuses numbers that are not plausible serials', () => {
    expect(readDate(12, 'auto')).toBeNull();
    expect(readDate(1e9, 'auto')).toBeNull();
  });
});

describe('numbers and yes or no', () => {
  it('reads numbers in any digits with Persian separators', () => {
    expect(readNumber('۳۲٫۶۵')).toBe(32.65);
    expect(readNumber('1,234')).toBe(1234);
    expect(readNumber('−۲')).toBe(-2);
    expect(readNumber('twelve')).toBeNull();
    expect(readNumber(7)).toBe(7);
  });

  it('reads yes and no in Persian and English', () => {
    expect(['بله', 'Yes', 'true', '1', '✓'].map((v) => readBoolean(v))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['خیر', 'no', 'FALSE', 0].map((v) => readBoolean(v))).toEqual([false, false, false, false]);
    expect(readBoolean('perhaps')).toBeUndefined();
  });
});

describe('CSV', () => {
  it('finds the separator outside quotes', () => {
    expect(detectSeparator('a;b;"c,d,e"\n1;2;3')).toBe(';');
    expect(detectSeparator('a\tb\tc')).toBe('\t');
    expect(detectSeparator('single column')).toBe(',');
  });

  it('keeps separators, doubled quotes and line breaks inside quoted fields', () => {
    const { rows } = parseCsv('name,notes\r\n"Isfahan, Iran","said ""salaam""\nthen left"\r\nYerevan,\r\n');
    expect(rows).toEqual([
      ['name', 'notes'],
      ['Isfahan, Iran', 'said "salaam"\nthen left'],
      ['Yerevan', ''],
    ]);
  });

  it('reads UTF-8 with or without a byte-order mark, and Windows-1256 with Persian ی and ک', () => {
    const text = 'کرمان;یزد';
    expect(decodeCsv(Buffer.from(`\ufeff${text}`, 'utf8'), 'auto')).toEqual({ text, encoding: 'utf-8' });
    expect(decodeCsv(Buffer.from(text, 'utf8'), 'auto')).toEqual({ text, encoding: 'utf-8' });
    const arabicLetters = iconv.encode(text.replace(/ی/g, 'ي').replace(/ک/g, 'ك'), 'windows-1256');
    expect(decodeCsv(arabicLetters, 'auto')).toEqual({ text, encoding: 'windows-1256' });
  });
});

describe('the guessed mapping', () => {
  it('gives «شماره» to the register number and «شماره فرستنده» to the sender’s, in either order', () => {
    expect(guessMapping('letters', ['شماره فرستنده', 'موضوع', 'شماره', 'تاريخ'])).toEqual({
      senderNumber: 0,
      subject: 1,
      number: 2,
      letterDate: 3,
    });
  });

  it('reads English headers, spacing and Arabic letter forms alike', () => {
    expect(guessMapping('contacts', ['Full Name', 'E-mail', 'Organization', 'سمت'])).toEqual({
      nameFa: 0,
      emails: 1,
      partner: 2,
      position: 3,
    });
  });
});
