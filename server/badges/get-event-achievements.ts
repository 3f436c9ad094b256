import { getDb } from '@/db/client';
import { achievementsForPage, eventBySlug, viewerAwardsOfIssuer } from '@/db/queries/badges/pages';
import { normalEmail } from '@/lib/domain/badges';
import { ensureEventIssuer } from './ensure-event-issuer';

/** An event's achievements for its badges page, with the viewer's own badge of each. */
export async function eventAchievements(eventSlug: string, viewerEmail?: string | null) {
  const db = await getDb();
  const event = await eventBySlug(db, eventSlug);
  if (!event) return null;
  const issuer = await ensureEventIssuer(event.id);
  const list = await achievementsForPage(db, issuer.id);
  const mine = viewerEmail ? await viewerAwardsOfIssuer(db, issuer.id, normalEmail(viewerEmail)) : [];
  const byAchievement = new Map(mine.map((m) => [m.achievementId, m]));
  return { event, issuer, achievements: list.map((a) => ({ ...a, mine: byAchievement.get(a.id) ?? null })) };
}
