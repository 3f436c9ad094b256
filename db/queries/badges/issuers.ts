import { and, asc, eq, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../client';
import { badgeAwards, badgeIssuers, events } from '../../schema';

/** Badge issuers (`badge_issuers`): their rows, their revocation lists, and the events they issue for. */

export type Q = Db | Tx;
export type IssuerRow = typeof badgeIssuers.$inferSelect;

export async function platformIssuerRow(q: Q, slug: string): Promise<IssuerRow | null> {
  const [row] = await q.select().from(badgeIssuers).where(and(isNull(badgeIssuers.eventId), eq(badgeIssuers.slug, slug)));
  return row ?? null;
}

export async function issuerOfEvent(q: Q, eventId: string): Promise<IssuerRow | null> {
  const [row] = await q.select().from(badgeIssuers).where(eq(badgeIssuers.eventId, eventId));
  return row ?? null;
}

export async function issuerBySlug(q: Q, slug: string): Promise<IssuerRow | null> {
  const [row] = await q.select().from(badgeIssuers).where(eq(badgeIssuers.slug, slug));
  return row ?? null;
}

export async function issuerById(q: Q, id: string): Promise<IssuerRow | null> {
  const [row] = await q.select().from(badgeIssuers).where(eq(badgeIssuers.id, id));
  return row ?? null;
}

export async function issuerSlugTaken(q: Q, slug: string): Promise<boolean> {
  const [taken] = await q.select({ id: badgeIssuers.id }).from(badgeIssuers).where(eq(badgeIssuers.slug, slug));
  return !!taken;
}

/** Inserts an issuer; false when one with its slug (or its event) exists already. */
export async function insertIssuer(q: Q, values: typeof badgeIssuers.$inferInsert): Promise<boolean> {
  const [row] = await q.insert(badgeIssuers).values(values).onConflictDoNothing().returning({ id: badgeIssuers.id });
  return !!row;
}

/** Every issuer's slug and name, by slug. */
export async function issuerNames(q: Q) {
  return q.select({ slug: badgeIssuers.slug, name: badgeIssuers.name }).from(badgeIssuers).orderBy(asc(badgeIssuers.slug));
}

/**
 * Moves the issuer's next free position in its revocation list `n` places on, in a statement of
 * its own; returns the next free position after the move.
 */
export async function advanceStatusIndex(q: Q, issuerId: string, n: number): Promise<number> {
  const [row] = await q
    .update(badgeIssuers)
    .set({ nextStatusIndex: sql`${badgeIssuers.nextStatusIndex} + ${n}` })
    .where(eq(badgeIssuers.id, issuerId))
    .returning({ next: badgeIssuers.nextStatusIndex });
  return row!.next;
}

/** Positions in the issuer's revocation list of its revoked badges. */
export async function revokedStatusIndexes(q: Q, issuerId: string): Promise<number[]> {
  const rows = await q
    .select({ index: badgeAwards.statusIndex })
    .from(badgeAwards)
    .where(and(eq(badgeAwards.issuerId, issuerId), isNotNull(badgeAwards.revokedAt), isNotNull(badgeAwards.statusIndex)));
  return rows.map((r) => r.index!);
}

/** Keeps the signed status list on the issuer's row, with what it was signed from. */
export async function saveStatusList(q: Q, issuerId: string, signed: Record<string, unknown>, source: string): Promise<void> {
  await q.update(badgeIssuers).set({ statusListSigned: signed, statusListSource: source }).where(eq(badgeIssuers.id, issuerId));
}

/** An event's id by its slug, or null. */
export async function eventIdOf(q: Q, slug: string): Promise<string | null> {
  const [row] = await q.select({ id: events.id }).from(events).where(eq(events.slug, slug));
  return row?.id ?? null;
}

export async function eventSlugAndTitle(q: Q, eventId: string) {
  const [event] = await q.select({ slug: events.slug, title: events.title }).from(events).where(eq(events.id, eventId));
  return event ?? null;
}

/** Ids of the events started by `now`. */
export async function startedEventIds(q: Q, now: Date): Promise<string[]> {
  return (await q.select({ id: events.id }).from(events).where(lte(events.startsAt, now))).map((e) => e.id);
}
