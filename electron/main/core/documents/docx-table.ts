/**
 * Tables in the direction of their language: a Persian table is laid out right to left
 * (w:bidiVisual), its first column at the right; each cell's paragraphs keep the direction
 * of their own text's language, so a Persian table may hold an English column and the
 * other way round.
 */
import {
  BorderStyle,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlign,
  WidthType,
  type IBorderOptions,
  type Paragraph,
} from 'docx';
import { directionOf } from './bidi-text';
import {
  FA,
  TEXT_WIDTH,
  isStyled,
  para,
  type Align,
  type Content,
  type Lang,
  type TextStyle,
} from './docx-rtl';

const THIN: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: 'A6A6A6' };
const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

export const HEADER_SHADE = 'DCE6F0';

/** A quarter of the text's width, for four equal columns. */
export const TEXT_WIDTH_QUARTER = Math.floor(TEXT_WIDTH / 4);

/** A cell: its content in the table's language, or paragraphs (and tables) built for it. */
export type CellSpec =
  | Content
  | {
      blocks: (Paragraph | Table)[];
      shade?: string;
      span?: number;
    };

function isBlocks(spec: CellSpec): spec is { blocks: (Paragraph | Table)[]; shade?: string; span?: number } {
  return typeof spec === 'object' && spec !== null && 'blocks' in spec;
}

export interface TableOptions {
  /** Column widths in twentieths of a point, in reading order (the first is at the start side). */
  widths: readonly number[];
  header?: readonly string[];
  headerAlign?: Align;
  rows: readonly (readonly CellSpec[])[];
  borders?: boolean;
  /** Style of the body cells' text. */
  style?: TextStyle;
}

/**
 * The language a cell's text is laid out in. In an English table a cell of Persian text
 * (a title, a name) reads right to left; in a Persian table Latin words stay inside the
 * Persian paragraph, as Persian documents write them.
 */
function cellLang(spec: Content, lang: Lang): Lang {
  if (lang.dir !== 'ltr') return lang;
  const first = Array.isArray(spec) ? spec[0] : spec;
  const text = typeof first === 'string' ? first : first && isStyled(first) ? first.text : '';
  return directionOf(text) === 'rtl' ? FA : lang;
}

// Borders and cell margins are written once on the table (w:tblBorders with the inside
// lines, w:tblCellMar), not on every cell: a long table's XML is then a third smaller, and
// docx builds and serialises that much less.
function cellOf(spec: CellSpec, lang: Lang, width: number, style: TextStyle, shade?: string) {
  const blocks = isBlocks(spec) ? spec.blocks : [para(spec, cellLang(spec, lang), { after: 0, style })];
  const fill = isBlocks(spec) ? (spec.shade ?? shade) : shade;
  return new TableCell({
    children: blocks.length > 0 ? blocks : [para('', lang, { after: 0 })],
    width: { size: width, type: WidthType.DXA },
    columnSpan: isBlocks(spec) ? spec.span : undefined,
    verticalAlign: VerticalAlign.TOP,
    shading: fill ? { type: ShadingType.CLEAR, color: 'auto', fill } : undefined,
  });
}

/** A table in the direction of its language; a Persian table's first column is at the right. */
export function table(lang: Lang, options: TableOptions): Table {
  const border = (options.borders ?? true) ? THIN : NONE;
  const style = options.style ?? { size: 10 };
  const widthAt = (i: number) => options.widths[i] ?? options.widths[options.widths.length - 1] ?? TEXT_WIDTH;
  const rows: TableRow[] = [];
  if (options.header) {
    rows.push(
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: options.header.map((h, i) =>
          cellOf(
            {
              blocks: [
                para({ text: h, bold: true }, lang, {
                  after: 0,
                  align: options.headerAlign,
                  style: { size: style.size },
                }),
              ],
            },
            lang,
            widthAt(i),
            style,
            HEADER_SHADE,
          ),
        ),
      }),
    );
  }
  for (const row of options.rows) {
    let column = 0;
    rows.push(
      new TableRow({
        cantSplit: true,
        children: row.map((spec) => {
          const span = isBlocks(spec) ? (spec.span ?? 1) : 1;
          let width = 0;
          for (let i = 0; i < span; i++) width += widthAt(column + i);
          column += span;
          return cellOf(spec, lang, width, style);
        }),
      }),
    );
  }
  return new Table({
    rows,
    visuallyRightToLeft: lang.dir === 'rtl' || undefined,
    layout: TableLayoutType.FIXED,
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
    margins: { top: 50, bottom: 50, left: 90, right: 90 },
    width: { size: options.widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: [...options.widths],
  });
}

/** A two-column table of labels and values, for facts. */
export function factsTable(
  lang: Lang,
  facts: readonly (readonly [string, Content])[],
  labelWidth = 2600,
): Table {
  return table(lang, {
    widths: [labelWidth, TEXT_WIDTH - labelWidth],
    rows: facts.map(([label, value]) => [
      {
        blocks: [para({ text: label, bold: true }, lang, { after: 0, style: { size: 10 } })],
        shade: 'F2F2F2',
      },
      value,
    ]),
  });
}
