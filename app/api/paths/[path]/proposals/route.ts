import { identityFromJoinToken } from '@/db/queries/identity';
import { proposeResource } from '@/server/paths/propose-resource';
import { proposedResourceResponse } from '@/lib/api/responses';
import { proposeResourceRequest } from '@/lib/domain/resources';
import { apiError, respond } from '@/server/http/respond';
import { rateLimited } from '@/server/http/write-guard';
import { currentParticipant } from '@/server/auth/current';
import { endpoint } from '@/server/http/endpoint';
import { clientAddressOf } from '@/server/http/rate-limit';
import { rateKey } from '@/server/paths/http';

export const dynamic = 'force-dynamic';

/**
 * Propose a resource (the medialab): anybody signed in, or a registrant through their personal
 * link (`token` in the body, or the join cookie / bearer token). It waits in the path
 * coordinators' review queue; the proposer is mailed the outcome. The body names the proposer
 * (personal link token), so it is read first: limited by address, then by person.
 */
export const POST = endpoint(
  { body: { schema: proposeResourceRequest, limit: ({ req }) => ['proposalsPerAddress', clientAddressOf(req)] } },
  async ({ req, params, body: { token, ...fields } }) => {
    const who = token ? await identityFromJoinToken(token) : await currentParticipant(req);
    if (!who) return apiError(401, 'unauthenticated', 'Sign in, or use your personal link, to propose a resource.');
    const limited = await rateLimited('proposalsPerPerson', rateKey(who));
    if (limited) return limited;
    return respond(proposedResourceResponse, await proposeResource(who, params.path, fields), { status: 201 });
  },
);
