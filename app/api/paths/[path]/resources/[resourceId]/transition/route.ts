import { actorFromUser } from '@/server/paths/actor-from-user';
import { transitionResource } from '@/server/paths/transition-resource';
import { transitionResponse } from '@/lib/api/responses';
import { transitionRequest } from '@/lib/domain/resources';
import { respond } from '@/server/http/respond';
import { endpoint } from '@/server/http/endpoint';
import { pathWrite, resourceOnPathParams } from '@/server/paths/http';

export const dynamic = 'force-dynamic';

/** Move a resource through the workflow: submit, publish, decline (with `reason`), archive, unpublish, reopen. */
export const POST = endpoint(
  { params: resourceOnPathParams, notFound: 'No such resource on this path.', who: 'account', body: { schema: transitionRequest, limit: pathWrite } },
  async ({ who, params, body }) => respond(transitionResponse, await transitionResource(await actorFromUser(who.id), params.resourceId, body.action, body.reason)),
);
