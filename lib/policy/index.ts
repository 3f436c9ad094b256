/**
 * Who may do what: one pure policy over scoped grants (no I/O; db/queries/grants.ts loads the
 * grants). Every grant has a scope, and every action names the target it is checked against, so
 * nothing is event-wide by accident. Read the rules as a table: `RULES` below, one line per
 * action, each a list of small named predicates (any one suffices). docs/security.md § Policy
 * prints the same table.
 */

/**
 * A person's grant. Where it comes from (db/queries/grants.ts):
 * - `admin`: a `role_grants` row without scope (or `ADMIN_EMAILS` once signed in);
 * - `organizer`: a `role_grants` row for one event;
 * - `moderator`: a `role_grants` row for one session of an event, or — explicitly, `sessionId`
 *   null — for every session of an event; also a `session_people` link as `moderator` of a session
 *   through the person's `people.user_id`;
 * - `speaker`: a `role_grants` row for one session, or a `session_people` link as `speaker`,
 *   `facilitator` or `host` of a session through `people.user_id` (those present on stage);
 * - `captioner`: a `role_grants` row for one session (types its live captions);
 * - `interpreter`: a `role_grants` row for one session with its language (publishes an
 *   interpretation channel, audio only, on the stage);
 * - `coordinator`: a `role_grants` row for one path;
 * - `committee`: a seat on one call's committee (`call_committee`).
 */
export type Grant =
  | { role: 'admin' }
  | { role: 'organizer'; eventId: string }
  | { role: 'moderator'; eventId: string; sessionId: string | null }
  | { role: 'speaker'; eventId: string; sessionId: string }
  | { role: 'captioner'; eventId: string; sessionId: string }
  | { role: 'interpreter'; eventId: string; sessionId: string; lang: string }
  | { role: 'coordinator'; pathId: string }
  | { role: 'committee'; callId: string };

export type GrantRole = Grant['role'];

/** Targets: what an action is about. */
export type PlatformTarget = Record<string, never>;
export type EventTarget = { eventId: string };
/** `pathIds`: the paths the session is linked to (only `session.exportQa` and `replay.editCaptions` read them). */
export type SessionTarget = { sessionId: string; eventId: string; pathIds?: readonly string[] };
export type PathTarget = { pathId: string };
export type CallTarget = { callId: string };
/** `eventId`: the issuer's event, null for the platform's issuer. */
export type IssuerTarget = { issuerId: string; eventId: string | null };

/** Every action, with the kind of target it is checked against. */
export type ActionTargets = {
  /** Grant, revoke and list roles (`/admin`). */
  'role.grant': PlatformTarget;
  /** Merge two people's records (`/admin`). */
  'people.merge': PlatformTarget;
  /** Create an event (`/organize/new`). */
  'event.create': PlatformTarget;
  /** Organize an event: its programme, attendees, check-in, calls, CSV exports. */
  'event.manage': EventTarget;
  /** Moderate a session: Q&A, chat, sanctions, video room admin, replays. */
  'session.moderate': SessionTarget;
  /** Publish audio, video and screen on a session's stage (and enter its room without a seat). */
  'session.publishStage': SessionTarget;
  /** Run polls in a session. */
  'session.runPolls': SessionTarget;
  /** Type a session's live captions (and enter its live room without registering). */
  'session.caption': SessionTarget;
  /** Interpret a session into a language: publish that channel's audio on its stage (and enter its room without registering). */
  'session.interpret': SessionTarget;
  /** Read a session's Q&A and chat without a seat (sessions by invitation). */
  'session.readQa': SessionTarget;
  /** Export a session's Q&A (CSV, meeting report). */
  'session.exportQa': SessionTarget;
  /** Replace a replay's captions (WebVTT) afterwards; `pathIds`: the session's paths. */
  'replay.editCaptions': SessionTarget;
  /** Edit a path's presentation and order its resources. */
  'path.edit': PathTarget;
  /** Edit and review (publish, decline, archive) the resources of a path; see their history. */
  'path.review': PathTarget;
  /** Review and decide a call's proposals. */
  'call.review': CallTarget;
  /** Manage an issuer's badges: achievements, validating requests, revoking. */
  'badge.issue': IssuerTarget;
};

export type Action = keyof ActionTargets;
export type TargetOf<A extends Action> = ActionTargets[A];

// ---------------------------------------------------------------- predicates

type Predicate<T> = (g: Grant, t: T) => boolean;

const admin: Predicate<unknown> = (g) => g.role === 'admin';
const organizerOfEvent: Predicate<{ eventId: string | null }> = (g, t) => g.role === 'organizer' && t.eventId !== null && g.eventId === t.eventId;
const moderatorOfSession: Predicate<SessionTarget> = (g, t) =>
  g.role === 'moderator' && g.eventId === t.eventId && (g.sessionId === null || g.sessionId === t.sessionId);
const speakerOfSession: Predicate<SessionTarget> = (g, t) => g.role === 'speaker' && g.eventId === t.eventId && g.sessionId === t.sessionId;
const captionerOfSession: Predicate<SessionTarget> = (g, t) => g.role === 'captioner' && g.eventId === t.eventId && g.sessionId === t.sessionId;
const interpreterOfSession: Predicate<SessionTarget> = (g, t) => g.role === 'interpreter' && g.eventId === t.eventId && g.sessionId === t.sessionId;
/** A moderator of the event's sessions (of one or of all): the event's staff for its badges. */
const moderatorInEvent: Predicate<{ eventId: string | null }> = (g, t) => g.role === 'moderator' && t.eventId !== null && g.eventId === t.eventId;
const coordinatorOfPath: Predicate<PathTarget> = (g, t) => g.role === 'coordinator' && g.pathId === t.pathId;
const coordinatorOfLinkedPath: Predicate<SessionTarget> = (g, t) => g.role === 'coordinator' && (t.pathIds ?? []).includes(g.pathId);
const committeeOfCall: Predicate<CallTarget> = (g, t) => g.role === 'committee' && g.callId === t.callId;

/** The rules: an action is allowed when one of the person's grants meets one of its predicates. */
export const RULES: { [A in Action]: readonly Predicate<TargetOf<A>>[] } = {
  'role.grant': [admin],
  'people.merge': [admin],
  'event.create': [admin],
  'event.manage': [admin, organizerOfEvent],
  'session.moderate': [admin, organizerOfEvent, moderatorOfSession],
  'session.publishStage': [admin, organizerOfEvent, moderatorOfSession, speakerOfSession],
  'session.runPolls': [admin, organizerOfEvent, moderatorOfSession, speakerOfSession],
  'session.caption': [admin, organizerOfEvent, moderatorOfSession, captionerOfSession],
  'session.interpret': [interpreterOfSession],
  'session.readQa': [admin, organizerOfEvent, moderatorOfSession, speakerOfSession, captionerOfSession, interpreterOfSession],
  'session.exportQa': [admin, organizerOfEvent, moderatorOfSession, coordinatorOfLinkedPath],
  'replay.editCaptions': [admin, organizerOfEvent, moderatorOfSession, coordinatorOfLinkedPath],
  'path.edit': [admin, coordinatorOfPath],
  'path.review': [admin, coordinatorOfPath],
  'call.review': [committeeOfCall],
  'badge.issue': [admin, organizerOfEvent, moderatorInEvent],
};

/** May a person holding `grants` do `action` on `target`? Pure. */
export function may<A extends Action>(grants: readonly Grant[], action: A, target: TargetOf<A>): boolean {
  const rules = RULES[action] as readonly Predicate<TargetOf<A>>[];
  return grants.some((g) => rules.some((rule) => rule(g, target)));
}

// ---------------------------------------------------------------- derived views

/** A person's role in a session's live rooms, from the same grants (moderator > organizer > speaker). */
export type SessionRole = 'organizer' | 'moderator' | 'speaker' | 'participant';

export function sessionRoleOf(grants: readonly Grant[], target: SessionTarget): SessionRole {
  if (grants.some((g) => moderatorOfSession(g, target))) return 'moderator';
  if (grants.some((g) => admin(g, target) || organizerOfEvent(g, target))) return 'organizer';
  if (grants.some((g) => speakerOfSession(g, target))) return 'speaker';
  return 'participant';
}

/**
 * The language this person interprets the session into (`session.interpret`), or null: one
 * interpreter, one channel per session (the grant's language).
 */
export function interpretationOf(grants: readonly Grant[], target: SessionTarget): string | null {
  const g = grants.find((g) => interpreterOfSession(g, target));
  return g?.role === 'interpreter' ? g.lang : null;
}

/**
 * The paths on which `action` (`path.edit` or `path.review`) is allowed, for queries that list
 * across paths: `'all'` for admins, else the ids of the paths coordinated. Agrees with `may` (tested).
 */
export function pathsWhere(grants: readonly Grant[], action: 'path.edit' | 'path.review'): 'all' | string[] {
  if (grants.some((g) => admin(g, undefined))) return 'all';
  const ids = grants.flatMap((g) => (g.role === 'coordinator' ? [g.pathId] : []));
  return [...new Set(ids)].filter((pathId) => may(grants, action, { pathId }));
}
