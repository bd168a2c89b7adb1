/** The events section: the list, a new event, and one event. */
import type { PageProps } from '../../app/pages';
import { EventDetail } from './EventDetail';
import { EventForm } from './EventForm';
import { EventList } from './EventList';

export function EventsPage({ route }: PageProps) {
  if (route.id === 'new') return <EventForm />;
  if (route.id) return <EventDetail key={route.id} id={route.id} />;
  return <EventList route={route} />;
}
