/** The damaged-desk screen: the desk file cannot be opened; restore it from a verified backup. */
import type { Translation } from './types';

export const recoveryFa = {
  'recovery.title': 'پروندهٔ داده‌های میز باز نمی‌شود',
  'recovery.body':
    'این پرونده آسیب دیده یا از این برنامه نیست. چیزی در آن تغییر نکرد و چیزی پاک نشد. می‌توانید میز را از یکی از پشتیبان‌های وارسی‌شدهٔ زیر بازگردانید؛ پروندهٔ آسیب‌دیده در پوشهٔ پشتیبان‌ها نگه داشته می‌شود تا کارشناس فناوری اطلاعات آن را بررسی کند.',
  'recovery.file': 'پروندهٔ داده‌ها',
  'recovery.details': 'جزئیات فنی برای کارشناس فناوری اطلاعات',
  'recovery.backups': 'پشتیبان‌های وارسی‌شده، تازه‌ترین نخست',
  'recovery.backup.when': 'زمان',
  'recovery.backup.kind': 'نوع',
  'recovery.backup.location': 'پوشه',
  'recovery.restore': 'بازگردانی',
  'recovery.restore.label': 'بازگردانی پشتیبان {date}',
  'recovery.confirm.title': 'بازگردانی پشتیبان {date}؟',
  'recovery.confirm.body':
    'میز به حالِ زمانِ این پشتیبان برمی‌گردد؛ آنچه پس از آن ثبت شده در آن نیست. پروندهٔ آسیب‌دیده پاک نمی‌شود و به پوشهٔ پشتیبان‌ها منتقل می‌شود.',
  'recovery.restoring': 'پشتیبان وارسی و بازگردانی می‌شود…',
  'recovery.restored': 'میز بازگردانده شد و دوباره باز می‌شود.',
  'recovery.restored.kept': 'پروندهٔ آسیب‌دیده در این پوشه نگه داشته شد:',
  'recovery.none.title': 'پشتیبان وارسی‌شده‌ای پیدا نشد',
  'recovery.none.body':
    'اگر پشتیبانی روی حافظهٔ جانبی دارید، پوشهٔ آن را در پوشهٔ backups کنار همین پرونده بگذارید و برنامه را دوباره باز کنید؛ وگرنه با کارشناس فناوری اطلاعات تماس بگیرید. به پرونده دست نزنید.',
} as const;

export const recoveryEn: Translation<typeof recoveryFa> = {
  'recovery.title': 'The desk’s data file cannot be opened',
  'recovery.body':
    'The file is damaged or does not belong to this program. Nothing in it was changed or deleted. You can restore the desk from one of the verified backups below; the damaged file is kept in the backups folder for your IT staff to examine.',
  'recovery.file': 'Data file',
  'recovery.details': 'Technical details for IT staff',
  'recovery.backups': 'Verified backups, newest first',
  'recovery.backup.when': 'Made',
  'recovery.backup.kind': 'Kind',
  'recovery.backup.location': 'Folder',
  'recovery.restore': 'Restore',
  'recovery.restore.label': 'Restore the backup of {date}',
  'recovery.confirm.title': 'Restore the backup of {date}?',
  'recovery.confirm.body':
    'The desk goes back to how it was when this backup was made; anything recorded after it is not in it. The damaged file is not deleted: it is moved into the backups folder.',
  'recovery.restoring': 'Verifying and restoring the backup…',
  'recovery.restored': 'The desk was restored and is opening again.',
  'recovery.restored.kept': 'The damaged file was kept in this folder:',
  'recovery.none.title': 'No verified backup was found',
  'recovery.none.body':
    'If you have a backup on a USB drive, put its folder into the backups folder next to this file and start the program again; otherwise call your IT staff. Leave the file as it is.',
};
