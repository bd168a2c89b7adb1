/** The events section: the list, a new event, one event, and its form. */
import type { PageProps } from '../../app/pages';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useQuery } from '../../lib/query';
import { EventDetail } from './EventDetail';
import { EventForm } from './EventForm';
import { EventList } from './EventList';

function EditEvent({ id }: { id: string }) {
  const query = useQuery('events.get', { id });
  if (query.error) return <ErrorNotice error={query.error} onRetry={query.refresh} />;
  if (!query.data) return <Loading />;
  return <EventForm key={id} existing={query.data} />;
}

export function EventsPage({ route }: PageProps) {
  if (route.id === 'new') return <EventForm />;
  if (route.id && route.action === 'edit') return <EditEvent id={route.id} />;
  if (route.id) return <EventDetail key={route.id} id={route.id} />;
  return <EventList route={route} />;
}
