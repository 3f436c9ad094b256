import { z } from 'zod';
import type { Identity } from '@/db/queries/identity';
import { config } from '@/lib/config';
import { NOTES_LIMITS } from '@/lib/domain/notes';
import { uuidSchema } from '@/lib/validation';
import { guestSecret } from '../auth/guest';
import { signToken, verifyToken } from '../auth/signed-token';

/**
 * The short-lived token of the notes' WebSocket (`POST /api/sessions/{id}/notes/token`), for
 * clients that cannot send the browser's cookies with the upgrade (another origin, a native
 * editor): signed with the app's secret, bound to one session and one person (an account, or a
 * registration by personal link), valid `NOTES_LIMITS.tokenSeconds`. It names the person only by
 * id; who they are and what they may do is read again at each connection.
 */
const PURPOSE = 'chemins-notes-v1';

const payloadSchema = z.object({
  sid: uuidSchema,
  kind: z.enum(['user', 'registration']),
  id: uuidSchema,
  exp: z.number().int().positive(),
});

export type NotesTokenData = z.infer<typeof payloadSchema>;

export function signNotesToken(sessionId: string, identity: Identity, now = Date.now()): { token: string; expiresAt: Date } {
  const exp = Math.floor(now / 1000) + NOTES_LIMITS.tokenSeconds;
  const ref = identity.kind === 'user' ? { kind: 'user' as const, id: identity.userId } : { kind: 'registration' as const, id: identity.registrationId };
  return { token: signToken(PURPOSE, { sid: sessionId, ...ref, exp }, guestSecret(config())), expiresAt: new Date(exp * 1000) };
}

/** The token's data when it is ours, unexpired and for this session; else null. */
export function verifyNotesToken(token: unknown, sessionId: string, now = Date.now()): NotesTokenData | null {
  const data = verifyToken(PURPOSE, token, guestSecret(config()), payloadSchema, now, 512);
  return data && data.sid === sessionId ? data : null;
}
