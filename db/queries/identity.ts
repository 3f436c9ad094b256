import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, or, sql } from 'drizzle-orm';
import { type Db, getDb, type Tx } from '../client';
import { linkSessions, registrations, sessions, users } from '../schema';

/**
 * Who is asking (docs/security.md): an account, or a registrant by personal link. A registrant's
 * address is `proven` once a link mailed to it was opened or its owner signed in with it; until
 * then the registrant acts for that one registration alone (`userId` is null: a registration is
 * linked to an account only once proven).
 */
export type Identity =
  | { kind: 'user'; userId: string; name: string; email: string }
  | { kind: 'registration'; userId: string | null; registrationId: string; eventId: string; name: string; email: string; proven: boolean };

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
  return row ? registrantIdentity(row) : null;
}

/** How long a browser stays identified after opening a personal link. */
export const LINK_SESSION_DAYS = 90;

const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('base64url');

/**
 * Opening a personal link in a browser: a new link session for its registration (active or
 * cancelled: the personal page says which; `activeOnly` for the way into live rooms). The token is
 * the join token (handed to whoever registered) or the mail token (the link as mailed): opening
 * the mailed link proves the address (`prove_registration`: the join token is replaced, browsers
 * that opened the registration before are closed, and it is linked to the account with its
 * e-mail). Returns the secret the cookie holds, or null when no registration has this token.
 */
export async function openLinkSession(
  token: string,
  opts: { activeOnly?: boolean } = {},
): Promise<{ secret: string; registrationId: string; proved: boolean } | null> {
  if (!token || token.length > 200) return null;
  const db = await getDb();
  const [reg] = await db
    .select({ id: registrations.id, mailed: sql<boolean>`${registrations.mailToken} = ${token}` })
    .from(registrations)
    .where(and(or(eq(registrations.joinToken, token), eq(registrations.mailToken, token)), opts.activeOnly ? eq(registrations.status, 'active') : undefined))
    .limit(1);
  if (!reg) return null;
  const secret = randomBytes(32).toString('base64url');
  const secretHash = hashSecret(secret);
  await db.transaction(async (tx) => {
    // The registration's expired link sessions go when a new one comes.
    await tx.delete(linkSessions).where(and(eq(linkSessions.registrationId, reg.id), lt(linkSessions.expiresAt, new Date())));
    await tx.insert(linkSessions).values({
      secretHash,
      registrationId: reg.id,
      expiresAt: new Date(Date.now() + LINK_SESSION_DAYS * 86_400_000),
    });
    if (reg.mailed) await tx.execute(sql`select prove_registration(${reg.id}::uuid, ${secretHash})`);
  });
  return { secret, registrationId: reg.id, proved: reg.mailed };
}

/** The registration a browser's link session names (whatever its status), if the session is still valid. */
export async function registrationIdOfLinkSession(secret: string): Promise<string | null> {
  if (!secret || secret.length > 200) return null;
  const db = await getDb();
  const [row] = await db
    .select({ id: linkSessions.registrationId })
    .from(linkSessions)
    .where(and(eq(linkSessions.secretHash, hashSecret(secret)), gt(linkSessions.expiresAt, new Date())))
    .limit(1);
  return row?.id ?? null;
}

/** The registrant a browser's link session names, if the session is valid and the registration active. */
export async function identityFromLinkSession(secret: string): Promise<Identity | null> {
  if (!secret || secret.length > 200) return null;
  const db = await getDb();
  const [row] = await db
    .select({ reg: registrations })
    .from(linkSessions)
    .innerJoin(registrations, eq(registrations.id, linkSessions.registrationId))
    .where(and(eq(linkSessions.secretHash, hashSecret(secret)), gt(linkSessions.expiresAt, new Date()), eq(registrations.status, 'active')))
    .limit(1);
  return row ? registrantIdentity(row.reg) : null;
}

/**
 * The identity a short-lived token of ours names (server/notes/token.ts): the account by id, or
 * the active registration by id; null when it no longer exists or is no longer active.
 */
export async function identityOfRef(ref: { kind: 'user' | 'registration'; id: string }): Promise<Identity | null> {
  const db = await getDb();
  if (ref.kind === 'registration') {
    const [row] = await db
      .select()
      .from(registrations)
      .where(and(eq(registrations.id, ref.id), eq(registrations.status, 'active')))
      .limit(1);
    return row ? registrantIdentity(row) : null;
  }
  const [row] = await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, ref.id)).limit(1);
  return row ? { kind: 'user', userId: row.id, name: row.name ?? row.email.split('@')[0]!, email: row.email } : null;
}

/** Signs this browser out of its personal link (the link itself keeps working). */
export async function closeLinkSession(secret: string): Promise<void> {
  if (!secret || secret.length > 200) return;
  const db = await getDb();
  await db.delete(linkSessions).where(eq(linkSessions.secretHash, hashSecret(secret)));
}

function registrantIdentity(row: typeof registrations.$inferSelect): Identity {
  return {
    kind: 'registration',
    userId: row.emailProvenAt ? row.userId : null,
    proven: row.emailProvenAt !== null,
    registrationId: row.id,
    eventId: row.eventId,
    name: row.name,
    email: row.email,
  };
}

/**
 * A person's key in live rooms (Q&A, chat, sanctions, votes, rate limits, attendance) and their
 * LiveKit participant identity: `user:<id>` when the person has an account, whether they came by
 * sign-in or by personal link (a registration is linked to the account with its e-mail, see
 * docs/architecture.md), else `registration:<id>`.
 */
export function actorKeyOf(identity: Identity): string {
  if (identity.userId) return `user:${identity.userId}`;
  return `registration:${identity.kind === 'registration' ? identity.registrationId : ''}`;
}

const REGISTRATION_KEY = /^registration:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * The person's key now, for a key that may predate the link of a registration to its account
 * (a connection opened by personal link before the person signed in, a moderator's list drawn
 * before): `user:<id>` once the registration is linked. In a transaction, `lock` holds the
 * registration row until the end, so that no link (which updates that row) can slip between
 * this answer and the writes keyed by it.
 */
export async function personKey(db: Db | Tx, actorKey: string, opts: { lock?: boolean } = {}): Promise<string> {
  const id = REGISTRATION_KEY.exec(actorKey)?.[1];
  if (!id) return actorKey;
  const query = db.select({ userId: registrations.userId }).from(registrations).where(eq(registrations.id, id));
  const [row] = await (opts.lock ? query.for('share') : query);
  return row?.userId ? `user:${row.userId}` : actorKey;
}

/**
 * The same person as `identity` now (a connection keeps the identity it opened with): with the
 * account their proven registration was linked to since; null when an unproven registrant's
 * registration was proven or linked since (whoever opened it then was not shown to be its owner,
 * and its browsers were closed: `prove_registration`); `identity` itself when nothing changed.
 */
export async function currentIdentity(identity: Identity | null): Promise<Identity | null> {
  if (identity?.kind !== 'registration' || identity.userId) return identity;
  const db = await getDb();
  const [row] = await db
    .select({ userId: registrations.userId, provenAt: registrations.emailProvenAt })
    .from(registrations)
    .where(eq(registrations.id, identity.registrationId));
  if (!identity.proven && row?.provenAt) return null;
  return row?.userId ? { ...identity, userId: row.userId } : identity;
}

/**
 * At sign-in (the e-mail is verified): the registrations made with the account's e-mail are
 * proven and linked to it, moving what live rooms recorded under each registration's key
 * (`link_registrations`, db/migrations/0021_proven_addresses.sql); returns every registration of
 * the account.
 */
export async function linkRegistrations(userId: string): Promise<string[]> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select link_registrations(${userId})`);
    const rows = await tx.select({ id: registrations.id }).from(registrations).where(eq(registrations.userId, userId));
    return rows.map((r) => r.id);
  });
}
