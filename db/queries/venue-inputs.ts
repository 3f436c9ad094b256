import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '../client';
import { venueInputs } from '../schema';

// Venue inputs of sessions (issue 28; server/media/venue-inputs.ts decides who may and talks to
// LiveKit). The token is never stored: only the version its participant identity carries.

export type VenueInputRow = typeof venueInputs.$inferSelect;

export async function insertVenueInput(input: { sessionId: string; name: string; createdBy: string | null }): Promise<VenueInputRow> {
  const db = await getDb();
  const [row] = await db.insert(venueInputs).values(input).returning();
  return row!;
}

/** The session's inputs in use (not revoked), oldest first. */
export async function listVenueInputs(sessionId: string): Promise<VenueInputRow[]> {
  const db = await getDb();
  return db
    .select()
    .from(venueInputs)
    .where(and(eq(venueInputs.sessionId, sessionId), isNull(venueInputs.revokedAt)))
    .orderBy(asc(venueInputs.createdAt), asc(venueInputs.id));
}

const current = (sessionId: string, id: string) => and(eq(venueInputs.id, id), eq(venueInputs.sessionId, sessionId), isNull(venueInputs.revokedAt));

/**
 * A new token version for an input in use (the previous token no longer publishes), or null when
 * the session has no such input. Answers the row as it is now and the version replaced.
 */
export async function renewVenueInput(sessionId: string, id: string): Promise<{ row: VenueInputRow; replaced: number } | null> {
  const db = await getDb();
  const [row] = await db
    .update(venueInputs)
    .set({ tokenVersion: sql`${venueInputs.tokenVersion} + 1`, tokenIssuedAt: sql`now()` })
    .where(current(sessionId, id))
    .returning();
  return row ? { row, replaced: row.tokenVersion - 1 } : null;
}

/** Revoke an input in use; null when the session has no such input (or it is already revoked). */
export async function revokeVenueInput(sessionId: string, id: string): Promise<VenueInputRow | null> {
  const db = await getDb();
  const [row] = await db.update(venueInputs).set({ revokedAt: sql`now()` }).where(current(sessionId, id)).returning();
  return row ?? null;
}

/** Does this token version of this session's input still publish (not revoked, not replaced)? */
export async function venueTokenValid(sessionId: string, id: string, version: number): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ version: venueInputs.tokenVersion })
    .from(venueInputs)
    .where(current(sessionId, id));
  return row?.version === version;
}
