import type { Tx } from '@/db/client';
import { type Call, eventById } from '@/db/queries/calls/calls';
import { facilitatorsOf, type Proposal } from '@/db/queries/calls/proposals';
import { addSessionFacilitator, insertSession } from '@/db/queries/calls/sessions';
import { personOfName } from '@/db/queries/people';
import { freeSessionSlug } from '@/db/queries/programme-admin';
import { sessionKindOf } from '@/lib/domain/calls';
import { localDate, zonedInstant } from '@/lib/domain/time';

/**
 * Draft programme session of an accepted proposal (tentative, a `draft`: off the public programme
 * and registration until the organizers schedule and publish it), with its confirmed facilitators.
 */
export async function draftSession(tx: Tx, p: Proposal, call: Call) {
  const event = (await eventById(tx, call.eventId))!;
  const day = p.preferredDays[0] ?? localDate(event.startsAt, event.timeZone);
  const session = await insertSession(tx, {
    eventId: event.id,
    slug: await freeSessionSlug(tx, event.id, p.title),
    title: p.title,
    description: p.abstract,
    kind: sessionKindOf(p.format),
    status: 'tentative',
    draft: true,
    startsAt: zonedInstant(day, '09:00', event.timeZone),
    endsAt: zonedInstant(day, '10:30', event.timeZone),
  });
  const facilitators = (await facilitatorsOf(tx, [p.id])).filter((f) => f.confirmedAt);
  for (const f of facilitators) {
    const personId = await personOfName(tx, f.name, f.organization);
    await addSessionFacilitator(tx, { sessionId: session.id, personId, position: f.position, organization: f.organization });
  }
  return session.id;
}
