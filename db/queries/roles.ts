import { and, asc, eq } from 'drizzle-orm';
import { getDb, type Tx } from '../client';
import { events, paths, programmeSessions, roleGrants, users } from '../schema';
import { DomainError } from '@/lib/errors';
import { uuidSchema } from '@/lib/validation';

const isUuid = (v: string) => uuidSchema.safeParse(v).success;
import { userMay } from './grants';

export type RoleName = (typeof roleGrants.$inferSelect)['role'];

/** Grant `ADMIN_EMAILS` the admin role once they have an account (called on sign-in). */
export async function ensureAdminIfListed(userId: string, email: string, adminEmails: string[]): Promise<void> {
  if (!adminEmails.includes(email.toLowerCase())) return;
  const db = await getDb();
  await db.insert(roleGrants).values({ userId, role: 'admin' }).onConflictDoNothing();
}

export type GrantInput = {
  email: string;
  role: RoleName;
  eventSlug?: string;
  /** A session of the event (`speaker`: required; `moderator`: none for every session of the event). */
  sessionSlug?: string;
  pathSlug?: string;
};

/** A named field that names nothing: 404 `not_found`, the message under the field. */
const notFound = (message: string, field: string) => new DomainError(404, 'not_found', message, { [field]: message });

/**
 * Grant a role, only if `actorId` may (`role.grant`, checked in the transaction). The person gets
 * an account if they have none yet (they sign in later with that e-mail).
 */
export async function grantRole(actorId: string, input: GrantInput) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    if (!(await userMay(actorId, 'role.grant', {}, tx))) throw new DomainError(403, 'forbidden', 'Only administrators can grant roles.');
    let eventId: string | null = null;
    let sessionId: string | null = null;
    let pathId: string | null = null;
    if (input.eventSlug) {
      const [e] = await tx.select({ id: events.id }).from(events).where(eq(events.slug, input.eventSlug));
      if (!e) throw notFound(`Unknown event “${input.eventSlug}”.`, 'eventSlug');
      eventId = e.id;
    }
    if (input.sessionSlug && eventId) {
      const [s] = await tx
        .select({ id: programmeSessions.id })
        .from(programmeSessions)
        .where(and(eq(programmeSessions.eventId, eventId), eq(programmeSessions.slug, input.sessionSlug)));
      if (!s) throw notFound(`Unknown session “${input.sessionSlug}” in this event.`, 'sessionSlug');
      sessionId = s.id;
    }
    if (input.pathSlug) {
      const [p] = await tx.select({ id: paths.id }).from(paths).where(eq(paths.slug, input.pathSlug));
      if (!p) throw notFound(`Unknown path “${input.pathSlug}”.`, 'pathSlug');
      pathId = p.id;
    }
    return addGrant(tx, actorId, { email: input.email, role: input.role, eventId, sessionId, pathId });
  });
}

/** `lang`: an interpreter's language (required for them, none for any other role: `role_grants_lang_ck`). */
type ScopedGrant = { email: string; role: RoleName; eventId: string | null; sessionId: string | null; pathId: string | null; lang?: string | null };

/**
 * The one way a grant is written, once the caller has checked the actor may: the address gets an
 * account if it has none yet (its owner signs in later with it), then the grant (kept if present).
 */
async function addGrant(tx: Tx, actorId: string, g: ScopedGrant) {
  const email = g.email.toLowerCase();
  await tx.insert(users).values({ email }).onConflictDoNothing({ target: users.email });
  const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
  await tx
    .insert(roleGrants)
    .values({ userId: user!.id, role: g.role, eventId: g.eventId, sessionId: g.sessionId, pathId: g.pathId, grantedBy: actorId, lang: g.lang ?? null })
    .onConflictDoNothing();
  // An interpreter granted again on the same session: one channel, now in the language given.
  if (g.lang && g.sessionId) {
    await tx
      .update(roleGrants)
      .set({ lang: g.lang })
      .where(and(eq(roleGrants.userId, user!.id), eq(roleGrants.role, g.role), eq(roleGrants.sessionId, g.sessionId)));
  }
  return { userId: user!.id, role: g.role, eventId: g.eventId, sessionId: g.sessionId, pathId: g.pathId, lang: g.lang ?? null };
}

// ---------------------------------------------------------------- a session's people (organizers)

/**
 * The roles an organizer gives on one session from its page: on stage (speaker, facilitator),
 * moderating, typing its live captions, or interpreting it into a language.
 */
export const SESSION_GRANT_ROLES = ['speaker', 'moderator', 'captioner', 'interpreter'] as const;
export type SessionGrantRole = (typeof SESSION_GRANT_ROLES)[number];

/**
 * The session `sessionId` of the event `eventSlug`, if `actorId` manages that session's event
 * (`event.manage` on the session's own event, checked in the transaction): 404 when the session is
 * not of that event (an organizer of one event naming another's session), 403 when not an organizer.
 */
async function managedSession(tx: Tx, actorId: string, eventSlug: string, sessionId: string) {
  const [s] = isUuid(sessionId)
    ? await tx
        .select({ id: programmeSessions.id, eventId: programmeSessions.eventId })
        .from(programmeSessions)
        .innerJoin(events, eq(events.id, programmeSessions.eventId))
        .where(and(eq(programmeSessions.id, sessionId), eq(events.slug, eventSlug)))
    : [];
  if (!s) throw new DomainError(404, 'session_not_found', 'No such session in this event.');
  if (!(await userMay(actorId, 'event.manage', { eventId: s.eventId }, tx))) throw new DomainError(403, 'forbidden', 'Only the event’s organizers can give roles on its sessions.');
  return s;
}

/**
 * Give `email` a role on one session (its organizers, or admins); the address gets an account if
 * needed. An interpreter is given with the language they interpret into (`lang`, required for
 * them and refused for any other role: lib/domain/interpretation.ts `sessionGrantInput`).
 */
export async function grantSessionRole(actorId: string, eventSlug: string, sessionId: string, input: { email: string; role: SessionGrantRole; lang?: string }) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const s = await managedSession(tx, actorId, eventSlug, sessionId);
    const lang = input.role === 'interpreter' ? input.lang : undefined;
    if (input.role === 'interpreter' && !lang) throw new DomainError(400, 'invalid', 'Choose the language the interpreter interprets into.', { lang: 'Choose a language.' });
    return addGrant(tx, actorId, { email: input.email, role: input.role, eventId: s.eventId, sessionId: s.id, pathId: null, lang });
  });
}

/** Take back a role given on this session (only a grant of this very session). */
export async function revokeSessionRole(actorId: string, eventSlug: string, sessionId: string, grantId: string): Promise<boolean> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const s = await managedSession(tx, actorId, eventSlug, sessionId);
    if (!isUuid(grantId)) return false;
    const removed = await tx
      .delete(roleGrants)
      .where(and(eq(roleGrants.id, grantId), eq(roleGrants.sessionId, s.id)))
      .returning({ id: roleGrants.id });
    return removed.length > 0;
  });
}

/** The roles given on one session, for its organizer page. */
export async function sessionGrants(actorId: string, eventSlug: string, sessionId: string) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const s = await managedSession(tx, actorId, eventSlug, sessionId);
    return tx
      .select({ id: roleGrants.id, role: roleGrants.role, lang: roleGrants.lang, email: users.email, name: users.name })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .where(eq(roleGrants.sessionId, s.id))
      .orderBy(asc(roleGrants.role), asc(users.email));
  });
}

/** Revoke a grant; admins only (`role.grant`). Returns whether a grant was removed. */
export async function revokeRole(actorId: string, grantId: string): Promise<boolean> {
  const db = await getDb();
  if (!(await userMay(actorId, 'role.grant', {}))) throw new DomainError(403, 'forbidden', 'Only administrators can revoke roles.');
  const removed = await db.delete(roleGrants).where(eq(roleGrants.id, grantId)).returning({ id: roleGrants.id });
  return removed.length > 0;
}

/** Every grant with user, event and path labels, for the admin page (admins only). */
export async function listGrants(actorId: string) {
  const db = await getDb();
  if (!(await userMay(actorId, 'role.grant', {}))) throw new DomainError(403, 'forbidden', 'Only administrators can see roles.');
  const rows = await db
    .select({
      id: roleGrants.id,
      role: roleGrants.role,
      email: users.email,
      name: users.name,
      eventTitle: events.title,
      sessionTitle: programmeSessions.title,
      pathTitle: paths.title,
    })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .leftJoin(events, eq(events.id, roleGrants.eventId))
    .leftJoin(programmeSessions, eq(programmeSessions.id, roleGrants.sessionId))
    .leftJoin(paths, eq(paths.id, roleGrants.pathId))
    .orderBy(asc(users.email), asc(roleGrants.role));
  return rows;
}

export async function listPathsBrief() {
  const db = await getDb();
  return db.select({ slug: paths.slug, title: paths.title }).from(paths).orderBy(asc(paths.title));
}

