import { pick } from '../columns';
import { and, asc, desc, eq } from 'drizzle-orm';
import { achievements, badgeAwards, badgeEndorsements, badgeIssuers, events } from '../../schema';
import type { Q } from './issuers';

/** Read-models of the badge pages and documents. */

/** A badge's credential with what its page shows (issuer, achievement, status), or null when never signed. */
export async function awardCredential(q: Q, awardId: string) {
  const [row] = await q
    .select({
      ...pick(badgeAwards, 'credential', 'status', 'revokedAt', 'recipientName'),
      kind: achievements.kind,
      name: achievements.name,
      achievementId: achievements.id,
      issuerName: badgeIssuers.name,
      issuerSlug: badgeIssuers.slug,
    })
    .from(badgeAwards)
    .innerJoin(achievements, eq(achievements.id, badgeAwards.achievementId))
    .innerJoin(badgeIssuers, eq(badgeIssuers.id, badgeAwards.issuerId))
    .where(eq(badgeAwards.id, awardId));
  return row?.credential ? { ...row, credential: row.credential } : null;
}

/** An address's badges and requests, newest first (the portfolio). */
export async function portfolioOf(q: Q, email: string) {
  return q
    .select({
      ...pick(badgeAwards, 'id', 'status', 'isPublic', 'revokedAt', 'evidence', 'decisionReason', 'issuedAt', 'createdAt'),
      achievementId: achievements.id,
      ...pick(achievements, 'name', 'kind', 'image'),
      issuerName: badgeIssuers.name,
    })
    .from(badgeAwards)
    .innerJoin(achievements, eq(achievements.id, badgeAwards.achievementId))
    .innerJoin(badgeIssuers, eq(badgeIssuers.id, badgeAwards.issuerId))
    .where(eq(badgeAwards.recipientEmail, email))
    .orderBy(desc(badgeAwards.createdAt));
}

/** An achievement with its issuer and the issuer's event's slug. */
export async function achievementWithIssuer(q: Q, id: string) {
  const [row] = await q
    .select({ achievement: achievements, issuer: badgeIssuers, eventSlug: events.slug })
    .from(achievements)
    .innerJoin(badgeIssuers, eq(badgeIssuers.id, achievements.issuerId))
    .leftJoin(events, eq(events.id, badgeIssuers.eventId))
    .where(eq(achievements.id, id));
  return row ?? null;
}

/** An address's badge for an achievement (id, status, revocation), or null. */
export async function viewerAward(q: Q, achievementId: string, email: string) {
  const [row] = await q
    .select({ id: badgeAwards.id, status: badgeAwards.status, revokedAt: badgeAwards.revokedAt })
    .from(badgeAwards)
    .where(and(eq(badgeAwards.achievementId, achievementId), eq(badgeAwards.recipientEmail, email)));
  return row ?? null;
}

/** An address's endorsements of an achievement. */
export async function endorsementsOfBy(q: Q, achievementId: string, email: string) {
  return q
    .select({ id: badgeEndorsements.id })
    .from(badgeEndorsements)
    .where(and(eq(badgeEndorsements.achievementId, achievementId), eq(badgeEndorsements.endorserEmail, email)));
}

/** An event by its slug (id, title, slug), or null. */
export async function eventBySlug(q: Q, slug: string) {
  const [event] = await q.select({ id: events.id, title: events.title, slug: events.slug }).from(events).where(eq(events.slug, slug));
  return event ?? null;
}

/** An issuer's achievements, oldest first (the event's badges page). */
export async function achievementsForPage(q: Q, issuerId: string) {
  return q.select().from(achievements).where(eq(achievements.issuerId, issuerId)).orderBy(asc(achievements.createdAt));
}

/** An address's badges from an issuer. */
export async function viewerAwardsOfIssuer(q: Q, issuerId: string, email: string) {
  return q
    .select({ achievementId: badgeAwards.achievementId, id: badgeAwards.id, status: badgeAwards.status, decisionReason: badgeAwards.decisionReason })
    .from(badgeAwards)
    .where(and(eq(badgeAwards.issuerId, issuerId), eq(badgeAwards.recipientEmail, email)));
}

/** An issuer's badges and requests for its managers, newest first (at most 500). */
export async function awardsOfIssuer(q: Q, issuerId: string) {
  return q
    .select({
      ...pick(badgeAwards, 'id', 'status', 'recipientName', 'recipientEmail', 'evidence', 'decisionReason', 'revokedAt', 'createdAt'),
      name: achievements.name,
    })
    .from(badgeAwards)
    .innerJoin(achievements, eq(achievements.id, badgeAwards.achievementId))
    .where(eq(badgeAwards.issuerId, issuerId))
    .orderBy(desc(badgeAwards.createdAt), desc(badgeAwards.id))
    .limit(500);
}
