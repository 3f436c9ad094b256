import { getDb } from '@/db/client';
import { groupsOfSession } from '@/db/queries/breakouts/rounds';
import type { NotesSection } from '@/lib/exports/meeting-report';

/** Reads one group's notes as Markdown: the notes server's `notesOf(sessionId, groupId)`. */
export type GroupNotesReader = (sessionId: string, groupId: string) => Promise<{ markdown: string }>;

/**
 * The session's breakout groups' notes as the meeting report's sections (lib/exports/meeting-report.ts
 * `meetingReportMarkdown({ groups })`), in the order of the rounds, then of the groups. A group of
 * a later round is named with the round's number (« B (2) ») so that every section's name is
 * its own; groups whose notes are empty are left out by the report itself.
 */
export async function groupNotesSections(sessionId: string, read: GroupNotesReader): Promise<NotesSection[]> {
  const groups = await groupsOfSession(await getDb(), sessionId);
  const rounds = [...new Set(groups.map((g) => g.roundId))];
  return Promise.all(
    groups.map(async (g) => {
      const round = rounds.indexOf(g.roundId) + 1;
      return { name: round > 1 ? `${g.name} (${round})` : g.name, markdown: (await read(sessionId, g.id)).markdown };
    }),
  );
}
