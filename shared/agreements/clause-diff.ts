/**
 * Comparing two texts of an agreement clause by clause, language by language. Clauses are
 * matched by their stable `clauseKey`, so a clause that was moved and edited is reported
 * as one clause, moved and changed, not as one removed and another added.
 *
 * Words come from an `Intl.Segmenter` of the clause's language: jsdiff's own word
 * tokenizer knows only Latin letters and would cut Persian words into single letters.
 * ICU's word rules keep the zero-width non-joiner inside a word (می‌کنند is one word) and
 * segment Chinese without spaces. The answer is plain segments,
 * so the renderer and the documents never parse markup.
 */
import { diffArrays } from 'diff';
import type { LanguageCode, LanguageTexts } from './languages';

export type SegmentKind = 'same' | 'added' | 'removed';

/** A run of text that is the same in both versions, only in the newer, or only in the older. */
export interface DiffSegment {
  text: string;
  kind: SegmentKind;
}

export type TextChange = 'unchanged' | 'changed' | 'added' | 'removed';

export interface LanguageDiff {
  language: LanguageCode;
  change: TextChange;
  segments: DiffSegment[];
}

export interface ClauseComparison {
  clauseKey: string;
  change: TextChange;
  /** True when the clause changed its place relative to the clauses kept in both versions. */
  moved: boolean;
  /** 1-based positions in each version; null where the clause is absent. */
  fromPosition: number | null;
  toPosition: number | null;
  languages: LanguageDiff[];
}

export interface ComparisonSummary {
  added: number;
  removed: number;
  changed: number;
  moved: number;
  unchanged: number;
}

export interface TextComparison {
  /** The languages of the newer version, then any the older one had and the newer dropped. */
  languages: LanguageCode[];
  title: DiffSegment[];
  titleChanged: boolean;
  preamble: LanguageDiff[];
  /** Every clause of either version: the newer order, removed clauses where they stood. */
  clauses: ClauseComparison[];
  summary: ComparisonSummary;
}

/** The part of an agreement that compare looks at. */
export interface ComparableText {
  title: string;
  languages: readonly LanguageCode[];
  preamble: LanguageTexts;
  clauses: readonly { clauseKey: string; texts: LanguageTexts }[];
}

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(language: string): Intl.Segmenter {
  let segmenter = segmenters.get(language);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language, { granularity: 'word' });
    segmenters.set(language, segmenter);
  }
  return segmenter;
}

function pushSegment(segments: DiffSegment[], text: string, kind: SegmentKind): void {
  if (text === '') return;
  const last = segments[segments.length - 1];
  if (last && last.kind === kind) last.text += text;
  else segments.push({ text, kind });
}

/** A text cut into words, spaces and punctuation by the language's word rules. */
function tokens(text: string, language: string): string[] {
  return Array.from(segmenterFor(language).segment(text), (s) => s.segment);
}

const BLANK = /^\s+$/;

/**
 * The word differences between two texts in one language. Joining the `same` and
 * `removed` segments gives the older text exactly; `same` and `added` give the newer one.
 *
 * jsdiff's `diffArrays` runs over the tokens of an `Intl.Segmenter` (jsdiff's `diffWords`
 * does not give back the whitespace of both texts exactly). A space kept between two
 * changes is folded into them, so "a b" → "c d" reads as one replacement, not two around
 * an unchanged space.
 */
export function wordDiff(before: string, after: string, language: string): DiffSegment[] {
  if (before === after) return before === '' ? [] : [{ text: before, kind: 'same' }];
  const parts: DiffSegment[] = [];
  for (const change of diffArrays(tokens(before, language), tokens(after, language))) {
    const kind: SegmentKind = change.added ? 'added' : change.removed ? 'removed' : 'same';
    for (const token of change.value) parts.push({ text: token, kind });
  }
  const segments: DiffSegment[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    pushSegment(segments, removed, 'removed');
    pushSegment(segments, added, 'added');
    removed = '';
    added = '';
  };
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.kind === 'removed') removed += part.text;
    else if (part.kind === 'added') added += part.text;
    else {
      // Spaces between a change and the next change belong to both sides of one change.
      let j = i;
      while (j < parts.length && parts[j]!.kind === 'same' && BLANK.test(parts[j]!.text)) j++;
      const between = parts
        .slice(i, j)
        .map((p) => p.text)
        .join('');
      if (j > i && (removed !== '' || added !== '') && j < parts.length && parts[j]!.kind !== 'same') {
        removed += between;
        added += between;
        i = j - 1;
        continue;
      }
      flush();
      pushSegment(segments, part.text, 'same');
    }
  }
  flush();
  return segments;
}

function languageDiff(
  language: LanguageCode,
  before: string | undefined,
  after: string | undefined,
): LanguageDiff {
  if (before === undefined) {
    return { language, change: 'added', segments: after ? [{ text: after, kind: 'added' }] : [] };
  }
  if (after === undefined) {
    return { language, change: 'removed', segments: before ? [{ text: before, kind: 'removed' }] : [] };
  }
  return {
    language,
    change: before === after ? 'unchanged' : 'changed',
    segments: wordDiff(before, after, language),
  };
}

/**
 * Keys of the clauses kept in both versions that left their place among the kept ones: the
 * kept clauses outside a longest common subsequence of the two orders. When several such
 * subsequences are equally long, the one whose clauses moved least in absolute position
 * stays, so a clause dragged up past another is the one reported as moved.
 */
function movedKeys(fromKeys: readonly string[], toKeys: readonly string[]): Set<string> {
  const toIndex = new Map(toKeys.map((k, i) => [k, i]));
  const fromIndex = new Map(fromKeys.map((k, i) => [k, i]));
  const a = fromKeys.filter((k) => toIndex.has(k));
  const b = toKeys.filter((k) => fromIndex.has(k));
  const n = a.length;
  const m = b.length;
  // best[i][j]: for a[i..] and b[j..], the longest common subsequence (as length, then least
  // total displacement), scored as length * BIG - displacement.
  const BIG = 1_000_000;
  const best: Float64Array[] = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      let score = Math.max(best[i + 1]![j]!, best[i]![j + 1]!);
      if (a[i] === b[j]) {
        const shift = Math.abs(fromIndex.get(a[i]!)! - toIndex.get(a[i]!)!);
        score = Math.max(score, best[i + 1]![j + 1]! + BIG - shift);
      }
      best[i]![j] = score;
    }
  }
  const stay = new Set<string>();
  for (let i = 0, j = 0; i < n && j < m;) {
    if (a[i] === b[j]) {
      const shift = Math.abs(fromIndex.get(a[i]!)! - toIndex.get(a[i]!)!);
      if (best[i]![j] === best[i + 1]![j + 1]! + BIG - shift) {
        stay.add(a[i]!);
        i++;
        j++;
        continue;
      }
    }
    if (best[i + 1]![j]! >= best[i]![j + 1]!) i++;
    else j++;
  }
  return new Set(a.filter((k) => !stay.has(k)));
}

/** Compares two texts of an agreement, clause by clause and language by language. */
export function compareTexts(from: ComparableText, to: ComparableText): TextComparison {
  const languages = [...to.languages, ...from.languages.filter((l) => !to.languages.includes(l))];
  const textIn = (t: ComparableText, texts: LanguageTexts, language: LanguageCode) =>
    t.languages.includes(language) ? (texts[language] ?? '') : undefined;

  const perLanguage = (fromTexts: LanguageTexts | null, toTexts: LanguageTexts | null) =>
    languages
      .filter(
        (l) =>
          (fromTexts !== null && from.languages.includes(l)) ||
          (toTexts !== null && to.languages.includes(l)),
      )
      .map((l) =>
        languageDiff(
          l,
          fromTexts === null ? undefined : textIn(from, fromTexts, l),
          toTexts === null ? undefined : textIn(to, toTexts, l),
        ),
      );

  const fromKeys = from.clauses.map((c) => c.clauseKey);
  const toKeys = to.clauses.map((c) => c.clauseKey);
  const fromByKey = new Map(from.clauses.map((c, i) => [c.clauseKey, { clause: c, position: i + 1 }]));
  const toKeySet = new Set(toKeys);
  const moved = movedKeys(fromKeys, toKeys);

  // A removed clause is shown after the nearest clause before it that the newer version kept.
  const removedAfter = new Map<string | null, string[]>();
  let anchor: string | null = null;
  for (const key of fromKeys) {
    if (toKeySet.has(key)) {
      anchor = key;
    } else {
      const list = removedAfter.get(anchor) ?? [];
      list.push(key);
      removedAfter.set(anchor, list);
    }
  }

  const clauses: ClauseComparison[] = [];
  const removedClause = (key: string): ClauseComparison => {
    const old = fromByKey.get(key)!;
    return {
      clauseKey: key,
      change: 'removed',
      moved: false,
      fromPosition: old.position,
      toPosition: null,
      languages: perLanguage(old.clause.texts, null),
    };
  };
  for (const key of removedAfter.get(null) ?? []) clauses.push(removedClause(key));
  to.clauses.forEach((clause, index) => {
    const old = fromByKey.get(clause.clauseKey);
    if (!old) {
      clauses.push({
        clauseKey: clause.clauseKey,
        change: 'added',
        moved: false,
        fromPosition: null,
        toPosition: index + 1,
        languages: perLanguage(null, clause.texts),
      });
    } else {
      const diffs = perLanguage(old.clause.texts, clause.texts);
      clauses.push({
        clauseKey: clause.clauseKey,
        change: diffs.every((d) => d.change === 'unchanged') ? 'unchanged' : 'changed',
        moved: moved.has(clause.clauseKey),
        fromPosition: old.position,
        toPosition: index + 1,
        languages: diffs,
      });
    }
    for (const key of removedAfter.get(clause.clauseKey) ?? []) clauses.push(removedClause(key));
  });

  const summary: ComparisonSummary = { added: 0, removed: 0, changed: 0, moved: 0, unchanged: 0 };
  for (const c of clauses) {
    summary[c.change === 'unchanged' ? 'unchanged' : c.change] += 1;
    if (c.moved) summary.moved += 1;
  }

  return {
    languages,
    title: wordDiff(from.title, to.title, to.languages[0] ?? 'fa'),
    titleChanged: from.title !== to.title,
    preamble: perLanguage(from.preamble, to.preamble),
    clauses,
    summary,
  };
}
