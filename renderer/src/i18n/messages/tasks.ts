/** Follow-ups: the tasks kept with a letter, case, partner, relationship, agreement or event. */
import type { Translation } from './types';

export const tasksFa = {
  'tasks.title': 'پیگیری‌ها',
  'tasks.title.count': 'پیگیری‌ها ({open} باز از {total})',
  'tasks.add': 'پیگیری تازه',
  'tasks.new.title': 'افزودن پیگیری',
  'tasks.edit.title': 'ویرایش پیگیری',
  'tasks.empty':
    'پیگیری‌ای ثبت نشده است. با «پیگیری تازه» کاری را با مهلت و مسئول بنویسید تا سر موعد در میز کار یادآوری شود.',
  'tasks.field.title': 'چه کاری',
  'tasks.field.assignee': 'مسئول',
  'tasks.assignee.none': 'بدون مسئول',
  'tasks.field.dueDate': 'مهلت',
  'tasks.field.notes': 'یادداشت',
  'tasks.dueBy': 'تا {date}',
  'tasks.overdueSince': 'مهلت گذشته از {date}',
  'tasks.doneOn': 'انجام‌شده در {date}',
  'tasks.action.done': 'انجام شد: {title}',
  'tasks.action.reopen': 'بازگشایی: {title}',
  'tasks.action.edit': 'ویرایش پیگیری «{title}»',
  'tasks.created': 'پیگیری «{title}» افزوده شد.',
  'tasks.updated': 'پیگیری «{title}» ذخیره شد.',
  'tasks.done': 'پیگیری «{title}» انجام شد.',
  'tasks.reopened': 'پیگیری «{title}» دوباره باز شد.',
} as const;

export const tasksEn: Translation<typeof tasksFa> = {
  'tasks.title': 'Follow-ups',
  'tasks.title.count': 'Follow-ups ({open} open of {total})',
  'tasks.add': 'New follow-up',
  'tasks.new.title': 'Add a follow-up',
  'tasks.edit.title': 'Edit the follow-up',
  'tasks.empty':
    'No follow-up yet. Use “New follow-up” to write down what to do, by whom and by when; the Desk reminds you when it is due.',
  'tasks.field.title': 'What to do',
  'tasks.field.assignee': 'Who',
  'tasks.assignee.none': 'Nobody yet',
  'tasks.field.dueDate': 'By when',
  'tasks.field.notes': 'Notes',
  'tasks.dueBy': 'by {date}',
  'tasks.overdueSince': 'overdue since {date}',
  'tasks.doneOn': 'done on {date}',
  'tasks.action.done': 'Done: {title}',
  'tasks.action.reopen': 'Open again: {title}',
  'tasks.action.edit': 'Edit the follow-up “{title}”',
  'tasks.created': 'The follow-up “{title}” was added.',
  'tasks.updated': 'The follow-up “{title}” was saved.',
  'tasks.done': 'The follow-up “{title}” is done.',
  'tasks.reopened': 'The follow-up “{title}” is open again.',
};
