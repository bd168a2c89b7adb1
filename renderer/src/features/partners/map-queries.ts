/**
 * What the partner map asks the desk for, in one place for the map and for the Desk's first
 * questions (app/first-screen.ts), which must ask with the very same input: `desk.map`, the
 * partners and relationships with only the fields the map draws.
 */
import type { MethodInput } from '../../../../shared/api/contract';

export const MAP_QUERY: MethodInput<'desk.map'> = {};
