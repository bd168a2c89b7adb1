/** The upgrade screen: the desk is backed up and its structure updated before it opens. */
import type { Translation } from './types';

export const upgradeFa = {
  'upgrade.title': 'میز به‌روزرسانی می‌شود',
  'upgrade.body':
    'این نسخهٔ برنامه ساختار پروندهٔ داده‌ها را به‌روز می‌کند. پیش از آن از میز پشتیبان گرفته و پشتیبان وارسی می‌شود تا چیزی از دست نرود. در میزهای بزرگ این کار چند دقیقه طول می‌کشد.',
  'upgrade.doNotClose': 'لطفاً برنامه را نبندید و رایانه را خاموش نکنید. میز پس از پایان کار خودش باز می‌شود.',
  'upgrade.progress': 'پیشرفت به‌روزرسانی',
  'upgrade.percent': '{percent}٪',
  'upgrade.starting': 'آماده‌سازی…',
  'upgrade.backup': 'پشتیبان‌گیری از میز: {done} از {total}',
  'upgrade.backup.files': 'رونوشت پیوست‌ها: {done} از {total} پرونده',
  'upgrade.check': 'وارسی پشتیبان: {done} از {total}',
  'upgrade.migrate': 'به‌روزرسانی {step} از {steps}',
  'upgrade.migrate.rows': 'به‌روزرسانی {step} از {steps}: {done} از {total} ردیف',
  'upgrade.failed.title': 'به‌روزرسانی انجام نشد',
  'upgrade.failed.body':
    'میز همان‌گونه که بود ماند و چیزی در آن تغییر نکرد. برنامه را ببندید و با کارشناس فناوری اطلاعات تماس بگیرید.',
  'upgrade.failed.details': 'جزئیات فنی برای کارشناس فناوری اطلاعات',
} as const;

export const upgradeEn: Translation<typeof upgradeFa> = {
  'upgrade.title': 'The desk is being updated',
  'upgrade.body':
    'This version of the program updates the structure of the data file. First the desk is backed up and the backup checked, so that nothing can be lost. On a large desk this takes a few minutes.',
  'upgrade.doNotClose':
    'Please do not close the program or switch off the computer. The desk opens by itself when this is done.',
  'upgrade.progress': 'Progress of the update',
  'upgrade.percent': '{percent}%',
  'upgrade.starting': 'Getting ready…',
  'upgrade.backup': 'Backing up the desk: {done} of {total}',
  'upgrade.backup.files': 'Copying attachments: {done} of {total} files',
  'upgrade.check': 'Checking the backup: {done} of {total}',
  'upgrade.migrate': 'Update {step} of {steps}',
  'upgrade.migrate.rows': 'Update {step} of {steps}: {done} of {total} rows',
  'upgrade.failed.title': 'The update did not complete',
  'upgrade.failed.body':
    'The desk was left as it was; nothing in it was changed. Close the program and call your IT staff.',
  'upgrade.failed.details': 'Technical details for IT staff',
};
