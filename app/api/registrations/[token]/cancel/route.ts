import { cancel } from '@/db/queries/registrations';
import { cancelResponse } from '@/lib/api/responses';
import { cancelRequest } from '@/lib/domain/registration';
import { respond } from '@/server/http/respond';
import { endpoint } from '@/server/http/endpoint';

export const dynamic = 'force-dynamic';

/**
 * Cancel one seat (`{ sessionId }`) or the whole registration (`{}` or no body) from the personal link.
 * Only an empty body means `{}`: `null` or any other JSON that is not the object is refused.
 */
export const POST = endpoint({ body: { schema: cancelRequest, empty: {} } }, async ({ params, body }) =>
  respond(cancelResponse, await cancel(params.token, body.sessionId)),
);
