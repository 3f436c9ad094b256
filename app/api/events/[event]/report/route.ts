import { fullEventReportSchema } from '@/lib/domain/report';
import { endpoint } from '@/server/http/endpoint';
import { respond } from '@/server/http/respond';
import { eventReport, mayReadEventReport, reportEventId } from '@/server/report';

export const dynamic = 'force-dynamic';

/**
 * The event's report (organizers of the event, admins; docs/report.md): registrations over time,
 * no-show rate, on site and online, and each session's figures. Aggregates only. This JSON is
 * also the document for funders' tools.
 */
export const GET = endpoint(
  { who: 'account', may: ({ who, params }) => mayReadEventReport(who.id, params.event), forbidden: 'Only the event’s organizers can see its report.' },
  async ({ params }) => respond(fullEventReportSchema, await eventReport(await reportEventId(params.event))),
);
