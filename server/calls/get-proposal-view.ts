import { getDb } from '@/db/client';
import { callById, roomsOfEvent } from '@/db/queries/calls/calls';
import { facilitatorsOf, proposalById, reviewsOf, revisionsOf } from '@/db/queries/calls/proposals';
import { sessionTimes } from '@/db/queries/calls/sessions';
import { callPhase, editable, type Viewer } from '@/lib/domain/calls';
import { committeeMember, proposalIdOk } from './access';
import { publicShape, summaries } from './read-models';

/**
 * One proposal as `viewer` may see it: its public trail (open call, or the proposer, or the
 * committee), plus its private data for the proposer and the committee, plus the committee's
 * reviews for the committee only. Null when the viewer may not see it.
 */
export async function proposalView(proposalId: string, viewer: Viewer, now = new Date()) {
  if (!proposalIdOk(proposalId)) return null;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const p = await proposalById(tx, proposalId);
    if (!p) return null;
    const call = (await callById(tx, p.callId))!;
    const isProposer = Boolean(viewer && p.proposerUserId === viewer.id);
    const member = await committeeMember(tx, call.id, viewer?.id);
    if (call.visibility !== 'open' && !isProposer && !member) return null;
    const [shape] = await publicShape(tx, call, [p], '', now);
    const [summary] = await summaries(tx, [call], now);
    const privateData =
      isProposer || member
        ? {
            proposerName: p.proposerName,
            proposerEmail: p.proposerEmail,
            needs: p.needs,
            preferredDays: p.preferredDays,
            answers: p.answers,
            facilitators: (await facilitatorsOf(tx, [p.id])).map((f) => ({ name: f.name, organization: f.organization, email: f.email, confirmed: Boolean(f.confirmedAt) })),
            revisions: await revisionsOf(tx, p.id),
          }
        : null;
    const reviews = member ? await reviewsOf(tx, call.id, p.id) : null;
    const session = p.sessionId ? await sessionTimes(tx, p.sessionId) : undefined;
    const roomList = member ? await roomsOfEvent(tx, call.eventId) : [];
    return {
      call: summary!,
      proposal: shape!,
      phase: callPhase(call, now),
      editable: isProposer && editable(p.status) && callPhase(call, now) === 'open',
      isProposer,
      isCommittee: Boolean(member),
      privateData,
      reviews,
      session: session ?? null,
      rooms: roomList,
    };
  });
}
