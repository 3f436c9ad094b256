import type { ExportEvent, ExportSession } from '@/lib/exports/types';
import { getEventProgramme } from './events';

/** An event's programme in the shape the open exports (iCal, frab schedule) need, or null. */
export async function exportData(eventSlug: string): Promise<{ event: ExportEvent; sessions: ExportSession[] } | null> {
  const p = await getEventProgramme(eventSlug);
  if (!p) return null;
  const { event } = p;
  return {
    event: {
      slug: event.slug,
      title: event.title,
      description: event.description,
      timeZone: event.timeZone,
      location: event.location,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      days: p.days,
      rooms: p.rooms,
      tracks: p.tracks,
    },
    sessions: p.sessions,
  };
}
