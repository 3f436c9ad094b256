import { isLive } from './time';

// Room screens (issue 28): the screen beside each door shows the session now in that room and
// the next one. Pure: the page (app/events/[slug]/rooms/[room]/screen) gives it the programme.

type Timed = { startsAt: Date; endsAt: Date; status: string; videoLiveSince?: Date | null; room: { key: string } | null };

/**
 * The session on now in a room (the programme's rule, `isLive`; the earliest started when two
 * overlap) and the next one to start there (not cancelled). Either may be null.
 */
export function nowAndNext<S extends Timed>(sessions: S[], roomKey: string, now = new Date()): { now: S | null; next: S | null } {
  const here = sessions
    .filter((s) => s.room?.key === roomKey && s.status !== 'cancelled')
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return {
    now: here.find((s) => isLive(s, now)) ?? null,
    next: here.find((s) => s.startsAt > now) ?? null,
  };
}

/** Names of the people who speak in a session (speakers, then facilitators), in the programme's order. */
export function speakersOf(people: { name: string; role: string }[]): string[] {
  return [...people.filter((p) => p.role === 'speaker'), ...people.filter((p) => p.role === 'facilitator')].map((p) => p.name);
}
