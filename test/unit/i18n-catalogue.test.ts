/**
 * The interface's words: every error code the core can answer reads as a human message in
 * Persian and in English, and both catalogues say the same things with the same blanks.
 */
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/api/errors';
import { en } from '../../renderer/src/i18n/en';
import { fa, type MessageKey } from '../../renderer/src/i18n/fa';

const PERSIAN_LETTER = /[\u0600-\u06FF]/;
const LATIN_LETTER = /[A-Za-z]/;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the interface catalogues', () => {
  it.each(ERROR_CODES)('translate the error code %s in Persian and English', (code) => {
    const key = `errors.${code}` as MessageKey;
    expect(Object.keys(fa)).toContain(key);
    expect(Object.keys(en)).toContain(key);
    expect(fa[key]).toMatch(PERSIAN_LETTER);
    expect(fa[key]).not.toMatch(LATIN_LETTER);
    expect(en[key]).toMatch(LATIN_LETTER);
    expect(en[key]).not.toMatch(PERSIAN_LETTER);
    expect(en[key]).not.toContain(code);
  });

  it('have the same keys, none empty, with the same blanks in both languages', () => {
    const keys = Object.keys(fa) as MessageKey[];
    expect(Object.keys(en).sort()).toEqual([...keys].sort());
    const mismatched = keys.filter((key) => {
      const persian = fa[key];
      const english = en[key];
      return (
        persian.trim() === '' ||
        english.trim() === '' ||
        JSON.stringify(placeholders(persian)) !== JSON.stringify(placeholders(english))
      );
    });
    expect(mismatched).toEqual([]);
  });

  it('write Persian with the Persian yeh and kaf, except where the search help names the Arabic ones', () => {
    const arabic = /[\u064A\u0643\u0649]/;
    const offending = (Object.keys(fa) as MessageKey[]).filter(
      (key) => arabic.test(fa[key]) && !/ي و ی، ك و ک/.test(fa[key]),
    );
    expect(offending).toEqual([]);
  });
  it('name things in the import wizard as the rest of the program does', () => {
    const same: [MessageKey, MessageKey][] = [
      ['import.target.contacts', 'partners.section.contacts'],
      ['import.field.number', 'letters.field.number'],
      ['import.field.senderNumber', 'letters.field.senderNumber'],
      ['import.field.senderDate', 'letters.field.senderDate'],
      ['import.field.followUpDate', 'letters.field.followUpDate'],
      ['import.field.needsReply', 'letters.field.needsReply'],
      ['import.field.website', 'partners.field.website'],
      ['import.calendar.jalali', 'settings.me.calendar.jalali'],
      ['import.calendar.gregorian', 'settings.me.calendar.gregorian'],
    ];
    for (const catalogue of [fa, en]) {
      expect(same.filter(([a, b]) => catalogue[a] !== catalogue[b])).toEqual([]);
    }
    // The program's words, never the colloquial ones beside them.
    const importWords = Object.entries(fa).filter(([key]) => key.startsWith('import.'));
    expect(importWords.filter(([, text]) => /شماره ثبت|وب‌?سایت|شمسی/.test(text))).toEqual([]);
    const english = Object.entries(en).filter(([key]) => key.startsWith('import.'));
    expect(english.filter(([, text]) => /\bcontacts?\b/i.test(text))).toEqual([]);
  });
});
