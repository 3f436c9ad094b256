import { getDb } from '@/db/client';
import { eventById, roomOfKey } from '@/db/queries/calls/calls';
import { updateProposal } from '@/db/queries/calls/proposals';
import { updateSession } from '@/db/queries/calls/sessions';
import { byOf, move, textDiff, type Viewer } from '@/lib/domain/calls';
import { zonedInstant } from '@/lib/domain/time';
import { DomainError } from '@/lib/errors';
import { lockProposal, requireMember } from './access';
import { recordTransition } from './record-transition';

/**
 * Schedule an accepted proposal: its session gets its time and room and is confirmed. A change
 * to the title or abstract is recorded as a diff in the timeline and mailed to the proposer.
 */
export async function scheduleProposal(
  user: NonNullable<Viewer>,
  proposalId: string,
  s: { title: string; abstract: string; day: string; start: string; end: string; room: string | null; reason: string },
  now = new Date(),
) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { p, call } = await lockProposal(tx, proposalId);
    const member = await requireMember(tx, call.id, user.id);
    const status = move(p, 'schedule');
    if (!p.sessionId) throw new DomainError(409, 'invalid_transition', 'This proposal has no draft session.');
    const event = (await eventById(tx, call.eventId))!;
    let roomId: string | null = null;
    if (s.room) {
      const room = await roomOfKey(tx, event.id, s.room);
      if (!room) throw new DomainError(400, 'invalid', 'No such room.', { room: 'unknown' });
      roomId = room.id;
    }
    const diff = textDiff(p, s);
    await updateSession(tx, p.sessionId, {
      title: s.title,
      description: s.abstract,
      status: 'confirmed',
      startsAt: zonedInstant(s.day, s.start, event.timeZone),
      endsAt: zonedInstant(s.day, s.end, event.timeZone),
      roomId,
    });
    await updateProposal(tx, p.id, { status, statusChangedAt: now, updatedAt: now, title: s.title, abstract: s.abstract });
    await recordTransition(tx, { ...p, title: s.title }, call, { status, by: byOf(call, member), actorUserId: user.id, reason: s.reason || null, diff, mail: true }, now);
    return { status, diff };
  });
}
