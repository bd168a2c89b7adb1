/** Where a search hit leads: the record's own page, or its file for an attachment. */
import type { SearchHit } from '../../../../shared/api/search.contract';
import { navigate, type Route } from '../../app/routes';
import type { I18n } from '../../i18n/locale';
import { call } from '../../lib/api';
import { notifyDone, notifyFailure } from '../../lib/notify';

/** The page of a hit, or null for kinds that live inside another record's page. */
export function hitRoute(hit: Pick<SearchHit, 'type' | 'id'>): Route | null {
  switch (hit.type) {
    case 'partner':
      return { section: 'partners', id: hit.id };
    case 'contact':
      return { section: 'partners', params: { view: 'contacts', contact: hit.id } };
    case 'relationship':
      return { section: 'relationships', id: hit.id };
    case 'case':
      return { section: 'cases', id: hit.id };
    case 'letter':
      return { section: 'correspondence', id: hit.id };
    case 'agreement':
      return { section: 'agreements', id: hit.id };
    case 'event':
      return { section: 'events', id: hit.id };
    default:
      return null;
  }
}

/** Opens a hit: its page, or for an attachment the file in its own program. */
export async function openHit(hit: Pick<SearchHit, 'type' | 'id'>, t: I18n['t']): Promise<void> {
  const route = hitRoute(hit);
  if (route) {
    navigate(route);
    return;
  }
  if (hit.type === 'attachment') {
    try {
      await call('attachments.open', { id: hit.id });
      notifyDone(t('search.openInProgram'));
    } catch (error) {
      notifyFailure(error, t);
    }
  }
}

/** Whether a hit can be opened from the search results. */
export function canOpen(hit: Pick<SearchHit, 'type'>): boolean {
  return hit.type === 'attachment' || hitRoute({ type: hit.type, id: '' }) !== null;
}
