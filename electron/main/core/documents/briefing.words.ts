/** The words of the partner briefing, in Persian and English. */
import { formatNumber } from '../../../../shared/text/digits';
import { TIMELINE_MONTHS } from './briefing.data';
import type { DocLanguage, Phrases } from './labels';

export const L: Phrases<
  | 'title'
  | 'subtitle'
  | 'contents'
  | 'preparedBy'
  | 'facts'
  | 'relationships'
  | 'activity'
  | 'agreements'
  | 'openCases'
  | 'awaiting'
  | 'events'
  | 'contacts'
  | 'name'
  | 'nameEn'
  | 'nameNative'
  | 'kind'
  | 'country'
  | 'parent'
  | 'position'
  | 'website'
  | 'notes'
  | 'noPosition'
  | 'legendPartner'
  | 'legendHome'
  | 'mapAlt'
  | 'ownUnit'
  | 'typeStatus'
  | 'stageLevel'
  | 'areas'
  | 'dates'
  | 'established'
  | 'lastActivity'
  | 'dormant'
  | 'date'
  | 'what'
  | 'subject'
  | 'reference'
  | 'status'
  | 'signed'
  | 'expiry'
  | 'caseTitle'
  | 'owner'
  | 'due'
  | 'overdue'
  | 'number'
  | 'from'
  | 'followUp'
  | 'event'
  | 'role'
  | 'venue'
  | 'person'
  | 'post'
  | 'reach'
  | 'languages'
  | 'file'
> = {
  fa: {
    title: 'گزارش توجیهی دیدار',
    subtitle: 'برای مدیران، پیش از دیدار با',
    contents: 'فهرست مطالب',
    preparedBy: 'تهیه‌کننده',
    facts: 'مشخصات و موقعیت',
    relationships: 'روابط',
    activity: `سوابق ${formatNumber(TIMELINE_MONTHS, 'fa')} ماه اخیر`,
    agreements: 'توافق‌نامه‌ها',
    openCases: 'پرونده‌های باز',
    awaiting: 'نامه‌های در انتظار پاسخ',
    events: 'رویدادهای پیش رو',
    contacts: 'مخاطبان کلیدی',
    name: 'نام',
    nameEn: 'نام لاتین',
    nameNative: 'نام به زبان محلی',
    kind: 'نوع',
    country: 'کشور',
    parent: 'وابسته به',
    position: 'مختصات جغرافیایی',
    website: 'وبگاه',
    notes: 'یادداشت‌ها',
    noPosition: 'مختصات ثبت نشده است.',
    legendPartner: 'موقعیت شریک',
    legendHome: 'شهر ما',
    mapAlt: 'نقشه موقعیت شهر شریک',
    ownUnit: 'طرف ما',
    typeStatus: 'نوع و وضعیت',
    stageLevel: 'مرحله و سطح',
    areas: 'حوزه‌های همکاری',
    dates: 'تاریخ‌ها',
    established: 'برقراری',
    lastActivity: 'آخرین فعالیت',
    dormant: 'راکد',
    date: 'تاریخ',
    what: 'رویداد',
    subject: 'عنوان',
    reference: 'شماره',
    status: 'وضعیت',
    signed: 'امضا',
    expiry: 'انقضا',
    caseTitle: 'پرونده',
    owner: 'مسئول',
    due: 'سررسید',
    overdue: 'گذشته از سررسید',
    number: 'شماره',
    from: 'فرستنده / گیرنده',
    followUp: 'پیگیری',
    event: 'رویداد',
    role: 'نقش ما',
    venue: 'مکان / میزبان',
    person: 'نام',
    post: 'سمت',
    reach: 'تماس',
    languages: 'زبان‌ها',
    file: 'گزارش توجیهی',
  },
  en: {
    title: 'Briefing',
    subtitle: 'For the manager, before meeting',
    contents: 'Contents',
    preparedBy: 'Prepared by',
    facts: 'Facts and position',
    relationships: 'Relationships',
    activity: `The last ${TIMELINE_MONTHS} months`,
    agreements: 'Agreements',
    openCases: 'Open cases',
    awaiting: 'Letters awaiting reply',
    events: 'Upcoming events',
    contacts: 'Key contacts',
    name: 'Name',
    nameEn: 'English name',
    nameNative: 'Native name',
    kind: 'Kind',
    country: 'Country',
    parent: 'Part of',
    position: 'Coordinates',
    website: 'Website',
    notes: 'Notes',
    noPosition: 'No coordinates recorded.',
    legendPartner: 'Partner',
    legendHome: 'Our city',
    mapAlt: 'Map of the partner city’s position',
    ownUnit: 'Our side',
    typeStatus: 'Type and status',
    stageLevel: 'Stage and level',
    areas: 'Areas of cooperation',
    dates: 'Dates',
    established: 'Established',
    lastActivity: 'Last activity',
    dormant: 'dormant',
    date: 'Date',
    what: 'What',
    subject: 'Title',
    reference: 'Ref.',
    status: 'Status',
    signed: 'Signed',
    expiry: 'Expiry',
    caseTitle: 'Case',
    owner: 'Owner',
    due: 'Due',
    overdue: 'overdue',
    number: 'No.',
    from: 'From / to',
    followUp: 'Follow-up',
    event: 'Event',
    role: 'Our role',
    venue: 'Venue / host',
    person: 'Name',
    post: 'Position',
    reach: 'Contact',
    languages: 'Languages',
    file: 'Briefing',
  },
};

/**
 * The line under a bounded list: how many of how many it shows, and which ones, so the
 * manager never takes the first page of a list for the whole of it.
 */
export function shownOf(
  list: 'openCases' | 'awaiting',
  shown: number,
  total: number,
  language: DocLanguage,
): string {
  const n = formatNumber(shown, language);
  const of = formatNumber(total, language);
  if (language === 'fa') {
    switch (list) {
      case 'openCases':
        return `${n} پرونده با نزدیک‌ترین سررسید، از ${of} پرونده باز.`;
      case 'awaiting':
        return `${n} نامه‌ای که بیشترین مدت در انتظار پاسخ مانده‌اند، از ${of} نامه.`;
    }
  }
  switch (list) {
    case 'openCases':
      return `The ${n} due soonest of ${of} open cases.`;
    case 'awaiting':
      return `The ${n} waiting longest of ${of} letters awaiting reply.`;
  }
}

/** The line above the activity when it shows only the most recent: the period's totals. */
export function activityShown(
  shown: number,
  totals: { letters: number; events: number },
  language: DocLanguage,
): string {
  const n = formatNumber(shown, language);
  const letters = formatNumber(totals.letters, language);
  const events = formatNumber(totals.events, language);
  return language === 'fa'
    ? `${n} مورد اخیر؛ در این دوره در مجموع ${letters} نامه و ${events} رویداد ثبت شده است.`
    : `The ${n} most recent; in all, ${letters} letters and ${events} events in this period.`;
}
