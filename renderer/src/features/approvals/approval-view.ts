/** How approval steps look: state colours, authority names, the letter picker's search. */
import type { StepState } from '../../../../shared/api/approvals.contract';
import type { PickerOption } from '../../components/RecordPicker';
import type { I18n } from '../../i18n/locale';
import { call } from '../../lib/api';
import { letterNumber } from '../correspondence/letter-view';

export const STEP_COLORS: Record<StepState, string> = {
  not_submitted: 'gray',
  waiting: 'orange',
  approved: 'green',
  rejected: 'red',
  returned: 'yellow',
  skipped: 'violet',
};

export const CHAIN_COLORS = { in_progress: 'blue', approved: 'green', rejected: 'red' } as const;

/** An authority in the user's language (every authority has both names). */
export function authorityName(
  a: { authorityNameFa: string; authorityNameEn: string },
  locale: I18n['locale'],
): string {
  return locale === 'en' ? a.authorityNameEn : a.authorityNameFa;
}

export async function loadLetters(text: string, locale: I18n['locale']): Promise<PickerOption[]> {
  const trimmed = text.trim();
  const page = await call('letters.list', { ...(trimmed && { text: trimmed }), limit: 30 });
  return page.items.map((l) => ({ value: l.id, label: `${letterNumber(l.number, locale)} — ${l.subject}` }));
}

export async function loadCases(text: string): Promise<PickerOption[]> {
  const trimmed = text.trim();
  const page = await call('cases.list', { ...(trimmed && { text: trimmed }), limit: 30 });
  return page.items.map((c) => ({ value: c.id, label: c.title }));
}
