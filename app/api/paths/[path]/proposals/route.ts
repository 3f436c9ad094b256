import { proposeResource } from '@/db/queries/resources';
import { proposedResourceResponse } from '@/lib/api/responses';
import { proposeResourceRequest } from '@/lib/domain/resources';
import { apiError, respond } from '@/lib/http';
import { answer } from '@/lib/http-domain';
import { allow } from '@/lib/upload-guard';
import { guardJson } from '@/lib/write-guard';
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
  const ip = req.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || 'direct';
  const body = await guardJson(req, `propose-ip:${ip}`, proposeResourceRequest, { perTenMinutes: 120 });
  if (!body.ok) return body.response;
  const { token, ...fields } = body.data;
  const who = await proposer(req, token);
  if (!who.ok) return who.response;
  if (!allow(`propose:${rateKey(who.value)}`, 20)) return apiError(429, 'rate_limited', 'Too many proposals; try again in a few minutes.');
  return answer(async () => respond(proposedResourceResponse, await proposeResource(who.value, path, fields), { status: 201 }));
}
