import { getLocale, getTranslations } from 'next-intl/server';
import { listSessionGroups } from '@/server/breakouts/list-group-notes';
import { pollsExport } from '@/db/queries/polls';
import { qaExport } from '@/db/queries/qa';
import { meetingReportFromQa } from '@/server/paths/make-meeting-report';
import { type ResourceActor } from '@/lib/domain/resources';
import { qaCsv, type QaCsvLabels, qaMarkdown, type QaExportData } from '@/lib/exports/qa';
import { formatDateTime } from '@/lib/format';
import { apiError } from '@/server/http/respond';
import { DomainError } from '@/lib/errors';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@/lib/i18n';
import { catalogue } from '@/server/catalogue';
import { noteAuthors } from '@/db/queries/notes/authors';
import { meetingReportMarkdown, notesAuthors } from '@/lib/exports/meeting-report';
import { notesDocumentName } from '@/lib/domain/notes';
import { notesOf } from '@/server/notes/notes-of';

/** The export file itself, for a user who may read it (`qaExport` checks), in `locale`. */
export async function qaExportFile(userId: string, sessionId: string, format: 'md' | 'csv', locale: Locale): Promise<Response> {
  const found = await qaExport(userId, sessionId);
  if (!found) return apiError(404, 'not_found', 'No such session.');
  // Access checked by qaExport: the polls' results go with the questions.
  const data = { ...found, polls: await pollsExport(sessionId) };
  const name = `${data.event.slug}-${data.session.slug}-questions`;
  const [body, type] = format === 'csv' ? [qaCsv(data, csvLabels(locale, data.event.timeZone)), 'text/csv'] : [localizedQaMarkdown(data, locale), 'text/markdown'];
  return new Response(body, {
    headers: { 'content-type': `${type}; charset=utf-8`, 'content-disposition': `attachment; filename="${name}.${format}"`, 'content-language': locale },
  });
}

/** A session's Q&A and polls as Markdown, in the reader's language (the export, the meeting report). */
export function localizedQaMarkdown(data: QaExportData, locale: Locale, now = new Date()): string {
  const t = catalogue(locale);
  const labels = {
    heading: t('qaExport.heading'),
    anonymous: t('qaExport.anonymous'),
    answered: t('qaExport.answered'),
    open: t('qaExport.open'),
    votes: (count: number) => t('qaExport.votes', { count }),
    none: t('qaExport.none'),
    exportedAt: t('qaExport.exportedAt'),
    dateTime: (d: Date, timeZone: string) => formatDateTime(d, locale, timeZone),
  };
  const pollLabels = {
    heading: t('polls.export.heading'),
    kind: (kind: NonNullable<QaExportData['polls']>[number]['kind']) => t(`polls.kinds.${kind}`),
    answers: (count: number) => t('polls.export.answers', { count }),
    ratingValue: (value: number) => t('polls.export.ratingValue', { value }),
    named: t('polls.export.named'),
    former: t('privacy.formerParticipant'),
  };
  return qaMarkdown(data, labels, now, pollLabels);
}

/** The CSV export's headers and values in the reader's language (dates in the event's zone, named in the headers). */
function csvLabels(locale: Locale, timeZone: string): QaCsvLabels {
  const t = catalogue(locale);
  return {
    column: (c) => t(`csv.columns.${c}`, { zone: timeZone }),
    yes: t('csv.yes'),
    no: t('csv.no'),
    status: (s) => t(`live.status.${s}`),
    kind: (k) => t(`polls.kinds.${k}`),
    former: t('privacy.formerParticipant'),
  };
}

/**
 * After a session, one click: its shared notes, its breakout groups' notes (one section each) and
 * its Q&A export (questions and polls) become a draft meeting-report resource on the session's
 * paths (`meetingReportFromQa` checks who may), the notes' writers credited as its authors. The
 * API route and the organizer's button both call this.
 */
export async function meetingReportFromSessionQa(actor: ResourceActor, sessionId: string): Promise<{ id: string; slug: string }> {
  const tm = await getTranslations('pathsMail');
  return meetingReportFromQa(actor, sessionId, async (session) => {
    const found = await qaExport(actor.userId, sessionId);
    if (!found) throw new DomainError(404, 'not_found', 'No such session.');
    const locale = await getLocale();
    const lang = isLocale(locale) ? locale : DEFAULT_LOCALE;
    // The export's YAML front matter is for files; the resource keeps its own fields.
    const qa = localizedQaMarkdown({ ...found, polls: await pollsExport(sessionId) }, lang).replace(/^---\n[\s\S]*?\n---\n+/, '');
    // The breakout groups' notes come as sections of their own, in the groups' order.
    const { markdown, authors } = await withNotes(sessionId, qa, lang, await listSessionGroups(sessionId));
    return { title: tm('meetingReportTitle', { session: session.title }), markdown, authors };
  });
}

/**
 * The session's notes before its Q&A, and the notes' writers as authors. `groups`: the session's
 * breakout groups, whose notes come as sections of their own, in this order.
 */
export async function withNotes(sessionId: string, qa: string, locale: Locale, groups: readonly { id: string; name: string }[] = []) {
  const t = catalogue(locale);
  const [notes, ...groupNotes] = await Promise.all([notesOf(sessionId), ...groups.map((g) => notesOf(sessionId, g.id))]);
  const sections = groups.map((g, i) => ({ name: g.name, markdown: groupNotes[i]!.markdown }));
  const writers = await noteAuthors([notesDocumentName(sessionId), ...groups.map((g) => notesDocumentName(sessionId, g.id))]);
  return {
    markdown: meetingReportMarkdown({ notes: notes!.markdown, groups: sections, qa }, { notes: t('notes.report.heading'), group: (name) => t('notes.report.groupHeading', { name }) }),
    authors: notesAuthors(writers, t('privacy.formerParticipant')),
  };
}
