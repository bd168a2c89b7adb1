import { describe, expect, it } from 'vitest';
import {
  highlightAll,
  indexedForm,
  markWords,
  snippetOf,
  splitWords,
  wordKeys,
} from '../../electron/main/core/search/search.text';

const ZWNJ = '\u200c';

function textOf(segments: { text: string; match: boolean }[]): string {
  return segments.map((s) => s.text).join('');
}

function marks(segments: { text: string; match: boolean }[]): string[] {
  return segments.filter((s) => s.match).map((s) => s.text);
}

describe('words and their keys', () => {
  it('splits at spaces, ZWNJ and bidi marks and keys each word as typed', () => {
    const text = `شهرهاي خواهر${ZWNJ}خواندة\u200f اَصفـهان  ﻻله 123/١٤٠٤`;
    const words = splitWords(text);
    expect(words.map((w) => text.slice(w.start, w.end))).toEqual([
      'شهرهاي',
      'خواهر',
      'خواندة',
      'اَصفـهان',
      'ﻻله',
      '123/١٤٠٤',
    ]);
    expect(wordKeys(text, words)).toEqual(['شهرهای', 'خواهر', 'خوانده', 'اصفهان', 'لاله', '123/1404']);
  });

  it('keeps one key per word even for words that normalise to nothing or to several', () => {
    const text = 'الف ــــ ً ﷺ ب';
    const words = splitWords(text);
    const keys = wordKeys(text, words);
    expect(keys).toHaveLength(words.length);
    expect(keys[1]).toBe('');
    expect(keys[3]).not.toContain(' ');
  });

  it('indexes keys aligned with the words and compounds run together', () => {
    const form = indexedForm(`شهرهای خواهر${ZWNJ}خوانده و برنامه${ZWNJ}های فرهنگی می${ZWNJ}کنند`);
    expect(form.keys).toBe('شهرهای خواهر خوانده و برنامه های فرهنگی می کنند');
    expect(form.joined).toBe('خواهرخوانده برنامههای میکنند');
    expect(indexedForm('').keys).toBe('');
    expect(indexedForm('').joined).toBe('');
  });
});

describe('marking', () => {
  it('marks a compound written apart as the words it spans', () => {
    expect(
      markWords(['شهرهای', 'خواهر', 'خوانده', 'اصفهان'], { substrings: ['خواهرخوانده'], prefixes: [] }),
    ).toEqual([false, true, true, false]);
  });

  it('marks a short word where it stands alone before marking longer words it starts', () => {
    const keys = ['به', '1/1404/ر', 'ب'];
    expect(markWords(keys, { substrings: [], prefixes: ['ب'] })).toEqual([false, false, true]);
    expect(markWords(['به', 'بهار'], { substrings: [], prefixes: ['ب'] })).toEqual([true, true]);
  });

  it('marks the original spelling, with the half-space inside one mark', () => {
    const title = `شهرهاي خواهر${ZWNJ}خواندة اصفهان`;
    const segments = highlightAll(title, null, { substrings: ['خواهرخوانده'], prefixes: [] });
    expect(textOf(segments)).toBe(title);
    expect(marks(segments)).toEqual([`خواهر${ZWNJ}خواندة`]);
  });

  it('uses the stored keys when they line up and recomputes them otherwise', () => {
    const title = 'اصفهان کازان';
    const stale = highlightAll(title, 'unrelated', { substrings: ['کازان'], prefixes: [] });
    expect(marks(stale)).toEqual(['کازان']);
    const stored = highlightAll(title, 'اصفهان kazan', { substrings: ['kazan'], prefixes: [] });
    expect(marks(stored)).toEqual(['کازان']);
  });
});

describe('snippets', () => {
  const filler = (n: number) => Array.from({ length: n }, (_, i) => `واژه${i}`).join(' ');

  it('shows the passage around the matches with ellipses where the text goes on', () => {
    const body = `${filler(100)} شهرهای خواهرخوانده اصفهان ${filler(100)}`;
    const segments = snippetOf(body, null, { substrings: ['اصفهان'], prefixes: [] });
    const text = textOf(segments);
    expect(text.startsWith('… ')).toBe(true);
    expect(text.endsWith(' …')).toBe(true);
    expect(marks(segments)).toEqual(['اصفهان']);
    expect(text).toContain('شهرهای خواهرخوانده اصفهان');
    expect(text.split(' ').length).toBeLessThanOrEqual(30);
  });

  it('prefers the window with the most matches', () => {
    const body = `اصفهان ${filler(60)} کازان و اصفهان و کازان ${filler(60)}`;
    const segments = snippetOf(body, null, { substrings: ['اصفهان', 'کازان'], prefixes: [] });
    expect(marks(segments)).toEqual(['کازان', 'اصفهان', 'کازان']);
  });

  it('shows the start of the text when only the title matched, each line parted by one line break', () => {
    const body = 'سطر اول\nسطر دوم\r\n\tسطر سوم';
    const segments = snippetOf(body, null, { substrings: ['هیچ'], prefixes: [] });
    expect(segments).toEqual([{ text: 'سطر اول\nسطر دوم\nسطر سوم', match: false }]);
    expect(snippetOf('', null, { substrings: ['x'], prefixes: [] })).toEqual([]);
  });

  it('keeps a register number and a Latin name as fields of their own, for the screen to set apart', () => {
    const body = 'درخواست همکاری فرهنگی\nر ب/12/1404\nBarcelona City Council';
    const segments = snippetOf(body, null, { substrings: ['barcelona'], prefixes: [] });
    expect(textOf(segments).split('\n')).toEqual([
      'درخواست همکاری فرهنگی',
      'ر ب/12/1404',
      'Barcelona City Council',
    ]);
    expect(marks(segments)).toEqual(['Barcelona']);
  });

  it('removes bidi overrides from what it shows', () => {
    const segments = highlightAll('evil\u202Etxt.exe kazan', null, { substrings: ['kazan'], prefixes: [] });
    expect(textOf(segments)).toBe('eviltxt.exe kazan');
  });
});

describe('word breaks', () => {
  it('are whitespace and exactly the characters the search key turns into spaces', async () => {
    const { normalizeForSearch } = await import('../../shared/text/persian');
    const invisible = /^(?:[\u200b\u200c\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff\u00ad]|\u200d)$/;
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      const expected = /^\s$/.test(ch) || invisible.test(ch);
      if ((splitWords(`a${ch}b`).length === 2) !== expected) wrong.push(c.toString(16));
      if (invisible.test(ch) && normalizeForSearch(ch) !== ' ') wrong.push(`key ${c.toString(16)}`);
    }
    expect(wrong).toEqual([]);
  });
});
