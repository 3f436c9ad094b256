import { actorFromUser } from '@/server/paths/actor-from-user';
import { updateResource } from '@/server/paths/update-resource';
import { versionResponse } from '@/lib/api/responses';
import { updateResourceRequest } from '@/lib/domain/resources';
import { respond } from '@/server/http/respond';
import { endpoint } from '@/server/http/endpoint';
import { pathWrite, resourceOnPathParams } from '@/server/paths/http';

export const dynamic = 'force-dynamic';

/** Edit a resource (reviewers of its paths); `version` is the one read (409 if it changed meanwhile). */
export const PATCH = endpoint(
  { params: resourceOnPathParams, notFound: 'No such resource on this path.', who: 'account', body: { schema: updateResourceRequest, limit: pathWrite } },
  async ({ who, params, body }) => respond(versionResponse, await updateResource(await actorFromUser(who.id), params.resourceId, body)),
);
