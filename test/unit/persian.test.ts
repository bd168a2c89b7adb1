import { describe, expect, it } from 'vitest';
import { cleanDisplayText, compactKey, searchKey } from '../../shared/text/persian';

/** Every row of the DESIGN §3 normalisation, with what a user might type and the key. */
const rows: [string, string, string][] = [
  // NFKC: presentation forms become letters.
  ['presentation form lam-alef ﻻ (U+FEFB)', '\ufefb', 'لا'],
  ['presentation form keheh ﮎ (U+FB8E)', '\ufb8e', 'ک'],
  ['presentation forms of a word', '\ufee3\ufeea\ufeae', 'مهر'],
  ['lam-alef with madda ﻵ keeps آ', '\ufef5', 'لآ'],
  ['fullwidth Latin', 'ＡＢＣ', 'abc'],
  // Marks removed.
  ['fatha, damma, kasra', 'اَصفُهِان', 'اصفهان'],
  ['tanween', 'حتماً', 'حتما'],
  ['shadda and sukun', 'مُحَمَّد مَسْجِد', 'محمد مسجد'],
  ['superscript alef U+0670', 'رحمٰن', 'رحمن'],
  ['hamza above U+0654 on heh', 'خانهٔ', 'خانه'],
  ['hamza below U+0655', 'ا\u0655', 'ا'],
  ['Quranic marks U+0610–061A', 'ص\u0610\u0615لا', 'صلا'],
  ['Quranic marks U+06D6–06ED', 'قل\u06d6\u06e1\u06edم', 'قلم'],
  ['tatweel', 'اصــــفهان', 'اصفهان'],
  // Letters folded.
  ['Arabic yeh ي', 'ايران', 'ایران'],
  ['alef maksura ى', 'موسى', 'موسی'],
  ['ې', 'ې', 'ی'],
  ['ۍ', 'ۍ', 'ی'],
  ['yeh barree ے', 'ے', 'ی'],
  ['Arabic kaf ك', 'كتاب', 'کتاب'],
  ['swash kaf ڪ', 'ڪ', 'ک'],
  ['teh marbuta ة', 'مدينة', 'مدینه'],
  ['heh with yeh above ۀ', 'نامۀ', 'نامه'],
  ['ae ە', 'ە', 'ه'],
  ['heh goal ہ', 'ہ', 'ه'],
  ['heh doachashmee ھ', 'ھ', 'ه'],
  ['alef with hamza above أ', 'أصفهان', 'اصفهان'],
  ['alef with hamza below إ', 'إيران', 'ایران'],
  ['alef wasla ٱ', 'ٱلله', 'الله'],
  ['waw with hamza ؤ', 'مؤسسه', 'موسسه'],
  // Kept.
  ['alef madda آ survives', 'آبادان', 'آبادان'],
  ['yeh with hamza ئ survives', 'مسئول', 'مسئول'],
  ['ئ typed as Arabic yeh + hamza above', 'مسي\u0654ول', 'مسئول'],
  ['ئ typed as Farsi yeh + hamza above', 'مسی\u0654ول', 'مسئول'],
  ['آ typed as alef + madda above', 'ا\u0653ب', 'آب'],
  // Digits.
  ['Persian digits', '۱۲۳/۱۴۰۴', '123/1404'],
  ['Arabic-Indic digits', '١٢٣/١٤٠٤', '123/1404'],
  // Invisible characters become spaces.
  ['ZWNJ', 'خواهر\u200cخوانده', 'خواهر خوانده'],
  ['ZWJ', 'خواهر\u200dخوانده', 'خواهر خوانده'],
  ['ZWSP', 'a\u200bb', 'a b'],
  ['LRM and RLM', 'a\u200eb\u200fc', 'a b c'],
  ['embeddings and overrides U+202A–202E', 'a\u202ab\u202bc\u202cd\u202de\u202ef', 'a b c d e f'],
  ['isolates U+2066–2069', '\u2066a\u2067b\u2068c\u2069', 'a b c'],
  ['Arabic letter mark U+061C', 'a\u061cb', 'a b'],
  ['BOM', '\ufeffسلام', 'سلام'],
  ['soft hyphen', 'co\u00adoperation', 'co operation'],
  // Case, accents and spaces.
  ['lower-case', 'Isfahan KAZAN', 'isfahan kazan'],
  ['Latin accents fold', 'Été Iași Freiburg im Breisgau', 'ete iasi freiburg im breisgau'],
  ['combining accent after a Latin letter', 'Re\u0301sume\u0301', 'resume'],
  ['Cyrillic keeps its letters', 'Казань Ёлка', 'казань ёлка'],
  ['whitespace collapsed and trimmed', '  اصفهان \t\n  کازان  ', 'اصفهان کازان'],
  ['no-break space', 'a\u00a0b', 'a b'],
];

describe('searchKey', () => {
  it.each(rows)('%s', (_label, input, key) => {
    expect(searchKey(input)).toBe(key);
  });

  it('gives every spelling of a word one key', () => {
    const spellings = [
      'خواهرخوانده',
      'خواهرخواندە',
      'خواهرخواندة',
      'خواهرخوانده',
      'خـواهـرخـوانـده',
      'خَواهَرخوانده',
    ];
    for (const s of spellings) expect(searchKey(s)).toBe('خواهرخوانده');
    expect(compactKey('خواهر خوانده')).toBe('خواهرخوانده');
    expect(compactKey('خواهر\u200cخوانده')).toBe('خواهرخوانده');
    expect(searchKey('شهرهاي خواهرخواندة اصفهان')).toBe('شهرهای خواهرخوانده اصفهان');
  });

  it('keeps آ and ئ as single code points', () => {
    expect([...searchKey('آ')]).toEqual(['\u0622']);
    expect([...searchKey('ئ')]).toEqual(['\u0626']);
  });

  it('is idempotent', () => {
    for (const [, input] of rows) expect(searchKey(searchKey(input))).toBe(searchKey(input));
  });
});

describe('compactKey', () => {
  it('drops every space', () => {
    expect(compactKey(' 123/1404/ر ب ')).toBe('123/1404/رب');
    expect(compactKey('شهرهای خواهر‌خوانده')).toBe('شهرهایخواهرخوانده');
  });
});

describe('cleanDisplayText', () => {
  it('removes bidi overrides and control characters, keeps tab, newline and ZWNJ', () => {
    expect(cleanDisplayText('evil\u202Etxt.exe')).toBe('eviltxt.exe');
    expect(cleanDisplayText('\u2066name\u2069')).toBe('name');
    expect(cleanDisplayText('a\u0000b\u0007c\u007fd\u0085e\u009fz')).toBe('abcdez');
    expect(cleanDisplayText('line\r\nnext\rthird\tcol')).toBe('line\nnext\nthird\tcol');
    expect(cleanDisplayText('خواهر\u200cخوانده\u200f')).toBe('خواهر\u200cخوانده\u200f');
  });
});
