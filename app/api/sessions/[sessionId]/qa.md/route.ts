import { qaExportResponse } from '@/server/qa-export';

export const dynamic = 'force-dynamic';

/** The session's Q&A as Markdown (organizers and moderators of its event, admins, path coordinators). */
export function GET(_req: Request, ctx: { params: Promise<{ sessionId: string }> }) {
  return qaExportResponse(ctx.params, 'md');
}
