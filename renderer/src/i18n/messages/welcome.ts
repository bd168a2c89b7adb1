/** The welcome screen of a desk that was never set up, and the steps of setting it up. */
import type { Translation } from './types';

export const welcomeFa = {
  'welcome.title': 'به میز دیپلماسی شهری خوش آمدید',
  'welcome.subtitle': 'چند انتخاب کوتاه، و میز کار اداره‌تان آماده است.',
  'welcome.steps': 'مراحل راه‌اندازی',
  'welcome.step.language': 'زبان و تقویم',
  'welcome.step.you': 'شما و شهرتان',
  'welcome.step.start': 'آغاز کار',

  'welcome.language': 'زبان برنامه',
  'welcome.calendar': 'تقویم',
  'welcome.calendar.jalali': 'هجری خورشیدی',
  'welcome.calendar.gregorian': 'میلادی',
  'welcome.calendar.example': 'امروز در این تقویم: {date}',
  'welcome.language.hint': 'هر دو را بعدها از سربرگ یا «تنظیمات» هم می‌توانید عوض کنید.',

  'welcome.nameFa': 'نام شما به فارسی',
  'welcome.nameFa.hint': 'همان‌گونه که در نامه‌ها و فهرست کارکنان می‌آید',
  'welcome.nameEn': 'نام شما به حروف لاتین',
  'welcome.nameEn.hint': 'برای نامه‌ها و گزارش‌های انگلیسی؛ اختیاری',
  'welcome.login': 'با نام کاربری این رایانه ({login}) در فهرست کارکنان ثبت می‌شوید.',
  'welcome.cityFa': 'شهر اداره',
  'welcome.cityFa.hint': 'از فهرست برگزینید یا نامش را بنویسید',
  'welcome.city.note': 'این شهر طرف خودی روابط خواهرخواندگی می‌شود و نام اداره با آن کامل می‌شود.',
  'welcome.cityEn': 'نام لاتین شهر',
  'welcome.cityEn.hint': 'برای نامه‌ها و گزارش‌های انگلیسی؛ اختیاری',

  'welcome.start.choice': 'چگونه آغاز کنیم؟',
  'welcome.start.sample': 'با نمونهٔ یک اداره',
  'welcome.start.sample.hint':
    'شهرهای خواهرخواندهٔ اصفهان، هفتهٔ فرهنگی پاریس، سفری به سنگاپور و چند نامه و تفاهم‌نامه برای آشنایی با برنامه.',
  'welcome.start.empty': 'میز خالی',
  'welcome.start.empty.hint': 'فقط شما و شهرتان؛ سوابق اداره را خودتان ثبت می‌کنید.',
  'welcome.start.restore': 'بازگردانی از پشتیبان',
  'welcome.start.restore.hint':
    'پوشهٔ پشتیبان را (مثلاً روی حافظهٔ جانبی) برگزینید؛ پیش از جایگزینی کامل وارسی می‌شود و کارکنان، اداره و سوابق از آن می‌آیند.',

  'welcome.back': 'بازگشت',
  'welcome.next': 'ادامه',
  'welcome.finish': 'گشودن میز کار',
  'welcome.restore.choose': 'انتخاب پوشهٔ پشتیبان…',
  'welcome.failed': 'راه‌اندازی انجام نشد',
  'welcome.restore.failed': 'این پشتیبان بازگردانی نشد',
  'welcome.restore.failed.body':
    'پوشهٔ انتخاب‌شده پشتیبان سالمی از میز نیست یا وارسی آن پذیرفته نشد. میز همان‌گونه که بود ماند؛ پوشهٔ دیگری برگزینید.',

  'progress.phase.account': 'ثبت شما',
  'progress.phase.people': 'کارکنان نمونه',
  'progress.phase.partners': 'شهرها و سازمان‌ها',
  'progress.phase.relationships': 'روابط',
  'progress.phase.letters': 'نامه‌ها',
  'progress.phase.agreements': 'تفاهم‌نامه‌ها',
  'progress.phase.events': 'رویدادها و تأییدها',
  'progress.phase.office': 'شهر و اداره',
  'progress.phase.done': 'پایان',
} as const;

export const welcomeEn: Translation<typeof welcomeFa> = {
  'welcome.title': 'Welcome to City Diplomacy Desk',
  'welcome.subtitle': 'A few short choices, and your office’s desk is ready.',
  'welcome.steps': 'Setup steps',
  'welcome.step.language': 'Language and calendar',
  'welcome.step.you': 'You and your city',
  'welcome.step.start': 'Getting started',

  'welcome.language': 'Language',
  'welcome.calendar': 'Calendar',
  'welcome.calendar.jalali': 'Solar Hijri (Jalali)',
  'welcome.calendar.gregorian': 'Gregorian',
  'welcome.calendar.example': 'Today in this calendar: {date}',
  'welcome.language.hint': 'You can change both later, in the header or in Settings.',

  'welcome.nameFa': 'Your name in Persian',
  'welcome.nameFa.hint': 'As letters and the staff list show it',
  'welcome.nameEn': 'Your name in Latin letters',
  'welcome.nameEn.hint': 'For English letters and reports; optional',
  'welcome.login': 'You will join the staff list under this computer’s login, {login}.',
  'welcome.cityFa': 'Your office’s city (Persian name)',
  'welcome.cityFa.hint': 'Pick it from the list or type it',
  'welcome.city.note':
    'It becomes the home side of your sister-city relationships and completes the office’s name.',
  'welcome.cityEn': 'City name in Latin letters',
  'welcome.cityEn.hint': 'For English letters and reports; optional',

  'welcome.start.choice': 'How would you like to start?',
  'welcome.start.sample': 'With a sample office',
  'welcome.start.sample.hint':
    'Isfahan’s sister cities, the Paris cultural week, a trip to Singapore and a few letters and agreements, to get to know the program.',
  'welcome.start.empty': 'An empty desk',
  'welcome.start.empty.hint': 'Only you and your city; you enter the office’s records yourself.',
  'welcome.start.restore': 'Restore a backup',
  'welcome.start.restore.hint':
    'Choose the backup folder (on a USB drive, say); it is checked in full before it replaces anything, and the staff, office and records come from it.',

  'welcome.back': 'Back',
  'welcome.next': 'Next',
  'welcome.finish': 'Open the desk',
  'welcome.restore.choose': 'Choose the backup folder…',
  'welcome.failed': 'Setup did not finish',
  'welcome.restore.failed': 'This backup was not restored',
  'welcome.restore.failed.body':
    'The chosen folder is not a sound backup of a desk, or it did not pass the check. The desk is as it was; choose another folder.',

  'progress.phase.account': 'Registering you',
  'progress.phase.people': 'Sample staff',
  'progress.phase.partners': 'Cities and organisations',
  'progress.phase.relationships': 'Relationships',
  'progress.phase.letters': 'Letters',
  'progress.phase.agreements': 'Agreements',
  'progress.phase.events': 'Events and approvals',
  'progress.phase.office': 'City and office',
  'progress.phase.done': 'Done',
};
