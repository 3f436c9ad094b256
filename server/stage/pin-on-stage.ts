import type { SessionAccess } from '@/db/queries/live';
import { setStagePin } from '@/db/queries/video';
import { DomainError } from '@/lib/errors';
import { stagePinToRoom } from '@/server/media/layout';
import type { StagePin } from '@/lib/realtime/protocol';

/**
 * A moderator pins a participant on the session's stage (the sign-language interpreter: their
 * video stays large beside the active speaker for everyone, the projector and the composite egress
 * records and streams, which follows the LiveKit room's metadata), or unpins (`identity` null).
 * Stored with the session's live room state, so that late joiners get it with `session:join`; the
 * room forgets it when it finishes.
 */
export async function pinOnStage(a: Pick<SessionAccess, 'isModerator' | 'session'>, identity: string | null): Promise<StagePin> {
  if (!a.isModerator) throw new DomainError(403, 'forbidden', 'Only the session’s moderators can pin someone on the stage.');
  await setStagePin(a.session.id, identity);
  await stagePinToRoom(a.session.id, identity);
  return { sessionId: a.session.id, identity };
}
