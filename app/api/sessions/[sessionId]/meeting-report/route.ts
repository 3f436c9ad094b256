import { getTranslations } from 'next-intl/server';
import { qaExport } from '@/db/queries/qa';
import { meetingReportFromQa } from '@/db/queries/resources';
import { qaMarkdown } from '@/lib/exports/qa';
import { apiError } from '@/lib/http';
import { answer } from '@/lib/http-domain';
import { uuidSchema } from '@/lib/validation';
import { signedInActor } from '@/server/paths-http';

export const dynamic = 'force-dynamic';

/**
 * One click after a session: its Q&A export becomes a draft meeting-report resource on every
 * path the session is linked to (organizers and moderators of its event, admins, coordinators of
 * those paths). No body. Answers `201 { id, slug }`.
 */
export async function POST(_req: Request, ctx: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await ctx.params;
  if (!uuidSchema.safeParse(sessionId).success) return apiError(404, 'not_found', 'No such session.');
  const actor = await signedInActor();
  if (!actor.ok) return actor.response;
  return answer(async () => {
    const tq = await getTranslations('qaExport');
    const tm = await getTranslations('pathsMail');
    const report = await meetingReportFromQa(actor.value, sessionId, async (session) => {
      const data = await qaExport(actor.value.userId, sessionId);
      const markdown = qaMarkdown(data!, {
        heading: tq('heading'),
        anonymous: tq('anonymous'),
        answered: tq('answered'),
        open: tq('open'),
        votes: (count) => tq('votes', { count }),
        none: tq('none'),
        exportedAt: tq('exportedAt'),
      });
      return { title: tm('meetingReportTitle', { session: session.title }), markdown: stripFrontMatter(markdown) };
    });
    return Response.json(report, { status: 201 });
  });
}

/** The export's YAML front matter is for files; the resource keeps its own fields. */
function stripFrontMatter(md: string): string {
  return md.startsWith('---\n') ? md.slice(md.indexOf('\n---\n', 4) + 5).replace(/^\n+/, '') : md;
}
