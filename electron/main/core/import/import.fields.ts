/**
 * The names of the importable fields and of their fixed choices, in Persian and English. The
 * export writes its headers and choices with the first names here, and the import recognises
 * every name here, so an exported sheet maps and reads back without a hand on the mapping.
 */
import { IMPORT_FIELDS, type ImportMapping, type ImportTarget } from '../../../../shared/api/import.contract';
import type { LetterChannel, LetterDirection } from '../../../../shared/api/letters.contract';
import type { OrganisationType, PartnerKind } from '../../../../shared/api/partners.contract';
import { compactKey } from '../../../../shared/text/persian';
import { Choices } from './import-values';

/** [Persian header, English header, other names a sheet may use]. */
type FieldNames = readonly [fa: string, en: string, ...others: string[]];

export const FIELD_NAMES: { [T in ImportTarget]: Record<(typeof IMPORT_FIELDS)[T][number], FieldNames> } = {
  partners: {
    nameFa: ['نام', 'Name (Persian)', 'نام فارسی', 'نام شریک', 'شهر', 'name fa', 'persian name', 'name'],
    nameEn: ['نام انگلیسی', 'Name (English)', 'name en', 'english name', 'english'],
    kind: ['نوع', 'Kind', 'نوع شریک', 'type'],
    orgType: ['نوع سازمان', 'Organisation type', 'organization type', 'org type'],
    nameNative: ['نام به زبان محلی', 'Native name', 'نام محلی', 'name native', 'local name'],
    nativeLanguage: ['زبان محلی', 'Native language', 'native language code'],
    country: ['کشور', 'Country', 'country code'],
    latitude: ['عرض جغرافیایی', 'Latitude', 'lat'],
    longitude: ['طول جغرافیایی', 'Longitude', 'lon', 'lng', 'long'],
    parent: ['زیرمجموعه', 'Part of', 'والد', 'parent', 'شهر مادر'],
    website: ['وب‌سایت', 'Website', 'وبگاه', 'سایت', 'web', 'url'],
    notes: ['یادداشت', 'Notes', 'توضیحات', 'note', 'remarks'],
    own: ['واحد خودی', 'Own unit', 'خودی', 'own'],
  },
  contacts: {
    nameFa: ['نام', 'Name (Persian)', 'نام و نام خانوادگی', 'نام فارسی', 'name fa', 'name', 'full name'],
    nameEn: ['نام انگلیسی', 'Name (English)', 'name en', 'english name'],
    partner: ['شریک', 'Partner', 'سازمان', 'شهر', 'organisation', 'organization', 'city'],
    title: ['عنوان', 'Title', 'لقب', 'honorific'],
    position: ['سمت', 'Position', 'مقام', 'role', 'job title'],
    emails: ['رایانامه', 'Emails', 'ایمیل', 'پست الکترونیک', 'email', 'e-mail'],
    phones: ['تلفن', 'Phones', 'شماره تماس', 'تلفن تماس', 'phone', 'telephone', 'mobile', 'موبایل'],
    languages: ['زبان‌ها', 'Languages', 'زبان', 'language'],
    notes: ['یادداشت', 'Notes', 'توضیحات', 'note', 'remarks'],
  },
  letters: {
    number: ['شماره', 'Register number', 'شماره ثبت', 'شماره نامه', 'number', 'no', 'no.', 'letter number'],
    direction: ['نوع نامه', 'Direction', 'وارده/صادره', 'نوع', 'type', 'in/out'],
    letterDate: ['تاریخ', 'Date', 'تاریخ نامه', 'letter date'],
    subject: ['موضوع', 'Subject', 'عنوان', 'title'],
    from: ['فرستنده', 'From', 'از', 'sender'],
    to: ['گیرنده', 'To', 'به', 'recipient', 'addressee'],
    senderNumber: [
      'شماره فرستنده',
      'Sender’s number',
      'شماره نامه فرستنده',
      "sender's number",
      'sender number',
    ],
    senderDate: ['تاریخ فرستنده', 'Sender’s date', 'تاریخ نامه فرستنده', "sender's date", 'sender date'],
    body: ['متن', 'Body', 'خلاصه', 'متن نامه', 'summary', 'text'],
    secretariat: ['دبیرخانه', 'Secretariat'],
    language: ['زبان', 'Language'],
    classification: ['طبقه‌بندی', 'Classification', 'محرمانگی'],
    urgency: ['فوریت', 'Urgency', 'priority'],
    channel: ['نحوه ارسال', 'Channel', 'روش ارسال', 'ارسال'],
    attachmentsCount: ['تعداد پیوست', 'Attachments', 'پیوست', 'attachments count'],
    needsReply: ['نیاز به پاسخ', 'Needs reply', 'پاسخ لازم', 'reply needed'],
    followUpDate: ['تاریخ پیگیری', 'Follow-up date', 'پیگیری', 'follow up'],
  },
};

/** The header of a field in an exported sheet. */
export function fieldHeader(target: ImportTarget, field: string, language: 'fa' | 'en'): string {
  const names = (FIELD_NAMES[target] as Record<string, FieldNames>)[field];
  if (!names) throw new Error(`no field ${target}.${field}`);
  return language === 'fa' ? names[0] : names[1];
}

/**
 * The mapping guessed from a header row: each field takes the first column whose header is
 * one of its names (compared by their search keys, so spacing, ZWNJ and Arabic letter forms
 * do not matter). A column goes to one field only.
 */
export function guessMapping(target: ImportTarget, header: readonly string[]): ImportMapping {
  const keys = header.map((h) => compactKey(h));
  const taken = new Set<number>();
  const mapping: ImportMapping = {};
  const names = FIELD_NAMES[target] as Record<string, FieldNames>;
  // Every field's names in turn, best names first, so «شماره» goes to the register number and
  // «شماره فرستنده» to the sender's number whatever their order in the sheet.
  const depth = Math.max(...Object.values(names).map((n) => n.length));
  for (let level = 0; level < depth; level += 1) {
    for (const field of IMPORT_FIELDS[target]) {
      if (mapping[field] !== undefined) continue;
      const name = names[field]?.[level];
      if (name === undefined) continue;
      const column = keys.findIndex((k, i) => !taken.has(i) && k !== '' && k === compactKey(name));
      if (column >= 0) {
        mapping[field] = column;
        taken.add(column);
      }
    }
  }
  return mapping;
}

/** Each choice's Persian and English names first (the export writes them), then other spellings. */
export const KIND_NAMES: Record<PartnerKind, readonly string[]> = {
  city: ['شهر', 'City'],
  district: ['منطقه / محله', 'District', 'منطقه', 'محله', 'ناحیه', 'neighbourhood', 'neighborhood'],
  organisation: ['سازمان', 'Organisation', 'organization', 'نهاد'],
};

export const ORG_TYPE_NAMES: Record<OrganisationType, readonly string[]> = {
  ministry: ['وزارتخانه', 'Ministry', 'وزارت'],
  embassy: ['سفارت', 'Embassy', 'سفارتخانه', 'کنسولگری', 'consulate'],
  international_organisation: [
    'سازمان بین‌المللی',
    'International organisation',
    'international organization',
  ],
  university: ['دانشگاه', 'University'],
  company: ['شرکت', 'Company'],
  ngo: ['سازمان مردم‌نهاد', 'NGO', 'سمن'],
  other: ['سایر', 'Other', 'دیگر'],
};

export const DIRECTION_NAMES: Record<LetterDirection, readonly string[]> = {
  incoming: ['وارده', 'Incoming', 'وارد', 'in'],
  outgoing: ['صادره', 'Outgoing', 'صادر', 'out'],
  internal: ['داخلی', 'Internal'],
};

export const CHANNEL_NAMES: Record<LetterChannel, readonly string[]> = {
  post: ['پست', 'Post', 'mail'],
  email: ['رایانامه', 'Email', 'ایمیل', 'پست الکترونیک', 'e-mail'],
  fax: ['دورنگار', 'Fax', 'فکس', 'نمابر'],
  diplomatic_pouch: ['کیسه دیپلماتیک', 'Diplomatic pouch', 'پست دیپلماتیک'],
  by_hand: ['دستی', 'By hand', 'حضوری', 'تحویل دستی'],
  online_portal: ['سامانه', 'Online portal', 'پرتال', 'portal'],
};

export const CHOICES = {
  kind: new Choices(KIND_NAMES),
  orgType: new Choices(ORG_TYPE_NAMES),
  direction: new Choices(DIRECTION_NAMES),
  channel: new Choices(CHANNEL_NAMES),
};

/** A choice's name as an export writes it. */
export function choiceName(
  names: Record<string, readonly string[]>,
  value: string,
  language: 'fa' | 'en',
): string {
  const pair = names[value];
  return pair ? (pair[language === 'fa' ? 0 : 1] ?? value) : value;
}

export const YES_NO = { fa: ['بله', 'خیر'], en: ['Yes', 'No'] } as const;
