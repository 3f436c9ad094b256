import { identityFromJoinToken } from '@/db/queries/identity';
import { subscribeToPath } from '@/server/paths/subscribe-to-path';
import { subscribedResponse } from '@/lib/api/responses';
import { subscribeRequest } from '@/lib/domain/resources';
import { apiError, respond } from '@/server/http/respond';
import { currentUser } from '@/server/auth/current';
import { endpoint } from '@/server/http/endpoint';
import { clientAddressOf } from '@/server/http/rate-limit';

export const dynamic = 'force-dynamic';

/**
 * Opt in to the path's e-mail digest: for the signed-in user's own address, or a registrant's
 * (`token`: personal link). Nobody subscribes an address that is not theirs. The body names the
 * registrant, so it is read first.
 */
export const POST = endpoint(
  { body: { schema: subscribeRequest, limit: ({ req }) => ['subscriptionsPerAddress', clientAddressOf(req)], maxBytes: 4096 } },
  async ({ params, body }) => {
    const registrant = body.token ? await identityFromJoinToken(body.token) : null;
    const user = registrant ? null : await currentUser();
    if (!registrant && !user) return apiError(401, 'unauthenticated', 'Sign in, or use your personal link, to follow a path.');
    // A registrant's address is theirs once proven (docs/security.md): before that, nothing is sent to it on their word.
    if (registrant?.kind === 'registration' && !registrant.proven) {
      return apiError(403, 'address_unproven', 'Open the link mailed to this address first: it shows the address is yours.');
    }
    const who = registrant
      ? { email: registrant.email, userId: registrant.userId, registrationId: registrant.kind === 'registration' ? registrant.registrationId : null }
      : { email: user!.email, userId: user!.id };
    await subscribeToPath(params.path, { ...who, locale: body.locale });
    return respond(subscribedResponse, { subscribed: true }, { status: 201 });
  },
);
