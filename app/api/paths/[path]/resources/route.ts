import { actorFromUser } from '@/server/paths/actor-from-user';
import { createResource } from '@/server/paths/create-resource';
import { createdResourceResponse } from '@/lib/api/responses';
import { createResourceRequest } from '@/lib/domain/resources';
import { respond } from '@/server/http/respond';
import { endpoint } from '@/server/http/endpoint';
import { pathWrite } from '@/server/paths/http';

export const dynamic = 'force-dynamic';

/** A new resource on the path (its coordinators, organizers, admins): a draft, or published with `publish: true`. */
export const POST = endpoint({ who: 'account', body: { schema: createResourceRequest, limit: pathWrite } }, async ({ who, params, body }) =>
  respond(createdResourceResponse, await createResource(await actorFromUser(who.id), params.path, body), { status: 201 }),
);
