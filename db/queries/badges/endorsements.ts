import { and, asc, desc, eq } from 'drizzle-orm';
import { achievements, badgeEndorsements } from '../../schema';
import type { Q } from './issuers';

/** Endorsements (`badge_endorsements`): holders of a badge vouching for its achievement. */

/** Whether the address endorsed the achievement already. */
export async function hasEndorsed(q: Q, achievementId: string, email: string): Promise<boolean> {
  const [existing] = await q
    .select({ id: badgeEndorsements.id })
    .from(badgeEndorsements)
    .where(and(eq(badgeEndorsements.achievementId, achievementId), eq(badgeEndorsements.endorserEmail, email)));
  return !!existing;
}

/** Inserts an endorsement; false when the address endorsed the achievement already. */
export async function insertEndorsement(q: Q, values: typeof badgeEndorsements.$inferInsert): Promise<boolean> {
  const [row] = await q.insert(badgeEndorsements).values(values).onConflictDoNothing().returning({ id: badgeEndorsements.id });
  return !!row;
}

/** An endorsement's signed credential, or null. */
export async function endorsementCredentialById(q: Q, id: string) {
  const [row] = await q.select({ credential: badgeEndorsements.credential }).from(badgeEndorsements).where(eq(badgeEndorsements.id, id));
  return row?.credential ?? null;
}

/** Endorsements an address gave, newest first. */
export async function endorsementsGivenBy(q: Q, email: string) {
  return q
    .select({ id: badgeEndorsements.id, comment: badgeEndorsements.comment, achievementId: achievements.id, name: achievements.name, createdAt: badgeEndorsements.createdAt })
    .from(badgeEndorsements)
    .innerJoin(achievements, eq(achievements.id, badgeEndorsements.achievementId))
    .where(eq(badgeEndorsements.endorserEmail, email))
    .orderBy(desc(badgeEndorsements.createdAt));
}

/** An achievement's endorsements, oldest first. */
export async function endorsementsOf(q: Q, achievementId: string) {
  return q
    .select({ id: badgeEndorsements.id, name: badgeEndorsements.endorserName, comment: badgeEndorsements.comment, createdAt: badgeEndorsements.createdAt })
    .from(badgeEndorsements)
    .where(eq(badgeEndorsements.achievementId, achievementId))
    .orderBy(asc(badgeEndorsements.createdAt));
}
