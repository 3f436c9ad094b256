import { getDb } from '@/db/client';
import { insertAchievement } from '@/db/queries/badges/achievements';
import { eventIdOf } from '@/db/queries/badges/issuers';
import { achievementImage } from '@/lib/badges/image';
import { type AchievementKind, DEFAULT_MIN_MINUTES } from '@/lib/domain/badges';
import { ensureEventIssuer } from './ensure-event-issuer';
import { mayManageIssuer } from './may-manage-issuer';

/** A new achievement of an event's issuer (organizers): a request-based one, or a built-in kind not yet defined. */
export async function createAchievement(
  userId: string,
  eventSlug: string,
  input: { kind: AchievementKind; name: string; description: string; criteria: string; minMinutes?: number },
): Promise<{ ok: true; id: string } | { ok: false; code: 'not_found' | 'forbidden' | 'exists' }> {
  const db = await getDb();
  const eventId = await eventIdOf(db, eventSlug);
  if (!eventId) return { ok: false, code: 'not_found' };
  const issuer = await ensureEventIssuer(eventId);
  if (!(await mayManageIssuer(userId, issuer))) return { ok: false, code: 'forbidden' };
  const id = await insertAchievement(db, {
    issuerId: issuer.id,
    kind: input.kind,
    name: input.name,
    description: input.description,
    criteria: input.criteria,
    image: achievementImage(input.kind, input.name),
    minMinutes: input.kind === 'participated' ? (input.minMinutes ?? DEFAULT_MIN_MINUTES) : null,
  });
  return id ? { ok: true, id } : { ok: false, code: 'exists' };
}
