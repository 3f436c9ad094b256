import type { z } from 'zod';
import type { SessionAccess } from '@/db/queries/live';
import { captionLangOf } from '@/lib/domain/captions';
import { isLive } from '@/lib/domain/time';
import { DomainError } from '@/lib/errors';
import { may } from '@/lib/policy';
import type { CaptionLine, captionSend } from '@/lib/realtime/protocol';
import { publishCaptionLine } from './publish';

/** May this person type the session's captions (`session.caption`: its captioners, moderators, organizers, admins)? */
export const mayCaption = (a: Pick<SessionAccess, 'grants' | 'session'>) => may(a.grants, 'session.caption', { sessionId: a.session.id, eventId: a.session.eventId });

/**
 * A captioner sends a line: refused to anyone else (`forbidden`) and while the session is not live
 * (`not_live`), then stored under the rate limit and sent to everyone in the session.
 */
export async function sendCaption(a: SessionAccess, input: z.output<typeof captionSend>, now = new Date()): Promise<CaptionLine> {
  if (!a.actorKey || !mayCaption(a)) throw new DomainError(403, 'forbidden', 'Only the session’s captioners can send captions.');
  if (!isLive(a.session, now)) throw new DomainError(409, 'not_live', 'This session is not live: captions are sent while it is.');
  return publishCaptionLine({
    sessionId: a.session.id,
    authorKey: a.actorKey,
    text: input.text,
    lang: input.lang ?? captionLangOf(a.session.language),
    speaker: input.speaker || null,
  });
}
