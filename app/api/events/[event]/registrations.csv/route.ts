import { localeOf } from '@/server/catalogue';
import { endpoint } from '@/server/http/endpoint';
import { registrationsCsvFile } from '@/server/registrations-export';

export const dynamic = 'force-dynamic';

/** Attendee list as CSV (organizers of the event and admins), in the requester's language (cookie, else Accept-Language, else French). */
export const GET = endpoint({ who: 'account' }, ({ req, who, params }) => registrationsCsvFile(who.id, params.event, localeOf(req)));
