/**
 * How letters are named on the screens: the office's classifications and urgencies (its own
 * words, stored as typed; the usual Persian ones read in English however they were typed),
 * the sender and addressee in the user's punctuation, register numbers set apart in labels.
 */
import { describe, expect, it } from 'vitest';
import { letterLabel, levelLabel, partyName } from '../../renderer/src/features/correspondence/letter-view';

const name = (n: { nameFa: string; nameEn?: string | null }) => n.nameEn ?? n.nameFa;

describe('classification and urgency labels', () => {
  it('names the usual levels in English whatever keyboard typed them', () => {
    expect(levelLabel('به‌کلی سری', 'en')).toBe('Top secret');
    expect(levelLabel('به کلی سری', 'en')).toBe('Top secret'); // a space for the half-space
    expect(levelLabel('خيلي محرمانه', 'en')).toBe('Highly confidential'); // Arabic yeh
    expect(levelLabel('خیلی‌فوری', 'en')).toBe('Very urgent');
    expect(levelLabel(' عادی ', 'en')).toBe('Normal');
  });

  it('keeps the office’s own words, and every word in Persian, as typed', () => {
    expect(levelLabel('محرمانهٔ اداری', 'en')).toBe('محرمانهٔ اداری');
    expect(levelLabel('به کلی سری', 'fa')).toBe('به کلی سری');
  });
});

describe('letter parties and labels', () => {
  it('joins a person and their partner with the comma of the user’s language', () => {
    const party = {
      partner: { id: 'p', nameFa: 'ایسی', nameEn: 'Issy-les-Moulineaux' },
      contact: { id: 'c', nameFa: 'کلر دوبوا', nameEn: 'Claire Dubois' },
      text: null,
    } as unknown as Parameters<typeof partyName>[0];
    expect(partyName(party, name, 'ltr')).toBe('Claire Dubois, Issy-les-Moulineaux');
    expect(partyName(party, name, 'rtl')).toBe('Claire Dubois، Issy-les-Moulineaux');
  });

  it('sets the register number and the subject apart in a picker’s label', () => {
    const label = letterLabel(
      { number: '1/1404/ر ب', letterDate: '2025-05-05', subject: 'دعوت' },
      { locale: 'en', date: () => '5 May 2025' },
    );
    expect(label).toBe('\u20681/1404/ر ب\u2069 — 5 May 2025 — \u2068دعوت\u2069');
  });
});
