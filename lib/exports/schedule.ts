import { create } from 'xmlbuilder2';
import { isoWithOffset, localDate, zonedInstant } from '../domain/time';
import { type ExportEvent, type ExportSession, exportable } from './types';

/**
 * The frab / pretalx / c3voc schedule (version 1), read by Giggity, ConfClerk, EventFahrplan and
 * c3voc tools: `scheduleJson` is valid against schema.json, `scheduleXml` against schedule.xml.xsd.
 */

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/** `forum-usages-2018` → `forum_usages_2018`: the acronym patterns allow no inner hyphen. */
export const acronymOf = (slug: string) => slug.toLowerCase().replace(/[^a-z0-9_]/g, '_').padEnd(4, '_');

/** A stable positive integer id from a UUID (the legacy numeric `id` both formats require). */
export const numericId = (uuid: string) => (parseInt(uuid.replace(/-/g, '').slice(0, 7), 16) % 2_000_000_000) + 1;

function localTime(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
}

const NO_ROOM = { key: 'programme', name: 'Programme' };

type Model = ReturnType<typeof model>;

function model(event: ExportEvent, sessions: ExportSession[], baseUrl: string) {
  const tz = event.timeZone;
  const acronym = acronymOf(event.slug);
  const shown = sessions.filter((s) => exportable(s) && s.status !== 'cancelled');
  const dates = [...new Set([...event.days.map((d) => d.date), ...shown.map((s) => localDate(s.startsAt, tz))])].sort();
  const roomsUsed = new Map<string, { key: string; name: string }>();
  for (const s of shown) {
    const r = s.room ?? NO_ROOM;
    roomsUsed.set(r.key, r);
  }
  const rooms = [...roomsUsed.values()];
  const days = dates.map((date, i) => {
    const daySessions = shown.filter((s) => localDate(s.startsAt, tz) === date);
    const start = zonedInstant(date, '00:00', tz);
    const lastEnd = Math.max(zonedInstant(date, '23:59', tz).getTime(), ...daySessions.map((s) => s.endsAt.getTime()));
    return {
      index: i + 1,
      date,
      start: isoWithOffset(start, tz),
      end: isoWithOffset(new Date(lastEnd), tz),
      rooms: rooms
        .map((room) => ({
          room,
          sessions: daySessions.filter((s) => (s.room ?? NO_ROOM).key === room.key),
        }))
        .filter((r) => r.sessions.length > 0),
    };
  });
  const eventSlug = (s: ExportSession) => `${acronym}-${s.slug.length >= 4 ? s.slug : `${s.slug}-session`}`;
  const url = (s: ExportSession) => `${baseUrl}/events/${event.slug}/sessions/${s.slug}`;
  const duration = (s: ExportSession) => hhmm(Math.round((s.endsAt.getTime() - s.startsAt.getTime()) / 60_000));
  return { event, tz, acronym, days, rooms, eventSlug, url, duration, baseUrl };
}

function conferenceDates(m: Model) {
  const first = m.days[0]?.date ?? localDate(m.event.startsAt, m.tz);
  const last = m.days.at(-1)?.date ?? localDate(m.event.endsAt, m.tz);
  return { first, last, count: Math.max(1, m.days.length) };
}

export function scheduleJson(event: ExportEvent, sessions: ExportSession[], baseUrl: string) {
  const m = model(event, sessions, baseUrl);
  const { first, last, count } = conferenceDates(m);
  return {
    $schema: 'https://c3voc.de/schedule/schema.json',
    generator: { name: 'chemins', version: '0.1.0' },
    schedule: {
      version: '1.0',
      base_url: `${baseUrl}/`,
      conference: {
        acronym: m.acronym,
        title: event.title,
        description: event.description,
        start: first,
        end: last,
        daysCount: count,
        timeslot_duration: '00:15',
        time_zone_name: m.tz,
        url: `${baseUrl}/events/${event.slug}`,
        tracks: event.tracks.map((t) => ({ name: t.name, slug: t.key.replace(/[^a-z0-9_-]/g, '-') })),
        rooms: m.rooms.map((r) => ({ name: r.name, guid: roomGuid(event.slug, r.key) })),
        days: m.days.map((d) => ({
          index: d.index,
          date: d.date,
          day_start: d.start,
          day_end: d.end,
          rooms: Object.fromEntries(
            d.rooms.map(({ room, sessions: list }) => [
              room.name,
              list.map((s) => ({
                guid: s.id,
                id: numericId(s.id),
                date: isoWithOffset(s.startsAt, m.tz),
                start: localTime(s.startsAt, m.tz),
                duration: m.duration(s),
                room: room.name,
                slug: m.eventSlug(s),
                url: m.url(s),
                title: s.title,
                subtitle: s.status === 'tentative' ? 'sous réserve' : '',
                track: s.track?.name ?? null,
                type: s.kind,
                language: s.language,
                abstract: s.description,
                description: s.description,
                persons: s.people.map((p) => ({ name: p.name })),
                links: [],
              })),
            ]),
          ),
        })),
      },
    },
  };
}

/** A deterministic UUID-shaped id for a room (rooms have one per event in the database). */
export function roomGuid(eventSlug: string, roomKey: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  const s = `${eventSlug}/${roomKey}`;
  for (let i = 0; i < s.length; i++) {
    h1 = Math.imul(h1 ^ s.charCodeAt(i), 16777619) >>> 0;
    h2 = Math.imul(h2 + s.charCodeAt(i), 2246822519) >>> 0;
  }
  const hex = (h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0')).repeat(2);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function scheduleXml(event: ExportEvent, sessions: ExportSession[], baseUrl: string): string {
  const m = model(event, sessions, baseUrl);
  const { first, last, count } = conferenceDates(m);
  const doc = create({ version: '1.0', encoding: 'UTF-8' }).ele('schedule');
  doc.ele('generator', { name: 'chemins', version: '0.1.0' });
  doc.ele('url').txt(`${baseUrl}/api/events/${event.slug}/schedule.xml`);
  doc.ele('version').txt('1.0');
  const conf = doc.ele('conference');
  conf.ele('title').txt(event.title);
  conf.ele('acronym').txt(m.acronym);
  conf.ele('start').txt(first);
  conf.ele('end').txt(last);
  conf.ele('days').txt(String(count));
  conf.ele('timeslot_duration').txt('00:15');
  conf.ele('base_url').txt(`${baseUrl}/`);
  conf.ele('url').txt(`${baseUrl}/events/${event.slug}`);
  conf.ele('time_zone_name').txt(m.tz);
  for (const t of event.tracks) {
    const slug = t.key.toLowerCase().replace(/[^a-z0-9-]/g, '-');
    conf.ele('track', /^[a-z][a-z0-9-]+$/.test(slug) ? { name: t.name, slug } : { name: t.name }).txt(t.name);
  }
  for (const d of m.days) {
    const day = doc.ele('day', { index: String(d.index), date: d.date, start: d.start, end: d.end });
    for (const { room, sessions: list } of d.rooms) {
      const r = day.ele('room', { name: room.name, guid: roomGuid(event.slug, room.key) });
      for (const s of list) {
        const e = r.ele('event', { id: String(numericId(s.id)), guid: s.id });
        e.ele('room').txt(room.name);
        e.ele('title').txt(s.title);
        e.ele('subtitle').txt(s.status === 'tentative' ? 'sous réserve' : '');
        e.ele('type').txt(s.kind);
        e.ele('date').txt(isoWithOffset(s.startsAt, m.tz));
        e.ele('start').txt(localTime(s.startsAt, m.tz));
        e.ele('duration').txt(m.duration(s));
        e.ele('abstract').txt(s.description);
        e.ele('slug').txt(m.eventSlug(s));
        e.ele('track').txt(s.track?.name ?? '');
        const persons = e.ele('persons');
        for (const p of s.people) persons.ele('person').txt(p.name);
        e.ele('language').txt(s.language);
        e.ele('description').txt(s.description);
        e.ele('links');
        e.ele('url').txt(m.url(s));
      }
    }
  }
  return doc.end({ prettyPrint: true });
}
