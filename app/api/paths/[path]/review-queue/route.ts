import { reviewQueue } from '@/server/paths/review-queue';
import { reviewQueueResponse } from '@/lib/api/responses';
import { respond } from '@/server/http/respond';
import { endpoint } from '@/server/http/endpoint';

export const dynamic = 'force-dynamic';

/** Resources waiting for review on the path (its coordinators, organizers, admins; empty for anyone else). */
export const GET = endpoint({ who: 'account' }, async ({ who, params }) => respond(reviewQueueResponse, await reviewQueue(who.id, params.path)));
