import { z } from 'zod';
import { uuidSchema } from '@/lib/validation';
import { localeOf } from '@/server/catalogue';
import { endpoint } from '@/server/http/endpoint';
import { qaExportFile } from '@/server/exports/qa';

export const dynamic = 'force-dynamic';

/** The session's Q&A as Markdown, in the requester's language (organizers and moderators of its event, admins, coordinators of the paths it is linked to). */
export const GET = endpoint({ params: z.object({ sessionId: uuidSchema }), notFound: 'No such session.', who: 'account' }, ({ req, who, params }) =>
  qaExportFile(who.id, params.sessionId, 'md', localeOf(req)),
);
