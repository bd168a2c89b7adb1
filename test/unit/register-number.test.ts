import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REGISTER_PATTERN,
  displayRegisterNumber,
  formatRegisterNumber,
  parseRegisterNumber,
  registerPatternProblems,
} from '../../shared/letters/register-number';
import { SETTINGS } from '../../shared/api/settings.schema';

describe('register numbers', () => {
  it('the default pattern is the one the settings default to', () => {
    expect(SETTINGS['letters.numberPattern'].parse(undefined)).toBe(DEFAULT_REGISTER_PATTERN);
  });

  it('formats {seq} and {year} with ASCII digits for storage', () => {
    expect(formatRegisterNumber('{seq}/{year}/ر ب', { seq: 17, year: 1404, secretariat: 'main' })).toBe(
      '17/1404/ر ب',
    );
    expect(formatRegisterNumber('{year}-{seq}', { seq: 1, year: 1405, secretariat: 'main' })).toBe('1405-1');
  });

  it('puts the secretariat where {secretariat} stands, every time it stands there', () => {
    expect(
      formatRegisterNumber('{secretariat}/{seq}/{year}/{secretariat}', {
        seq: 305,
        year: 1404,
        secretariat: 'د ب',
      }),
    ).toBe('د ب/305/1404/د ب');
  });

  it('leaves unknown placeholders as written and names them as problems', () => {
    expect(formatRegisterNumber('{seq}/{month}', { seq: 2, year: 1404, secretariat: 'x' })).toBe('2/{month}');
    expect(registerPatternProblems('{seq}/{month}')).toEqual([
      'unknown placeholder {month}; use {seq}, {year}, {secretariat}',
    ]);
    expect(registerPatternProblems('{year}/ر ب')).toEqual(['the pattern must contain {seq}']);
    expect(registerPatternProblems(DEFAULT_REGISTER_PATTERN)).toEqual([]);
  });

  it('refuses a sequence or year that is not a positive integer', () => {
    expect(() => formatRegisterNumber('{seq}', { seq: 0, year: 1404, secretariat: 'x' })).toThrow(RangeError);
    expect(() => formatRegisterNumber('{seq}', { seq: 1.5, year: 1404, secretariat: 'x' })).toThrow(
      RangeError,
    );
    expect(() => formatRegisterNumber('{seq}', { seq: 1, year: -1, secretariat: 'x' })).toThrow(RangeError);
  });

  it('shows Persian digits in Persian and ASCII digits in English', () => {
    expect(displayRegisterNumber('17/1404/ر ب', 'fa')).toBe('۱۷/۱۴۰۴/ر ب');
    expect(displayRegisterNumber('17/1404/ر ب', 'en')).toBe('17/1404/ر ب');
    expect(displayRegisterNumber('۱۷/١٤٠٤', 'en')).toBe('17/1404');
  });

  it('reads a typed number back in any digit script and letter form', () => {
    const pattern = DEFAULT_REGISTER_PATTERN;
    expect(parseRegisterNumber(pattern, '17/1404/ر ب')).toEqual({ seq: 17, year: 1404, secretariat: null });
    expect(parseRegisterNumber(pattern, '۱۷/۱۴۰۴/ر ب')).toEqual({ seq: 17, year: 1404, secretariat: null });
    expect(parseRegisterNumber(pattern, ' ١٧ / ١٤٠٤ / رب ')).toEqual({
      seq: 17,
      year: 1404,
      secretariat: null,
    });
    expect(parseRegisterNumber(pattern, '17/1404')).toBeNull();
    expect(parseRegisterNumber(pattern, 'abc/1404/ر ب')).toBeNull();
    expect(parseRegisterNumber(pattern, '0/1404/ر ب')).toBeNull();
  });

  it('reads the secretariat, or checks it when it is known', () => {
    const pattern = '{secretariat}-{year}-{seq}';
    expect(parseRegisterNumber(pattern, 'دبیرخانه-1404-9')).toEqual({
      seq: 9,
      year: 1404,
      secretariat: 'دبیرخانه',
    });
    expect(parseRegisterNumber(pattern, 'main-1404-9', 'main')).toEqual({
      seq: 9,
      year: 1404,
      secretariat: 'main',
    });
    expect(parseRegisterNumber(pattern, 'other-1404-9', 'main')).toBeNull();
  });

  it('reads numbers written without separators and repeated placeholders', () => {
    expect(parseRegisterNumber('{seq}{year}', '1231404')).toEqual({
      seq: 123,
      year: 1404,
      secretariat: null,
    });
    expect(parseRegisterNumber('{year}/{seq}/{year}', '1404/5/1404')).toEqual({
      seq: 5,
      year: 1404,
      secretariat: null,
    });
    expect(parseRegisterNumber('{year}/{seq}/{year}', '1404/5/1405')).toBeNull();
    expect(parseRegisterNumber('ن-{seq}', 'ن-12')).toEqual({ seq: 12, year: null, secretariat: null });
  });

  it('a formatted number parses back to its parts', () => {
    for (const pattern of [
      DEFAULT_REGISTER_PATTERN,
      '{secretariat}/{year}/{seq}',
      '{seq}.{year}',
      'No. {seq} ({year})',
    ]) {
      for (const seq of [1, 9, 10, 999, 123456]) {
        const number = formatRegisterNumber(pattern, { seq, year: 1404, secretariat: 'main' });
        const parsed = parseRegisterNumber(pattern, displayRegisterNumber(number, 'fa'), 'main');
        expect(parsed).toEqual({ seq, year: 1404, secretariat: 'main' });
      }
    }
  });
});
