/** Messages with their blanks filled, in the reader's digits, with English counts in the singular for one. */
import { describe, expect, it } from 'vitest';
import { translate } from '../../renderer/src/i18n/translate';

describe('translate', () => {
  it('counts one record in the singular in English and any other number in the plural', () => {
    expect(translate('en', 'list.count', { n: 1 })).toBe('1 record');
    expect(translate('en', 'list.count', { n: 0 })).toBe('0 records');
    expect(translate('en', 'list.count', { n: 2500 })).toBe('2,500 records');
    expect(translate('en', 'list.countOf', { shown: 50, n: 1 })).toBe('50 of 1 record');
  });

  it('fills Persian counts in Persian digits', () => {
    expect(translate('fa', 'list.count', { n: 1 })).toBe('۱ مورد');
    expect(translate('fa', 'list.count', { n: 2000 })).toBe('۲٬۰۰۰ مورد');
  });
});
