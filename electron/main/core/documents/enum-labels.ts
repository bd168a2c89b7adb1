/**
 * The names of the program's fixed values (statuses, kinds, roles…) as documents print
 * them, in Persian and English. A value without a name here prints as it is stored.
 */
import type { DocLanguage } from './labels';

type Names = Record<string, readonly [fa: string, en: string]>;

const NAMES = {
  partnerKind: {
    city: ['شهر', 'City'],
    district: ['منطقه / محله', 'District'],
    organisation: ['سازمان', 'Organisation'],
  },
  orgType: {
    ministry: ['وزارتخانه', 'Ministry'],
    embassy: ['سفارت', 'Embassy'],
    international_organisation: ['سازمان بین‌المللی', 'International organisation'],
    university: ['دانشگاه', 'University'],
    company: ['شرکت', 'Company'],
    ngo: ['سازمان مردم‌نهاد', 'NGO'],
    other: ['سایر', 'Other'],
  },
  relationshipType: {
    sister_city: ['خواهرخواندگی', 'Sister city'],
    friendship_city: ['شهر دوست', 'Friendship city'],
    neighbourhood_pact: ['پیمان محله‌ای', 'Neighbourhood pact'],
    cooperation_agreement: ['توافق همکاری', 'Cooperation agreement'],
    network_membership: ['عضویت در شبکه', 'Network membership'],
  },
  relationshipStatus: {
    exploring: ['در حال بررسی', 'Exploring'],
    proposed: ['پیشنهادشده', 'Proposed'],
    under_approval: ['در دست تصویب', 'Under approval'],
    active: ['فعال', 'Active'],
    dormant: ['راکد', 'Dormant'],
    suspended: ['معلق', 'Suspended'],
    ended: ['پایان‌یافته', 'Ended'],
  },
  stage: {
    justification_report: ['گزارش توجیهی شهرداری', 'Justification report'],
    interior_review: ['بررسی وزارت کشور', 'Ministry of Interior review'],
    foreign_affairs_consultation: ['استعلام وزارت امور خارجه', 'Foreign Affairs consultation'],
    council_bill: ['لایحه شورای شهر', 'City council bill'],
    mou_drafting: ['تدوین تفاهم‌نامه', 'MoU drafting'],
    signed: ['امضاشده', 'Signed'],
  },
  area: {
    economic: ['اقتصادی', 'Economic'],
    cultural: ['فرهنگی', 'Cultural'],
    educational: ['آموزشی', 'Educational'],
    scientific: ['علمی', 'Scientific'],
    tourism: ['گردشگری', 'Tourism'],
    urban_management: ['مدیریت شهری', 'Urban management'],
    environment: ['محیط زیست', 'Environment'],
    health: ['سلامت', 'Health'],
    sport: ['ورزش', 'Sport'],
    other: ['سایر', 'Other'],
  },
  level: {
    low: ['کم', 'Low'],
    medium: ['متوسط', 'Medium'],
    high: ['زیاد', 'High'],
    strategic: ['راهبردی', 'Strategic'],
  },
  caseKind: {
    outgoing_delegation: ['اعزام هیئت', 'Outgoing delegation'],
    incoming_delegation: ['پذیرش هیئت', 'Incoming delegation'],
    forum: ['همایش بین‌المللی', 'Forum'],
    cultural_week: ['هفته فرهنگی', 'Cultural week'],
    agreement_negotiation: ['مذاکره تفاهم‌نامه', 'Agreement negotiation'],
    incoming_request: ['درخواست واصله', 'Incoming request'],
    other: ['سایر', 'Other'],
  },
  caseStatus: {
    open: ['باز', 'Open'],
    waiting: ['در انتظار', 'Waiting'],
    done: ['انجام‌شده', 'Done'],
    cancelled: ['لغوشده', 'Cancelled'],
  },
  priority: {
    low: ['کم', 'Low'],
    normal: ['عادی', 'Normal'],
    high: ['زیاد', 'High'],
    urgent: ['فوری', 'Urgent'],
  },
  letterDirection: {
    incoming: ['وارده', 'Incoming'],
    outgoing: ['صادره', 'Outgoing'],
    internal: ['داخلی', 'Internal'],
  },
  copyPurpose: {
    information: ['جهت اطلاع', 'for information'],
    action: ['جهت اقدام', 'for action'],
    filing: ['جهت بایگانی', 'for filing'],
  },
  agreementKind: {
    mou: ['تفاهم‌نامه', 'Memorandum of understanding'],
    sister_city: ['موافقت‌نامه خواهرخواندگی', 'Sister-city agreement'],
    friendship_protocol: ['پروتکل دوستی', 'Friendship protocol'],
    cooperation_programme: ['برنامه همکاری', 'Cooperation programme'],
  },
  agreementStatus: {
    draft: ['پیش‌نویس', 'Draft'],
    internal_review: ['بررسی داخلی', 'Internal review'],
    legal_review: ['بررسی حقوقی', 'Legal review'],
    awaiting_approvals: ['در انتظار تصویب', 'Awaiting approvals'],
    approved: ['تصویب‌شده', 'Approved'],
    signed: ['امضاشده', 'Signed'],
    in_force: ['نافذ', 'In force'],
    expired: ['منقضی', 'Expired'],
    terminated: ['فسخ‌شده', 'Terminated'],
  },
  eventKind: {
    forum: ['همایش', 'Forum'],
    conference: ['کنفرانس', 'Conference'],
    cultural_week: ['هفته فرهنگی', 'Cultural week'],
    exhibition: ['نمایشگاه', 'Exhibition'],
    incoming_delegation: ['هیئت ورودی', 'Incoming delegation'],
    outgoing_delegation: ['هیئت اعزامی', 'Outgoing delegation'],
    visit: ['بازدید', 'Visit'],
    online_meeting: ['نشست برخط', 'Online meeting'],
  },
  eventRole: {
    attendee: ['شرکت‌کننده', 'Attendee'],
    speaker: ['سخنران', 'Speaker'],
    organiser: ['برگزارکننده', 'Organiser'],
    exhibitor: ['غرفه‌دار', 'Exhibitor'],
    host: ['میزبان', 'Host'],
  },
  eventStatus: {
    planned: ['برنامه‌ریزی‌شده', 'Planned'],
    confirmed: ['قطعی', 'Confirmed'],
    held: ['برگزارشده', 'Held'],
    cancelled: ['لغوشده', 'Cancelled'],
  },
  programmeType: {
    concert: ['کنسرت', 'Concert'],
    exhibition: ['نمایشگاه', 'Exhibition'],
    film: ['فیلم', 'Film'],
    lecture: ['سخنرانی', 'Lecture'],
    workshop: ['کارگاه', 'Workshop'],
    food: ['غذا', 'Food'],
    craft: ['صنایع‌دستی', 'Craft'],
    meeting: ['نشست', 'Meeting'],
    other: ['سایر', 'Other'],
  },
  programmeStatus: {
    planned: ['برنامه‌ریزی‌شده', 'Planned'],
    confirmed: ['قطعی', 'Confirmed'],
    done: ['انجام‌شده', 'Done'],
    cancelled: ['لغوشده', 'Cancelled'],
  },
  visaStatus: {
    not_needed: ['نیاز ندارد', 'Not needed'],
    to_apply: ['باید درخواست شود', 'To apply'],
    applied: ['درخواست‌شده', 'Applied'],
    granted: ['صادرشده', 'Granted'],
    refused: ['ردشده', 'Refused'],
  },
  delegationRole: {
    head: ['رئیس هیئت', 'Head'],
    member: ['عضو', 'Member'],
    interpreter: ['مترجم', 'Interpreter'],
    press: ['رسانه', 'Press'],
    protocol: ['تشریفات', 'Protocol'],
    artist: ['هنرمند', 'Artist'],
    other: ['سایر', 'Other'],
  },
  passportWarning: {
    missing: ['گذرنامه ثبت نشده', 'Passport not recorded'],
    expires_soon: ['کمتر از شش ماه اعتبار', 'Less than six months valid'],
    expired: ['منقضی', 'Expired'],
  },
  giftDirection: {
    given: ['اهدایی', 'Given'],
    received: ['دریافتی', 'Received'],
  },
  stepState: {
    not_submitted: ['ارسال نشده', 'Not submitted'],
    waiting: ['در انتظار پاسخ', 'Waiting'],
    approved: ['موافقت', 'Approved'],
    rejected: ['مخالفت', 'Rejected'],
    returned: ['عودت', 'Returned'],
    skipped: ['حذف از مسیر', 'Skipped'],
  },
  chainState: {
    in_progress: ['در جریان', 'In progress'],
    approved: ['تصویب‌شده', 'Approved'],
    rejected: ['ردشده', 'Rejected'],
  },
  timelineKind: {
    case_opened: ['گشایش پرونده', 'Case opened'],
    case_done: ['پایان پرونده', 'Case completed'],
    case_cancelled: ['لغو پرونده', 'Case cancelled'],
    letter_incoming: ['نامه وارده', 'Incoming letter'],
    letter_outgoing: ['نامه صادره', 'Outgoing letter'],
    letter_internal: ['نامه داخلی', 'Internal letter'],
    agreement_drafted: ['آغاز تدوین توافق‌نامه', 'Agreement drafting began'],
    agreement_signed: ['امضای توافق‌نامه', 'Agreement signed'],
    event_planned: ['رویداد برنامه‌ریزی‌شده', 'Event planned'],
    event_confirmed: ['رویداد قطعی', 'Event confirmed'],
    event_held: ['رویداد برگزارشده', 'Event held'],
    event_cancelled: ['رویداد لغوشده', 'Event cancelled'],
  },
} satisfies Record<string, Names>;

export type EnumName = keyof typeof NAMES;

/** The printed name of a stored value; the value itself when it has none. */
export function enumLabel(kind: EnumName, value: string | null | undefined, language: DocLanguage): string {
  if (value === null || value === undefined) return '—';
  const names: Names = NAMES[kind];
  const pair = Object.prototype.hasOwnProperty.call(names, value) ? names[value] : undefined;
  return pair ? pair[language === 'fa' ? 0 : 1] : value;
}
