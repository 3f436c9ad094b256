import { getLocale, getTranslations } from 'next-intl/server';
import { exportData } from '@/db/queries/exports';
import { publicUrl } from '@/lib/config';
import { buildCalendar } from '@/lib/exports/ical';
import { exportable } from '@/lib/exports/types';
import { apiError } from '@/server/http/respond';
import { endpoint } from '@/server/http/endpoint';

export const dynamic = 'force-dynamic';

/** Public contract: RFC 5545, one VEVENT per public session, stable UIDs, VTIMEZONE. */
export const GET = endpoint({}, async ({ params }) => {
  const data = await exportData(params.event);
  if (!data) return apiError(404, 'event_not_found', 'No such event.');
  // In the requester's language (cookie, else Accept-Language: i18n/request.ts).
  const locale = (await getLocale()) === 'en' ? 'en' : 'fr';
  const t = await getTranslations('mail');
  const body = buildCalendar({
    name: data.event.title,
    baseUrl: publicUrl(),
    timeZone: data.event.timeZone,
    method: 'publish',
    items: data.sessions.filter(exportable).map((session) => ({ event: data.event, session })),
    withPeople: (people) => t('calendarWith', { people }),
    locale,
  });
  return new Response(body, {
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `inline; filename="${data.event.slug}.ics"`,
    },
  });
});
