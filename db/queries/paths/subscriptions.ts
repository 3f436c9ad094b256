import { and, eq, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../client';
import { pathSubscriptions, paths } from '../../schema';

// Digest subscriptions to paths.

type Q = Db | Tx;

/** Subscribe an address to a path's digest (again: re-activated, `since` kept while active); its unsubscribe token. */
export async function upsertSubscription(
  q: Q,
  pathId: string,
  who: { email: string; userId: string | null; registrationId: string | null; locale: 'fr' | 'en' },
  now: Date,
): Promise<string> {
  const [row] = await q
    .insert(pathSubscriptions)
    .values({ pathId, email: who.email, userId: who.userId, registrationId: who.registrationId, locale: who.locale, since: now })
    .onConflictDoUpdate({
      target: [pathSubscriptions.pathId, pathSubscriptions.email],
      set: {
        unsubscribedAt: null,
        locale: who.locale,
        since: sql`case when ${pathSubscriptions.unsubscribedAt} is null then ${pathSubscriptions.since} else ${now.toISOString()}::timestamptz end`,
      },
    })
    .returning({ token: pathSubscriptions.token });
  return row!.token;
}

/** Mark the token's subscription unsubscribed (once); the path's id, or undefined for an unknown token. */
export async function unsubscribeToken(q: Q, token: string, now: Date): Promise<string | undefined> {
  const [row] = await q
    .update(pathSubscriptions)
    .set({ unsubscribedAt: sql`coalesce(${pathSubscriptions.unsubscribedAt}, ${now.toISOString()}::timestamptz)` })
    .where(eq(pathSubscriptions.token, token))
    .returning({ pathId: pathSubscriptions.pathId });
  return row?.pathId;
}

/** A path's slug and title by id, or null. */
export async function pathNameOf(q: Q, pathId: string): Promise<{ slug: string; title: string } | null> {
  const [p] = await q.select({ slug: paths.slug, title: paths.title }).from(paths).where(eq(paths.id, pathId));
  return p ?? null;
}

/** The subscription to the path of `email` or of the user (active or not), or null. */
export async function subscriptionRow(q: Q, pathSlug: string, who: { email?: string | null; userId?: string | null }) {
  const [row] = await q
    .select({ token: pathSubscriptions.token, active: sql<boolean>`${pathSubscriptions.unsubscribedAt} is null` })
    .from(pathSubscriptions)
    .innerJoin(paths, eq(paths.id, pathSubscriptions.pathId))
    .where(
      and(
        eq(paths.slug, pathSlug),
        or(
          who.email ? eq(pathSubscriptions.email, who.email.toLowerCase()) : undefined,
          who.userId ? eq(pathSubscriptions.userId, who.userId) : undefined,
        ),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** The path of an unsubscribe token, or null. */
export async function pathOfToken(q: Q, token: string): Promise<{ slug: string; title: string } | null> {
  const [p] = await q
    .select({ slug: paths.slug, title: paths.title })
    .from(pathSubscriptions)
    .innerJoin(paths, eq(paths.id, pathSubscriptions.pathId))
    .where(eq(pathSubscriptions.token, token));
  return p ?? null;
}
