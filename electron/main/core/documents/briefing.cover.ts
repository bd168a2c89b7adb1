/**
 * The briefing's cover page: the office, the kind of document, the partner and its other
 * names, the figures a manager asks first (agreements, open cases, letters awaiting a reply,
 * upcoming events), and who prepared it when.
 */
import type { Paragraph, Table } from 'docx';
import type { BriefingData } from './briefing.data';
import { L } from './briefing.words';
import type { DocContext } from './document-context';
import { para } from './docx-rtl';
import { table, TEXT_WIDTH_QUARTER } from './docx-table';
import { enumLabel } from './enum-labels';
import { COMMON, countryIn, nameIn, printDate, printNumber } from './labels';

const BLUE = '1F3864';

/** Four figures side by side: a large number over its name. */
function figures(doc: DocContext, data: BriefingData): Table {
  const { language, lang } = doc;
  const w = L[language];
  const cells = [
    [data.agreements.length, w.agreements],
    [data.openCasesTotal, w.openCases],
    [data.awaitingReplyTotal, w.awaiting],
    [data.upcomingEvents.length, w.events],
  ] as const;
  return table(lang, {
    widths: cells.map(() => TEXT_WIDTH_QUARTER),
    borders: false,
    rows: [
      cells.map(([n, label]) => ({
        blocks: [
          para({ text: printNumber(n, language), size: 22, bold: true, color: BLUE }, lang, {
            align: 'center',
            after: 0,
          }),
          para({ text: label, size: 9, color: '595959' }, lang, { align: 'center', after: 0 }),
        ],
      })),
    ],
  });
}

export function coverPage(doc: DocContext, data: BriefingData): (Paragraph | Table)[] {
  const { language, lang } = doc;
  const w = L[language];
  const p = data.partner;
  const other = [language === 'fa' ? p.nameEn : p.nameFa, p.nameNative].filter((n): n is string =>
    Boolean(n),
  );
  const out: (Paragraph | Table)[] = [
    para({ text: doc.office, bold: true, size: 12, color: BLUE }, lang, { align: 'center', after: 110 }),
    para({ text: w.title, size: 26, bold: true, color: BLUE }, lang, {
      align: 'center',
      after: 8,
      rule: { side: 'bottom', color: '2E75B6' },
    }),
    para({ text: w.subtitle, size: 12, color: '595959' }, lang, { align: 'center', before: 6, after: 18 }),
    para({ text: nameIn(p, language), size: 24, bold: true }, lang, { align: 'center', after: 6 }),
  ];
  if (other.length > 0) {
    out.push(
      para({ text: other.join('  ·  '), size: 14, color: '404040' }, lang, { align: 'center', after: 6 }),
    );
  }
  out.push(
    para(
      {
        text: [countryIn(p.country, language), enumLabel('partnerKind', p.kind, language)].join('  ·  '),
        size: 12,
        color: '595959',
      },
      lang,
      { align: 'center', after: 60 },
    ),
    figures(doc, data),
    para('', lang, { after: 90 }),
    para([{ text: `${COMMON[language].preparedOn}: `, bold: true }, printDate(doc.today, language)], lang, {
      align: 'center',
      after: 4,
      rule: { side: 'top', color: 'BFBFBF' },
    }),
  );
  if (data.preparedBy) {
    const who = [nameIn(data.preparedBy, language), data.preparedBy.position]
      .filter(Boolean)
      .join(language === 'fa' ? '، ' : ', ');
    out.push(para([{ text: `${w.preparedBy}: `, bold: true }, who], lang, { align: 'center', after: 4 }));
  }
  return out;
}
