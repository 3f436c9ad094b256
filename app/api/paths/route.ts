import { publicPaths } from '@/db/queries/paths';
import { pathsResponse } from '@/lib/api/responses';
import { respond } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** Public contract: every active path, `[{ slug, title, summary, coordinators: [{ name, organization }], resourceCount }]`. */
export async function GET() {
  return respond(pathsResponse, await publicPaths());
}
