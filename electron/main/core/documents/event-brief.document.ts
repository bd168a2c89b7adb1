/**
 * A brief on an event or a delegation: what it is and when, the objectives, the programme,
 * the delegation with each member's passport and visa status (the passport's validity, not
 * its number: the brief travels further than the protocol file), where each approval chain
 * of its case stands, the gifts given and received, and the outcome.
 */
import type { Paragraph, Table } from 'docx';
import type { ApprovalChain } from '../../../../shared/api/approvals.contract';
import type { EventRecord } from '../../../../shared/api/events.contract';
import type { DocContext } from './document-context';
import type { BuiltDocument } from './document-frame';
import { para, paragraphsOf, type Content, type Lang } from './docx-rtl';
import { factsTable, table } from './docx-table';
import { enumLabel } from './enum-labels';
import {
  COMMON,
  nameIn,
  printDate,
  printList,
  printNumber,
  printRange,
  type DocLanguage,
  type Phrases,
} from './labels';
import { safeFileName } from './sanitize';

const L: Phrases<
  | 'title'
  | 'when'
  | 'venue'
  | 'host'
  | 'organiser'
  | 'deadline'
  | 'partners'
  | 'reciprocal'
  | 'case'
  | 'objectives'
  | 'programme'
  | 'delegation'
  | 'approvals'
  | 'gifts'
  | 'outcome'
  | 'noObjectives'
  | 'noOutcome'
  | 'noApprovals'
  | 'date'
  | 'time'
  | 'item'
  | 'type'
  | 'responsible'
  | 'member'
  | 'role'
  | 'passport'
  | 'visa'
  | 'travel'
  | 'validUntil'
  | 'step'
  | 'authority'
  | 'state'
  | 'submitted'
  | 'decided'
  | 'days'
  | 'waitingSince'
  | 'direction'
  | 'gift'
  | 'between'
  | 'value'
  | 'file'
> = {
  fa: {
    title: 'گزارش رویداد',
    when: 'زمان',
    venue: 'مکان',
    host: 'میزبان',
    organiser: 'برگزارکننده',
    deadline: 'مهلت ثبت‌نام',
    partners: 'شرکای مرتبط',
    reciprocal: 'رویداد متقابل',
    case: 'پرونده',
    objectives: 'اهداف',
    programme: 'برنامه',
    delegation: 'هیئت',
    approvals: 'وضعیت مجوزها',
    gifts: 'هدایا',
    outcome: 'نتیجه',
    noObjectives: 'اهداف ثبت نشده است.',
    noOutcome: 'نتیجه هنوز ثبت نشده است.',
    noApprovals: 'برای پرونده این رویداد زنجیره مجوزی ثبت نشده است.',
    date: 'تاریخ',
    time: 'ساعت',
    item: 'عنوان',
    type: 'نوع',
    responsible: 'مسئول و وضعیت',
    member: 'نام و سمت',
    role: 'نقش',
    passport: 'گذرنامه',
    visa: 'روادید',
    travel: 'سفر',
    validUntil: 'معتبر تا',
    step: 'ردیف',
    authority: 'مرجع',
    state: 'وضعیت',
    submitted: 'ارسال',
    decided: 'پاسخ',
    days: 'روز',
    waitingSince: 'در انتظار از',
    direction: 'نوع',
    gift: 'هدیه',
    between: 'از / به',
    value: 'ارزش تقریبی',
    file: 'گزارش رویداد',
  },
  en: {
    title: 'Event brief',
    when: 'When',
    venue: 'Venue',
    host: 'Host',
    organiser: 'Organiser',
    deadline: 'Registration deadline',
    partners: 'Partners',
    reciprocal: 'Reciprocal event',
    case: 'Case',
    objectives: 'Objectives',
    programme: 'Programme',
    delegation: 'Delegation',
    approvals: 'Approvals',
    gifts: 'Gifts',
    outcome: 'Outcome',
    noObjectives: 'No objectives recorded.',
    noOutcome: 'No outcome recorded yet.',
    noApprovals: 'No approval chain is recorded for this event’s case.',
    date: 'Date',
    time: 'Time',
    item: 'Title',
    type: 'Type',
    responsible: 'Responsible and status',
    member: 'Name and position',
    role: 'Role',
    passport: 'Passport',
    visa: 'Visa',
    travel: 'Travel',
    validUntil: 'valid until',
    step: 'No.',
    authority: 'Authority',
    state: 'State',
    submitted: 'Submitted',
    decided: 'Decided',
    days: 'Days',
    waitingSince: 'waiting since',
    direction: 'Given / received',
    gift: 'Gift',
    between: 'From / to',
    value: 'Estimated value',
    file: 'Event brief',
  },
};

function heading(text: string, lang: Lang): Paragraph {
  return para(text, lang, { heading: 1, keepNext: true, before: 14, after: 6 });
}

function none(language: DocLanguage, lang: Lang, text = COMMON[language].none): Paragraph {
  return para({ text, color: '7F7F7F' }, lang);
}

function facts(doc: DocContext, event: EventRecord, caseTitle: string | null): Table {
  const { language, lang } = doc;
  const w = L[language];
  const rows: [string, Content][] = [[w.when, printRange(event.startDate, event.endDate, language)]];
  if (event.venue) rows.push([w.venue, event.venue]);
  if (event.host) rows.push([w.host, nameIn(event.host, language)]);
  if (event.organiser) rows.push([w.organiser, nameIn(event.organiser, language)]);
  if (event.registrationDeadline) rows.push([w.deadline, printDate(event.registrationDeadline, language)]);
  if (event.partners.length > 0)
    rows.push([
      w.partners,
      printList(
        event.partners.map((p) => nameIn(p, language)),
        language,
      ),
    ]);
  if (event.reciprocal)
    rows.push([
      w.reciprocal,
      `${event.reciprocal.title} (${printDate(event.reciprocal.startDate, language, 'short')})`,
    ]);
  if (caseTitle) rows.push([w.case, caseTitle]);
  return factsTable(lang, rows);
}

function programme(doc: DocContext, event: EventRecord): Paragraph | Table {
  const { language, lang } = doc;
  const w = L[language];
  if (event.programme.length === 0) return none(language, lang);
  return table(lang, {
    widths: [1300, 1200, 3238, 1300, 2600],
    header: [w.date, w.time, w.item, w.type, w.responsible],
    rows: event.programme.map((item): Content[] => [
      printDate(item.date, language, 'short'),
      [item.startTime, item.endTime].filter(Boolean).join('–') || '—',
      [{ text: item.title, bold: true }, ...(item.venue ? [`\n${item.venue}`] : [])],
      enumLabel('programmeType', item.type, language),
      [item.responsible ?? '—', `\n${enumLabel('programmeStatus', item.status, language)}`],
    ]),
  });
}

function delegation(doc: DocContext, event: EventRecord): Paragraph | Table {
  const { language, lang } = doc;
  const w = L[language];
  if (event.delegation.length === 0) return none(language, lang);
  return table(lang, {
    widths: [2638, 1300, 2300, 1500, 1900],
    header: [w.member, w.role, w.passport, w.visa, w.travel],
    rows: event.delegation.map((m): Content[] => [
      [{ text: m.name, bold: true }, ...(m.position ? [`\n${m.position}`] : [])],
      enumLabel('delegationRole', m.role, language),
      [
        m.passportExpiry ? `${w.validUntil} ${printDate(m.passportExpiry, language, 'short')}` : '—',
        ...(m.passportWarning
          ? [
              {
                text: `\n${enumLabel('passportWarning', m.passportWarning, language)}`,
                color: 'C00000',
                bold: true,
              },
            ]
          : []),
      ],
      {
        text: enumLabel('visaStatus', m.visaStatus, language),
        color: m.visaStatus === 'refused' ? 'C00000' : undefined,
      },
      m.travelFrom && m.travelTo
        ? `${printDate(m.travelFrom, language, 'short')}\n${printDate(m.travelTo, language, 'short')}`
        : '—',
    ]),
  });
}

function approvals(doc: DocContext, chains: readonly ApprovalChain[]): (Paragraph | Table)[] {
  const { language, lang } = doc;
  const w = L[language];
  if (chains.length === 0) return [none(language, lang, w.noApprovals)];
  return chains.flatMap((chain) => {
    const state = enumLabel('chainState', chain.state, language);
    const waiting =
      chain.waitingSince && chain.daysWaiting !== null
        ? ` – ${w.waitingSince} ${printDate(chain.waitingSince, language, 'short')} (${printNumber(chain.daysWaiting, language)} ${w.days})`
        : '';
    return [
      para([{ text: chain.title, bold: true }, ` – ${state}${waiting}`], lang, {
        before: 6,
        after: 4,
        keepNext: true,
      }),
      table(lang, {
        widths: [700, 3138, 1800, 1400, 1400, 1200],
        header: [w.step, w.authority, w.state, w.submitted, w.decided, w.days],
        rows: chain.steps.map((s): Content[] => [
          printNumber(s.position, language),
          language === 'fa' ? s.authorityNameFa : s.authorityNameEn,
          {
            text: enumLabel('stepState', s.state, language),
            bold: s.id === chain.currentStepId,
            color: s.state === 'rejected' ? 'C00000' : undefined,
          },
          printDate(s.submittedOn, language, 'short'),
          printDate(s.decidedOn, language, 'short'),
          printNumber(s.daysAtAuthority, language),
        ]),
      }),
    ];
  });
}

function gifts(doc: DocContext, event: EventRecord): Paragraph | Table {
  const { language, lang } = doc;
  const w = L[language];
  if (event.gifts.length === 0) return none(language, lang);
  return table(lang, {
    widths: [1300, 3038, 2600, 1300, 1400],
    header: [w.direction, w.gift, w.between, w.date, w.value],
    rows: event.gifts.map((g): Content[] => [
      enumLabel('giftDirection', g.direction, language),
      [
        g.description,
        ...(g.registryNumber ? [{ text: `\n${g.registryNumber}`, size: 8, color: '595959' }] : []),
      ],
      `${g.giver}\n${g.receiver}`,
      printDate(g.date, language, 'short'),
      g.estimatedValue !== null
        ? `${printNumber(g.estimatedValue, language)} ${g.currency ?? ''}`.trim()
        : '—',
    ]),
  });
}

/** The brief of event `id`. */
export async function eventBriefDocument(doc: DocContext, id: string): Promise<BuiltDocument> {
  const { reader, language, lang } = doc;
  const w = L[language];
  const event = await reader.query('events.get', { id });
  const chains = event.caseId ? await reader.query('approvals.get', { caseId: event.caseId }) : [];
  const caseTitle = event.caseId ? (await reader.query('cases.get', { id: event.caseId })).title : null;
  const subtitle = [
    enumLabel('eventKind', event.kind, language),
    enumLabel('eventRole', event.ourRole, language),
    enumLabel('eventStatus', event.status, language),
  ].join('  ·  ');
  const children: (Paragraph | Table)[] = [
    para({ text: doc.office, size: 10, color: '595959' }, lang, { align: 'center', after: 10 }),
    para({ text: w.title, size: 12, bold: true, color: '2E5597' }, lang, { align: 'center', after: 2 }),
    para({ text: event.title, size: 18, bold: true, color: '1F3864' }, lang, { align: 'center', after: 4 }),
    para({ text: subtitle, size: 11, color: '404040' }, lang, { align: 'center', after: 12 }),
    facts(doc, event, caseTitle),
    heading(w.objectives, lang),
    ...paragraphsOf(event.objectives, lang, { align: 'justify', auto: true }, w.noObjectives),
    heading(w.programme, lang),
    programme(doc, event),
    heading(w.delegation, lang),
    delegation(doc, event),
    heading(w.approvals, lang),
    ...approvals(doc, chains),
    heading(w.gifts, lang),
    gifts(doc, event),
    heading(w.outcome, lang),
    ...paragraphsOf(event.outcome, lang, { align: 'justify', auto: true }, w.noOutcome),
  ];
  return {
    frame: {
      language,
      lang,
      title: w.title,
      runningHead: `${w.title} – ${event.title}`,
      sections: [{ children }],
    },
    fileName: safeFileName(`${w.file} ${event.title}`, w.file),
    record: { entity: 'event', id: event.id, details: {} },
  };
}
