import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { digestPeriod } from '@/lib/domain/digest';
import { getDb } from '../client';
import { paths, pathSubscriptions, resources } from '../schema';
import { enqueue } from './mail';

/**
 * Queue the digests that are due at `now`: for every active subscription with resources
 * published on its path since its `since`, one `path_digest` mail keyed by subscription and ISO
 * week (`digest:<subscription>:<week>`), listing those resources; in the same transaction, the
 * subscription's `since` moves to `now` only when its mail was queued. A digest already queued
 * this week wins the key: new resources wait for next week's. Returns how many were queued.
 */
export async function queueDueDigests(now = new Date()): Promise<number> {
  const db = await getDb();
  const at = now.toISOString();
  const period = digestPeriod(now);
  return db.transaction(async (tx) => {
    const res = await tx.execute(sql`
      select s.id, s.email, s.locale, jsonb_agg(r.id order by r.published_at, r.title) as "resourceIds"
        from path_subscriptions s
        join resource_paths rp on rp.path_id = s.path_id
        join resources r on r.id = rp.resource_id
        join paths p on p.id = s.path_id
       where s.unsubscribed_at is null and p.status = 'active'
         and r.status = 'published' and r.published_at > s.since and r.published_at <= ${at}::timestamptz
       group by s.id, s.email, s.locale`);
    const due = (Array.isArray(res) ? res : ((res as unknown as { rows?: unknown[] }).rows ?? [])) as { id: string; email: string; locale: string; resourceIds: string[] | string }[];
    const queued = await enqueue(
      tx,
      'path_digest',
      due.map((d) => ({
        dedupeKey: `digest:${d.id}:${period}`,
        subscriptionId: d.id,
        payload: { to: d.email, locale: d.locale === 'en' ? 'en' : 'fr', period, until: at, resourceIds: typeof d.resourceIds === 'string' ? JSON.parse(d.resourceIds) : d.resourceIds },
      })),
    );
    const ids = queued.map((q) => q.subscriptionId!);
    if (ids.length) await tx.update(pathSubscriptions).set({ since: now }).where(inArray(pathSubscriptions.id, ids));
    return ids.length;
  });
}

export type DigestContent = {
  to: string;
  locale: 'fr' | 'en';
  token: string;
  path: { slug: string; title: string };
  resources: { slug: string; title: string; summary: string; format: string }[];
};

/**
 * What a queued digest says, read when it is sent: null when the subscription was cancelled
 * meanwhile (the mail is dropped). Resources unpublished since are left out.
 */
export async function digestContent(subscriptionId: string, resourceIds: string[]): Promise<DigestContent | null> {
  const db = await getDb();
  const [s] = await db
    .select({ email: pathSubscriptions.email, locale: pathSubscriptions.locale, token: pathSubscriptions.token, slug: paths.slug, title: paths.title })
    .from(pathSubscriptions)
    .innerJoin(paths, eq(paths.id, pathSubscriptions.pathId))
    .where(and(eq(pathSubscriptions.id, subscriptionId), isNull(pathSubscriptions.unsubscribedAt)));
  if (!s) return null;
  const rows = resourceIds.length
    ? await db
        .select({ id: resources.id, slug: resources.slug, title: resources.title, summary: resources.summary, format: resources.format })
        .from(resources)
        .where(and(inArray(resources.id, resourceIds), eq(resources.status, 'published')))
    : [];
  const ordered = resourceIds.map((id) => rows.find((r) => r.id === id)).filter((r): r is (typeof rows)[number] => Boolean(r));
  return {
    to: s.email,
    locale: s.locale === 'en' ? 'en' : 'fr',
    token: s.token,
    path: { slug: s.slug, title: s.title },
    resources: ordered.map(({ id: _id, ...r }) => r),
  };
}
