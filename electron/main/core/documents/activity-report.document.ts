/**
 * The activity report of a Jalali quarter or year: the counts, letters month by month (a
 * stacked bar chart), activity per partner (a bar chart), how long each approving authority
 * took, and the agreements signed, renewed and coming to expiry.
 */
import type { Paragraph, Table } from 'docx';
import type { AgreementSummary } from '../../../../shared/api/agreements.contract';
import type { DocumentPeriod } from '../../../../shared/api/documents.contract';
import { monthName } from '../../../../shared/dates/jalali';
import { EXPIRY_LOOKAHEAD_MONTHS, reportData, type ReportData } from './activity-report.data';
import { barChart, legend } from './bar-chart';
import type { DocContext } from './document-context';
import type { BuiltDocument } from './document-frame';
import { para, type Content, type Lang } from './docx-rtl';
import { factsTable, table } from './docx-table';
import { enumLabel } from './enum-labels';
import {
  COMMON,
  nameIn,
  printDate,
  printList,
  printNumber,
  printRange,
  printYear,
  type DocLanguage,
  type Phrases,
} from './labels';
import { safeFileName } from './sanitize';

const QUARTERS_FA = ['اول', 'دوم', 'سوم', 'چهارم'] as const;

const L: Phrases<
  | 'title'
  | 'summary'
  | 'letters'
  | 'cases'
  | 'events'
  | 'agreements'
  | 'lettersLine'
  | 'casesLine'
  | 'eventsLine'
  | 'agreementsLine'
  | 'perMonth'
  | 'month'
  | 'count'
  | 'perPartner'
  | 'partner'
  | 'partnerNote'
  | 'turnaround'
  | 'authority'
  | 'decided'
  | 'approvedOf'
  | 'median'
  | 'p90'
  | 'waiting'
  | 'days'
  | 'medianChart'
  | 'newAgreements'
  | 'renewed'
  | 'expiring'
  | 'agreement'
  | 'parties'
  | 'signed'
  | 'expiry'
  | 'status'
  | 'file'
> = {
  fa: {
    title: 'گزارش عملکرد',
    summary: 'خلاصه',
    letters: 'مکاتبات',
    cases: 'پرونده‌ها',
    events: 'رویدادها',
    agreements: 'توافق‌نامه‌ها',
    lettersLine: 'وارده {a}، صادره {b}، داخلی {c} (جمع {d})',
    casesLine: 'گشوده {a}، انجام‌شده {b}، لغوشده {c}',
    eventsLine: '{a} رویداد (برگزارشده {b}، لغوشده {c})',
    agreementsLine: 'امضای جدید {a}، تمدید {b}، رو به انقضا {c}',
    perMonth: 'مکاتبات در هر ماه',
    month: 'ماه',
    count: 'تعداد',
    perPartner: 'فعالیت به تفکیک شریک',
    partner: 'شریک',
    partnerNote: 'نامه / پرونده / رویداد',
    turnaround: 'زمان پاسخ مراجع تصویب',
    authority: 'مرجع',
    decided: 'پاسخ‌ها',
    approvedOf: 'موافقت',
    median: 'میانه (روز)',
    p90: 'صدک ۹۰ (روز)',
    waiting: 'در انتظار',
    days: 'روز',
    medianChart: 'میانه روزهای انتظار',
    newAgreements: 'توافق‌نامه‌های جدید',
    renewed: 'توافق‌نامه‌های تمدیدشده',
    expiring: `رو به انقضا (در دوره یا ${printNumber(EXPIRY_LOOKAHEAD_MONTHS, 'fa')} ماه پس از آن)`,
    agreement: 'عنوان',
    parties: 'طرف‌ها',
    signed: 'امضا',
    expiry: 'انقضا',
    status: 'وضعیت',
    file: 'گزارش عملکرد',
  },
  en: {
    title: 'Activity report',
    summary: 'Summary',
    letters: 'Correspondence',
    cases: 'Cases',
    events: 'Events',
    agreements: 'Agreements',
    lettersLine: '{a} incoming, {b} outgoing, {c} internal ({d} in all)',
    casesLine: '{a} opened, {b} completed, {c} cancelled',
    eventsLine: '{a} in all ({b} held, {c} cancelled)',
    agreementsLine: '{a} newly signed, {b} renewed, {c} coming to expiry',
    perMonth: 'Letters per month',
    month: 'Month',
    count: 'Number',
    perPartner: 'Activity per partner',
    partner: 'Partner',
    partnerNote: 'letters / cases / events',
    turnaround: 'Approval turnaround per authority',
    authority: 'Authority',
    decided: 'Decisions',
    approvedOf: 'Approved',
    median: 'Median (days)',
    p90: '90th percentile (days)',
    waiting: 'Waiting now',
    days: 'days',
    medianChart: 'Median days waiting',
    newAgreements: 'New agreements',
    renewed: 'Renewed agreements',
    expiring: `Coming to expiry (in the period or the ${EXPIRY_LOOKAHEAD_MONTHS} months after it)`,
    agreement: 'Title',
    parties: 'Parties',
    signed: 'Signed',
    expiry: 'Expiry',
    status: 'Status',
    file: 'Activity report',
  },
};

const SERIES_COLORS = { incoming: '2E75B6', outgoing: 'C55A11', internal: '7F7F7F' } as const;

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w)\}/g, (_, key: string) => values[key] ?? '');
}

export function periodTitle(
  data: Pick<ReportData, 'year' | 'quarter' | 'period'>,
  language: DocLanguage,
): string {
  const range = printRange(data.period.from, data.period.to, language);
  if (language === 'fa') {
    const year = printYear(data.year, 'fa');
    const name = data.quarter ? `فصل ${QUARTERS_FA[data.quarter - 1]} سال ${year}` : `سال ${year}`;
    return `${name} (${range})`;
  }
  return data.quarter
    ? `Quarter ${data.quarter} of ${data.year} SH (${range})`
    : `The year ${data.year} SH (${range})`;
}

function heading(text: string, lang: Lang): Paragraph {
  return para(text, lang, { heading: 1, keepNext: true, before: 16, after: 6 });
}

function summary(doc: DocContext, data: ReportData): Table {
  const { language, lang } = doc;
  const w = L[language];
  const n = (x: number) => printNumber(x, language);
  const l = data.letters;
  return factsTable(lang, [
    [
      w.letters,
      fill(w.lettersLine, {
        a: n(l.incoming),
        b: n(l.outgoing),
        c: n(l.internal),
        d: n(l.incoming + l.outgoing + l.internal),
      }),
    ],
    [
      w.cases,
      fill(w.casesLine, { a: n(data.cases.opened), b: n(data.cases.done), c: n(data.cases.cancelled) }),
    ],
    [
      w.events,
      fill(w.eventsLine, { a: n(data.events.all), b: n(data.events.held), c: n(data.events.cancelled) }),
    ],
    [
      w.agreements,
      fill(w.agreementsLine, {
        a: n(data.newAgreements.length),
        b: n(data.renewedAgreements.length),
        c: n(data.expiringAgreements.length),
      }),
    ],
  ]);
}

function perMonth(doc: DocContext, data: ReportData): (Paragraph | Table)[] {
  const { language, lang } = doc;
  const w = L[language];
  const series = (['incoming', 'outgoing', 'internal'] as const).map((d) => ({
    label: enumLabel('letterDirection', d, language),
    color: SERIES_COLORS[d],
  }));
  return [
    heading(w.perMonth, lang),
    legend(series, lang),
    barChart(lang, {
      series,
      header: [w.month, w.letters, w.count],
      format: (x) => printNumber(x, language),
      rows: data.months.map((m) => ({
        label: `${monthName(m.month, 'jalali', language)} ${printYear(m.year, language)}`,
        values: [m.incoming, m.outgoing, m.internal],
      })),
    }),
  ];
}

function perPartner(doc: DocContext, data: ReportData): (Paragraph | Table)[] {
  const { language, lang } = doc;
  const w = L[language];
  if (data.partners.length === 0)
    return [heading(w.perPartner, lang), para({ text: COMMON[language].none, color: '7F7F7F' }, lang)];
  const n = (x: number) => printNumber(x, language);
  const series = [
    { label: w.letters, color: '2E75B6' },
    { label: w.cases, color: '548235' },
    { label: w.events, color: 'BF8F00' },
  ];
  return [
    heading(w.perPartner, lang),
    legend(series, lang),
    barChart(lang, {
      series,
      header: [w.partner, w.partnerNote, w.count],
      format: n,
      rows: data.partners.map((p) => ({
        label: nameIn(p, language),
        values: [p.letters, p.cases, p.events],
        note: `${n(p.letters)} / ${n(p.cases)} / ${n(p.events)}`,
      })),
    }),
  ];
}

function turnaround(doc: DocContext, data: ReportData): (Paragraph | Table)[] {
  const { language, lang } = doc;
  const w = L[language];
  const out: (Paragraph | Table)[] = [heading(w.turnaround, lang)];
  if (data.turnaround.length === 0)
    return [...out, para({ text: COMMON[language].none, color: '7F7F7F' }, lang)];
  const n = (x: number | null, digits = 0) => printNumber(x, language, digits);
  out.push(
    table(lang, {
      widths: [3238, 1200, 1200, 1300, 1500, 1200],
      header: [w.authority, w.decided, w.approvedOf, w.median, w.p90, w.waiting],
      rows: data.turnaround.map((r): Content[] => [
        language === 'fa' ? r.authorityNameFa : r.authorityNameEn,
        n(r.decided),
        n(r.approved),
        n(r.medianDays, 1),
        n(r.p90Days, 1),
        { text: n(r.waitingNow), color: r.waitingNow > 0 ? 'C00000' : undefined },
      ]),
    }),
  );
  const timed = data.turnaround.filter((r) => r.medianDays !== null);
  if (timed.length > 0) {
    out.push(
      para({ text: w.medianChart, bold: true, size: 10 }, lang, { before: 10, after: 4, keepNext: true }),
      barChart(lang, {
        series: [{ label: w.median, color: '8064A2' }],
        header: [w.authority, w.medianChart, w.days],
        format: (x) => n(x, 1),
        rows: timed.map((r) => ({
          label: language === 'fa' ? r.authorityNameFa : r.authorityNameEn,
          values: [r.medianDays ?? 0],
        })),
      }),
    );
  }
  return out;
}

function agreementTable(
  doc: DocContext,
  title: string,
  list: readonly AgreementSummary[],
): (Paragraph | Table)[] {
  const { language, lang } = doc;
  const w = L[language];
  const head = para(title, lang, { heading: 2, before: 10, after: 4, keepNext: true });
  if (list.length === 0) return [head, para({ text: COMMON[language].none, color: '7F7F7F' }, lang)];
  return [
    head,
    table(lang, {
      widths: [2838, 2600, 1400, 1400, 1400],
      header: [w.agreement, w.parties, w.signed, w.expiry, w.status],
      rows: list.map((a): Content[] => [
        a.title,
        printList(
          a.parties.filter((p) => !p.own).map((p) => nameIn(p, language)),
          language,
        ),
        printDate(a.signedDate, language, 'short'),
        printDate(a.expiryDate, language, 'short'),
        enumLabel('agreementStatus', a.status, language),
      ]),
    }),
  ];
}

/** The activity report of a Jalali quarter or year. */
export async function activityReportDocument(doc: DocContext, p: DocumentPeriod): Promise<BuiltDocument> {
  const { language, lang } = doc;
  const w = L[language];
  const data = await reportData(doc.reader, p, doc.today);
  const period = periodTitle(data, language);
  const children: (Paragraph | Table)[] = [
    para({ text: doc.office, size: 10, color: '595959' }, lang, { align: 'center', after: 10 }),
    para({ text: w.title, size: 20, bold: true, color: '1F3864' }, lang, { align: 'center', after: 4 }),
    para({ text: period, size: 12, color: '404040' }, lang, { align: 'center', after: 4 }),
    para(
      { text: `${COMMON[language].preparedOn}: ${printDate(doc.today, language)}`, size: 9, color: '7F7F7F' },
      lang,
      {
        align: 'center',
        after: 12,
      },
    ),
    heading(w.summary, lang),
    summary(doc, data),
    ...perMonth(doc, data),
    ...perPartner(doc, data),
    ...turnaround(doc, data),
    heading(w.agreements, lang),
    ...agreementTable(doc, w.newAgreements, data.newAgreements),
    ...agreementTable(doc, w.renewed, data.renewedAgreements),
    ...agreementTable(doc, w.expiring, data.expiringAgreements),
  ];
  const fileLabel =
    language === 'fa'
      ? `${w.file} ${printYear(p.year, 'fa')}${p.quarter ? ` فصل ${QUARTERS_FA[p.quarter - 1]}` : ''}`
      : `${w.file} ${p.year}${p.quarter ? ` Q${p.quarter}` : ''}`;
  return {
    frame: {
      language,
      lang,
      title: w.title,
      runningHead: `${w.title} – ${period}`,
      sections: [{ children }],
    },
    fileName: safeFileName(fileLabel, w.file),
    record: { entity: 'report', id: null, details: { year: p.year, quarter: p.quarter ?? null } },
  };
}
