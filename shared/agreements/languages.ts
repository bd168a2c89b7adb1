/**
 * The languages an agreement is written in: ISO 639-1 two-letter codes, one to three per
 * agreement, in the order the columns are shown side by side and printed.
 */

/** Every ISO 639-1 code; an agreement language must be one of these. */
// prettier-ignore
export const ISO_639_1_CODES = [
  'aa', 'ab', 'ae', 'af', 'ak', 'am', 'an', 'ar', 'as', 'av', 'ay', 'az', 'ba', 'be', 'bg', 'bi',
  'bm', 'bn', 'bo', 'br', 'bs', 'ca', 'ce', 'ch', 'co', 'cr', 'cs', 'cu', 'cv', 'cy', 'da', 'de',
  'dv', 'dz', 'ee', 'el', 'en', 'eo', 'es', 'et', 'eu', 'fa', 'ff', 'fi', 'fj', 'fo', 'fr', 'fy',
  'ga', 'gd', 'gl', 'gn', 'gu', 'gv', 'ha', 'he', 'hi', 'ho', 'hr', 'ht', 'hu', 'hy', 'hz', 'ia',
  'id', 'ie', 'ig', 'ii', 'ik', 'io', 'is', 'it', 'iu', 'ja', 'jv', 'ka', 'kg', 'ki', 'kj', 'kk',
  'kl', 'km', 'kn', 'ko', 'kr', 'ks', 'ku', 'kv', 'kw', 'ky', 'la', 'lb', 'lg', 'li', 'ln', 'lo',
  'lt', 'lu', 'lv', 'mg', 'mh', 'mi', 'mk', 'ml', 'mn', 'mr', 'ms', 'mt', 'my', 'na', 'nb', 'nd',
  'ne', 'ng', 'nl', 'nn', 'no', 'nr', 'nv', 'ny', 'oc', 'oj', 'om', 'or', 'os', 'pa', 'pi', 'pl',
  'ps', 'pt', 'qu', 'rm', 'rn', 'ro', 'ru', 'rw', 'sa', 'sc', 'sd', 'se', 'sg', 'si', 'sk', 'sl',
  'sm', 'sn', 'so', 'sq', 'sr', 'ss', 'st', 'su', 'sv', 'sw', 'ta', 'te', 'tg', 'th', 'ti', 'tk',
  'tl', 'tn', 'to', 'tr', 'ts', 'tt', 'tw', 'ty', 'ug', 'uk', 'ur', 'uz', 've', 'vi', 'vo', 'wa',
  'wo', 'xh', 'yi', 'yo', 'za', 'zh', 'zu',
] as const;

export type LanguageCode = (typeof ISO_639_1_CODES)[number];

/** One to three languages per agreement (the Kazan agreement: Russian, Persian, English). */
export const MAX_AGREEMENT_LANGUAGES = 3;

/** Languages written right to left: their columns and paragraphs are laid out RTL. */
const RTL_LANGUAGES: ReadonlySet<string> = new Set([
  'ar',
  'dv',
  'fa',
  'he',
  'ks',
  'ku',
  'ps',
  'sd',
  'ug',
  'ur',
  'yi',
]);

const CODE_SET: ReadonlySet<string> = new Set(ISO_639_1_CODES);

export function isLanguageCode(value: unknown): value is LanguageCode {
  return typeof value === 'string' && CODE_SET.has(value);
}

/** True for a language written right to left (Persian, Arabic, Urdu, Hebrew…). */
export function isRtlLanguage(code: string): boolean {
  return RTL_LANGUAGES.has(code);
}

/** Text in each language of an agreement, keyed by language code. */
export type LanguageTexts = Partial<Record<LanguageCode, string>>;

/** Whether the text in this language is written (not blank). */
export function isCompleteIn(texts: LanguageTexts, language: LanguageCode): boolean {
  return (texts[language] ?? '').trim() !== '';
}

export interface LanguageCompleteness {
  language: LanguageCode;
  /** True when the preamble and every clause have text in this language. */
  complete: boolean;
  /** How many texts (the preamble, when it has text in any language, and the clauses) are blank. */
  missing: number;
}

/**
 * How complete the text is in each language. A preamble left empty in every language is
 * not missing anywhere: some agreements have none.
 */
export function completenessOf(
  languages: readonly LanguageCode[],
  preamble: LanguageTexts,
  clauses: readonly { texts: LanguageTexts }[],
): LanguageCompleteness[] {
  const hasPreamble = languages.some((l) => isCompleteIn(preamble, l));
  return languages.map((language) => {
    let missing = hasPreamble && !isCompleteIn(preamble, language) ? 1 : 0;
    for (const clause of clauses) if (!isCompleteIn(clause.texts, language)) missing += 1;
    return { language, complete: missing === 0, missing };
  });
}
