/**
 * Bar charts for reports, built so that they print the same in Word and LibreOffice: a
 * table whose rows are the categories, with the label and the number as ordinary text
 * (shaped, right to left in Persian) and the bar as a picture sized to its value. A row may
 * hold several bars end to end (a stacked bar). The pictures are one-colour PNGs drawn on
 * our own canvas; there is no chart part, no embedded workbook and nothing to update.
 */
import { ImageRun, type Table } from 'docx';
import { para, TEXT_WIDTH, type Content, type Lang } from './docx-rtl';
import { table } from './docx-table';
import { Canvas, type Rgb } from './raster';

export interface BarSeries {
  label: string;
  /** Six hex digits. */
  color: string;
}

export interface BarRow {
  label: Content;
  /** One value per series. */
  values: readonly number[];
  /** What the number column says; the total by default. */
  note?: string;
}

const swatches = new Map<string, Buffer>();

function swatch(color: string): Buffer {
  let png = swatches.get(color);
  if (!png) {
    const rgb: Rgb = [
      parseInt(color.slice(0, 2), 16),
      parseInt(color.slice(2, 4), 16),
      parseInt(color.slice(4, 6), 16),
    ];
    png = new Canvas(4, 4, rgb).toPng();
    swatches.set(color, png);
  }
  return png;
}

function bar(color: string, width: number, height: number): ImageRun {
  return new ImageRun({
    type: 'png',
    data: swatch(color),
    transformation: { width: Math.max(1, Math.round(width)), height },
    altText: { name: 'bar', title: 'bar', description: 'bar' },
  });
}

/** The widest bar, in pixels at 96 per inch. */
const BAR_PIXELS = 290;
const LABEL_WIDTH = 3000;
const NUMBER_WIDTH = 1300;

/** A legend line: a square of each series' colour and its name. */
export function legend(series: readonly BarSeries[], lang: Lang) {
  return para(
    series.flatMap((s, i) => [
      bar(s.color, 10, 10),
      { text: ` ${s.label}${i < series.length - 1 ? '      ' : ''}`, size: 9 },
    ]),
    lang,
    { align: 'center', before: 4, after: 8, keepNext: true },
  );
}

/** The chart as a table: label, bars, number. `format` writes the numbers. */
export function barChart(
  lang: Lang,
  options: {
    series: readonly BarSeries[];
    rows: readonly BarRow[];
    header: readonly [string, string, string];
    format: (n: number) => string;
  },
): Table {
  const max = Math.max(1, ...options.rows.map((r) => r.values.reduce((a, b) => a + b, 0)));
  return table(lang, {
    widths: [LABEL_WIDTH, TEXT_WIDTH - LABEL_WIDTH - NUMBER_WIDTH, NUMBER_WIDTH],
    header: options.header,
    rows: options.rows.map((row) => {
      const bars = row.values.flatMap((value, i) =>
        value > 0 ? [bar(options.series[i]?.color ?? '4472C4', (value / max) * BAR_PIXELS, 14)] : [],
      );
      const total = row.values.reduce((a, b) => a + b, 0);
      return [
        row.label,
        { blocks: [para(bars.length > 0 ? bars : '', lang, { after: 0, line: 1 })] },
        {
          blocks: [
            para({ text: row.note ?? options.format(total), bold: true }, lang, {
              align: 'center',
              after: 0,
            }),
          ],
        },
      ];
    }),
  });
}
