import { actorFromUser } from '@/server/paths/actor-from-user';
import { reorderPathResources } from '@/server/paths/reorder-path-resources';
import { reorderRequest } from '@/lib/domain/resources';
import { endpoint } from '@/server/http/endpoint';
import { pathWrite } from '@/server/paths/http';

export const dynamic = 'force-dynamic';

/** The path's resources in the coordinators' order (those not listed follow, in their order). */
export const PUT = endpoint({ who: 'account', body: { schema: reorderRequest, limit: pathWrite } }, async ({ who, params, body }) => {
  await reorderPathResources(await actorFromUser(who.id), params.path, body.resourceIds);
  return new Response(null, { status: 204 });
});
