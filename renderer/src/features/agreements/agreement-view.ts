/** How agreements look on screen: status colours, party names, pickers over partners. */
import type { AgreementParty, AgreementStatus } from '../../../../shared/api/agreements.contract';
import { call } from '../../lib/api';
import type { I18n } from '../../i18n/locale';
import type { PickerOption } from '../../components/RecordPicker';

export const STATUS_COLORS: Record<AgreementStatus, string> = {
  draft: 'gray',
  internal_review: 'blue',
  legal_review: 'indigo',
  awaiting_approvals: 'orange',
  approved: 'teal',
  signed: 'cyan',
  in_force: 'green',
  expired: 'red',
  terminated: 'dark',
};

export function partyName(
  party: Pick<AgreementParty, 'nameFa' | 'nameEn'>,
  i18n: Pick<I18n, 'name'>,
): string {
  return i18n.name(party);
}

/** Partners matching typed words, for pickers (own units only when asked). */
export async function loadPartners(
  text: string,
  i18n: Pick<I18n, 'name'>,
  own?: boolean,
): Promise<PickerOption[]> {
  const trimmed = text.trim();
  const page = await call('partners.list', {
    ...(trimmed && { text: trimmed }),
    ...(own !== undefined && { own }),
    limit: 30,
  });
  return page.items.map((p) => ({ value: p.id, label: i18n.name(p) }));
}
