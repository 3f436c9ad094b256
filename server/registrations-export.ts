import { attendees } from '@/db/queries/organizer';
import type { Locale } from '@/lib/i18n';
import { registrationsCsv } from '@/lib/exports/registrations';
import { catalogue } from './catalogue';

/**
 * `GET /api/events/{event}/registrations.csv`: the attendee list for an organizer of the event
 * (`attendees` checks), in `locale` — headers, seat statuses, yes/no answers and the file's name
 * from the catalogue, dates in the event's time zone.
 */
export async function registrationsCsvFile(userId: string, eventSlug: string, locale: Locale): Promise<Response> {
  const { event, attendees: list, questions } = await attendees(userId, eventSlug);
  const t = catalogue(locale);
  const csv = registrationsCsv(list, questions, event.timeZone, {
    column: (c) => t(`csv.columns.${c}`, { zone: event.timeZone }),
    seat: (status) => t(`organize.seatStatus.${status}`),
    yes: t('csv.yes'),
    no: t('csv.no'),
    former: t('privacy.formerParticipant'),
  });
  const file = t('csv.registrationsFile', { event: event.slug });
  return new Response(csv, {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${file}.csv"`, 'content-language': locale },
  });
}
