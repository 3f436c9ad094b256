import { and, eq, gt } from 'drizzle-orm';
import { getDb } from '../client';
import { registrations, sessions, users } from '../schema';

export type Identity =
  | { kind: 'user'; userId: string; name: string; email: string }
  | { kind: 'registration'; userId: string | null; registrationId: string; eventId: string; name: string; email: string };

/** The signed-in user behind a next-auth database session token, if the session is still valid. */
export async function identityFromSessionToken(token: string): Promise<Identity | null> {
  if (!token || token.length > 200) return null;
  const db = await getDb();
  const [row] = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.sessionToken, token), gt(sessions.expires, new Date())))
    .limit(1);
  if (!row) return null;
  return { kind: 'user', userId: row.id, name: row.name ?? row.email.split('@')[0]!, email: row.email };
}

/** The registrant behind a personal join token, if the registration is active. */
export async function identityFromJoinToken(token: string): Promise<Identity | null> {
  if (!token || token.length > 200) return null;
  const db = await getDb();
  const [row] = await db
    .select()
    .from(registrations)
    .where(and(eq(registrations.joinToken, token), eq(registrations.status, 'active')))
    .limit(1);
  if (!row) return null;
  return {
    kind: 'registration',
    userId: row.userId,
    registrationId: row.id,
    eventId: row.eventId,
    name: row.name,
    email: row.email,
  };
}

/**
 * A person's stable key in live rooms (Q&A, chat, sanctions, attendance) and their LiveKit
 * participant identity: `user:<id>` when an account is known, else `registration:<id>`.
 */
export function actorKeyOf(identity: Identity): string {
  if (identity.userId) return `user:${identity.userId}`;
  return `registration:${identity.kind === 'registration' ? identity.registrationId : ''}`;
}
