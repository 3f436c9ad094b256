import { publicSessions } from '@/db/queries/public';
import { sessionsResponse } from '@/lib/api/responses';
import { apiError, respond } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** Public contract: the event's sessions with seat counts and live state. */
export async function GET(_req: Request, ctx: { params: Promise<{ event: string }> }) {
  const sessions = await publicSessions((await ctx.params).event);
  if (!sessions) return apiError(404, 'event_not_found', 'No such event.');
  return respond(sessionsResponse, sessions);
}
