/**
 * What the Desk asks the desk for. The overview's input is shared with the first questions
 * asked as the page starts (app/first-screen.ts), which must ask with the very same input.
 */
import type { MethodInput } from '../../../../shared/api/contract';
import { addDays, type Calendar } from '../../../../shared/dates/jalali';

/** Items shown in each of the Desk's lists. */
export const DESK_LIST_LIMIT = 6;

export function overviewInput(calendar: Calendar): MethodInput<'desk.overview'> {
  return { calendar };
}

export const APPROVALS_WAITING: MethodInput<'approvals.waiting'> = { limit: DESK_LIST_LIMIT };

/** Planned and confirmed events of the next 90 days, soonest first. */
export function upcomingEventsInput(today: string): MethodInput<'events.list'> {
  return {
    from: today,
    to: addDays(today, 90),
    statuses: ['planned', 'confirmed'],
    sort: { field: 'startDate', direction: 'asc' },
    limit: DESK_LIST_LIMIT,
  };
}

/** Approval turnaround over the last year, for the requests waiting at each authority now. */
export function turnaroundInput(today: string): MethodInput<'approvals.turnaround'> {
  return { from: addDays(today, -365), to: today };
}
