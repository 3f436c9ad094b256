import { publicEvents } from '@/db/queries/public';
import { eventsResponse } from '@/lib/api/responses';
import { respond } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** Public contract: `[{ slug, title, startsAt, endsAt, timeZone }]`. */
export async function GET() {
  return respond(eventsResponse, await publicEvents());
}
