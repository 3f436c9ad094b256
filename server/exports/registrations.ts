import { attendees } from '@/db/queries/organizer';
import type { Locale } from '@/lib/i18n';
import type { CsvDialect } from '@/lib/exports/csv';
import { registrationsCsv } from '@/lib/exports/registrations';
import { catalogue } from '@/server/catalogue';

/**
 * `GET /api/events/{event}/registrations.csv`: the attendee list for an organizer of the event
 * (`attendees` checks), in `locale` — headers, seat statuses, yes/no answers and the file's name
 * from the catalogue, dates in the event's time zone. `?format=spreadsheet`: the same list
 * semicolon-separated with CRLF, for spreadsheet software set up for French (lib/exports/csv.ts).
 */
export async function registrationsCsvFile(userId: string, eventSlug: string, locale: Locale, dialect: CsvDialect = 'standard'): Promise<Response> {
  const { event, attendees: list, questions } = await attendees(userId, eventSlug);
  const t = catalogue(locale);
  const csv = registrationsCsv(list, questions, event.timeZone, {
    column: (c) => (c === 'modes' ? t('seats.csvColumn') : t(`csv.columns.${c}`, { zone: event.timeZone })),
    seat: (status) => t(`organize.seatStatus.${status}`),
    mode: (mode) => t(`seats.mode.${mode}`),
    yes: t('csv.yes'),
    no: t('csv.no'),
    former: t('privacy.formerParticipant'),
  }, dialect);
  const name = t('csv.registrationsFile', { event: event.slug });
  const file = dialect === 'spreadsheet' ? `${name}-${t('setup.spreadsheetFile')}` : name;
  return new Response(csv, {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${file}.csv"`, 'content-language': locale },
  });
}
