import type { QuestionRow } from '@/lib/domain/live';
import { toCsv } from './csv';

export type QaExportData = {
  session: { id: string; slug: string; title: string; startsAt: Date; endsAt: Date };
  event: { slug: string; title: string; timeZone: string };
  questions: QuestionRow[];
};

export type QaLabels = {
  heading: string;
  anonymous: string;
  answered: string;
  open: string;
  votes: (n: number) => string;
  none: string;
  exportedAt: string;
};

const yaml = (v: string) => JSON.stringify(v);

function localDateTime(d: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('fr-FR', { timeZone, dateStyle: 'long', timeStyle: 'short' }).format(d);
}

/**
 * The Q&A as Markdown, ready to become a meeting-report resource on a path: YAML front matter
 * (title, event, session, date, type), then the questions by votes, answered ones marked.
 * Question text is quoted as-is (Markdown emphasis, links and HTML in it are escaped so that it reads as written).
 */
export function qaMarkdown(data: QaExportData, labels: QaLabels, now = new Date()): string {
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
    `${escape(data.event.title)} · ${localDateTime(data.session.startsAt, data.event.timeZone)}`,
    '',
  ];
  if (data.questions.length === 0) lines.push(labels.none, '');
  data.questions.forEach((q, i) => {
    const who = q.anonymous ? labels.anonymous : escape(q.authorName);
    const state = q.status === 'answered' ? labels.answered : labels.open;
    lines.push(`${i + 1}. ${escape(q.body)}`, `   — ${who} · ${labels.votes(q.votes)} · ${state}`, '');
  });
  lines.push(`_${labels.exportedAt} ${localDateTime(now, data.event.timeZone)}_`, '');
  return lines.join('\n');
}

/** The Q&A as CSV (UTF-8 with BOM for spreadsheet apps); anonymous authors stay anonymous. */
export function qaCsv(data: QaExportData): string {
  return toCsv(
    ['id', 'asked_at', 'author', 'anonymous', 'question', 'votes', 'status'],
    data.questions.map((q) => [
      q.id,
      q.createdAt.toISOString(),
      q.anonymous ? '' : q.authorName,
      q.anonymous ? 'yes' : 'no',
      q.body,
      q.votes,
      q.status,
    ]),
  );
}
