import { publicPath } from '@/db/queries/paths';
import { pathResponse } from '@/lib/api/responses';
import { publicUrl } from '@/lib/config';
import { apiError, respond } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** Public contract: the path with its published resources and linked sessions. */
export async function GET(_req: Request, ctx: { params: Promise<{ path: string }> }) {
  const path = await publicPath((await ctx.params).path, publicUrl());
  if (!path) return apiError(404, 'path_not_found', 'No such path.');
  return respond(pathResponse, path);
}
