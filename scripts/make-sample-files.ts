/**
 * Writes the small attachment files that the sample data attaches to its records: an
 * English invitation to a forum (PDF), a photograph-like view of Isfahan's Khaju bridge at
 * dusk (PNG), and a short Persian letter to a sister city (DOCX). Run with
 * `npx tsx scripts/make-sample-files.ts`; the outputs in resources/sample/ are committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { pdfPage, png } from './lib/tiny-formats';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'sample');
mkdirSync(out, { recursive: true });

function invitation(): Buffer {
  const lines = [
    { text: 'World Cities Summit 2026', x: 72, y: 740, size: 22, bold: true },
    { text: 'Mayors Forum - Singapore, 7 to 9 June 2026', x: 72, y: 712, size: 13 },
    { text: 'Invitation', x: 72, y: 660, size: 16, bold: true },
    { text: 'Dear Mayor,', x: 72, y: 630, size: 11 },
    {
      text: 'On behalf of the organising committee, we are pleased to invite you and a delegation',
      x: 72,
      y: 610,
      size: 11,
    },
    {
      text: 'of your city to the World Cities Summit Mayors Forum, held at the Sands Expo and',
      x: 72,
      y: 595,
      size: 11,
    },
    {
      text: 'Convention Centre, Singapore. This year the Forum discusses liveable and sustainable',
      x: 72,
      y: 580,
      size: 11,
    },
    { text: 'cities: heritage, water, public transport and the cultural economy.', x: 72, y: 565, size: 11 },
    {
      text: 'Please confirm the names and passport details of the delegation by 30 April 2026,',
      x: 72,
      y: 540,
      size: 11,
    },
    { text: 'so that visa invitation letters can be issued in time.', x: 72, y: 525, size: 11 },
    { text: 'Yours sincerely,', x: 72, y: 490, size: 11 },
    { text: 'Programme Director, World Cities Summit Secretariat', x: 72, y: 470, size: 11, bold: true },
  ];
  // A thin frame and a band of colour across the top, as a printed invitation has.
  const drawing = [
    '0.13 0.36 0.55 rg 0 792 595 50 re f',
    '0.6 0.6 0.6 RG 1 w 48 440 499 330 re S',
    '0 g',
  ].join('\n');
  return pdfPage(lines, drawing);
}

/** A dusk sky over the river, the bridge's arches in silhouette, lamps reflected in the water. */
function bridgePhoto(): Buffer {
  const width = 320;
  const height = 200;
  const waterLine = 130;
  const deckTop = 92;
  const deckBottom = 104;
  const arches = 9;
  const archWidth = width / arches;
  const mix = (a: number[], b: number[], t: number) => a.map((v, i) => v + (b[i]! - v) * t);
  // A deterministic grain, so the picture does not look flat.
  const grain = (x: number, y: number) => {
    const n = Math.sin(x * 12.9898 + y * 78.233) * 43758.5453;
    return (n - Math.floor(n)) * 10 - 5;
  };
  return png(width, height, (x, y) => {
    let rgb: number[];
    const inArch = (yy: number) => {
      const cx = (Math.floor(x / archWidth) + 0.5) * archWidth;
      const dx = (x - cx) / (archWidth * 0.38);
      const archTop = waterLine - 24 * Math.sqrt(Math.max(0, 1 - dx * dx));
      return Math.abs(dx) < 1 && yy > archTop && yy <= waterLine;
    };
    if (y < waterLine) {
      rgb = mix([32, 44, 92], [236, 150, 84], (y / waterLine) ** 1.6);
      const sun = Math.hypot(x - 230, y - 70);
      if (sun < 16) rgb = [250, 214, 150];
      if ((y >= deckTop && y < waterLine && !inArch(y)) || (y >= deckTop - 8 && y < deckTop && x % 36 < 6)) {
        rgb = mix([58, 40, 38], [92, 62, 48], (y - deckTop) / (waterLine - deckTop));
      }
      if (y >= deckBottom && y < deckBottom + 3 && x % 36 > 14 && x % 36 < 20) rgb = [255, 220, 130];
    } else {
      const mirror = 2 * waterLine - y;
      const sky = mix([32, 44, 92], [236, 150, 84], (Math.max(0, mirror) / waterLine) ** 1.6);
      rgb = mix(sky, [20, 40, 60], 0.45 + (y - waterLine) / 160);
      if (mirror >= deckTop && !inArch(mirror)) rgb = mix(rgb, [30, 24, 26], 0.6);
      if (x % 36 > 14 && x % 36 < 20 && (y - waterLine) % 6 < 2 && y < waterLine + 40) {
        rgb = mix(rgb, [255, 220, 130], 0.7);
      }
    }
    const g = grain(x, y);
    return rgb.map((v) => v + g);
  });
}

async function persianLetter(): Promise<Buffer> {
  const font = { ascii: 'Vazirmatn', hAnsi: 'Vazirmatn', cs: 'Vazirmatn', eastAsia: 'Vazirmatn' };
  const language = { value: 'fa-IR', bidirectional: 'fa-IR' };
  const para = (text: string, options: { bold?: boolean; align?: 'center' | 'start'; size?: number } = {}) =>
    new Paragraph({
      bidirectional: true,
      alignment: options.align === 'center' ? AlignmentType.CENTER : AlignmentType.START,
      spacing: { after: 160 },
      children: [
        new TextRun({
          text,
          rightToLeft: true,
          font,
          language,
          bold: options.bold ?? false,
          boldComplexScript: options.bold ?? false,
          size: options.size ?? 24,
          sizeComplexScript: options.size ?? 24,
        }),
      ],
    });
  const doc = new Document({
    creator: 'City Diplomacy Desk',
    title: 'نامه به شهرداری قازان',
    sections: [
      {
        children: [
          para('بسمه تعالی', { align: 'center', bold: true }),
          para('شماره: ۱۲۴/۱۴۰۵/ر ب    تاریخ: ۱۴۰۵/۰۲/۱۵    پیوست: ندارد'),
          para('جناب آقای شهردار محترم شهر قازان', { bold: true }),
          para('موضوع: برنامه هفته فرهنگی اصفهان در قازان', { bold: true }),
          para('با سلام و احترام،'),
          para(
            'پیرو تفاهم‌نامه خواهرخواندگی دو شهر، به استحضار می‌رساند که شهرداری اصفهان آمادگی دارد هفته فرهنگی اصفهان را در مهرماه سال جاری در شهر قازان برگزار کند. برنامه پیشنهادی شامل نمایشگاه صنایع دستی، اجرای موسیقی سنتی و نشست تخصصی مدیریت شهری است.',
          ),
          para('خواهشمند است نظر آن شهرداری محترم را درباره زمان و محل برگزاری اعلام فرمایید.'),
          para('با تجدید احترام'),
          para('مدیرکل ارتباطات و امور بین‌الملل شهرداری اصفهان', { bold: true }),
          para('رونوشت: معاونت برنامه‌ریزی شهرداری اصفهان جهت اطلاع'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

writeFileSync(join(out, 'invitation-world-cities-summit.pdf'), invitation());
writeFileSync(join(out, 'khaju-bridge.png'), bridgePhoto());
writeFileSync(join(out, 'letter-to-kazan.docx'), await persianLetter());
