import { and, eq, inArray, sql } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import { type Action, type Grant, may, type TargetOf } from '@/lib/policy';
import { type Db, getDb, type Tx } from '../client';
import { callCommittee, people, programmeSessions, roleGrants, sessionPeople } from '../schema';

/**
 * `session_people` roles that make an account a speaker of the session (those present on the
 * stage: speakers, facilitators, hosts); a programme `moderator` moderates the session.
 */
export const SPEAKING_ROLES = ['speaker', 'facilitator', 'host'] as const;

/**
 * A person's grants, in one query (lib/policy reads them): their `role_grants`, their sessions as
 * speaker or moderator through `session_people` and `people.user_id`, and their committee seats.
 * `scope.eventId` keeps only the session links of that event (the other sources are a handful of
 * rows). Nobody signed in has no grants.
 */
export async function grantsOf(userId: string | null, scope: { eventId?: string } = {}, q?: Db | Tx): Promise<Grant[]> {
  if (!userId) return [];
  const db = q ?? (await getDb());
  const fromRoles = db
    .select({
      role: sql<string>`${roleGrants.role}::text`.as('role'),
      eventId: roleGrants.eventId,
      sessionId: roleGrants.sessionId,
      pathId: roleGrants.pathId,
      callId: sql<string | null>`null::uuid`.as('call_id'),
      lang: roleGrants.lang,
    })
    .from(roleGrants)
    .where(eq(roleGrants.userId, userId));
  const fromSessions = db
    .select({
      role: sql<string>`case when ${sessionPeople.role} = 'moderator' then 'moderator' else 'speaker' end`.as('role'),
      eventId: programmeSessions.eventId,
      sessionId: sessionPeople.sessionId,
      pathId: sql<string | null>`null::uuid`.as('path_id'),
      callId: sql<string | null>`null::uuid`.as('call_id'),
      lang: sql<string | null>`null::text`.as('lang'),
    })
    .from(sessionPeople)
    .innerJoin(people, eq(people.id, sessionPeople.personId))
    .innerJoin(programmeSessions, eq(programmeSessions.id, sessionPeople.sessionId))
    .where(
      and(
        eq(people.userId, userId),
        inArray(sessionPeople.role, [...SPEAKING_ROLES, 'moderator']),
        scope.eventId ? eq(programmeSessions.eventId, scope.eventId) : undefined,
      ),
    );
  const fromCommittees = db
    .select({
      role: sql<string>`'committee'`.as('role'),
      eventId: sql<string | null>`null::uuid`.as('event_id'),
      sessionId: sql<string | null>`null::uuid`.as('session_id'),
      pathId: sql<string | null>`null::uuid`.as('path_id'),
      callId: callCommittee.callId,
      lang: sql<string | null>`null::text`.as('lang'),
    })
    .from(callCommittee)
    .where(eq(callCommittee.userId, userId));
  const rows = await unionAll(fromRoles, fromSessions, fromCommittees);
  return rows.flatMap((r) => toGrant(r) ?? []);
}

type Row = { role: string; eventId: string | null; sessionId: string | null; pathId: string | null; callId: string | null; lang?: string | null };

/** A row as a grant; a row without its scope (none should exist: `role_grants_scope_ck`) grants nothing. */
export function toGrant(r: Row): Grant | null {
  switch (r.role) {
    case 'admin':
      return { role: 'admin' };
    case 'organizer':
      return r.eventId ? { role: 'organizer', eventId: r.eventId } : null;
    case 'moderator':
      return r.eventId ? { role: 'moderator', eventId: r.eventId, sessionId: r.sessionId } : null;
    case 'speaker':
      return r.eventId && r.sessionId ? { role: 'speaker', eventId: r.eventId, sessionId: r.sessionId } : null;
    case 'captioner':
      return r.eventId && r.sessionId ? { role: 'captioner', eventId: r.eventId, sessionId: r.sessionId } : null;
    case 'interpreter':
      return r.eventId && r.sessionId && r.lang ? { role: 'interpreter', eventId: r.eventId, sessionId: r.sessionId, lang: r.lang } : null;
    case 'coordinator':
      return r.pathId ? { role: 'coordinator', pathId: r.pathId } : null;
    case 'committee':
      return r.callId ? { role: 'committee', callId: r.callId } : null;
    default:
      return null;
  }
}

/** May this account do `action` on `target`? Loads its grants (`grantsOf`) and asks the policy. */
export async function userMay<A extends Action>(userId: string | null, action: A, target: TargetOf<A>, q?: Db | Tx): Promise<boolean> {
  if (!userId) return false;
  const eventId = 'eventId' in target && typeof target.eventId === 'string' ? target.eventId : undefined;
  return may(await grantsOf(userId, { eventId }, q), action, target);
}
