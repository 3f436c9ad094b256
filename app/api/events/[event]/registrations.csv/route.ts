import { registrationsCsvQuery } from '@/lib/exports/registrations';
import { localeOf } from '@/server/catalogue';
import { endpoint } from '@/server/http/endpoint';
import { registrationsCsvFile } from '@/server/exports/registrations';

export const dynamic = 'force-dynamic';

/**
 * Attendee list as CSV (organizers of the event and admins), in the requester's language (cookie,
 * else Accept-Language, else French); `?format=spreadsheet` for spreadsheet software (`;`, CRLF).
 */
export const GET = endpoint({ who: 'account', query: registrationsCsvQuery }, ({ req, who, params, query }) =>
  registrationsCsvFile(who.id, params.event, localeOf(req), query.format),
);
