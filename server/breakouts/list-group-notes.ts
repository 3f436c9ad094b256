import { getDb } from '@/db/client';
import { groupsOfSession } from '@/db/queries/breakouts/rounds';
import type { NotesSection } from '@/lib/exports/meeting-report';

/** Reads one group's notes as Markdown: the notes server's `notesOf(sessionId, groupId)`. */
export type GroupNotesReader = (sessionId: string, groupId: string) => Promise<{ markdown: string }>;

/**
 * Every breakout group the session had, in the order of the rounds, then of the groups: what the
 * meeting report lists as sections (server/exports/qa.ts `withNotes(…, groups)`). A group of a
 * later round is named with the round's number (« B (2) ») so that every section's name is its own.
 */
export async function listSessionGroups(sessionId: string): Promise<{ id: string; name: string }[]> {
  const groups = await groupsOfSession(await getDb(), sessionId);
  const rounds = [...new Set(groups.map((g) => g.roundId))];
  return groups.map((g) => {
    const round = rounds.indexOf(g.roundId) + 1;
    return { id: g.id, name: round > 1 ? `${g.name} (${round})` : g.name };
  });
}

/**
 * The groups' notes as the meeting report's sections (lib/exports/meeting-report.ts
 * `meetingReportMarkdown({ groups })`); groups whose notes are empty are left out by the report.
 */
export async function groupNotesSections(sessionId: string, read: GroupNotesReader): Promise<NotesSection[]> {
  return Promise.all((await listSessionGroups(sessionId)).map(async (g) => ({ name: g.name, markdown: (await read(sessionId, g.id)).markdown })));
}
