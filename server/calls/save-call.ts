import { getDb } from '@/db/client';
import { callBySlug, insertCall, replaceCommittee, updateCall } from '@/db/queries/calls/calls';
import { organizedEvent } from '@/db/queries/organizer';
import type { CallInput } from '@/lib/domain/calls';
import { DomainError } from '@/lib/errors';

/** Create (no `callSlug`) or update a call on an event (its organizers), with its committee. */
export async function saveCall(actorId: string, eventSlug: string, input: CallInput, callSlug?: string): Promise<string> {
  const event = await organizedEvent(actorId, eventSlug);
  if (!event) throw new DomainError(403, 'forbidden', 'Only the event’s organizers can open a call.');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const values = {
      eventId: event.id,
      slug: input.slug,
      title: input.title,
      description: input.description,
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      answerBy: input.answerBy,
      formats: input.formats,
      slots: input.slots,
      questions: input.questions,
      criteria: input.criteria,
      visibility: input.visibility,
      committeeName: input.committeeName,
      namedDecisions: input.namedDecisions,
      staleDays: input.staleDays,
      updatedAt: new Date(),
    };
    let callId: string;
    if (callSlug) {
      const call = await callBySlug(tx, callSlug);
      if (!call || call.eventId !== event.id) throw new DomainError(404, 'call_not_found', 'No such call for proposals.');
      if (input.slug !== callSlug) throw new DomainError(400, 'invalid', 'A call’s address cannot change.', { slug: 'unchangeable' });
      await updateCall(tx, call.id, values);
      callId = call.id;
    } else {
      const row = await insertCall(tx, values);
      if (!row) throw new DomainError(409, 'slug_taken', 'This address is already taken.', { slug: 'taken' });
      callId = row.id;
    }
    await replaceCommittee(tx, callId, input.committee);
    return input.slug;
  });
}
