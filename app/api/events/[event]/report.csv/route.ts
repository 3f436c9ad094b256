import { reportCsvQuery } from '@/lib/exports/report';
import { localeOf } from '@/server/catalogue';
import { endpoint } from '@/server/http/endpoint';
import { mayReadEventReport, reportEventId } from '@/server/report';
import { reportCsvFile } from '@/server/report/files';

export const dynamic = 'force-dynamic';

/**
 * One table of the event's report as CSV (organizers of the event, admins), in the requester's
 * language: `?table=sessions|registrations-by-day|registrations-by-code|attendance`, `?format=spreadsheet`.
 */
export const GET = endpoint(
  { who: 'account', query: reportCsvQuery, may: ({ who, params }) => mayReadEventReport(who.id, params.event), forbidden: 'Only the event’s organizers can see its report.' },
  async ({ req, params, query }) => reportCsvFile(await reportEventId(params.event), query.table, localeOf(req), query.format),
);
