import type { SessionAccess } from '@/db/queries/live';
import {
  answerOf,
  answerPoll,
  closePoll,
  configurePoll,
  createPoll,
  getPoll,
  launchPoll,
  listPolls,
  namedAnswers,
  pollResults,
  sessionOfPoll,
  showPoll,
} from '@/db/queries/polls';
import { currentPoll, isPublicPoll, mayRunPolls } from '@/lib/domain/polls';
import { logger } from '@/lib/logger';
import {
  actorRoomOf,
  LIMITS,
  type Poll,
  pollAnswer,
  pollConfigure,
  pollCreate,
  type PollJoin,
  pollRef,
  pollShow,
  pollStaffRoomOf,
  roomOf,
} from '@/lib/realtime/protocol';
import { type ChemSocket, CommandError, type Commands, commandsOf, type Io } from './core';
import { access, actorName, assertReader, assertWriter } from './live';

/** Moderators and speakers (on the session's access rules); returns their actor key. */
function assertPollStaff(a: SessionAccess): string {
  assertReader(a);
  if (!a.actorKey || !mayRunPolls(a)) throw new CommandError('forbidden', 'Only the session’s moderators and speakers can run polls.');
  return a.actorKey;
}

/** Where a poll's state goes: drafts to the staff only, the rest to everyone in the session. */
const pollRoom = (p: Poll) => (isPublicPoll(p) ? roomOf(p.sessionId) : pollStaffRoomOf(p.sessionId));
/** Where its results go: everyone once shown, else the staff. */
const resultsRoom = (p: Poll) => (p.resultsVisible && isPublicPoll(p) ? roomOf(p.sessionId) : pollStaffRoomOf(p.sessionId));

/** Read a poll's results from the database (the truth, whichever process emits) and send them. */
async function publishResults(io: Io, pollId: string): Promise<void> {
  const poll = await getPoll(pollId);
  if (!poll) return;
  io.to(resultsRoom(poll)).emit('poll:results', await pollResults(poll));
}

// ---------------------------------------------------------------- results (throttled)
//
// Each stored answer asks for an update; at most one goes out per poll and process every
// `LIMITS.pollResultsEveryMs`. An answer stored while an update is being read asks for one more,
// so the last update is always read after the last answer was stored: with several processes,
// the last update sent is exact, and clients keep the highest `version` they see.

type Slot = { timer: NodeJS.Timeout | null; running: boolean; dirty: boolean };
const slots = new WeakMap<Io, Map<string, Slot>>();

function arm(io: Io, mine: Map<string, Slot>, pollId: string, slot: Slot) {
  slot.timer = setTimeout(() => {
    slot.timer = null;
    slot.running = true;
    publishResults(io, pollId)
      .catch((err) => logger().warn({ err, pollId }, 'poll results update failed'))
      .finally(() => {
        slot.running = false;
        if (slot.dirty) {
          slot.dirty = false;
          arm(io, mine, pollId, slot);
        } else if (!slot.timer) mine.delete(pollId);
      });
  }, LIMITS.pollResultsEveryMs);
}

export function scheduleResults(io: Io, pollId: string) {
  let mine = slots.get(io);
  if (!mine) slots.set(io, (mine = new Map()));
  let slot = mine.get(pollId);
  if (!slot) mine.set(pollId, (slot = { timer: null, running: false, dirty: false }));
  if (slot.timer) return;
  if (slot.running) slot.dirty = true;
  else arm(io, mine, pollId, slot);
}

export function stopPollTimers(io: Io) {
  for (const slot of slots.get(io)?.values() ?? []) if (slot.timer) clearTimeout(slot.timer);
  slots.delete(io);
}

// ---------------------------------------------------------------- join

/** What `session:join` says about polls; moderators and speakers join the session's poll staff room. */
export async function pollsOnJoin(socket: ChemSocket, a: SessionAccess): Promise<PollJoin> {
  const sessionId = a.session.id;
  const canRun = Boolean(a.actorKey) && mayRunPolls(a);
  await (canRun ? socket.join(pollStaffRoomOf(sessionId)) : socket.leave(pollStaffRoomOf(sessionId)));
  const all = await listPolls(sessionId);
  const current = currentPoll(all);
  const [mine, results] = await Promise.all([
    current ? answerOf(current.id, a.actorKey) : null,
    current && (canRun || current.resultsVisible) ? pollResults(current) : null,
  ]);
  return { current, mine, results, canRun, ...(canRun ? { all } : {}) };
}

// ---------------------------------------------------------------- commands

export function registerPollCommands(io: Io, commands: Commands) {
  const on = commandsOf(commands);
  const staffOf = async (socket: ChemSocket, pollId: string) => assertPollStaff(await access(socket, await sessionOfPoll(pollId)));

  on('poll:create', pollCreate, async ({ sessionId, ...input }, socket) => {
    const actorKey = assertPollStaff(await access(socket, sessionId));
    const poll = await createPoll(sessionId, actorKey, input);
    io.to(pollStaffRoomOf(sessionId)).emit('poll:updated', poll);
    return poll;
  });

  on('poll:launch', pollRef, async ({ pollId }, socket) => {
    const { poll, alsoClosed } = await launchPoll(pollId, await staffOf(socket, pollId));
    for (const other of alsoClosed) {
      io.to(pollRoom(other)).emit('poll:closed', other);
      await publishResults(io, other.id);
    }
    io.to(pollRoom(poll)).emit('poll:launched', poll);
    await publishResults(io, poll.id);
    return poll;
  });

  on('poll:close', pollRef, async ({ pollId }, socket) => {
    const poll = await closePoll(pollId, await staffOf(socket, pollId));
    io.to(pollRoom(poll)).emit('poll:closed', poll);
    // Read after the close: every answer that was accepted is in.
    await publishResults(io, poll.id);
    return poll;
  });

  on('poll:show', pollShow, async ({ pollId, visible }, socket) => {
    const poll = await showPoll(pollId, await staffOf(socket, pollId), visible);
    io.to(pollRoom(poll)).emit('poll:updated', poll);
    await publishResults(io, poll.id);
    return poll;
  });

  on('poll:configure', pollConfigure, async ({ pollId, anonymous }, socket) => {
    const poll = await configurePoll(pollId, await staffOf(socket, pollId), { anonymous });
    io.to(pollRoom(poll)).emit('poll:updated', poll);
    return poll;
  });

  on('poll:answers', pollRef, async ({ pollId }, socket) => {
    const poll = await getPoll(pollId);
    assertPollStaff(await access(socket, poll?.sessionId ?? null));
    if (poll!.anonymous) throw new CommandError('forbidden', 'This poll is anonymous: nobody sees who answered what.');
    return { pollId, answers: await namedAnswers(pollId) };
  });

  on('poll:answer', pollAnswer, async ({ pollId, answer }, socket) => {
    const poll = await getPoll(pollId);
    const actorKey = assertWriter(await access(socket, poll?.sessionId ?? null), { posting: false });
    const stored = await answerPoll(poll!, { actorKey, name: actorName(socket) }, answer);
    scheduleResults(io, pollId);
    const mine = { pollId, sessionId: stored.sessionId, answer: stored.answer };
    io.to(actorRoomOf(actorKey)).except(socket.id).emit('poll:answered', mine);
    return { pollId, answer: stored.answer };
  });
}
