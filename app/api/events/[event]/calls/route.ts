import { callsOfEvent } from '@/db/queries/calls';
import { callsResponse } from '@/lib/api/responses';
import { apiError, respond } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** Public contract: the event's calls for proposals. */
export async function GET(_req: Request, ctx: { params: Promise<{ event: string }> }) {
  const list = await callsOfEvent((await ctx.params).event);
  if (!list) return apiError(404, 'event_not_found', 'No such event.');
  return respond(callsResponse, list);
}
