import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareTexts,
  wordDiff,
  type ComparableText,
  type DiffSegment,
} from '../../shared/agreements/clause-diff';

const join = (segments: DiffSegment[], keep: 'added' | 'removed') =>
  segments
    .filter((s) => s.kind === 'same' || s.kind === keep)
    .map((s) => s.text)
    .join('');
const changedWords = (segments: DiffSegment[], kind: 'added' | 'removed') =>
  segments
    .filter((s) => s.kind === kind)
    .map((s) => s.text.trim())
    .filter(Boolean);

describe('word differences', () => {
  it('marks whole Persian words, keeping the ZWNJ inside them', () => {
    const before = 'طرفین در زمینه‌های فرهنگی و اقتصادی همکاری می‌کنند.';
    const after = 'طرفین در زمینه‌های فرهنگی، گردشگری و اقتصادی همکاری خواهند کرد.';
    const segments = wordDiff(before, after, 'fa');
    expect(changedWords(segments, 'removed')).toEqual(['می‌کنند']);
    expect(changedWords(segments, 'added')).toEqual(['، گردشگری', 'خواهند کرد']);
    expect(join(segments, 'removed')).toBe(before);
    expect(join(segments, 'added')).toBe(after);
  });

  it('marks English and Russian words', () => {
    const en = wordDiff(
      'The Parties shall cooperate in culture.',
      'The Parties will cooperate in culture and sport.',
      'en',
    );
    expect(changedWords(en, 'removed')).toEqual(['shall']);
    expect(changedWords(en, 'added')).toEqual(['will', 'and sport']);
    const ru = wordDiff(
      'Стороны будут сотрудничать в области культуры.',
      'Стороны будут сотрудничать в области туризма.',
      'ru',
    );
    expect(changedWords(ru, 'removed')).toEqual(['культуры']);
    expect(changedWords(ru, 'added')).toEqual(['туризма']);
  });

  it('gives back both texts exactly, whatever the words and spaces', () => {
    const word = fc.constantFrom('و', 'همکاری', 'می‌کنند', 'city', 'Стороны', '،', '.', ' ', '  ', '\n', 'x');
    const textOf = fc.array(word, { maxLength: 30 }).map((w) => w.join(''));
    fc.assert(
      fc.property(textOf, textOf, fc.constantFrom('fa', 'en', 'ru'), (before, after, language) => {
        const segments = wordDiff(before, after, language);
        expect(join(segments, 'removed')).toBe(before);
        expect(join(segments, 'added')).toBe(after);
        for (let i = 1; i < segments.length; i++) expect(segments[i]!.kind).not.toBe(segments[i - 1]!.kind);
      }),
      { numRuns: 300 },
    );
  });

  it('answers one same segment for equal texts and nothing for two empty ones', () => {
    expect(wordDiff('متن', 'متن', 'fa')).toEqual([{ text: 'متن', kind: 'same' }]);
    expect(wordDiff('', '', 'fa')).toEqual([]);
  });
});

const text = (
  clauses: [string, string, string][],
  languages: ('fa' | 'en')[] = ['fa', 'en'],
): ComparableText => ({
  title: 'تفاهم‌نامه',
  languages,
  preamble: Object.fromEntries(languages.map((l) => [l, ''])),
  clauses: clauses.map(([clauseKey, fa, en]) => ({
    clauseKey,
    texts: Object.fromEntries(languages.map((l) => [l, l === 'fa' ? fa : en])),
  })),
});

describe('comparing two texts clause by clause', () => {
  it('reports exactly the clauses added, removed, moved and changed', () => {
    const from = text([
      ['a', 'ماده یک', 'Article one'],
      ['b', 'ماده دو', 'Article two'],
      ['c', 'ماده سه', 'Article three'],
      ['d', 'ماده چهار', 'Article four'],
    ]);
    const to = text([
      ['a', 'ماده یک', 'Article one'],
      ['d', 'ماده چهار', 'Article four'],
      ['c', 'ماده سه اصلاح‌شده', 'Article three'],
      ['e', 'ماده نو', 'New article'],
    ]);
    const result = compareTexts(from, to);
    expect(result.clauses.map((c) => [c.clauseKey, c.change, c.moved, c.fromPosition, c.toPosition])).toEqual(
      [
        ['a', 'unchanged', false, 1, 1],
        ['b', 'removed', false, 2, null],
        ['d', 'unchanged', true, 4, 2],
        ['c', 'changed', false, 3, 3],
        ['e', 'added', false, null, 4],
      ],
    );
    expect(result.summary).toEqual({ added: 1, removed: 1, changed: 1, moved: 1, unchanged: 2 });
    const c = result.clauses.find((x) => x.clauseKey === 'c')!;
    expect(c.languages.map((l) => [l.language, l.change])).toEqual([
      ['fa', 'changed'],
      ['en', 'unchanged'],
    ]);
    expect(changedWords(c.languages[0]!.segments, 'added')).toEqual(['اصلاح‌شده']);
    expect(changedWords(c.languages[0]!.segments, 'removed')).toEqual([]);
    const b = result.clauses.find((x) => x.clauseKey === 'b')!;
    expect(b.languages).toEqual([
      { language: 'fa', change: 'removed', segments: [{ text: 'ماده دو', kind: 'removed' }] },
      { language: 'en', change: 'removed', segments: [{ text: 'Article two', kind: 'removed' }] },
    ]);
  });

  it('does not call clauses moved when a clause inserted above them pushes them down', () => {
    const from = text([
      ['a', 'یک', 'one'],
      ['b', 'دو', 'two'],
    ]);
    const to = text([
      ['x', 'نو', 'new'],
      ['a', 'یک', 'one'],
      ['b', 'دو', 'two'],
    ]);
    const result = compareTexts(from, to);
    expect(result.summary).toEqual({ added: 1, removed: 0, changed: 0, moved: 0, unchanged: 2 });
  });

  it('places a removed first clause before everything', () => {
    const result = compareTexts(
      text([
        ['a', 'یک', 'one'],
        ['b', 'دو', 'two'],
      ]),
      text([['b', 'دو', 'two']]),
    );
    expect(result.clauses.map((c) => [c.clauseKey, c.change])).toEqual([
      ['a', 'removed'],
      ['b', 'unchanged'],
    ]);
  });

  it('reports a language added to the agreement in every clause', () => {
    const from = text([['a', 'یک', '']], ['fa']);
    const to = text([['a', 'یک', 'one']]);
    const result = compareTexts(from, to);
    expect(result.languages).toEqual(['fa', 'en']);
    expect(result.clauses[0]!.change).toBe('changed');
    expect(result.clauses[0]!.languages).toEqual([
      { language: 'fa', change: 'unchanged', segments: [{ text: 'یک', kind: 'same' }] },
      { language: 'en', change: 'added', segments: [{ text: 'one', kind: 'added' }] },
    ]);
  });

  it('compares the title and the preamble as well', () => {
    const from = { ...text([]), preamble: { fa: 'با توجه به روابط دوستانه', en: '' } };
    const to = {
      ...text([]),
      title: 'تفاهم‌نامه همکاری',
      preamble: { fa: 'با توجه به روابط دیرینه', en: '' },
    };
    const result = compareTexts(from, to);
    expect(result.titleChanged).toBe(true);
    expect(changedWords(result.title, 'added')).toEqual(['همکاری']);
    expect(result.preamble.map((p) => p.change)).toEqual(['changed', 'unchanged']);
    expect(changedWords(result.preamble[0]!.segments, 'removed')).toEqual(['دوستانه']);
    expect(changedWords(result.preamble[0]!.segments, 'added')).toEqual(['دیرینه']);
  });
});
