import { getDb } from '@/db/client';
import { awardOfRecipient, updateAwardIn } from '@/db/queries/badges/awards';
import { type BadgeAction, type BadgeRefusal, mayShowPublicly, nextStatus, normalEmail } from '@/lib/domain/badges';

/** The recipient accepts or declines a badge offered to them, or shows or hides it publicly. */
export async function respondToBadge(
  email: string,
  awardId: string,
  action: Extract<BadgeAction, 'accept' | 'reject' | 'publish' | 'unpublish'>,
): Promise<{ ok: true } | BadgeRefusal> {
  const db = await getDb();
  const award = await awardOfRecipient(db, awardId, normalEmail(email));
  if (!award) return { ok: false, code: 'not_found' };
  const to = nextStatus(award.status, action);
  if (!to || (action === 'publish' && !mayShowPublicly(award))) return { ok: false, code: 'invalid_transition' };
  const set =
    action === 'accept'
      ? { status: to, acceptedAt: new Date() }
      : action === 'reject'
        ? { status: to, isPublic: false }
        : { isPublic: action === 'publish' };
  await updateAwardIn(db, awardId, award.status, set);
  return { ok: true };
}
