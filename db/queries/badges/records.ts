import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Person } from '@/lib/domain/badges';
import { attendance, people, programmeSessions, proposals, registrations, resources, roleGrants, sessionPeople, users } from '../../schema';
import type { Q } from './issuers';

/** The records badges are earned from: attendance, check-ins, session roles, grants, contributions. */

/** Who the attendance key `user:…` / `registration:…` is (e-mail and name). */
export async function peopleOfKeys(q: Q, keys: string[]): Promise<Map<string, Person>> {
  const userIds = keys.filter((k) => k.startsWith('user:')).map((k) => k.slice(5));
  const regIds = keys.filter((k) => k.startsWith('registration:')).map((k) => k.slice(13));
  const out = new Map<string, Person>();
  for (let i = 0; i < userIds.length; i += 1000) {
    const rows = await q.select({ id: users.id, email: users.email, name: users.name }).from(users).where(inArray(users.id, userIds.slice(i, i + 1000)));
    for (const u of rows) out.set(`user:${u.id}`, { email: u.email, name: u.name ?? u.email.split('@')[0]! });
  }
  for (let i = 0; i < regIds.length; i += 1000) {
    // Badges go to proven addresses only (docs/security.md): an unproven registration earns none.
    const rows = await q
      .select({ id: registrations.id, email: registrations.email, name: registrations.name })
      .from(registrations)
      .where(and(inArray(registrations.id, regIds.slice(i, i + 1000)), isNotNull(registrations.emailProvenAt)));
    for (const r of rows) out.set(`registration:${r.id}`, { email: r.email, name: r.name });
  }
  return out;
}

/** Every join to the event's live rooms, with its session's end. */
export async function attendanceOfEvent(q: Q, eventId: string) {
  return q
    .select({ actorKey: attendance.actorKey, joinedAt: attendance.joinedAt, leftAt: attendance.leftAt, endsAt: programmeSessions.endsAt })
    .from(attendance)
    .innerJoin(programmeSessions, eq(programmeSessions.id, attendance.sessionId))
    .where(eq(programmeSessions.eventId, eventId));
}

/** Active registrations of the event, checked in on site, with a proven address. */
export async function checkedInOf(q: Q, eventId: string): Promise<Person[]> {
  return q
    .select({ email: registrations.email, name: registrations.name })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), eq(registrations.status, 'active'), isNotNull(registrations.checkedInAt), isNotNull(registrations.emailProvenAt)));
}

/** People with an account who hold one of these roles in the event's sessions. */
export async function sessionPeopleIn(q: Q, eventId: string, roles: readonly (typeof sessionPeople.$inferSelect)['role'][]): Promise<Person[]> {
  return q
    .select({ email: users.email, name: sql<string>`coalesce(${users.name}, ${people.name})` })
    .from(sessionPeople)
    .innerJoin(programmeSessions, eq(programmeSessions.id, sessionPeople.sessionId))
    .innerJoin(people, eq(people.id, sessionPeople.personId))
    .innerJoin(users, eq(users.id, people.userId))
    .where(and(eq(programmeSessions.eventId, eventId), inArray(sessionPeople.role, [...roles])));
}

/** Users granted one of these roles on the event. */
export async function grantHoldersIn(q: Q, eventId: string, roles: readonly (typeof roleGrants.$inferSelect)['role'][]): Promise<Person[]> {
  return q
    .select({ email: users.email, name: sql<string>`coalesce(${users.name}, split_part(${users.email}, '@', 1))` })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(roleGrants.eventId, eventId), inArray(roleGrants.role, [...roles])));
}

/**
 * Authors of published resources on paths (who created or proposed them), and proposers of
 * proposals a call's committee accepted (accepted or scheduled, docs/calls.md).
 */
export async function contributors(q: Q): Promise<Person[]> {
  const [fromResources, fromProposals] = await Promise.all([
    q
      .select({
        email: sql<string | null>`coalesce(${resources.proposerEmail}, ${users.email})`,
        name: sql<string | null>`coalesce(${resources.proposerName}, ${users.name}, split_part(${users.email}, '@', 1))`,
      })
      .from(resources)
      .leftJoin(users, eq(users.id, sql`coalesce(${resources.proposerUserId}, ${resources.createdBy})`))
      .where(eq(resources.status, 'published')),
    q
      .select({ email: proposals.proposerEmail, name: proposals.proposerName })
      .from(proposals)
      .where(inArray(proposals.status, ['accepted', 'scheduled'])),
  ]);
  return [...fromResources, ...fromProposals].filter((r): r is Person => !!r.email && !!r.name);
}
