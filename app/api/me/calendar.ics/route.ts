import { exportData } from '@/db/queries/exports';
import { registrationByCalendarToken } from '@/db/queries/registrations';
import { publicUrl } from '@/lib/config';
import { buildCalendar } from '@/lib/exports/ical';
import { apiError } from '@/server/http/respond';
import { mailTranslator } from '@/server/mail/transport';
import { endpoint } from '@/server/http/endpoint';

export const dynamic = 'force-dynamic';

/**
 * Public contract: the person's own sessions, subscribable (`?token=<calendar token>`: the feed's
 * own read-only token, given on the personal page and in mails, renewable there; not the personal
 * link's; a join token is still accepted, for subscriptions made before). Waitlisted seats are TENTATIVE.
 */
export const GET = endpoint({}, async ({ url }) => {
  const token = url.searchParams.get('token');
  if (!token) return apiError(401, 'unauthenticated', 'Give your calendar token as ?token=…');
  const reg = await registrationByCalendarToken(token);
  if (!reg || reg.status !== 'active') return apiError(404, 'registration_not_found', 'No registration for this calendar token.');
  const data = await exportData(reg.eventSlug);
  if (!data) return apiError(404, 'event_not_found', 'No such event.');
  const seat = new Map(reg.seats.map((s) => [s.sessionId, s.status]));
  const items = data.sessions
    .filter((s) => seat.has(s.id))
    .map((s) => ({
      event: data.event,
      session: seat.get(s.id) === 'waitlisted' && s.status === 'confirmed' ? { ...s, status: 'tentative' as const } : s,
    }));
  // In the registrant's language (kept with the registration), as their mails: a calendar app fetches this without cookies.
  const t = mailTranslator(reg.locale);
  const body = buildCalendar({
    name: t('calendarName', { event: data.event.title }),
    baseUrl: publicUrl(),
    timeZone: data.event.timeZone,
    items,
    withPeople: (people) => t('calendarWith', { people }),
    locale: reg.locale,
  });
  return new Response(body, {
    headers: { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'private, no-store' },
  });
});
