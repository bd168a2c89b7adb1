/**
 * A briefing on a partner for a manager before a meeting: a cover page, a table of
 * contents, then the partner's facts and map, relationships, the last 24 months of
 * activity, agreements, open cases, letters awaiting a reply, upcoming events and contacts.
 *
 * The contents page lists the sections, each linked to its heading's bookmark, with its page
 * as a PAGEREF field whose only argument is the bookmark's name: LibreOffice computes the
 * pages as it lays the document out, and Word when it updates the fields on opening. The
 * headings are the document's own words, so no user text is in any field; they carry
 * Word's Heading 1 style, so a Word table of contents can be added from them at any time.
 */
import { ImageRun, type Paragraph, type Table } from 'docx';
import { formatNumber } from '../../../../shared/text/digits';
import { TIMELINE_LIMIT, briefingData, type BriefingData } from './briefing.data';
import { coverPage } from './briefing.cover';
import { L, activityShown, shownOf } from './briefing.words';
import type { DocContext } from './document-context';
import type { BuiltDocument } from './document-frame';
import { anchoredHeading, contentsEntry, para, type Content, type Lang } from './docx-rtl';
import { factsTable, table } from './docx-table';
import { enumLabel } from './enum-labels';
import {
  COMMON,
  countryIn,
  nameIn,
  printDate,
  printList,
  printRegisterNumber,
  type DocLanguage,
} from './labels';
import { cityMap, type MapPoint } from './map-image';
import { safeFileName } from './sanitize';

function coordinates(p: MapPoint, language: DocLanguage): string {
  const lat = formatNumber(Math.abs(p.latitude), language, 2);
  const lon = formatNumber(Math.abs(p.longitude), language, 2);
  if (language === 'fa') {
    return `${lat}° ${p.latitude >= 0 ? 'شمالی' : 'جنوبی'}، ${lon}° ${p.longitude >= 0 ? 'شرقی' : 'غربی'}`;
  }
  return `${lat}° ${p.latitude >= 0 ? 'N' : 'S'}, ${lon}° ${p.longitude >= 0 ? 'E' : 'W'}`;
}

/** The briefing's sections, in order, with the bookmarks their contents entries point to. */
const SECTIONS = [
  ['facts', '_TocFacts'],
  ['relationships', '_TocRelationships'],
  ['activity', '_TocActivity'],
  ['agreements', '_TocAgreements'],
  ['openCases', '_TocCases'],
  ['awaiting', '_TocLetters'],
  ['events', '_TocEvents'],
  ['contacts', '_TocContacts'],
] as const;

type SectionKey = (typeof SECTIONS)[number][0];

function heading(key: SectionKey, language: DocLanguage, lang: Lang): Paragraph {
  const anchor = SECTIONS.find(([k]) => k === key)![1];
  return anchoredHeading(L[language][key], anchor, lang, {
    pageBreakBefore: key === 'facts',
    before: key === 'facts' ? 0 : 14,
    after: 6,
  });
}

function orNone(
  rows: readonly (readonly Content[])[],
  build: () => Table,
  lang: Lang,
  language: DocLanguage,
) {
  return rows.length === 0 ? para({ text: COMMON[language].none, color: '7F7F7F' }, lang) : build();
}

/** Says how many of how many a bounded list shows, above it; nothing when it shows them all. */
function bounded(
  list: 'openCases' | 'awaiting',
  shown: number,
  total: number,
  language: DocLanguage,
  lang: Lang,
): Paragraph[] {
  if (total <= shown) return [];
  return [
    para({ text: shownOf(list, shown, total, language), color: '595959', size: 9 }, lang, { after: 4 }),
  ];
}

function factsSection(doc: DocContext, data: BriefingData): (Paragraph | Table)[] {
  const { language, lang } = doc;
  const w = L[language];
  const p = data.partner;
  const kind = [
    enumLabel('partnerKind', p.kind, language),
    p.orgType ? enumLabel('orgType', p.orgType, language) : null,
  ]
    .filter(Boolean)
    .join(' – ');
  const facts: [string, Content][] = [
    [w.name, { text: p.nameFa, bold: true }],
    [w.nameEn, p.nameEn ?? '—'],
  ];
  if (p.nameNative) facts.push([w.nameNative, p.nameNative]);
  facts.push([w.kind, kind], [w.country, countryIn(p.country, language)]);
  if (p.parent) facts.push([w.parent, nameIn(p.parent, language)]);
  facts.push([w.position, data.position ? coordinates(data.position, language) : w.noPosition]);
  if (p.website) facts.push([w.website, p.website]);
  if (p.notes) facts.push([w.notes, p.notes]);
  const out: (Paragraph | Table)[] = [heading('facts', language, lang), factsTable(lang, facts)];
  if (data.position) {
    const image = new ImageRun({
      type: 'png',
      data: cityMap(data.position, data.home),
      transformation: { width: 600, height: 300 },
      altText: { name: w.mapAlt, title: w.mapAlt, description: w.mapAlt },
    });
    out.push(para(image, lang, { align: 'center', before: 10, after: 2 }));
    const legend: Content = [
      { text: '● ', color: 'C81E1E' },
      { text: w.legendPartner, size: 9 },
      ...(data.home
        ? [
            { text: '      ● ', color: '1F3864' },
            { text: w.legendHome, size: 9 },
          ]
        : []),
    ];
    out.push(para(legend, lang, { align: 'center', after: 6 }));
  }
  return out;
}

function relationshipsSection(doc: DocContext, data: BriefingData): (Paragraph | Table)[] {
  const { language, lang } = doc;
  const w = L[language];
  const rows = data.relationships.map((r): Content[] => [
    nameIn(r.ownUnit, language),
    [
      { text: enumLabel('relationshipType', r.type, language), bold: true },
      `\n${enumLabel('relationshipStatus', r.status, language)}`,
      ...(r.dormant && r.status !== 'dormant' ? [{ text: ` (${w.dormant})`, color: 'C00000' }] : []),
    ],
    `${enumLabel('stage', r.stage, language)}\n${enumLabel('level', r.level, language)}`,
    printList(
      r.areas.map((a) => enumLabel('area', a, language)),
      language,
    ),
    `${w.established}: ${printDate(r.establishedOn, language, 'short')}\n${w.lastActivity}: ${printDate(r.lastActivity, language, 'short')}`,
  ]);
  return [
    heading('relationships', language, lang),
    orNone(
      rows,
      () =>
        table(lang, {
          widths: [1800, 2000, 1900, 1900, 2038],
          header: [w.ownUnit, w.typeStatus, w.stageLevel, w.areas, w.dates],
          rows,
        }),
      lang,
      language,
    ),
  ];
}

function activitySection(doc: DocContext, data: BriefingData): (Paragraph | Table)[] {
  const { language, lang } = doc;
  const w = L[language];
  const rows = data.activity.map((a): Content[] => [
    printDate(a.date, language, 'short'),
    enumLabel('timelineKind', a.kind, language),
    a.title,
    a.reference ? printRegisterNumber(a.reference, language) : '—',
  ]);
  return [
    heading('activity', language, lang),
    ...(rows.length >= TIMELINE_LIMIT
      ? [
          para(
            { text: activityShown(rows.length, data.activityTotals, language), color: '595959', size: 9 },
            lang,
            {
              after: 4,
            },
          ),
        ]
      : []),
    orNone(
      rows,
      () =>
        table(lang, {
          widths: [1400, 1700, 4738, 1800],
          header: [w.date, w.what, w.subject, w.reference],
          rows,
        }),
      lang,
      language,
    ),
  ];
}

function agreementsSection(doc: DocContext, data: BriefingData): (Paragraph | Table)[] {
  const { language, lang, today } = doc;
  const w = L[language];
  const rows = data.agreements.map((a): Content[] => [
    a.title,
    enumLabel('agreementKind', a.kind, language),
    enumLabel('agreementStatus', a.status, language),
    printDate(a.signedDate, language, 'short'),
    a.expiryDate
      ? {
          text: printDate(a.expiryDate, language, 'short'),
          color: a.reminderDate && a.reminderDate <= today ? 'C00000' : undefined,
        }
      : '—',
  ]);
  return [
    heading('agreements', language, lang),
    orNone(
      rows,
      () =>
        table(lang, {
          widths: [3238, 1900, 1500, 1500, 1500],
          header: [w.subject, w.kind, w.status, w.signed, w.expiry],
          rows,
        }),
      lang,
      language,
    ),
  ];
}

function casesSection(doc: DocContext, data: BriefingData): (Paragraph | Table)[] {
  const { language, lang } = doc;
  const w = L[language];
  const rows = data.openCases.map((c): Content[] => [
    c.title,
    enumLabel('caseKind', c.kind, language),
    `${enumLabel('caseStatus', c.status, language)} – ${enumLabel('priority', c.priority, language)}`,
    c.owner ? nameIn(c.owner, language) : '—',
    c.dueOn
      ? [
          { text: printDate(c.dueOn, language, 'short'), color: c.overdue ? 'C00000' : undefined },
          ...(c.overdue ? [{ text: `\n${w.overdue}`, color: 'C00000', size: 8 }] : []),
        ]
      : '—',
  ]);
  return [
    heading('openCases', language, lang),
    ...bounded('openCases', rows.length, data.openCasesTotal, language, lang),
    orNone(
      rows,
      () =>
        table(lang, {
          widths: [3238, 1800, 1700, 1500, 1400],
          header: [w.caseTitle, w.kind, w.status, w.owner, w.due],
          rows,
        }),
      lang,
      language,
    ),
  ];
}

function lettersSection(doc: DocContext, data: BriefingData): (Paragraph | Table)[] {
  const { language, lang, today } = doc;
  const w = L[language];
  const party = (l: (typeof data.awaitingReply)[number]) => {
    const other = l.direction === 'incoming' ? l.from : l.to;
    return other.contact
      ? nameIn(other.contact, language)
      : other.partner
        ? nameIn(other.partner, language)
        : (other.text ?? '—');
  };
  const rows = data.awaitingReply.map((l): Content[] => [
    printRegisterNumber(l.number, language),
    printDate(l.letterDate, language, 'short'),
    l.subject,
    party(l),
    l.followUpDate
      ? {
          text: printDate(l.followUpDate, language, 'short'),
          color: l.followUpDate < today ? 'C00000' : undefined,
        }
      : '—',
  ]);
  return [
    heading('awaiting', language, lang),
    ...bounded('awaiting', rows.length, data.awaitingReplyTotal, language, lang),
    orNone(
      rows,
      () =>
        table(lang, {
          widths: [1600, 1400, 3438, 1800, 1400],
          header: [w.number, w.date, w.subject, w.from, w.followUp],
          rows,
        }),
      lang,
      language,
    ),
  ];
}

function eventsSection(doc: DocContext, data: BriefingData): (Paragraph | Table)[] {
  const { language, lang } = doc;
  const w = L[language];
  const rows = data.upcomingEvents.map((e): Content[] => [
    e.startDate === e.endDate
      ? printDate(e.startDate, language, 'short')
      : `${printDate(e.startDate, language, 'short')}\n${printDate(e.endDate, language, 'short')}`,
    e.title,
    enumLabel('eventKind', e.kind, language),
    enumLabel('eventRole', e.ourRole, language),
    [e.venue, e.host ? nameIn(e.host, language) : null].filter(Boolean).join('\n') || '—',
  ]);
  return [
    heading('events', language, lang),
    orNone(
      rows,
      () =>
        table(lang, {
          widths: [1500, 3238, 1500, 1400, 2000],
          header: [w.date, w.event, w.kind, w.role, w.venue],
          rows,
        }),
      lang,
      language,
    ),
  ];
}

function contactsSection(doc: DocContext, data: BriefingData): (Paragraph | Table)[] {
  const { language, lang } = doc;
  const w = L[language];
  const rows = data.contacts.map((c): Content[] => [
    [
      { text: [c.title, nameIn(c, language)].filter(Boolean).join(' '), bold: true },
      ...(language === 'fa' && c.nameEn ? [`\n${c.nameEn}`] : []),
    ],
    c.position ?? '—',
    [...c.phones, ...c.emails].join('\n') || '—',
    c.languages.length > 0 ? c.languages.join('، ') : '—',
  ]);
  return [
    heading('contacts', language, lang),
    orNone(
      rows,
      () =>
        table(lang, {
          widths: [2600, 2800, 3038, 1200],
          header: [w.person, w.post, w.reach, w.languages],
          rows,
        }),
      lang,
      language,
    ),
  ];
}

/** The briefing on partner `id`. */
export async function briefingDocument(doc: DocContext, id: string): Promise<BuiltDocument> {
  const data = await briefingData(doc.reader, id, doc.today);
  const { language, lang } = doc;
  const w = L[language];
  const contents: Paragraph[] = [
    para({ text: w.contents, size: 16, bold: true, color: '1F3864' }, lang, { after: 12 }),
    ...SECTIONS.map(([key, anchor]) => contentsEntry(w[key], anchor, lang)),
  ];
  return {
    frame: {
      language,
      lang,
      title: w.title,
      runningHead: `${w.title} – ${nameIn(data.partner, language)}`,
      updateFields: true,
      sections: [
        { cover: true, children: coverPage(doc, data) },
        {
          children: [
            ...contents,
            ...factsSection(doc, data),
            ...relationshipsSection(doc, data),
            ...activitySection(doc, data),
            ...agreementsSection(doc, data),
            ...casesSection(doc, data),
            ...lettersSection(doc, data),
            ...eventsSection(doc, data),
            ...contactsSection(doc, data),
          ],
        },
      ],
    },
    fileName: safeFileName(`${w.file} ${nameIn(data.partner, language)}`, w.file),
    record: { entity: 'partner', id: data.partner.id, details: {} },
  };
}
