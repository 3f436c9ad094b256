import { listRevisions } from '@/server/paths/list-revisions';
import { resourceOnPath } from '@/server/paths/http';
import { revisionsResponse } from '@/lib/api/responses';
import { apiError, respond } from '@/server/http/respond';
import { endpoint } from '@/server/http/endpoint';

export const dynamic = 'force-dynamic';

/** A resource's revisions, newest first, each with its diff against the previous one (reviewers of its paths). */
export const GET = endpoint({ who: 'account' }, async ({ who, params: { path, resourceId } }) => {
  if (!(await resourceOnPath(path, resourceId))) return apiError(404, 'not_found', 'No such resource on this path.');
  return respond(revisionsResponse, await listRevisions(who.id, resourceId));
});
