import { linkSessionToPath } from '@/server/paths/link-session-to-path';
import { linkSessionResponse } from '@/lib/api/responses';
import { linkSessionRequest } from '@/lib/domain/resources';
import { respond } from '@/server/http/respond';
import { endpoint } from '@/server/http/endpoint';
import { pathWrite } from '@/server/paths/http';

export const dynamic = 'force-dynamic';

/** Link (`linked: true`) or unlink a programme session to the path: the event's organizers, admins. */
export const PUT = endpoint({ who: 'account', body: { schema: linkSessionRequest, limit: pathWrite } }, async ({ who, params, body }) =>
  respond(linkSessionResponse, { changed: await linkSessionToPath(who.id, params.path, body.sessionId, body.linked) }),
);
