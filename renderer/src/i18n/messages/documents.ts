/** Word documents: letters, briefings, reports — in Persian or English. */
import type { Translation } from './types';

export const documentsFa = {
  'documents.title': 'اسناد',
  'documents.subtitle':
    'پروندهٔ Word برای چاپ و فرستادن: نامه، تفاهم‌نامه، گزارش آشنایی با طرف، گزارش رویداد و گزارش فعالیت',
  'documents.export': 'خروجی Word',
  'documents.export.fa': 'Word به فارسی',
  'documents.export.en': 'Word به انگلیسی',
  'documents.exported': 'پروندهٔ Word نوشته شد: {path}',
  'documents.cancelled': 'پرونده‌ای نوشته نشد.',
  'documents.report.title': 'گزارش فعالیت',
  'documents.report.hint': 'نامه‌ها، پرونده‌ها، روابط، تفاهم‌نامه‌ها و رویدادهای یک فصل یا یک سال خورشیدی.',
  'documents.report.year': 'سال',
  'documents.report.quarter': 'فصل',
  'documents.report.wholeYear': 'همهٔ سال',
  'documents.report.quarter.1': 'بهار (فروردین تا خرداد)',
  'documents.report.quarter.2': 'تابستان (تیر تا شهریور)',
  'documents.report.quarter.3': 'پاییز (مهر تا آذر)',
  'documents.report.quarter.4': 'زمستان (دی تا اسفند)',
  'documents.report.language': 'زبان سند',
  'documents.report.make': 'ساختن گزارش',
  'documents.others.title': 'سندهای دیگر',
  'documents.others.letter': 'نامهٔ رسمی: در صفحهٔ هر نامه، دکمهٔ «خروجی Word».',
  'documents.others.partner': 'گزارش آشنایی با یک طرف پیش از دیدار: در صفحهٔ هر طرف.',
  'documents.others.agreement': 'تفاهم‌نامه در زبان‌هایش کنار هم: در صفحهٔ هر تفاهم‌نامه.',
  'documents.others.event': 'گزارش رویداد یا هیئت: در صفحهٔ هر رویداد.',
} as const;

export const documentsEn: Translation<typeof documentsFa> = {
  'documents.title': 'Documents',
  'documents.subtitle':
    'Word files to print and send: letters, agreements, partner briefings, event briefs and activity reports',
  'documents.export': 'Export to Word',
  'documents.export.fa': 'Word in Persian',
  'documents.export.en': 'Word in English',
  'documents.exported': 'The Word file was written: {path}',
  'documents.cancelled': 'No file was written.',
  'documents.report.title': 'Activity report',
  'documents.report.hint':
    'The letters, cases, relationships, agreements and events of a solar quarter or year.',
  'documents.report.year': 'Year',
  'documents.report.quarter': 'Quarter',
  'documents.report.wholeYear': 'The whole year',
  'documents.report.quarter.1': 'Spring (Farvardin to Khordad)',
  'documents.report.quarter.2': 'Summer (Tir to Shahrivar)',
  'documents.report.quarter.3': 'Autumn (Mehr to Azar)',
  'documents.report.quarter.4': 'Winter (Dey to Esfand)',
  'documents.report.language': 'Language of the document',
  'documents.report.make': 'Make the report',
  'documents.others.title': 'Other documents',
  'documents.others.letter': 'An official letter: the “Export to Word” button on each letter’s page.',
  'documents.others.partner': 'A briefing on a partner before a meeting: on each partner’s page.',
  'documents.others.agreement': 'An agreement in its languages side by side: on each agreement’s page.',
  'documents.others.event': 'An event or delegation brief: on each event’s page.',
};
