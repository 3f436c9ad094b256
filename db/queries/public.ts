import { isLive, isoWithOffset } from '@/lib/domain/time';
import { getEventProgramme, listEvents } from './events';
import { NO_SEATS, seatCounts } from './registrations';

/** `GET /api/events` (public contract). */
export async function publicEvents() {
  const events = await listEvents();
  return events.map((e) => ({
    slug: e.slug,
    title: e.title,
    startsAt: isoWithOffset(e.startsAt, e.timeZone),
    endsAt: isoWithOffset(e.endsAt, e.timeZone),
    timeZone: e.timeZone,
  }));
}

/** `GET /api/events/{event}/sessions` (public contract), or null for an unknown event. */
export async function publicSessions(eventSlug: string, now = new Date()) {
  const programme = await getEventProgramme(eventSlug);
  if (!programme) return null;
  const counts = await seatCounts(programme.event.id);
  const tz = programme.event.timeZone;
  return programme.sessions.map((s) => {
    const c = counts.get(s.id) ?? NO_SEATS;
    return {
      id: s.id,
      slug: s.slug,
      title: s.title,
      kind: s.kind,
      startsAt: isoWithOffset(s.startsAt, tz),
      endsAt: isoWithOffset(s.endsAt, tz),
      room: s.room?.name ?? null,
      mode: s.mode,
      visibility: s.visibility,
      status: s.status,
      capacity: s.capacity,
      confirmedCount: c.confirmed,
      waitlistCount: c.waitlisted,
      live: isLive(s, now),
      ...(s.mode === 'hybrid'
        ? {
            capacityOnsite: s.capacity,
            capacityOnline: s.capacityOnline,
            confirmedOnsite: c.confirmedOnsite,
            confirmedOnline: c.confirmedOnline,
            waitlistOnsite: c.waitlistOnsite,
            waitlistOnline: c.waitlistOnline,
          }
        : {}),
    };
  });
}
