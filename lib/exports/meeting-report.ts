// The draft meeting report made at the end of a session (server/exports/qa.ts,
// `meetingReportFromSessionQa`): the shared notes first, then each breakout group's notes as a
// section of its own, then the Q&A and polls as exported. Pure: unit-tested.
import { formerName } from '@/lib/domain/erased';

/** One part of the notes: the session's (`name` unused) or a breakout group's, in Markdown (`notesOf(…).markdown`). */
export type NotesSection = { name: string; markdown: string };

export type MeetingReportLabels = {
  /** Heading of the session's notes ("Notes partagées"). */
  notes: string;
  /** Heading of a group's notes ("Notes du groupe « A »"). */
  group: (name: string) => string;
};

const FENCE = /^\s{0,3}(```|~~~)/;

/** Every ATX heading one level down (`#` → `##`, never beyond `######`), fenced code left alone: the notes sit under a heading of the report. */
export function demoteHeadings(markdown: string): string {
  let fenced: string | null = null;
  return markdown
    .split('\n')
    .map((line) => {
      const fence = FENCE.exec(line)?.[1];
      if (fence) {
        if (fenced === null) fenced = fence;
        else if (fenced === fence) fenced = null;
        return line;
      }
      if (fenced !== null) return line;
      return line.replace(/^(\s{0,3})(#{1,5})(?=\s|$)/, '$1#$2');
    })
    .join('\n');
}

const heading = (s: string) => s.replace(/\r?\n/g, ' ').replace(/([\\`*_[\]<>|#])/g, '\\$1');

/**
 * The report's body: `## {notes}` and the session's notes, `## {group(name)}` and each group's
 * notes (empty ones left out), then `qa` (the Q&A and polls export, as it was before notes).
 */
export function meetingReportMarkdown(parts: { notes: string | null; groups?: NotesSection[]; qa: string }, labels: MeetingReportLabels): string {
  const blocks: string[] = [];
  if (parts.notes?.trim()) blocks.push(`## ${heading(labels.notes)}\n\n${demoteHeadings(parts.notes.trim())}`);
  for (const g of parts.groups ?? []) {
    if (g.markdown.trim()) blocks.push(`## ${heading(labels.group(g.name))}\n\n${demoteHeadings(g.markdown.trim())}`);
  }
  blocks.push(parts.qa.trim());
  return `${blocks.join('\n\n')}\n`;
}

/** Most authors a resource lists (`authorSchema`'s array: lib/domain/resources.ts). */
export const MAX_REPORT_AUTHORS = 50;

/**
 * The notes' writers as the resource's authors, in the order they first wrote, each once; an
 * erased person (empty name) is `former` ("ancien·ne participant·e"), listed once however many
 * wrote.
 */
export function notesAuthors(names: readonly (string | null | undefined)[], former: string): { name: string; kind: 'person' }[] {
  const seen = new Set<string>();
  const authors: { name: string; kind: 'person' }[] = [];
  for (const n of names) {
    const name = formerName(n, former).trim().slice(0, 200);
    if (seen.has(name)) continue;
    seen.add(name);
    authors.push({ name, kind: 'person' });
    if (authors.length === MAX_REPORT_AUTHORS) break;
  }
  return authors;
}
