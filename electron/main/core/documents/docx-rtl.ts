/**
 * Paragraphs and runs in either direction, as DESIGN §3 "Word documents" says:
 * a Persian paragraph is bidirectional, its Persian runs are right-to-left with the
 * complex-script font, size and bold and the fa-IR language, Latin words inside it are
 * runs of their own without right-to-left, digits are written as Persian characters, and a
 * Persian table is laid out right to left (docx-table.ts). Every text passes through sanitizeText first.
 */
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  HeadingLevel,
  InternalHyperlink,
  LeaderType,
  LineRuleType,
  PageReference,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
  type ParagraphChild,
} from 'docx';
import { isRtlLanguage } from '../../../../shared/agreements/languages';
import { toPersianDigits } from '../../../../shared/text/digits';
import { directionOf, segments, type Direction } from './bidi-text';
import { fontsFor, type RunFonts } from './fonts';
import { sanitizeParagraphs, sanitizeText } from './sanitize';

/** The language of a text: its ISO 639-1 code, direction and the tag Word's spelling tools use. */
export interface Lang {
  code: string;
  dir: Direction;
  tag: string;
}

const TAGS: Record<string, string> = {
  fa: 'fa-IR',
  en: 'en-GB',
  ar: 'ar-SA',
  ru: 'ru-RU',
  fr: 'fr-FR',
  de: 'de-DE',
  es: 'es-ES',
  it: 'it-IT',
  tr: 'tr-TR',
  zh: 'zh-CN',
  ja: 'ja-JP',
  ko: 'ko-KR',
  hy: 'hy-AM',
  az: 'az-Latn-AZ',
  ur: 'ur-PK',
  uz: 'uz-Latn-UZ',
  ro: 'ro-RO',
  ms: 'ms-MY',
  pt: 'pt-PT',
  he: 'he-IL',
};

export function langOf(code: string): Lang {
  return { code, dir: isRtlLanguage(code) ? 'rtl' : 'ltr', tag: TAGS[code] ?? code };
}

export const FA = langOf('fa');
export const EN = langOf('en');

/** A4 with 2 cm margins: the width of the text, in twentieths of a point. */
export const TEXT_WIDTH = 9638;

export interface TextStyle {
  bold?: boolean;
  italics?: boolean;
  /** Points. */
  size?: number;
  /** Six hex digits. */
  color?: string;
}

export const BODY_SIZE = 11;

function halfPoints(style: TextStyle): number {
  return Math.round((style.size ?? BODY_SIZE) * 2);
}

function run(
  text: string,
  rtl: boolean,
  lang: Lang,
  style: TextStyle,
  fonts: RunFonts,
  br: boolean,
): TextRun {
  const size = halfPoints(style);
  return new TextRun({
    text,
    break: br ? 1 : undefined,
    rightToLeft: rtl || undefined,
    font: fonts,
    language: rtl
      ? {
          value: lang.dir === 'rtl' ? lang.tag : TAGS.en!,
          bidirectional: lang.dir === 'rtl' ? lang.tag : 'fa-IR',
        }
      : { value: lang.dir === 'ltr' ? lang.tag : TAGS.en! },
    size,
    sizeComplexScript: size,
    bold: style.bold,
    boldComplexScript: style.bold,
    italics: style.italics,
    italicsComplexScript: style.italics,
    color: style.color,
  });
}

/**
 * The runs of a text in a paragraph of `lang`: sanitised, line breaks kept as breaks, split
 * by direction. In a Persian paragraph the digits of the Persian stretches become Persian
 * digits; digits that belong to a Latin stretch stay as they are.
 */
export function runs(text: string, lang: Lang, style: TextStyle = {}): TextRun[] {
  const out: TextRun[] = [];
  const persian = lang.code === 'fa';
  sanitizeText(text)
    .split('\n')
    .forEach((line, lineIndex) => {
      let first = lineIndex > 0;
      for (const seg of segments(line, lang.dir)) {
        const value = persian && seg.rtl ? toPersianDigits(seg.text) : seg.text;
        out.push(run(value, seg.rtl, lang, style, fontsFor(lang.code, value), first));
        first = false;
      }
      if (first) out.push(run('', lang.dir === 'rtl', lang, style, fontsFor(lang.code), true));
    });
  return out;
}

/** Text with its own style, inside a paragraph. */
export interface Styled extends TextStyle {
  text: string;
}

/** What a paragraph holds: text, styled text, or runs docx makes (pictures, page numbers). */
export type Piece = string | Styled | ParagraphChild;
export type Content = Piece | readonly Piece[];

export type Align = 'start' | 'end' | 'center' | 'justify';

export interface ParaOptions {
  align?: Align;
  /** Style of the plain strings of the paragraph. */
  style?: TextStyle;
  heading?: 1 | 2;
  /** Space before and after, in points. */
  before?: number;
  after?: number;
  keepNext?: boolean;
  pageBreakBefore?: boolean;
  /** Indent on the side the text starts from, in twentieths of a point. */
  indentStart?: number;
  /** Line spacing as a multiple of single (1.15 by default). */
  line?: number;
  /** A coloured rule above or below the paragraph (six hex digits). */
  rule?: { side: 'top' | 'bottom'; color: string };
}

function alignment(align: Align, dir: Direction) {
  // docx writes alignment as seen on the page: in a bidirectional paragraph it turns RIGHT
  // into jc="left", which Word and LibreOffice both show at the right margin.
  switch (align) {
    case 'center':
      return AlignmentType.CENTER;
    case 'justify':
      return AlignmentType.BOTH;
    case 'start':
      return dir === 'rtl' ? AlignmentType.RIGHT : AlignmentType.LEFT;
    case 'end':
      return dir === 'rtl' ? AlignmentType.LEFT : AlignmentType.RIGHT;
  }
}

export function isStyled(piece: Piece): piece is Styled {
  return typeof piece === 'object' && piece !== null && 'text' in piece && typeof piece.text === 'string';
}

export function children(content: Content, lang: Lang, style: TextStyle = {}): ParagraphChild[] {
  const list: readonly Piece[] = Array.isArray(content) ? content : [content as Piece];
  return list.flatMap((piece): ParagraphChild[] => {
    if (typeof piece === 'string') return runs(piece, lang, style);
    if (isStyled(piece)) return runs(piece.text, lang, { ...style, ...piece });
    return [piece];
  });
}

/**
 * The look of headings, written on their runs as well as in the styles: every run carries
 * its own size (the complex-script size above all), which would otherwise win over the style.
 */
export const HEADING_STYLES: Record<1 | 2, TextStyle> = {
  1: { size: 15, bold: true, color: '1F3864' },
  2: { size: 12.5, bold: true, color: '2E5597' },
};

/** One paragraph in the direction of its language. */
export function para(content: Content, lang: Lang, options: ParaOptions = {}): Paragraph {
  const heading =
    options.heading === 1
      ? HeadingLevel.HEADING_1
      : options.heading === 2
        ? HeadingLevel.HEADING_2
        : undefined;
  return new Paragraph({
    // Written both ways: LibreOffice gives a paragraph without w:bidi the direction of the
    // table it sits in, so an English cell of a Persian table needs w:bidi="false".
    bidirectional: lang.dir === 'rtl',
    alignment: alignment(options.align ?? 'start', lang.dir),
    heading,
    keepNext: options.keepNext,
    pageBreakBefore: options.pageBreakBefore,
    border: options.rule
      ? { [options.rule.side]: { style: BorderStyle.SINGLE, size: 12, color: options.rule.color, space: 6 } }
      : undefined,
    indent: options.indentStart
      ? lang.dir === 'rtl'
        ? { right: options.indentStart }
        : { left: options.indentStart }
      : undefined,
    spacing: {
      before: Math.round((options.before ?? 0) * 20),
      after: Math.round((options.after ?? 4) * 20),
      line: Math.round((options.line ?? 1.15) * 240),
      lineRule: LineRuleType.AUTO,
    },
    children: children(content, lang, {
      ...(options.heading ? HEADING_STYLES[options.heading] : {}),
      ...options.style,
    }),
  });
}

/**
 * Several paragraphs, one per line of the text; `empty` when there is none. With `auto`,
 * each line takes the direction of its own first letter (a Persian note in an English
 * brief reads right to left), in the document's language when the directions agree.
 */
export function paragraphsOf(
  text: string | null | undefined,
  lang: Lang,
  options: ParaOptions & { auto?: boolean } = {},
  empty?: string,
): Paragraph[] {
  const lines = sanitizeParagraphs(text ?? '');
  if (lines.length === 0)
    return empty === undefined ? [] : [para({ text: empty, color: '666666' }, lang, options)];
  return lines.map((line) => {
    const dir = options.auto ? (directionOf(line) ?? lang.dir) : lang.dir;
    return para(line, dir === lang.dir ? lang : dir === 'rtl' ? FA : EN, options);
  });
}

// ---- contents --------------------------------------------------------------------------

/** The paragraph style of contents entries; its font draws the page numbers (see document-frame.ts). */
export const CONTENTS_STYLE = 'TOC1';

/** A heading of the first level that a contents entry can point to, through the bookmark `anchor`. */
export function anchoredHeading(
  text: string,
  anchor: string,
  lang: Lang,
  options: ParaOptions = {},
): Paragraph {
  return para(new Bookmark({ id: anchor, children: runs(text, lang, HEADING_STYLES[1]) }), lang, {
    heading: 1,
    keepNext: true,
    ...options,
  });
}

/**
 * A contents entry: the heading's words linked to its bookmark, dot leaders, and its page
 * as a PAGEREF field (the bookmark's name is the field's only argument), which Word fills in
 * when it updates the fields and LibreOffice computes as it lays the pages out.
 */
export function contentsEntry(text: string, anchor: string, lang: Lang): Paragraph {
  return new Paragraph({
    style: CONTENTS_STYLE,
    bidirectional: lang.dir === 'rtl',
    tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH, leader: LeaderType.DOT }],
    spacing: { after: 100 },
    children: [
      new InternalHyperlink({
        anchor,
        children: [...runs(text, lang), new TextRun({ children: [new Tab()] })],
      }),
      new PageReference(anchor, { hyperlink: true }),
    ],
  });
}
