import { getDb } from '@/db/client';
import { openRounds, type RoundRow } from '@/db/queries/breakouts/rounds';
import { GUEST_KEY } from '@/lib/domain/live';
import { logger } from '@/lib/logger';
import {
  actorRoomOf,
  type BreakoutEnded,
  type BreakoutRound,
  breakoutBroadcast,
  breakoutChoose,
  breakoutStart,
  modsRoomOf,
  roomOf,
  sessionRef,
} from '@/lib/realtime/protocol';
import { broadcastToGroups } from '@/server/breakouts/broadcast-to-groups';
import { endBreakout, endBreakoutOnTime } from '@/server/breakouts/end-breakout';
import { getOpenRound } from '@/server/breakouts/get-round';
import { chooseGroup, syncBreakout } from '@/server/breakouts/place-in-group';
import { type Person, startBreakout } from '@/server/breakouts/start-breakout';
import { type ChemSocket, CommandError, type Commands, commandsOf, type Io } from './core';
import { access, actorName, assertReader } from './live';

// ---------------------------------------------------------------- timers
//
// Each process arms one timer per open round (at start, and at start-up for the rounds still open
// in the database). When it fires, the round is ended by a conditional update: with several
// processes, exactly one gets the row and announces the end (through the adapter, to everyone).

const timers = new WeakMap<Io, Map<string, NodeJS.Timeout>>();
/** Servers with an adapter that reaches other processes (Redis): they tell the others to arm. */
const clustered = new WeakSet<Io>();

function announceEnd(io: Io, round: RoundRow, by: BreakoutEnded['by']): BreakoutEnded {
  const ended: BreakoutEnded = { sessionId: round.sessionId, roundId: round.id, by };
  io.to(roomOf(round.sessionId)).emit('breakout:ended', ended);
  io.to(modsRoomOf(round.sessionId)).emit('breakout:state', { sessionId: round.sessionId, round: null });
  return ended;
}

function disarm(io: Io, roundId: string) {
  const mine = timers.get(io);
  const t = mine?.get(roundId);
  if (t) clearTimeout(t);
  mine?.delete(roundId);
}

/** Longest single wait of a timer (setTimeout's limit is about 24.8 days; rounds last 4 hours at most). */
const MAX_WAIT_MS = 2 ** 31 - 1;

export function armBreakoutTimer(io: Io, round: { id: string; endsAt: Date }) {
  let mine = timers.get(io);
  if (!mine) timers.set(io, (mine = new Map()));
  disarm(io, round.id);
  const wait = Math.min(MAX_WAIT_MS, Math.max(0, round.endsAt.getTime() - Date.now()));
  mine.set(
    round.id,
    setTimeout(() => {
      mine.delete(round.id);
      endBreakoutOnTime(round.id)
        .then((ended) => {
          if (ended) announceEnd(io, ended, 'timer');
        })
        .catch((err) => logger().warn({ err, roundId: round.id }, 'breakout round could not be ended on time'));
    }, wait),
  );
}

/** At start-up: the rounds still open get their timer again (one already past ends at once). */
export async function rearmBreakoutTimers(io: Io): Promise<void> {
  for (const round of await openRounds(await getDb())) armBreakoutTimer(io, round);
}

/** Every process arms the timer of a round started on another one (`breakout:arm`), and re-arms the open rounds now. */
export async function startBreakoutTimers(io: Io, opts: { clustered: boolean }): Promise<void> {
  if (opts.clustered) clustered.add(io);
  io.on('breakout:arm', ({ id, endsAt }) => armBreakoutTimer(io, { id, endsAt: new Date(endsAt) }));
  await rearmBreakoutTimers(io);
}

export function stopBreakoutTimers(io: Io) {
  for (const t of timers.get(io)?.values() ?? []) clearTimeout(t);
  timers.delete(io);
}

// ---------------------------------------------------------------- who is in the room

/** Someone who acts under a key: an account, a personal link, or a guest with an issued identity. */
const isPerson = (s: { data: ChemSocket['data'] }) => Boolean(s.data.identity) || GUEST_KEY.test(s.data.presenceKey);

/** The people in the session's live room (all processes), moderators left out: those split into groups. */
async function peopleInRoom(io: Io, sessionId: string): Promise<Person[]> {
  const people = new Map<string, Person>();
  for (const s of await io.in(roomOf(sessionId)).fetchSockets()) {
    const role = s.data.roles[sessionId];
    if (!isPerson(s) || role === 'moderator' || role === 'organizer') continue;
    if (!people.has(s.data.presenceKey)) people.set(s.data.presenceKey, { actorKey: s.data.presenceKey, name: actorName(s) });
  }
  return [...people.values()];
}

function announceRound(io: Io, round: BreakoutRound) {
  const groups = round.groups.map(({ id, name }) => ({ id, name }));
  io.to(roomOf(round.sessionId)).emit('breakout:started', { sessionId: round.sessionId, round: { id: round.id, mode: round.mode, endsAt: round.endsAt, groups } });
  for (const g of round.groups) {
    for (const m of g.members) {
      io.to(actorRoomOf(m.id)).emit('breakout:assigned', { sessionId: round.sessionId, groupId: g.id, name: g.name, endsAt: round.endsAt });
    }
  }
  io.to(modsRoomOf(round.sessionId)).emit('breakout:state', { sessionId: round.sessionId, round });
}

/** The moderators' list of groups and members, after someone joined or changed group. */
async function publishState(io: Io, sessionId: string) {
  io.to(modsRoomOf(sessionId)).emit('breakout:state', { sessionId, round: await getOpenRound(sessionId) });
}

// ---------------------------------------------------------------- commands

export function registerBreakoutCommands(io: Io, commands: Commands) {
  const on = commandsOf(commands);
  const reader = async (socket: ChemSocket, sessionId: string) => {
    const a = await access(socket, sessionId);
    assertReader(a);
    return a;
  };
  const person = (socket: ChemSocket, a: { actorKey: string | null }): Person | null => (a.actorKey ? { actorKey: a.actorKey, name: actorName(socket) } : null);

  on('breakout:start', breakoutStart, async ({ sessionId, groups, minutes, assign }, socket) => {
    const a = await reader(socket, sessionId);
    const round = await startBreakout(a, { groups, minutes, assign }, await peopleInRoom(io, sessionId));
    armBreakoutTimer(io, { id: round.id, endsAt: new Date(round.endsAt) });
    if (clustered.has(io)) io.serverSideEmit('breakout:arm', { id: round.id, endsAt: round.endsAt });
    announceRound(io, round);
    return { groups: round.groups.map(({ id, name }) => ({ id, name })) };
  });

  on('breakout:choose', breakoutChoose, async ({ sessionId, groupId }, socket) => {
    const a = await reader(socket, sessionId);
    const me = person(socket, a);
    if (!me) throw new CommandError('unauthenticated', 'Sign in or use your personal link to join a group.');
    const mine = await chooseGroup(a, me, groupId);
    io.to(actorRoomOf(me.actorKey)).emit('breakout:assigned', mine);
    await publishState(io, sessionId);
    return mine;
  });

  on('breakout:sync', sessionRef, async ({ sessionId }, socket) => {
    const a = await reader(socket, sessionId);
    const { view, placed } = await syncBreakout(a, person(socket, a), { moderator: a.isModerator });
    if (placed) {
      io.to(actorRoomOf(a.actorKey!)).except(socket.id).emit('breakout:assigned', placed);
      await publishState(io, sessionId);
    }
    return a.isModerator ? { ...view, state: await getOpenRound(sessionId) } : view;
  });

  on('breakout:broadcast', breakoutBroadcast, async ({ sessionId, text }, socket) => {
    const message = await broadcastToGroups(await reader(socket, sessionId), actorName(socket), text);
    io.to(roomOf(sessionId)).emit('breakout:message', message);
    return message;
  });

  on('breakout:end', sessionRef, async ({ sessionId }, socket) => {
    const round = await endBreakout(await reader(socket, sessionId));
    disarm(io, round.id);
    return announceEnd(io, round, 'moderator');
  });
}
