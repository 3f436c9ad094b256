import { proposeResource } from '@/db/queries/resources';
import { proposedResourceResponse } from '@/lib/api/responses';
import { proposeResourceRequest } from '@/lib/domain/resources';
import { respond } from '@/lib/http';
import { answer } from '@/lib/http-domain';
import { guardJson, rateLimited } from '@/lib/write-guard';
import { clientAddressOf } from '@/server/http/rate-limit';
import { proposer, rateKey } from '@/server/paths-http';

export const dynamic = 'force-dynamic';

/**
 * Propose a resource (the medialab): anybody signed in, or a registrant through their personal
 * link (`token` in the body, or the join cookie / bearer token). It waits in the path
 * coordinators' review queue; the proposer is mailed the outcome.
 */
export async function POST(req: Request, ctx: { params: Promise<{ path: string }> }) {
  const { path } = await ctx.params;
  // The body names the proposer (personal link token): limited by address first, then by person.
  const body = await guardJson(req, ['proposalsPerAddress', clientAddressOf(req)], proposeResourceRequest);
  if (!body.ok) return body.response;
  const { token, ...fields } = body.data;
  const who = await proposer(req, token);
  if (!who.ok) return who.response;
  const limited = await rateLimited('proposalsPerPerson', rateKey(who.value));
  if (limited) return limited;
  return answer(async () => respond(proposedResourceResponse, await proposeResource(who.value, path, fields), { status: 201 }));
}
