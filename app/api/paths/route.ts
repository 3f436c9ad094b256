import { publicPaths } from '@/db/queries/paths';

export const dynamic = 'force-dynamic';

/** Public contract: every active path, `[{ slug, title, summary, coordinators: [{ name, organization }], resourceCount }]`. */
export async function GET() {
  return Response.json(await publicPaths());
}
