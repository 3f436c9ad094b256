import type { Identity } from '@/db/queries/identity';
import { notesAccessOf } from './access';
import { signNotesToken } from './token';

/** `POST /api/sessions/{id}/notes/token`: a short-lived token for the notes' WebSocket, to readers of the session's notes. */
export async function issueNotesToken(identity: Identity, sessionId: string): Promise<{ token: string; expiresAt: string; access: 'write' | 'read' }> {
  const { access } = await notesAccessOf(identity, sessionId);
  const { token, expiresAt } = signNotesToken(sessionId, identity);
  return { token, expiresAt: expiresAt.toISOString(), access };
}
