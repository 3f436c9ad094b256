import { publicPath } from '@/server/paths/get-public-path';
import { pathResponse } from '@/lib/api/responses';
import { publicUrl } from '@/lib/config';
import { apiError, respond } from '@/server/http/respond';
import { endpoint } from '@/server/http/endpoint';

export const dynamic = 'force-dynamic';

/** Public contract: the path with its published resources and linked sessions. */
export const GET = endpoint({}, async ({ params }) => {
  const path = await publicPath(params.path, publicUrl());
  if (!path) return apiError(404, 'path_not_found', 'No such path.');
  return respond(pathResponse, path);
});
