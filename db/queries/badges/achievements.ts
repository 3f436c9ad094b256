import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AchievementKind } from '@/lib/domain/badges';
import { achievements } from '../../schema';
import type { Q } from './issuers';

/** Achievements (`achievements`): what an issuer awards. */

export type AchievementRow = typeof achievements.$inferSelect;

/** Inserts achievements, skipping those that exist already. */
export async function insertAchievements(q: Q, rows: (typeof achievements.$inferInsert)[]): Promise<void> {
  await q.insert(achievements).values(rows).onConflictDoNothing();
}

/** Inserts one achievement; null when it exists already. */
export async function insertAchievement(q: Q, values: typeof achievements.$inferInsert): Promise<string | null> {
  const [row] = await q.insert(achievements).values(values).onConflictDoNothing().returning({ id: achievements.id });
  return row?.id ?? null;
}

export async function achievementById(q: Q, id: string): Promise<AchievementRow | null> {
  const [row] = await q.select().from(achievements).where(eq(achievements.id, id));
  return row ?? null;
}

/** An issuer's achievements, oldest first (then by name). */
export async function achievementsOfIssuer(q: Q, issuerId: string): Promise<AchievementRow[]> {
  return q.select().from(achievements).where(eq(achievements.issuerId, issuerId)).orderBy(asc(achievements.createdAt), asc(achievements.name));
}

/** An issuer's achievements of these kinds. */
export async function achievementsOfKinds(q: Q, issuerId: string, kinds: AchievementKind[]): Promise<AchievementRow[]> {
  return q.select().from(achievements).where(and(eq(achievements.issuerId, issuerId), inArray(achievements.kind, kinds)));
}
