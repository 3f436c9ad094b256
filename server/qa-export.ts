import { getTranslations } from 'next-intl/server';
import { pollsExport } from '@/db/queries/polls';
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
    const found = await qaExport(user.id, sessionId);
    if (!found) return apiError(404, 'not_found', 'No such session.');
    // Access checked by qaExport: the polls' results go with the questions.
    const data = { ...found, polls: await pollsExport(sessionId) };
    const name = `${data.event.slug}-${data.session.slug}-questions`;
    if (format === 'csv') {
      return new Response(qaCsv(data), {
        headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"` },
      });
    }
    const t = await getTranslations('qaExport');
    const tp = await getTranslations('polls');
    const pollLabels = {
      heading: tp('export.heading'),
      kind: (kind: (typeof data.polls)[number]['kind']) => tp(`kinds.${kind}`),
      answers: (count: number) => tp('export.answers', { count }),
      ratingValue: (value: number) => tp('export.ratingValue', { value }),
    };
    const body = qaMarkdown(data, {
      heading: t('heading'),
      anonymous: t('anonymous'),
      answered: t('answered'),
      open: t('open'),
      votes: (count) => t('votes', { count }),
      none: t('none'),
      exportedAt: t('exportedAt'),
    }, new Date(), pollLabels);
    return new Response(body, {
      headers: { 'content-type': 'text/markdown; charset=utf-8', 'content-disposition': `attachment; filename="${name}.md"` },
    });
  });
}
