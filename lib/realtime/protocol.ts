import { z } from 'zod';

/**
 * The realtime protocol, declared once and imported by the server (server/realtime) and the
 * browser (components/live). Client commands are `noun:verb` and always acked with `Ack<T>`;
 * server events are past tense. Socket.IO runs at the default path `/socket.io`.
 *
 * Authentication (handshake): the next-auth session cookie, or `auth: { token }` with a
 * registration join token. Anyone else connects as a read-only guest.
 */

/** Cookie set by `/api/join` from a personal link: a registration join token, accepted like a sign-in. */
export const JOIN_COOKIE = 'chemins-join';

export type AckError = { code: ErrorCode; message: string };
export type Ack<T> = { ok: true; data: T } | { ok: false; error: AckError };

export type ErrorCode =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'rate_limited'
  | 'internal';

export const sessionRef = z.object({ sessionId: z.uuid() }).strict();
export const pingPayload = z.object({ sentAt: z.number().int().nonnegative() }).strict();

export type Role = 'guest' | 'participant' | 'speaker' | 'moderator' | 'organizer';

export type Presence = { sessionId: string; count: number };
export type JoinData = { presence: Presence; you: { role: Role; name: string | null } };
export type PingData = { sentAt: number; serverAt: number; user: { name: string; kind: 'user' | 'registration' } };

export interface ClientToServerEvents {
  'session:join': (payload: z.input<typeof sessionRef>, ack: (res: Ack<JoinData>) => void) => void;
  'session:leave': (payload: z.input<typeof sessionRef>, ack: (res: Ack<{ sessionId: string }>) => void) => void;
  /** Authenticated round trip: refused for guests. */
  ping: (payload: z.input<typeof pingPayload>, ack: (res: Ack<PingData>) => void) => void;
}

export interface ServerToClientEvents {
  'presence:updated': (presence: Presence) => void;
}

/** Socket.IO room name of a programme session. */
export const roomOf = (sessionId: string) => `session:${sessionId}`;
