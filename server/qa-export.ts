import { getTranslations } from 'next-intl/server';
import { qaExport } from '@/db/queries/qa';
import { qaCsv, qaMarkdown } from '@/lib/exports/qa';
import { apiError } from '@/lib/http';
import { answer } from '@/lib/http-domain';
import { uuidSchema } from '@/lib/validation';
import { currentUser } from './auth/current';

/** `GET /api/sessions/{sessionId}/qa.md|qa.csv`: the session's Q&A for organizers, moderators and coordinators. */
export async function qaExportResponse(sessionIdParam: Promise<{ sessionId: string }>, format: 'md' | 'csv'): Promise<Response> {
  const { sessionId } = await sessionIdParam;
  if (!uuidSchema.safeParse(sessionId).success) return apiError(404, 'not_found', 'No such session.');
  const user = await currentUser();
  if (!user) return apiError(401, 'unauthenticated', 'Sign in first.');
  return answer(async () => {
    const data = await qaExport(user.id, sessionId);
    if (!data) return apiError(404, 'not_found', 'No such session.');
    const name = `${data.event.slug}-${data.session.slug}-questions`;
    if (format === 'csv') {
      return new Response(qaCsv(data), {
        headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"` },
      });
    }
    const t = await getTranslations('qaExport');
    const body = qaMarkdown(data, {
      heading: t('heading'),
      anonymous: t('anonymous'),
      answered: t('answered'),
      open: t('open'),
      votes: (count) => t('votes', { count }),
      none: t('none'),
      exportedAt: t('exportedAt'),
    });
    return new Response(body, {
      headers: { 'content-type': 'text/markdown; charset=utf-8', 'content-disposition': `attachment; filename="${name}.md"` },
    });
  });
}
