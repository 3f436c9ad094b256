import { localeOf } from '@/server/catalogue';
import { endpoint } from '@/server/http/endpoint';
import { openDataZip } from '@/server/report/files';

export const dynamic = 'force-dynamic';

/**
 * The event's open-data package (public): programme, calls' decisions and aggregated figures as CSV
 * with a Frictionless `datapackage.json`, under the licence its organizers chose (docs/report.md).
 */
export const GET = endpoint({}, ({ req, params }) => openDataZip(params.event, localeOf(req)));
