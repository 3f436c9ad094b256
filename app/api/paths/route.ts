import { publicPaths } from '@/server/paths/list-public-paths';
import { pathsResponse } from '@/lib/api/responses';
import { respond } from '@/server/http/respond';
import { endpoint } from '@/server/http/endpoint';

export const dynamic = 'force-dynamic';

/** Public contract: every active path, `[{ slug, title, summary, coordinators: [{ name, organization }], resourceCount }]`. */
export const GET = endpoint({}, async () => {
  return respond(pathsResponse, await publicPaths());
});
