/**
 * The frame every document shares: A4 pages, the styles (headings and table-of-contents
 * entries in the document's direction), the embedded fonts, a header and footer on every
 * page (classification, a draft banner, page numbers) and the packing into a .docx.
 *
 * Fields appear only as PAGE, NUMPAGES and the table of contents, whose instructions hold no
 * user text. Persian page numbers are drawn with Vazirmatn's Farsi-digits face, whose digits
 * 0–9 are the Persian digits, because a field's result is written by Word with ASCII digits.
 */
import { readFileSync } from 'node:fs';
import {
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type FileChild,
  type IParagraphStylePropertiesOptions,
  type IRunStylePropertiesOptions,
} from 'docx';
import { TextWatermark } from 'docx/watermarks';
import { DOCUMENT_FONT, embeddedFont, vazirmatnDir } from './fonts';
import { CONTENTS_STYLE, para, type Lang, type Styled } from './docx-rtl';
import { COMMON, type DocLanguage } from './labels';
import { sanitizeLine } from './sanitize';

/** Vazirmatn with Persian digit shapes in place of 0–9 (misc/Farsi-Digits-Non-Latin). */
const FARSI_DIGITS_FONT = 'Vazirmatn FD NL';

let farsiDigits: Buffer | null = null;
function farsiDigitsFont(): Buffer {
  farsiDigits ??= readFileSync(
    `${vazirmatnDir()}/../../misc/Farsi-Digits-Non-Latin/fonts/ttf/Vazirmatn-FD-NL-Regular.ttf`,
  );
  return farsiDigits;
}

export interface FrameSection {
  children: FileChild[];
  /** A cover page: the section's first page has no header or footer. */
  cover?: boolean;
}

export interface Frame {
  language: DocLanguage;
  lang: Lang;
  /** The document's title in its properties: the kind of document, never a record's text. */
  title: string;
  /** Printed at the top and bottom of every page, e.g. the letter's classification. */
  classification?: Styled | null;
  /** A red line at the top of every page, e.g. «پیش‌نویس – نسخه ۳». */
  banner?: string | null;
  /** A diagonal watermark behind every page, in Latin letters (e.g. DRAFT). */
  watermark?: string | null;
  /** A line at the top of every page after the first, e.g. the partner's name. */
  runningHead?: string | null;
  /** Ask Word to update the fields when it opens the document (the table of contents). */
  updateFields?: boolean;
  sections: FrameSection[];
}

/** A document ready to pack, the name the save dialog offers, and what the audit row names. */
export interface BuiltDocument {
  frame: Frame;
  fileName: string;
  record: { entity: string; id: string | null; details: Record<string, unknown> };
}

function runStyle(
  lang: Lang,
  size: number,
  extra: IRunStylePropertiesOptions = {},
): IRunStylePropertiesOptions {
  const rtl = lang.dir === 'rtl';
  return {
    font: { ascii: DOCUMENT_FONT, hAnsi: DOCUMENT_FONT, cs: DOCUMENT_FONT, eastAsia: DOCUMENT_FONT },
    size: size * 2,
    sizeComplexScript: size * 2,
    rightToLeft: rtl || undefined,
    language: rtl ? { value: lang.tag, bidirectional: lang.tag } : { value: lang.tag },
    ...extra,
  };
}

/**
 * w:bidi in a style's paragraph properties. docx builds a style's paragraph properties with
 * the builder of a paragraph's, which writes `bidirectional` as w:bidi, but its style types
 * leave the option out. Without it, the entries Word writes when it updates the table of
 * contents would run left to right.
 */
function styleBidi(rtl: boolean): IParagraphStylePropertiesOptions {
  return (rtl ? { bidirectional: true } : {}) as IParagraphStylePropertiesOptions;
}

function styles(lang: Lang) {
  const rtl = lang.dir === 'rtl';
  const digitsFont = {
    ascii: FARSI_DIGITS_FONT,
    hAnsi: FARSI_DIGITS_FONT,
    cs: FARSI_DIGITS_FONT,
    eastAsia: FARSI_DIGITS_FONT,
  };
  const heading = (size: number, color: string) => ({
    run: runStyle(lang, size, { bold: true, boldComplexScript: true, color }),
    paragraph: { ...styleBidi(rtl), keepNext: true, spacing: { before: 280, after: 120 } },
  });
  return {
    default: {
      document: { run: runStyle(lang, 11), paragraph: styleBidi(rtl) },
      heading1: heading(15, '1F3864'),
      heading2: heading(12.5, '2E5597'),
      title: { run: runStyle(lang, 20, { bold: true, boldComplexScript: true, color: '1F3864' }) },
    },
    paragraphStyles: [
      {
        // Contents entries set their own text's font; the page numbers (PAGEREF fields,
        // written without run properties) take this one, with Persian digits in Persian.
        id: CONTENTS_STYLE,
        name: 'toc 1',
        basedOn: 'Normal',
        next: 'Normal',
        paragraph: { ...styleBidi(rtl), spacing: { after: 80 } },
        run: runStyle(lang, 11, rtl ? { font: digitsFont } : {}),
      },
    ],
  };
}

/** «صفحه ۲ از ۵» / "Page 2 of 5", with the numbers as fields. */
function pageNumberLine(frame: Frame): Paragraph {
  const words = COMMON[frame.language];
  const rtl = frame.lang.dir === 'rtl';
  const numberFont = frame.language === 'fa' ? FARSI_DIGITS_FONT : DOCUMENT_FONT;
  const field = (which: (typeof PageNumber)[keyof typeof PageNumber]) =>
    new TextRun({
      children: [which],
      font: { ascii: numberFont, hAnsi: numberFont, cs: numberFont, eastAsia: numberFont },
      rightToLeft: rtl || undefined,
      size: 18,
      sizeComplexScript: 18,
      color: '595959',
    });
  const grey = { size: 9, color: '595959' };
  return para(
    [
      { text: `${words.page} `, ...grey },
      field(PageNumber.CURRENT),
      { text: ` ${words.of} `, ...grey },
      field(PageNumber.TOTAL_PAGES),
    ],
    frame.lang,
    { align: 'center', after: 0 },
  );
}

function headerOf(frame: Frame, first: boolean): Header {
  const children: Paragraph[] = [];
  if (frame.watermark) {
    children.push(
      new Paragraph({
        children: [
          new TextWatermark({
            text: sanitizeLine(frame.watermark),
            font: 'Arial',
            color: 'C8C8C8',
            opacity: 0.45,
          }),
        ],
      }),
    );
  }
  if (frame.banner) {
    children.push(
      para({ text: frame.banner, bold: true, color: 'C00000', size: 10 }, frame.lang, {
        align: 'center',
        after: 2,
      }),
    );
  }
  if (frame.classification) {
    children.push(
      para({ size: 10, bold: true, ...frame.classification }, frame.lang, { align: 'center', after: 2 }),
    );
  }
  if (!first && frame.runningHead) {
    children.push(
      para({ text: frame.runningHead, size: 9, color: '7F7F7F' }, frame.lang, { align: 'end', after: 0 }),
    );
  }
  if (children.length === 0) children.push(para('', frame.lang, { after: 0 }));
  return new Header({ children });
}

function footerOf(frame: Frame): Footer {
  const children: Paragraph[] = [pageNumberLine(frame)];
  if (frame.classification) {
    children.push(
      para({ size: 10, bold: true, ...frame.classification }, frame.lang, { align: 'center', after: 0 }),
    );
  }
  return new Footer({ children });
}

const PAGE = {
  size: { width: 11906, height: 16838 },
  margin: { top: 1134, bottom: 1134, left: 1134, right: 1134, header: 567, footer: 567 },
};

/** The document, packed. */
export async function packDocument(frame: Frame, creator: string): Promise<Buffer> {
  const font = embeddedFont();
  const fonts: { name: string; data: Buffer; bold?: Buffer }[] = [
    { name: font.name, data: font.data, bold: font.bold },
  ];
  if (frame.language === 'fa') fonts.push({ name: FARSI_DIGITS_FONT, data: farsiDigitsFont() });
  const header = headerOf(frame, false);
  const footer = footerOf(frame);
  const empty = new Header({ children: [para('', frame.lang, { after: 0 })] });
  const emptyFooter = new Footer({ children: [para('', frame.lang, { after: 0 })] });
  const doc = new Document({
    title: sanitizeLine(frame.title),
    creator: sanitizeLine(creator),
    lastModifiedBy: sanitizeLine(creator),
    features: frame.updateFields ? { updateFields: true } : undefined,
    styles: styles(frame.lang),
    fonts,
    sections: frame.sections.map((section, index) => {
      const firstHeader = frame.runningHead ? headerOf(frame, true) : header;
      return {
        properties: { page: PAGE, titlePage: section.cover || (index === 0 && Boolean(frame.runningHead)) },
        headers: { default: header, first: section.cover ? empty : firstHeader },
        footers: { default: footer, first: section.cover ? emptyFooter : footer },
        children: section.children,
      };
    }),
  });
  return Packer.toBuffer(doc);
}
