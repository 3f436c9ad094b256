import { exportData } from '@/db/queries/exports';
import { scheduleJsonResponse } from '@/lib/api/responses';
import { publicUrl } from '@/lib/config';
import { scheduleJson } from '@/lib/exports/schedule';
import { apiError, respond } from '@/server/http/respond';
import { endpoint } from '@/server/http/endpoint';

export const dynamic = 'force-dynamic';

/** Public contract: frab/pretalx schedule.json (c3voc schema version 1). */
export const GET = endpoint({}, async ({ params }) => {
  const data = await exportData(params.event);
  if (!data) return apiError(404, 'event_not_found', 'No such event.');
  return respond(scheduleJsonResponse, scheduleJson(data.event, data.sessions, publicUrl()));
});
