import LinkifyIt from 'linkify-it';
import { z } from 'zod';
// This module runs in the browser too (the live panels): zod without its eval probe there (CSP).
import '../zod-browser';
import { UUID_SOURCE } from '../uuid';
import type { ChatMessage, Question, QuestionEvent, QuestionStatus } from '@/lib/realtime/protocol';
import { type Grant, may } from '../policy';

/** A stored question, as db/queries/qa returns it. */
export type QuestionRow = {
  id: string;
  sessionId: string;
  body: string;
  authorKey: string;
  authorName: string;
  anonymous: boolean;
  status: QuestionStatus;
  onAir: boolean;
  votes: number;
  createdAt: Date;
};

/**
 * A guest's key: `guest:` and the id the server issued them (a UUID in a signed cookie,
 * server/auth/guest.ts). A guest without one is keyed per connection, never in this shape.
 */
export const GUEST_KEY = new RegExp(`^guest:${UUID_SOURCE}$`);

/** A session's short code, as the projector's QR code carries it (`/q/<code>`). */
export const shortCode = z.string().regex(/^[0-9a-f]{8}$/i, 'a session code: 8 hexadecimal characters');

/**
 * `POST /api/guest`'s body: nothing (`{}` or no body), or, from a room's QR code, the session's
 * short code (`room`) and an optional first name.
 */
export const guestRequest = z
  .object({
    room: shortCode.optional(),
    name: z
      .string()
      .trim()
      .max(40)
      // A refinement, not a pattern: the OpenAPI document would carry a pattern that API clients and
      // schemathesis cannot build values for (\p{…} classes).
      .refine((v) => !/[\p{Cc}\p{Cf}]/u.test(v), { message: 'must not contain control characters', params: { code: 'control_characters' } })
      .optional()
      .transform((v) => v || undefined),
  })
  .strict()
  .refine((v) => v.room || !v.name, { path: ['name'], message: 'a first name goes with a room' });

/**
 * Does the room's QR code admit the people in the room as guests (in this session only)? The
 * organizer's choice, else by the session's mode: yes on site and hybrid (a room with a screen),
 * no online (no room: the code would be a link anyone can pass on). Never for a session by
 * invitation.
 */
export const roomAdmitsGuests = (session: { mode: string; visibility: string; roomQrGuests: boolean | null }): boolean =>
  session.visibility !== 'invitation' && (session.roomQrGuests ?? session.mode !== 'online');

/**
 * The actor key a guest acts under in a session: their guest key where the session lets guests
 * write or its room's QR code admitted them (`roomAdmitted`), else none (read only, refused as
 * `unauthenticated` like before).
 */
export const guestActorKey = (session: { guestsWrite: boolean }, guestKey: string | null, roomAdmitted = false): string | null =>
  (session.guestsWrite || roomAdmitted) && guestKey && GUEST_KEY.test(guestKey) ? guestKey : null;

/**
 * May ask, vote, chat and answer polls (Q&A, chat and polls all ask this): registrants (personal
 * link or sign-in) and the event's staff; guests where the session lets guests write; and anyone
 * the room's QR code admitted to this session (`roomAdmitted`), as a guest or as themselves.
 */
export function mayWrite(a: { actorKey: string | null; registered: boolean; role: string; roomAdmitted?: boolean; session: { guestsWrite: boolean } }): boolean {
  if (a.actorKey === null) return false;
  if (a.role === 'guest') return a.session.guestsWrite || Boolean(a.roomAdmitted);
  return a.registered || a.role !== 'participant' || Boolean(a.roomAdmitted);
}

/**
 * May follow the session's Q&A and chat: not banned from it, and for a session by invitation,
 * those the policy lets read it (`session.readQa`: its staff and speakers) and the people holding
 * a confirmed seat.
 */
export function mayRead(a: {
  bannedAt: Date | null;
  session: { id: string; eventId: string; visibility: string };
  grants: readonly Grant[];
  seat: string | null;
}): boolean {
  if (a.bannedAt) return false;
  return a.session.visibility !== 'invitation' || a.seat === 'confirmed' || may(a.grants, 'session.readQa', { sessionId: a.session.id, eventId: a.session.eventId });
}

/**
 * The name a guest's questions, messages and named poll answers carry: `Invité·e 1a2b`, or with
 * the first name they gave at the room's QR code `Camille (invité·e 1a2b)`, so that a guest is
 * never taken for a registrant of the same name.
 */
export function guestName(guestKey: string, label: string, firstName?: string): string {
  const tagged = `${label} ${guestKey.slice('guest:'.length, 'guest:'.length + 4)}`;
  return firstName ? `${firstName} (${tagged.toLocaleLowerCase('fr')})` : tagged;
}

export type Viewer = { actorKey: string | null; isModerator: boolean };

/** Questions the audience sees; pending ones only reach moderators and their author. */
export const isPublicStatus = (s: QuestionStatus) => s === 'visible' || s === 'answered';

/** May this viewer see this question at all? */
export function canSee(q: Pick<QuestionRow, 'status' | 'authorKey'>, viewer: Viewer): boolean {
  if (viewer.isModerator) return true;
  if (q.status === 'dismissed') return false;
  return isPublicStatus(q.status) || (viewer.actorKey !== null && viewer.actorKey === q.authorKey);
}

/** The question as this viewer may see it: anonymous authors stay hidden except from moderators and themselves. */
export function questionView(q: QuestionRow, viewer: Viewer): QuestionEvent {
  const privileged = viewer.isModerator || (viewer.actorKey !== null && viewer.actorKey === q.authorKey);
  const hide = q.anonymous && !privileged;
  return {
    id: q.id,
    sessionId: q.sessionId,
    body: q.body,
    // An erased author (empty name, docs/privacy.md) shows as anonymous.
    authorName: hide || !q.authorName ? null : q.authorName,
    authorId: hide ? null : q.authorKey,
    anonymous: q.anonymous,
    votes: q.votes,
    status: q.status,
    onAir: q.onAir,
    createdAt: q.createdAt.toISOString(),
  };
}

export const withVote = (q: QuestionEvent, votedByMe: boolean): Question => ({ ...q, votedByMe });

/** Sort for display: on-air first, then by votes (ties: older first) or by time (newest first). */
export function sortQuestions<T extends Pick<Question, 'onAir' | 'votes' | 'createdAt'>>(qs: T[], by: 'votes' | 'time'): T[] {
  return [...qs].sort((a, b) => {
    if (a.onAir !== b.onAir) return a.onAir ? -1 : 1;
    if (by === 'votes' && a.votes !== b.votes) return b.votes - a.votes;
    return by === 'votes' ? a.createdAt.localeCompare(b.createdAt) : b.createdAt.localeCompare(a.createdAt);
  });
}

const MODERATOR_MENTION = /(^|[\s(])@(mod[ée]ration|mod[ée]rat(eur|rice)s?|moderators?|mods?)(?=$|[\s.,;:!?)])/iu;

/** Does a chat message call the moderators? */
export const mentionsModerators = (body: string) => MODERATOR_MENTION.test(body);

export type ChatRow = {
  id: string;
  sessionId: string;
  body: string;
  authorKey: string;
  authorName: string;
  replyTo: string | null;
  mentionsModerators: boolean;
  createdAt: Date;
};

export function chatView(m: ChatRow, reactions: Record<string, number>): ChatMessage {
  return {
    id: m.id,
    sessionId: m.sessionId,
    body: m.body,
    authorName: m.authorName,
    authorId: m.authorKey,
    replyTo: m.replyTo,
    reactions,
    mentionsModerators: m.mentionsModerators,
    createdAt: m.createdAt.toISOString(),
  };
}

export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

const linkify = new LinkifyIt(undefined, { fuzzyEmail: false });

/**
 * Split plain text into text and links (http, https, www.…) for display. Only http(s) URLs
 * become links; everything is rendered as text by React, never as HTML.
 */
export function linkParts(body: string): TextPart[] {
  const matches = linkify.match(body) ?? [];
  const parts: TextPart[] = [];
  let at = 0;
  for (const m of matches) {
    if (!/^https?:\/\//i.test(m.url)) continue;
    if (m.index > at) parts.push({ kind: 'text', text: body.slice(at, m.index) });
    parts.push({ kind: 'link', text: m.text, href: m.url });
    at = m.lastIndex;
  }
  if (at < body.length) parts.push({ kind: 'text', text: body.slice(at) });
  return parts;
}

/** Short code of a session for the projector's join URL (`/q/<code>`). */
export const shortCodeOf = (sessionId: string) => sessionId.replace(/-/g, '').slice(0, 8);
