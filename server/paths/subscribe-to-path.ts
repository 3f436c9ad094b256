import { getDb } from '@/db/client';
import { upsertSubscription } from '@/db/queries/paths/subscriptions';
import { pathIdOf } from './path-id';

/**
 * Subscribe an address to a path's digest (opt-in: the signed-in user's own address, or a
 * registrant's through their personal link). Subscribing again re-activates. Returns the
 * unsubscribe token.
 */
export async function subscribeToPath(
  pathSlug: string,
  who: { email: string; userId?: string | null; registrationId?: string | null; locale?: 'fr' | 'en' },
  now = new Date(),
): Promise<{ token: string }> {
  const db = await getDb();
  const pathId = await pathIdOf(pathSlug);
  const token = await upsertSubscription(
    db,
    pathId,
    { email: who.email.toLowerCase(), userId: who.userId ?? null, registrationId: who.registrationId ?? null, locale: who.locale ?? 'fr' },
    now,
  );
  return { token };
}
