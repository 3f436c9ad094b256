import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { digestPeriod } from '@/lib/domain/digest';
import { getDb } from '../client';
import { paths, pathSubscriptions, resources } from '../schema';

function rowCount(res: unknown): number {
  return Array.isArray(res) ? res.length : ((res as { rows?: unknown[] }).rows?.length ?? 0);
}

/**
 * Queue the digests that are due at `now`, in one statement: for every active subscription with
 * resources published on its path since its `since`, one `path_digest` mail keyed by
 * subscription and ISO week (`digest:<subscription>:<week>`), listing those resources; the
 * subscription's `since` moves to `now` only when its mail was queued. A digest already queued
 * this week wins the key: new resources wait for next week's. Returns how many were queued.
 */
export async function queueDueDigests(now = new Date()): Promise<number> {
  const db = await getDb();
  const at = now.toISOString();
  const period = digestPeriod(now);
  const res = await db.execute(sql`
    with due as (
      select s.id, s.email, s.locale,
             jsonb_agg(r.id order by r.published_at, r.title) as resource_ids
        from path_subscriptions s
        join resource_paths rp on rp.path_id = s.path_id
        join resources r on r.id = rp.resource_id
        join paths p on p.id = s.path_id
       where s.unsubscribed_at is null and p.status = 'active'
         and r.status = 'published' and r.published_at > s.since and r.published_at <= ${at}::timestamptz
       group by s.id, s.email, s.locale
    ),
    queued as (
      insert into mail_outbox (kind, dedupe_key, subscription_id, payload)
      select 'path_digest', 'digest:' || due.id || ':' || ${period}::text, due.id,
             jsonb_build_object('to', due.email, 'locale', due.locale, 'period', ${period}::text,
                                'until', ${at}::text, 'resourceIds', due.resource_ids)
        from due
      on conflict (dedupe_key) do nothing
      returning subscription_id
    )
    update path_subscriptions set since = ${at}::timestamptz
     where id in (select subscription_id from queued)
    returning id`);
  return rowCount(res);
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
