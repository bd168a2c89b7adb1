/**
 * What the partner map asks the desk for, in one place for the map and for the Desk's first
 * questions (app/first-screen.ts), which must ask with the very same input.
 */
import type { MethodInput } from '../../../../shared/api/contract';

export const MAP_PARTNERS: MethodInput<'partners.list'> = { archived: 'all', limit: 500 };
export const MAP_RELATIONSHIPS: MethodInput<'relationships.list'> = { limit: 500 };
