import { qaExportResponse } from '@/server/qa-export';

export const dynamic = 'force-dynamic';

/** The session's Q&A as Markdown (organizers and moderators of its event, admins, coordinators of the paths it is linked to). */
export function GET(_req: Request, ctx: { params: Promise<{ sessionId: string }> }) {
  return qaExportResponse(ctx.params, 'md');
}
