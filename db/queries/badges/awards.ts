import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { BadgeStatus } from '@/lib/domain/badges';
import { achievements, badgeAwards, badgeIssuers } from '../../schema';
import type { Q } from './issuers';

/** Badges (`badge_awards`): one row per achievement and recipient, from request or offer to acceptance and revocation. */

export type AwardInsert = typeof badgeAwards.$inferInsert;

/** Which of these (normalised) addresses have a badge for the achievement already, whatever its status. */
export async function emailsWithAward(q: Q, achievementId: string, emails: string[]): Promise<string[]> {
  const rows = await q
    .select({ email: badgeAwards.recipientEmail })
    .from(badgeAwards)
    .where(and(eq(badgeAwards.achievementId, achievementId), inArray(badgeAwards.recipientEmail, emails)));
  return rows.map((r) => r.email);
}

/** Inserts badges, skipping those that exist already; returns how many were inserted. */
export async function insertAwards(q: Q, rows: AwardInsert[]): Promise<number> {
  return (await q.insert(badgeAwards).values(rows).onConflictDoNothing().returning({ id: badgeAwards.id })).length;
}

/** Inserts a badge; its id, or null when the recipient has one for the achievement already. */
export async function insertAward(q: Q, values: AwardInsert): Promise<string | null> {
  const [row] = await q.insert(badgeAwards).values(values).onConflictDoNothing().returning({ id: badgeAwards.id });
  return row?.id ?? null;
}

/** A badge with its achievement and issuer. */
export async function awardInFull(q: Q, awardId: string) {
  const [row] = await q
    .select({ award: badgeAwards, achievement: achievements, issuer: badgeIssuers })
    .from(badgeAwards)
    .innerJoin(achievements, eq(achievements.id, badgeAwards.achievementId))
    .innerJoin(badgeIssuers, eq(badgeIssuers.id, badgeAwards.issuerId))
    .where(eq(badgeAwards.id, awardId));
  return row ?? null;
}

/** A badge with its issuer. */
export async function awardWithIssuer(q: Q, awardId: string) {
  const [row] = await q
    .select({ award: badgeAwards, issuer: badgeIssuers })
    .from(badgeAwards)
    .innerJoin(badgeIssuers, eq(badgeIssuers.id, badgeAwards.issuerId))
    .where(eq(badgeAwards.id, awardId));
  return row ?? null;
}

/** A recipient's badge for an achievement, locked for the rest of the transaction. */
export async function lockAwardOf(q: Q, achievementId: string, email: string) {
  const [row] = await q
    .select({ id: badgeAwards.id, status: badgeAwards.status })
    .from(badgeAwards)
    .where(and(eq(badgeAwards.achievementId, achievementId), eq(badgeAwards.recipientEmail, email)))
    .for('update');
  return row ?? null;
}

/** A recipient's badge (by its id and their address): its status, and whether it was revoked. */
export async function awardOfRecipient(q: Q, awardId: string, email: string) {
  const [row] = await q
    .select({ status: badgeAwards.status, revokedAt: badgeAwards.revokedAt })
    .from(badgeAwards)
    .where(and(eq(badgeAwards.id, awardId), eq(badgeAwards.recipientEmail, email)));
  return row ?? null;
}

/** Updates a badge. */
export async function updateAward(q: Q, awardId: string, set: Partial<AwardInsert>): Promise<void> {
  await q.update(badgeAwards).set(set).where(eq(badgeAwards.id, awardId));
}

/** Updates a badge if it is still in `status`; false when it no longer is. */
export async function updateAwardIn(q: Q, awardId: string, status: BadgeStatus, set: Partial<AwardInsert>): Promise<boolean> {
  const done = await q
    .update(badgeAwards)
    .set(set)
    .where(and(eq(badgeAwards.id, awardId), eq(badgeAwards.status, status)))
    .returning({ id: badgeAwards.id });
  return done.length > 0;
}

/** Marks a badge revoked (and hidden), once. */
export async function markRevoked(q: Q, awardId: string): Promise<void> {
  await q
    .update(badgeAwards)
    .set({ revokedAt: new Date(), isPublic: false })
    .where(and(eq(badgeAwards.id, awardId), isNull(badgeAwards.revokedAt)));
}

/** Whether the address holds an accepted, unrevoked badge for the achievement. */
export async function holdsAward(q: Q, achievementId: string, email: string): Promise<boolean> {
  const [held] = await q
    .select({ id: badgeAwards.id })
    .from(badgeAwards)
    .where(and(eq(badgeAwards.achievementId, achievementId), eq(badgeAwards.recipientEmail, email), eq(badgeAwards.status, 'accepted'), isNull(badgeAwards.revokedAt)));
  return !!held;
}

/** Recipients who show their (accepted, unrevoked) badge publicly, by achievement, first accepted first. */
export async function publicRecipients(q: Q, achievementIds: string[]) {
  const out = new Map<string, { id: string; name: string }[]>();
  if (!achievementIds.length) return out;
  const rows = await q
    .select({ id: badgeAwards.id, achievementId: badgeAwards.achievementId, name: badgeAwards.recipientName })
    .from(badgeAwards)
    .where(and(inArray(badgeAwards.achievementId, achievementIds), eq(badgeAwards.isPublic, true), eq(badgeAwards.status, 'accepted'), isNull(badgeAwards.revokedAt)))
    .orderBy(asc(badgeAwards.acceptedAt));
  for (const r of rows) out.set(r.achievementId, [...(out.get(r.achievementId) ?? []), { id: r.id, name: r.name }]);
  return out;
}
