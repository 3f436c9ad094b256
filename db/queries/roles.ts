import { and, asc, eq, or } from 'drizzle-orm';
import { getDb } from '../client';
import { events, paths, roleGrants, users } from '../schema';

export type RoleName = (typeof roleGrants.$inferSelect)['role'];
export type Grant = { role: RoleName; eventId: string | null; pathId: string | null };

export async function rolesOf(userId: string): Promise<Grant[]> {
  const db = await getDb();
  return db
    .select({ role: roleGrants.role, eventId: roleGrants.eventId, pathId: roleGrants.pathId })
    .from(roleGrants)
    .where(eq(roleGrants.userId, userId));
}

export async function isAdmin(userId: string): Promise<boolean> {
  const db = await getDb();
  const rows = await db
    .select({ id: roleGrants.id })
    .from(roleGrants)
    .where(and(eq(roleGrants.userId, userId), eq(roleGrants.role, 'admin')))
    .limit(1);
  return rows.length > 0;
}

/** The person's role in a session's event: moderator > organizer > speaker > participant (admins count as organizers). */
export async function eventRoleOf(
  userId: string | null,
  eventId: string,
): Promise<'organizer' | 'moderator' | 'speaker' | 'participant'> {
  if (!userId) return 'participant';
  const db = await getDb();
  const rows = await db
    .select({ role: roleGrants.role })
    .from(roleGrants)
    .where(
      and(
        eq(roleGrants.userId, userId),
        or(eq(roleGrants.role, 'admin'), eq(roleGrants.eventId, eventId)),
      ),
    );
  const set = new Set(rows.map((r) => r.role));
  if (set.has('moderator')) return 'moderator';
  if (set.has('organizer') || set.has('admin')) return 'organizer';
  if (set.has('speaker')) return 'speaker';
  return 'participant';
}

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
  pathSlug?: string;
};

export class GrantError extends Error {
  constructor(
    public readonly code: 'forbidden' | 'not_found',
    message: string,
    public readonly field?: string,
  ) {
    super(message);
  }
}

/**
 * Grant a role, only if `actorId` is an admin (checked in the same statement's `where`).
 * The person gets an account if they have none yet (they sign in later with that e-mail).
 */
export async function grantRole(actorId: string, input: GrantInput) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [actor] = await tx
      .select({ id: roleGrants.id })
      .from(roleGrants)
      .where(and(eq(roleGrants.userId, actorId), eq(roleGrants.role, 'admin')))
      .limit(1);
    if (!actor) throw new GrantError('forbidden', 'Only administrators can grant roles.');
    let eventId: string | null = null;
    let pathId: string | null = null;
    if (input.eventSlug) {
      const [e] = await tx.select({ id: events.id }).from(events).where(eq(events.slug, input.eventSlug));
      if (!e) throw new GrantError('not_found', `Unknown event “${input.eventSlug}”.`, 'eventSlug');
      eventId = e.id;
    }
    if (input.pathSlug) {
      const [p] = await tx.select({ id: paths.id }).from(paths).where(eq(paths.slug, input.pathSlug));
      if (!p) throw new GrantError('not_found', `Unknown path “${input.pathSlug}”.`, 'pathSlug');
      pathId = p.id;
    }
    const email = input.email.toLowerCase();
    await tx.insert(users).values({ email }).onConflictDoNothing({ target: users.email });
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    await tx
      .insert(roleGrants)
      .values({ userId: user!.id, role: input.role, eventId, pathId, grantedBy: actorId })
      .onConflictDoNothing();
    return { userId: user!.id, role: input.role, eventId, pathId };
  });
}

/** Revoke a grant; admins only (checked in the `where`). Returns whether a grant was removed. */
export async function revokeRole(actorId: string, grantId: string): Promise<boolean> {
  const db = await getDb();
  if (!(await isAdmin(actorId))) throw new GrantError('forbidden', 'Only administrators can revoke roles.');
  const removed = await db.delete(roleGrants).where(eq(roleGrants.id, grantId)).returning({ id: roleGrants.id });
  return removed.length > 0;
}

/** Every grant with user, event and path labels, for the admin page (admins only). */
export async function listGrants(actorId: string) {
  const db = await getDb();
  if (!(await isAdmin(actorId))) throw new GrantError('forbidden', 'Only administrators can see roles.');
  const rows = await db
    .select({
      id: roleGrants.id,
      role: roleGrants.role,
      email: users.email,
      name: users.name,
      eventTitle: events.title,
      pathTitle: paths.title,
    })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .leftJoin(events, eq(events.id, roleGrants.eventId))
    .leftJoin(paths, eq(paths.id, roleGrants.pathId))
    .orderBy(asc(users.email), asc(roleGrants.role));
  return rows;
}

export async function listPathsBrief() {
  const db = await getDb();
  return db.select({ slug: paths.slug, title: paths.title }).from(paths).orderBy(asc(paths.title));
}

