import { z } from 'zod';
import { fullSessionReportSchema } from '@/lib/domain/report';
import { uuidSchema } from '@/lib/validation';
import { endpoint } from '@/server/http/endpoint';
import { respond } from '@/server/http/respond';
import { mayReadSessionReport, sessionReport } from '@/server/report';

export const dynamic = 'force-dynamic';

/**
 * One session's report (organizers of its event, admins, the session's moderators; docs/report.md):
 * its entry of the event report, the moments marked on its attendance curve, its top questions and
 * its polls' results. Aggregates only.
 */
export const GET = endpoint(
  {
    params: z.object({ sessionId: uuidSchema }),
    notFound: 'No such session.',
    who: 'account',
    may: ({ who, params }) => mayReadSessionReport(who.id, params.sessionId),
    forbidden: 'Only the event’s organizers and the session’s moderators can see its report.',
  },
  async ({ params }) => respond(fullSessionReportSchema, await sessionReport(params.sessionId)),
);
