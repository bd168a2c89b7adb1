import { describe, expect, it } from 'vitest';
import { metaOf, parseQuery, planSearch, typeToken } from '../../electron/main/core/search/search.parse';
import { dateTokens } from '../../electron/main/core/search/search.service';
import { DeskError } from '../../electron/main/core/errors';

const noFilter = { types: null, dates: null };

describe('parseQuery', () => {
  it('reads words, phrases and exclusions', () => {
    const q = parseQuery('اصفهان "شهرهای خواهرخوانده" -کازان -"سن پترزبورگ" «فرایبورگ آلمان»');
    expect(q.include.map((t) => [t.tokens, t.phrase])).toEqual([
      [['اصفهان'], false],
      [['شهرهای', 'خواهرخوانده'], true],
      [['فرایبورگ', 'آلمان'], true],
    ]);
    expect(q.exclude.map((t) => t.compact)).toEqual(['کازان', 'سنپترزبورگ']);
  });

  it('normalises every term and keeps register numbers whole in the compact needle', () => {
    const q = parseQuery('۱۲۳/۱۴۰۴ أصفـهان Été');
    expect(q.include.map((t) => t.compact)).toEqual(['123/1404', 'اصفهان', 'ete']);
    expect(q.include[0]!.tokens).toEqual(['123', '1404']);
  });

  it('treats FTS syntax as text', () => {
    const hostile = [
      'NEAR(',
      '*',
      '"',
      '"unbalanced',
      'a AND OR NOT b',
      '(x) {y}: ^z',
      'title:foo',
      '- -',
      '""',
    ];
    for (const text of hostile) {
      const q = parseQuery(text);
      for (const t of [...q.include, ...q.exclude]) {
        for (const token of t.tokens) expect(token).toMatch(/^[\p{L}\p{N}]+$/u);
      }
    }
    expect(parseQuery('*').include).toEqual([]);
    expect(parseQuery('NEAR(').include.map((t) => t.tokens)).toEqual([['near']]);
    expect(parseQuery('"unbalanced phrase').include.map((t) => t.phrase)).toEqual([true]);
    expect(parseQuery('a-b').include.map((t) => t.tokens)).toEqual([['a', 'b']]);
  });

  it('refuses more terms than a search takes', () => {
    const many = Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ');
    expect(() => parseQuery(many)).toThrow(DeskError);
  });
});

describe('planSearch', () => {
  it('writes both indexes from quoted tokens only', () => {
    const plan = planSearch(parseQuery('خواهرخوانده "123/1404" -کازان'), noFilter)!;
    expect(plan.short).toBe(false);
    expect(plan.words).toBe(
      '(({title body joined} : (("خواهرخوانده" OR "خواهرخواندگ"*) AND "123 1404")) NOT ({title body joined} : ("کازان")))',
    );
    // Trigrams cannot tell where a number ends (1/1404 is inside 11/1404).
    expect(plan.grams).toBeNull();
    const compound = planSearch(parseQuery('خواهرخوانده "شهر اصفهان" -کازان'), noFilter)!;
    expect(compound.grams).toBe(
      '(({title body} : (("خواهرخوانده" OR "خواهرخواندگی" OR "خواهرخواندگان") AND "شهراصفهان")) NOT ({title body} : ("کازان")))',
    );
    expect(plan.needles.substrings).toEqual(['خواهرخوانده', 'خواهرخواندگ', '123/1404']);
  });

  it('reads only the last word as the start of longer words', () => {
    const plan = planSearch(parseQuery('همکاری فرهنگی'), noFilter)!;
    expect(plan.words).toBe('({title body joined} : ("همکاری" AND "فرهنگی"*))');
    expect(plan.needles.substrings).toEqual(['همکاری', 'فرهنگی']);
  });

  it('runs words typed with a half-space together as an alternative', () => {
    const plan = planSearch(parseQuery('خواهر\u200cخوانده'), noFilter)!;
    expect(plan.words).toContain('"خواهر خوانده"*');
    expect(plan.words).toContain('"خواهرخوانده"*');
  });

  it('falls back to a prefix search under three characters, without trigrams', () => {
    const plan = planSearch(parseQuery('اص'), noFilter)!;
    expect(plan.short).toBe(true);
    expect(plan.grams).toBeNull();
    expect(plan.needles.prefixes).toEqual(['اص']);
  });

  it('leaves trigrams out when a short word is excluded (they cannot express it)', () => {
    expect(planSearch(parseQuery('اصفهان -و'), noFilter)!.grams).toBeNull();
  });

  it('adds kind and date filters on the meta column', () => {
    const plan = planSearch(parseQuery('اصفهان'), { types: [typeToken('letter')], dates: ['y2025'] })!;
    expect(plan.words).toContain('(meta : "tletter") AND (meta : "y2025")');
    expect(plan.grams).toContain('(meta : "|tletter|") AND (meta : "|y2025|")');
  });

  it('answers nothing to plan when only exclusions were typed', () => {
    expect(planSearch(parseQuery('-کازان'), noFilter)).toBeNull();
  });
});

describe('meta tokens', () => {
  it('writes kind and date tokens', () => {
    expect(metaOf('letter', '2025-01-15')).toBe('|tletter|y2025|m202501|d20250115|');
    expect(metaOf('programme_item', null)).toBe('|tprogrammeitem|');
  });

  it('covers a date range with whole years, months and days', () => {
    expect(dateTokens('2025-01-01', '2025-12-31')).toEqual(['y2025']);
    expect(dateTokens('2025-03-30', '2025-05-02')).toEqual([
      'd20250330',
      'd20250331',
      'm202504',
      'd20250501',
      'd20250502',
    ]);
    // The Jalali year 1404: 21 Esfand … 20 March.
    const year1404 = dateTokens('2025-03-21', '2026-03-20');
    expect(year1404.slice(0, 3)).toEqual(['d20250321', 'd20250322', 'd20250323']);
    expect(year1404).toContain('m202512');
    expect(year1404).toContain('m202602');
    expect(year1404.at(-1)).toBe('d20260320');
    expect(year1404.length).toBeLessThan(50);
    expect(dateTokens('2024-01-01', '2026-02-28')).toEqual(['y2024', 'y2025', 'm202601', 'm202602']);
    expect(dateTokens('2025-05-05', '2025-05-05')).toEqual(['d20250505']);
  });
});
