import type { Identity } from '@/db/queries/identity';
import { notesAccessOf } from './access';
import { notesOf } from './notes-of';

/**
 * `GET /api/sessions/{id}/notes.md`: the session's notes as Markdown, to whoever may read its live
 * rooms. A breakout group's notes with `groupId`. Hook for later: the session's file may append
 * its groups' notes as sections (one `## <group>` each) once groups exist (issue 31, breakouts).
 */
export async function exportNotesMarkdown(identity: Identity | null, sessionId: string, groupId?: string | null): Promise<Response> {
  await notesAccessOf(identity, sessionId, groupId);
  const { markdown } = await notesOf(sessionId, groupId);
  return new Response(markdown, {
    headers: {
      'content-type': 'text/markdown; charset=utf-8',
      'content-disposition': `attachment; filename="notes-${sessionId}${groupId ? `-${groupId}` : ''}.md"`,
      'cache-control': 'no-store',
    },
  });
}
