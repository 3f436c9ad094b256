import { exportData } from '@/db/queries/exports';
import { publicUrl } from '@/lib/config';
import { scheduleXml } from '@/lib/exports/schedule';
import { apiError } from '@/server/http/respond';
import { endpoint } from '@/server/http/endpoint';

export const dynamic = 'force-dynamic';

/** Public contract: frab/pretalx schedule.xml (valid against the c3voc schedule.xml.xsd). */
export const GET = endpoint({}, async ({ params }) => {
  const data = await exportData(params.event);
  if (!data) return apiError(404, 'event_not_found', 'No such event.');
  return new Response(scheduleXml(data.event, data.sessions, publicUrl()), {
    headers: { 'content-type': 'application/xml; charset=utf-8' },
  });
});
