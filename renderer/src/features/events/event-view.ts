/** How events look: status and programme-type colours. */
import type { EventStatus, ProgrammeType } from '../../../../shared/api/events.contract';

export const EVENT_STATUS_COLORS: Record<EventStatus, string> = {
  planned: 'gray',
  confirmed: 'blue',
  held: 'green',
  cancelled: 'red',
};

export const PROGRAMME_COLORS: Record<ProgrammeType, string> = {
  concert: 'grape',
  exhibition: 'blue',
  film: 'indigo',
  lecture: 'teal',
  workshop: 'orange',
  food: 'yellow',
  craft: 'pink',
  meeting: 'cyan',
  other: 'gray',
};
