import { activeSanctions, deleteMessage, listMessages, sanction, sendMessage, sessionOfMessage, toggleReaction } from '@/db/queries/chat';
import { actorKeyOf, currentIdentity } from '@/db/queries/identity';
import { type SessionAccess, sessionAccess } from '@/db/queries/live';
import { currentRecording } from '@/db/queries/replays';
import { currentStream } from '@/db/queries/streams';
import {
  askQuestion,
  hasVoted,
  listQuestions,
  moderateQuestion,
  sessionOfQuestion,
  setQaModeration,
  voteQuestion,
  withdrawQuestion,
} from '@/db/queries/qa';
import { guestName, isPublicStatus, mayRead, mayWrite, type QuestionRow, questionView, roomAdmitsGuests, withVote } from '@/lib/domain/live';
import { logger } from '@/lib/logger';
import {
  actorRoomOf,
  chatHistory,
  chatModerate,
  chatReact,
  chatRef,
  chatSend,
  modsRoomOf,
  type Presence,
  qaConfigure,
  questionAsk,
  questionModerate,
  questionRef,
  questionVote,
  roomOf,
  sessionRef,
} from '@/lib/realtime/protocol';
import { type ChemSocket, CommandError, type Commands, commandsOf, type Io } from './core';
import { pollsOnJoin } from './polls';

// ---------------------------------------------------------------- access

export async function access(socket: ChemSocket, sessionId: string | null): Promise<SessionAccess> {
  await followLink(socket);
  const { identity, presenceKey, guest } = socket.data;
  const a = sessionId ? await sessionAccess(identity, sessionId, { key: identity ? null : presenceKey, rooms: guest?.rooms }) : null;
  if (!a) throw new CommandError('not_found', 'No such session.');
  return a;
}

/** The name a person's questions, messages and poll answers carry (guests: `Invité·e` and a short tag, after their first name if they gave one). */
export const actorName = (socket: { data: ChemSocket['data'] }) => socket.data.identity?.name ?? guestName(socket.data.presenceKey, GUEST_LABEL, socket.data.guest?.name);
const GUEST_LABEL = 'Invité·e';

/**
 * A connection opened by personal link keeps the registration's identity: once a proven
 * registration is linked to the account, it acts, counts and is sanctioned as the account (same
 * key, same person's room). One opened before the address was proven is not the owner's as far
 * as anyone knows: from then on it is a guest that reads (docs/security.md).
 */
async function followLink(socket: ChemSocket) {
  const before = socket.data.identity;
  const now = await currentIdentity(before);
  if (now === before) return;
  if (before) await socket.leave(actorRoomOf(socket.data.presenceKey));
  socket.data.identity = now;
  socket.data.presenceKey = now ? actorKeyOf(now) : `guest:${socket.id}`;
  socket.data.roles = {};
  if (now) await socket.join(actorRoomOf(socket.data.presenceKey));
}

/** May read the session's Q&A and chat: public sessions for all; invitation-only ones for their seats and staff. */
export function assertReader(a: SessionAccess) {
  if (a.bannedAt) throw new CommandError('banned', 'A moderator removed you from this session.');
  if (!mayRead(a)) {
    throw new CommandError('forbidden', 'This session is by invitation: only its participants can follow its Q&A and chat.');
  }
}

/** Someone who acts under a key (not a guest who only reads); else refused, saying which way in this session has. */
function assertIdentified(a: SessionAccess): string {
  if (a.actorKey) return a.actorKey;
  // A guest: say which way in this session has (docs/security.md, "Guests from the room's QR code").
  const way = a.session.guestsWrite
    ? 'Reload the page to take part as a guest, or sign in or use your personal link.'
    : roomAdmitsGuests(a.session)
      ? 'Scan the room’s QR code to take part as a guest, or sign in or use your personal link.'
      : 'This session is for registrants: register to the event, sign in or use your personal link to take part.';
  throw new CommandError('unauthenticated', way);
}

/** May ask, vote, chat and answer polls (`mayWrite`), and for posting not muted; returns the person's actor key. */
export function assertWriter(a: SessionAccess, opts: { posting: boolean }): string {
  assertReader(a);
  const actorKey = assertIdentified(a);
  if (!mayWrite(a)) throw new CommandError('not_registered', 'Register to the event to ask questions and chat.');
  if (opts.posting && a.mutedUntil) {
    throw new CommandError('muted', `A moderator muted you until ${a.mutedUntil.toISOString()}.`);
  }
  return actorKey;
}

function assertModerator(a: SessionAccess): string {
  assertReader(a);
  if (!a.isModerator || !a.actorKey) throw new CommandError('forbidden', 'Only the session’s moderators can do this.');
  return a.actorKey;
}

// ---------------------------------------------------------------- fan-out

const MOD_VIEW = { actorKey: null, isModerator: true } as const;

/** Everyone in the session but its moderators: no room of its own (one room fewer per connection, issue 33). */
const audienceOf = (io: Io, sessionId: string) => io.to(roomOf(sessionId)).except(modsRoomOf(sessionId));
const PUBLIC_VIEW = { actorKey: null, isModerator: false } as const;

/**
 * Send a question's change to everyone concerned, each with the view they may have: moderators
 * see everything, the author their own question, the audience only public questions (a question
 * leaving the public view is `question:removed` for them).
 */
function publishQuestion(io: Io, q: QuestionRow, wasPublic: boolean, event: 'question:created' | 'question:updated') {
  const mods = modsRoomOf(q.sessionId);
  const author = actorRoomOf(q.authorKey);
  io.to(mods).emit(event, questionView(q, MOD_VIEW));
  io.to(author).except(mods).emit(event, questionView(q, { actorKey: q.authorKey, isModerator: false }));
  const audience = audienceOf(io, q.sessionId).except(author);
  if (isPublicStatus(q.status)) audience.emit(wasPublic ? 'question:updated' : 'question:created', questionView(q, PUBLIC_VIEW));
  else if (wasPublic) audience.emit('question:removed', { id: q.id, sessionId: q.sessionId });
}

// ---------------------------------------------------------------- presence (coalesced)
//
// Counting people across processes needs `fetchSockets()` through the adapter, which is costly
// while hundreds of people join at once. So the cluster-wide count is computed at most every
// 250 ms per session and process, and cached; a `session:join` ack answers at once from that
// cache merged with this process's own sockets, and the next update follows within 250 ms.

type Person = NonNullable<Presence['people']>[number];
const pendingPresence = new WeakMap<Io, Map<string, NodeJS.Timeout>>();
const lastPresence = new WeakMap<Io, Map<string, Person[]>>();

/**
 * Who a connection is, for presence: its person's key, or the account's when the connection
 * was opened by personal link and has since joined the account's room (`linkConnections`).
 */
function personOf(s: { data: ChemSocket['data']; rooms: Set<string> }, sessionId: string): Person {
  let id = s.data.presenceKey;
  if (s.data.identity?.kind === 'registration' && !s.data.identity.userId) {
    id = [...s.rooms].find((r) => r.startsWith(USER_ROOM))?.slice(ACTOR_ROOM.length) ?? id;
  }
  return { id, name: s.data.identity?.name ?? GUEST_LABEL, role: s.data.roles[sessionId] ?? 'guest' };
}
const ACTOR_ROOM = actorRoomOf('');
const USER_ROOM = actorRoomOf('user:');

/** Everyone in the session, across processes (adapter round trip), and which of its connections are moderators'. */
async function clusterPresence(io: Io, sessionId: string): Promise<{ people: Person[]; mods: string[] }> {
  const people = new Map<string, Person>();
  const mods: string[] = [];
  const modsRoom = modsRoomOf(sessionId);
  for (const s of await io.in(roomOf(sessionId)).fetchSockets()) {
    const p = personOf(s, sessionId);
    if (!people.has(p.id)) people.set(p.id, p);
    if (s.rooms.has(modsRoom)) mods.push(s.id);
  }
  return { people: [...people.values()], mods };
}

/**
 * Above this many connections of a session on this process, a join's ack counts from the last
 * cluster-wide count (at most 250 ms old) and the joiner rather than from every connection here:
 * a join storm of N people then costs O(N), not O(N²); the exact count follows within 250 ms.
 */
const EXACT_PRESENCE_UP_TO = 200;

/** The best count available now: the last cluster-wide one, merged with this process's sockets (or, in a large room, the joiner's). */
export function presenceNow(io: Io, sessionId: string, withPeople: boolean, joiner: ChemSocket): Presence {
  const people = new Map<string, Person>();
  for (const p of lastPresence.get(io)?.get(sessionId) ?? []) people.set(p.id, p);
  const here = io.sockets.adapter.rooms.get(roomOf(sessionId));
  const sockets = here && here.size <= EXACT_PRESENCE_UP_TO ? [...here].map((id) => io.sockets.sockets.get(id)) : [joiner];
  for (const s of sockets) {
    if (s) {
      const p = personOf(s, sessionId);
      people.set(p.id, p);
    }
  }
  return withPeople ? { sessionId, count: people.size, people: [...people.values()] } : { sessionId, count: people.size };
}

/**
 * Presence changes are sent at most every 250 ms per session, however many people come and go:
 * the count to everyone, the list of people to the moderators' connections, each sent directly
 * (a list of 10,000 people every 250 ms is not kept for connection-state recovery on this
 * process: issue 33; a moderator who reconnects gets the next one).
 */
export function schedulePresence(io: Io, sessionId: string) {
  let timers = pendingPresence.get(io);
  if (!timers) pendingPresence.set(io, (timers = new Map()));
  if (timers.has(sessionId)) return;
  const mine = timers;
  mine.set(
    sessionId,
    setTimeout(() => {
      mine.delete(sessionId);
      clusterPresence(io, sessionId)
        .then(({ people, mods }) => {
          let cache = lastPresence.get(io);
          if (!cache) lastPresence.set(io, (cache = new Map()));
          if (people.length) cache.set(sessionId, people);
          else cache.delete(sessionId);
          const withPeople = { sessionId, count: people.length, people };
          for (const id of mods) {
            const local = io.sockets.sockets.get(id);
            if (local) local.emit('presence:updated', withPeople);
            else io.to(id).emit('presence:updated', withPeople);
          }
          audienceOf(io, sessionId).emit('presence:updated', { sessionId, count: people.length });
        })
        .catch((err) => logger().warn({ err }, 'presence update failed'));
    }, 250),
  );
}

export function stopPresenceTimers(io: Io) {
  for (const t of pendingPresence.get(io)?.values() ?? []) clearTimeout(t);
  pendingPresence.delete(io);
}

/** Take a banned person's connections (their rooms) out of the session's rooms at once (all processes). */
function expelFromRooms(io: Io, sessionId: string, actorRooms: string[]) {
  io.in(actorRooms).socketsLeave([roomOf(sessionId), modsRoomOf(sessionId)]);
  schedulePresence(io, sessionId);
}

/**
 * Someone was removed from the session elsewhere (the video room's moderator panel): tell them,
 * take them out of the Q&A and chat at once, and update the moderators' list.
 */
export async function announceBan(io: Io, sessionId: string, actorKey: string): Promise<void> {
  io.to(actorRoomOf(actorKey)).emit('moderation:notice', {
    sessionId,
    kind: 'banned',
    until: null,
    message: 'A moderator removed you from this session.',
  });
  expelFromRooms(io, sessionId, [actorRoomOf(actorKey)]);
  io.to(modsRoomOf(sessionId)).emit('moderation:updated', { sessionId, sanctions: await activeSanctions(sessionId) });
}

/**
 * A person signed in and their registrations were linked to the account: their connections
 * opened by personal link join the account's room (all processes), so that they count once in
 * presence and get what is sent to the person; their sessions' presence is updated.
 */
export async function linkConnections(io: Io, userId: string, registrationIds: string[]): Promise<void> {
  if (!registrationIds.length) return;
  const person = actorRoomOf(`user:${userId}`);
  // Connections opened before the address was proven are closed (they reconnect as whoever they
  // can show to be); those of a proven registration join the person.
  const rooms = registrationIds.map((id) => actorRoomOf(`registration:${id}`));
  for (const s of await io.in(rooms).fetchSockets()) {
    if (s.data.identity?.kind === 'registration' && !s.data.identity.proven) s.disconnect(true);
  }
  io.in(rooms).socketsJoin(person);
  const sessionIds = new Set<string>();
  for (const s of await io.in(person).fetchSockets()) {
    for (const r of s.rooms) if (/^session:[^:]+$/.test(r)) sessionIds.add(r.slice(8));
  }
  for (const id of sessionIds) schedulePresence(io, id);
}

// ---------------------------------------------------------------- commands

export function registerLiveCommands(io: Io, commands: Commands) {
  const on = commandsOf(commands);

  on('session:join', sessionRef, async ({ sessionId }, socket) => {
    const a = await access(socket, sessionId);
    assertReader(a);
    const viewer = { actorKey: a.actorKey, isModerator: a.isModerator };
    const [questions, history, sanctions, polls, recording, stream] = await Promise.all([
      listQuestions(sessionId, viewer),
      listMessages(sessionId),
      a.isModerator ? activeSanctions(sessionId) : Promise.resolve(undefined),
      pollsOnJoin(socket, a),
      currentRecording(sessionId),
      currentStream(sessionId),
    ]);
    socket.data.roles[sessionId] = a.role;
    if (!a.isModerator) await socket.leave(modsRoomOf(sessionId));
    await socket.join(a.isModerator ? [roomOf(sessionId), modsRoomOf(sessionId)] : roomOf(sessionId));
    const presence = presenceNow(io, sessionId, a.isModerator, socket);
    schedulePresence(io, sessionId);
    return {
      questions,
      messages: history.messages,
      moreMessages: history.more,
      presence,
      moderation: a.session.qaModeration,
      recordingSince: recording?.startedAt.toISOString() ?? null,
      stagePin: a.session.stagePin,
      streamSince: stream?.startedAt.toISOString() ?? null,
      guestsWrite: a.session.guestsWrite,
      you: {
        role: a.role,
        id: a.actorKey,
        name: a.actorKey ? actorName(socket) : null,
        canWrite: mayWrite(a),
        isModerator: a.isModerator,
        mutedUntil: a.mutedUntil?.toISOString() ?? null,
      },
      ...(sanctions ? { sanctions } : {}),
      polls,
    };
  });

  on('session:leave', sessionRef, async ({ sessionId }, socket) => {
    await Promise.all([roomOf(sessionId), modsRoomOf(sessionId)].map((r) => socket.leave(r)));
    delete socket.data.roles[sessionId];
    schedulePresence(io, sessionId);
    return { sessionId };
  });

  on('question:ask', questionAsk, async ({ sessionId, body, anonymous }, socket) => {
    const a = await access(socket, sessionId);
    const actorKey = assertWriter(a, { posting: true });
    const q = await askQuestion({ sessionId, actorKey, name: actorName(socket) }, body, anonymous ?? false);
    publishQuestion(io, q, false, 'question:created');
    return withVote(questionView(q, { actorKey, isModerator: a.isModerator }), false);
  });

  on('question:vote', questionVote, async ({ questionId, vote }, socket) => {
    const a = await access(socket, await sessionOfQuestion(questionId));
    const actorKey = assertWriter(a, { posting: false });
    const q = await voteQuestion(questionId, { actorKey, isModerator: a.isModerator }, vote);
    publishQuestion(io, q, true, 'question:updated');
    const mine = withVote(questionView(q, { actorKey, isModerator: a.isModerator }), vote);
    io.to(actorRoomOf(actorKey)).except(socket.id).emit('question:updated', mine);
    return mine;
  });

  on('question:withdraw', questionRef, async ({ questionId }, socket) => {
    const a = await access(socket, await sessionOfQuestion(questionId));
    const actorKey = assertWriter(a, { posting: false });
    const q = await withdrawQuestion(questionId, actorKey);
    const ref = { id: q.id, sessionId: q.sessionId };
    io.to([roomOf(q.sessionId), actorRoomOf(actorKey)]).emit('question:removed', ref);
    return ref;
  });

  on('question:moderate', questionModerate, async ({ questionId, action, body }, socket) => {
    const a = await access(socket, await sessionOfQuestion(questionId));
    const moderatorKey = assertModerator(a);
    const { question, before, alsoChanged } = await moderateQuestion(questionId, moderatorKey, action, body);
    for (const other of alsoChanged) publishQuestion(io, other, isPublicStatus(other.status), 'question:updated');
    publishQuestion(io, question, isPublicStatus(before.status), 'question:updated');
    if (action === 'dismiss') {
      io.to(actorRoomOf(question.authorKey)).emit('moderation:notice', {
        sessionId: question.sessionId,
        kind: 'question-dismissed',
        until: null,
        message: 'A moderator dismissed your question.',
      });
    }
    return withVote(questionView(question, MOD_VIEW), await hasVoted(questionId, moderatorKey));
  });

  on('qa:configure', qaConfigure, async ({ sessionId, moderation }, socket) => {
    const moderatorKey = assertModerator(await access(socket, sessionId));
    await setQaModeration(sessionId, moderatorKey, moderation);
    io.to(roomOf(sessionId)).emit('qa:configured', { sessionId, moderation });
    return { sessionId, moderation };
  });

  on('chat:send', chatSend, async ({ sessionId, body, replyTo }, socket) => {
    const a = await access(socket, sessionId);
    const actorKey = assertWriter(a, { posting: true });
    const message = await sendMessage({ sessionId, actorKey, name: actorName(socket) }, body, replyTo ?? null);
    io.to(roomOf(sessionId)).emit('chat:message', message);
    return message;
  });

  on('chat:react', chatReact, async ({ messageId, emoji }, socket) => {
    const a = await access(socket, await sessionOfMessage(messageId));
    const actorKey = assertWriter(a, { posting: false });
    const message = await toggleReaction(messageId, actorKey, emoji);
    io.to(roomOf(message.sessionId)).emit('chat:updated', message);
    return message;
  });

  on('chat:delete', chatRef, async ({ messageId }, socket) => {
    const a = await access(socket, await sessionOfMessage(messageId));
    assertReader(a);
    const actorKey = assertIdentified(a);
    const gone = await deleteMessage(messageId, actorKey, a.isModerator);
    const ref = { id: gone.id, sessionId: gone.sessionId };
    io.to(roomOf(gone.sessionId)).emit('chat:deleted', ref);
    if (gone.authorKey !== actorKey) {
      io.to(actorRoomOf(gone.authorKey)).emit('moderation:notice', {
        sessionId: gone.sessionId,
        kind: 'message-deleted',
        until: null,
        message: 'A moderator deleted one of your messages.',
      });
    }
    return ref;
  });

  on('chat:moderate', chatModerate, async ({ sessionId, userId, action, minutes }, socket) => {
    const moderatorKey = assertModerator(await access(socket, sessionId));
    const { until, targetKey } = await sanction(sessionId, moderatorKey, userId, action, minutes);
    // The person's connections, including any opened before their registration was linked.
    const rooms = [...new Set([targetKey, userId])].map(actorRoomOf);
    const untilIso = until?.toISOString() ?? null;
    const kind = ({ mute: 'muted', unmute: 'unmuted', ban: 'banned', unban: 'unbanned' } as const)[action];
    const message = {
      muted: `A moderator muted you${untilIso ? ` until ${untilIso}` : ''}.`,
      unmuted: 'You can write again.',
      banned: 'A moderator removed you from this session.',
      unbanned: 'You may come back to this session.',
    }[kind];
    io.to(rooms).emit('moderation:notice', { sessionId, kind, until: untilIso, message });
    if (action === 'ban') expelFromRooms(io, sessionId, rooms);
    io.to(modsRoomOf(sessionId)).emit('moderation:updated', { sessionId, sanctions: await activeSanctions(sessionId) });
    return { sessionId, userId: targetKey, action, until: untilIso };
  });

  on('chat:history', chatHistory, async ({ sessionId, before }, socket) => {
    assertReader(await access(socket, sessionId));
    return listMessages(sessionId, { before });
  });
}
