/**
 * The Persian catalogue, the program's first language. Its keys are the vocabulary of the
 * interface: the English catalogue must have exactly the same ones (checked by the type
 * `Catalogue` in en.ts), and `t()` accepts no other.
 */
export const fa = {
  'app.name': 'میز دیپلماسی شهری',
  'app.office': 'ارتباطات و امور بین‌الملل',

  'nav.label': 'بخش‌های برنامه',
  'nav.desk': 'میز کار',
  'nav.partners': 'طرف‌ها',
  'nav.relationships': 'روابط',
  'nav.cases': 'پرونده‌ها',
  'nav.correspondence': 'مکاتبات',
  'nav.agreements': 'تفاهم‌نامه‌ها',
  'nav.approvals': 'مجوزها',
  'nav.events': 'رویدادها',
  'nav.search': 'جستجو',
  'nav.documents': 'اسناد',
  'nav.settings': 'تنظیمات',

  'header.search.label': 'جستجو در همه چیز',
  'header.search.placeholder': 'جستجو…',
  'header.language': 'زبان',
  'header.language.fa': 'فارسی',
  'header.language.en': 'English',

  'common.loading': 'در حال بارگذاری…',
  'common.retry': 'تلاش دوباره',
  'common.close': 'بستن',
  'common.notFound': 'این صفحه پیدا نشد.',
  'common.backToDesk': 'بازگشت به میز کار',

  'desk.title': 'میز کار',
  'desk.greeting': 'سلام، {name}',
  'desk.greeting.anonymous': 'خوش آمدید',
  'desk.today': 'امروز',
  'desk.system.title': 'دربارهٔ این میز',
  'desk.system.appVersion': 'نسخهٔ برنامه',
  'desk.system.schemaVersion': 'نسخهٔ پایگاه داده',
  'desk.system.sqliteVersion': 'نسخهٔ SQLite',
  'desk.system.dataDir': 'پوشهٔ داده‌ها',
  'desk.system.workstation': 'ایستگاه کاری',
  'desk.system.actor': 'کاربر سیستم',
  'desk.system.user': 'کاربر ثبت‌شده',
  'desk.system.notRegistered': 'این کاربر هنوز در فهرست کارکنان ثبت نشده است.',

  'errors.title': 'کار انجام نشد',
  'errors.VALIDATION': 'اطلاعات واردشده کامل یا درست نیست. خانه‌های مشخص‌شده را بررسی کنید.',
  'errors.NOT_FOUND': 'این مورد پیدا نشد؛ شاید کس دیگری آن را حذف کرده است.',
  'errors.CONFLICT': 'این تغییر با اطلاعات موجود تداخل دارد (برای نمونه تکراری است).',
  'errors.STORAGE_FULL': 'دیسک پر است. چیزی ذخیره نشد؛ فضا آزاد کنید و دوباره تلاش کنید.',
  'errors.CORRUPT': 'پروندهٔ داده‌ها آسیب دیده یا از این برنامه نیست. چیزی تغییر نکرد.',
  'errors.UNSUPPORTED_FILE': 'این نوع پرونده پذیرفته نمی‌شود.',
  'errors.INTERNAL': 'خطای پیش‌بینی‌نشده‌ای رخ داد. چیزی ذخیره نشد.',
} as const;

export type MessageKey = keyof typeof fa;
