import { getLocale, getTranslations } from 'next-intl/server';
import { pollsExport } from '@/db/queries/polls';
import { qaExport } from '@/db/queries/qa';
import { meetingReportFromQa, type ResourceActor } from '@/db/queries/resources';
import { qaCsv, qaMarkdown, type QaExportData } from '@/lib/exports/qa';
import { formatDateTime } from '@/lib/format';
import { apiError } from '@/lib/http';
import { answer } from '@/lib/http-domain';
import { DomainError } from '@/lib/errors';
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
    const body = await localizedQaMarkdown(data);
    return new Response(body, {
      headers: { 'content-type': 'text/markdown; charset=utf-8', 'content-disposition': `attachment; filename="${name}.md"` },
    });
  });
}

/** A session's Q&A and polls as Markdown, in the reader's language (the export, the meeting report). */
export async function localizedQaMarkdown(data: QaExportData, now = new Date()): Promise<string> {
  const t = await getTranslations('qaExport');
  const locale = await getLocale();
  const tp = await getTranslations('polls');
  const labels = {
    heading: t('heading'),
    anonymous: t('anonymous'),
    answered: t('answered'),
    open: t('open'),
    votes: (count: number) => t('votes', { count }),
    none: t('none'),
    exportedAt: t('exportedAt'),
    dateTime: (d: Date, timeZone: string) => formatDateTime(d, locale, timeZone),
  };
  const pollLabels = {
    heading: tp('export.heading'),
    kind: (kind: NonNullable<QaExportData['polls']>[number]['kind']) => tp(`kinds.${kind}`),
    answers: (count: number) => tp('export.answers', { count }),
    ratingValue: (value: number) => tp('export.ratingValue', { value }),
    named: tp('export.named'),
  };
  return qaMarkdown(data, labels, now, pollLabels);
}

/**
 * After a session, one click: its Q&A export (questions and polls) becomes a draft meeting-report
 * resource on the session's paths (`meetingReportFromQa` checks who may). The API route and the
 * organizer's button both call this.
 */
export async function meetingReportFromSessionQa(actor: ResourceActor, sessionId: string): Promise<{ id: string; slug: string }> {
  const tm = await getTranslations('pathsMail');
  return meetingReportFromQa(actor, sessionId, async (session) => {
    const found = await qaExport(actor.userId, sessionId);
    if (!found) throw new DomainError(404, 'not_found', 'No such session.');
    const markdown = await localizedQaMarkdown({ ...found, polls: await pollsExport(sessionId) });
    // The export's YAML front matter is for files; the resource keeps its own fields.
    return { title: tm('meetingReportTitle', { session: session.title }), markdown: markdown.replace(/^---\n[\s\S]*?\n---\n+/, '') };
  });
}
