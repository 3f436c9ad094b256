import type { QuestionRow } from '@/lib/domain/live';
import { formerName } from '@/lib/domain/erased';
import { csvDateTime, toCsv } from './csv';
import type { Poll, PollAnswerValue, PollNamedAnswer, PollResults } from '@/lib/realtime/protocol';

export type QaExportData = {
  session: { id: string; slug: string; title: string; startsAt: Date; endsAt: Date };
  event: { slug: string; title: string; timeZone: string };
  questions: QuestionRow[];
  /** The session's launched polls and their results (drafts left out). */
  polls?: PollExport[];
};

/** `answers`: who answered what, for polls that are not anonymous only. */
export type PollExport = Poll & { results: PollResults; answers?: PollNamedAnswer[] };

export type PollLabels = {
  heading: string;
  kind: (kind: Poll['kind']) => string;
  answers: (n: number) => string;
  ratingValue: (value: number) => string;
  /** Heading of the list of who answered what (polls that are not anonymous). */
  named: string;
  /** The name shown for an erased person (`privacy.formerParticipant`). */
  former: string;
};

/** One person's answer as text: the options' labels, the rating, or what they wrote. */
export function answerText(p: Pick<Poll, 'kind' | 'options'>, answer: PollAnswerValue, ratingValue: (value: number) => string = String): string {
  if (Array.isArray(answer)) return answer.map((i) => p.options[i] ?? String(i)).join(' ; ');
  return typeof answer === 'number' ? ratingValue(answer) : answer;
}

/** A poll's results as (answer, count) pairs, in the poll's order (choices, ratings) or by count (words, texts). */
export function pollRows(p: PollExport, ratingValue: (value: number) => string = String): [string, number][] {
  const counts = p.results.counts;
  if (Array.isArray(counts)) return counts.map((n, i) => [p.kind === 'rating' ? ratingValue(i + 1) : (p.options[i] ?? String(i)), n]);
  return Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

export type QaLabels = {
  heading: string;
  anonymous: string;
  answered: string;
  open: string;
  votes: (n: number) => string;
  none: string;
  exportedAt: string;
  /** A date and time in the reader's language and the event's zone (lib/format.ts `formatDateTime`). */
  dateTime: (d: Date, timeZone: string) => string;
};

const yaml = (v: string) => JSON.stringify(v);

/**
 * The Q&A as Markdown, ready to become a meeting-report resource on a path: YAML front matter
 * (title, event, session, date, type), then the questions by votes, answered ones marked.
 * Question text is quoted as-is (Markdown emphasis, links and HTML in it are escaped so that it reads as written).
 */
export function qaMarkdown(data: QaExportData, labels: QaLabels, now = new Date(), pollLabels?: PollLabels): string {
  const escape = (s: string) => s.replace(/([\\`*_[\]<>|])/g, '\\$1').replace(/\r?\n/g, ' ');
  const lines = [
    '---',
    `title: ${yaml(`${labels.heading} — ${data.session.title}`)}`,
    `type: meeting-report`,
    `event: ${yaml(data.event.title)}`,
    `session: ${yaml(data.session.title)}`,
    `date: ${data.session.startsAt.toISOString()}`,
    `exported: ${now.toISOString()}`,
    '---',
    '',
    `# ${labels.heading} — ${escape(data.session.title)}`,
    '',
    `${escape(data.event.title)} · ${labels.dateTime(data.session.startsAt, data.event.timeZone)}`,
    '',
  ];
  if (data.questions.length === 0) lines.push(labels.none, '');
  data.questions.forEach((q, i) => {
    const who = q.anonymous ? labels.anonymous : escape(q.authorName);
    const state = q.status === 'answered' ? labels.answered : labels.open;
    lines.push(`${i + 1}. ${escape(q.body)}`, `   — ${who} · ${labels.votes(q.votes)} · ${state}`, '');
  });
  if (pollLabels && data.polls?.length) {
    lines.push(`## ${pollLabels.heading}`, '');
    data.polls.forEach((p, i) => {
      lines.push(`### ${i + 1}. ${escape(p.question)}`, '', `${pollLabels.kind(p.kind)} · ${pollLabels.answers(p.results.total)}`, '');
      for (const [answer, n] of pollRows(p, pollLabels.ratingValue)) lines.push(`- ${escape(answer)} — ${n}`);
      lines.push('');
      if (p.answers?.length) {
        lines.push(`**${pollLabels.named}**`, '');
        for (const a of p.answers) lines.push(`- ${escape(formerName(a.name, pollLabels.former))} — ${escape(answerText(p, a.answer, pollLabels.ratingValue))}`);
        lines.push('');
      }
    });
  }
  lines.push(`_${labels.exportedAt} ${labels.dateTime(now, data.event.timeZone)}_`, '');
  return lines.join('\n');
}

/** The columns of the Q&A export's three tables (questions, polls' results, who answered what), as catalogue keys. */
export const QA_COLUMNS = ['id', 'askedAt', 'author', 'anonymous', 'question', 'votes', 'status'] as const;
export const POLL_COLUMNS = ['pollId', 'poll', 'kind', 'answer', 'count', 'total'] as const;
export const NAMED_COLUMNS = ['pollId', 'poll', 'name', 'answer', 'answeredAt'] as const;
export type QaCsvColumn = (typeof QA_COLUMNS)[number] | (typeof POLL_COLUMNS)[number] | (typeof NAMED_COLUMNS)[number];

/** What the CSV export writes in the reader's language (the server fills it from the catalogues). */
export type QaCsvLabels = {
  /** A column's header (date columns name the event's time zone). */
  column: (c: QaCsvColumn) => string;
  yes: string;
  no: string;
  status: (s: QuestionRow['status']) => string;
  kind: (k: Poll['kind']) => string;
  /** The name shown for an erased person (`privacy.formerParticipant`). */
  former: string;
};

/**
 * The Q&A as CSV (UTF-8 with BOM for spreadsheet apps) in the reader's language; anonymous
 * authors stay anonymous. Dates are the event's wall-clock time, `YYYY-MM-DD HH:MM` (`csvDateTime`).
 */
export function qaCsv(data: QaExportData, labels: QaCsvLabels): string {
  const tz = data.event.timeZone;
  return (
    toCsv(
      QA_COLUMNS.map(labels.column),
      data.questions.map((q) => [
        q.id,
        csvDateTime(q.createdAt, tz),
        q.anonymous ? '' : formerName(q.authorName, labels.former),
        q.anonymous ? labels.yes : labels.no,
        q.body,
        q.votes,
        labels.status(q.status),
      ]),
    ) + pollsCsv(data.polls ?? [], labels, tz)
  );
}

/**
 * The polls' results as a second table after an empty line (one row per answer and count),
 * so that the Q&A table stays as it was; nothing when no poll was launched. Then, when some
 * polls are not anonymous, a third table: who answered what on those polls.
 */
function pollsCsv(polls: PollExport[], labels: QaCsvLabels, tz: string): string {
  if (polls.length === 0) return '';
  const rows = polls.flatMap((p) => pollRows(p).map(([answer, n]) => [p.id, p.question, labels.kind(p.kind), answer, n, p.results.total]));
  const named = polls.flatMap((p) =>
    (p.answers ?? []).map((a) => [p.id, p.question, formerName(a.name, labels.former), answerText(p, a.answer), csvDateTime(new Date(a.answeredAt), tz)]),
  );
  return (
    '\n' +
    toCsv(POLL_COLUMNS.map(labels.column), rows, { bom: false }) +
    (named.length ? '\n' + toCsv(NAMED_COLUMNS.map(labels.column), named, { bom: false }) : '')
  );
}
