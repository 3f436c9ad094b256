import { reviewQueue } from '@/db/queries/resources';
import { reviewQueueResponse } from '@/lib/api/responses';
import { apiError, respond } from '@/lib/http';
import { currentUser } from '@/server/auth/current';

export const dynamic = 'force-dynamic';

/** Resources waiting for review on the path (its coordinators, organizers, admins; empty for anyone else). */
export async function GET(_req: Request, ctx: { params: Promise<{ path: string }> }) {
  const user = await currentUser();
  if (!user) return apiError(401, 'unauthenticated', 'Sign in first.');
  return respond(reviewQueueResponse, await reviewQueue(user.id, (await ctx.params).path));
}
