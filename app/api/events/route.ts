import { publicEvents } from '@/db/queries/public';
import { eventsResponse } from '@/lib/api/responses';
import { respond } from '@/server/http/respond';
import { endpoint } from '@/server/http/endpoint';

export const dynamic = 'force-dynamic';

/** Public contract: `[{ slug, title, startsAt, endsAt, timeZone }]`. */
export const GET = endpoint({}, async () => {
  return respond(eventsResponse, await publicEvents());
});
