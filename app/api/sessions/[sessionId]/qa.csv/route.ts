import { qaExportResponse } from '@/server/qa-export';

export const dynamic = 'force-dynamic';

/** The session's Q&A as CSV, in the requester's language (organizers and moderators of its event, admins, coordinators of the paths it is linked to). */
export function GET(req: Request, ctx: { params: Promise<{ sessionId: string }> }) {
  return qaExportResponse(req, ctx.params, 'csv');
}
