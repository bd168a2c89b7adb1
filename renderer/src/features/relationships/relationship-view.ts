/** How relationships are coloured on every screen. */
import type { RelationshipStatus } from '../../../../shared/api/relationships.contract';

export const STATUS_COLORS: Record<RelationshipStatus, string> = {
  exploring: 'gray',
  proposed: 'blue',
  under_approval: 'yellow',
  active: 'teal',
  dormant: 'orange',
  suspended: 'red',
  ended: 'dark',
};
