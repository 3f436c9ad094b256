import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { DomainError } from '@/lib/errors';
import { getDb, type Tx } from '../client';
import { streamDestinations, streams } from '../schema';

/** The stream out of a session (docs/streaming.md): its saved RTMP destinations and its streams. */

export type StreamRow = typeof streams.$inferSelect;
/** `rtmp`: the stream out; `hls`: the diffusion Chemins serves (docs/diffusion.md). One running of each per session. */
export type StreamKind = StreamRow['kind'];
export type SealedDestination = { urlSealed: string; urlMasked: string };

const RUNNING = ['starting', 'live'] as const;

/**
 * A new stream's row, before egress is asked: at most one running per session (the partial unique
 * index), so two moderators starting at once start one egress. Given `destinations`, they replace
 * the saved ones in the same transaction (a start refused because one runs changes nothing; one
 * refused later, nobody on stage, keeps them for the next start). Returns the row and the
 * destinations it streams to (sealed, in order).
 */
export async function openStream(
  sessionId: string,
  by: string | null,
  destinations: SealedDestination[] | undefined,
  kind: StreamKind = 'rtmp',
): Promise<{ row: StreamRow; destinations: SealedDestination[] }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(streams).values({ sessionId, kind, startedBy: by }).onConflictDoNothing().returning();
    if (!row) {
      throw kind === 'hls'
        ? new DomainError(409, 'already_diffusing', 'This session’s diffusion is already running.')
        : new DomainError(409, 'already_streaming', 'This session is already being streamed.');
    }
    if (destinations) {
      await tx.delete(streamDestinations).where(eq(streamDestinations.sessionId, sessionId));
      await tx.insert(streamDestinations).values(destinations.map((d, position) => ({ sessionId, position, ...d, createdBy: by })));
    }
    return { row, destinations: await savedDestinations(sessionId, tx) };
  });
}

/** The session's saved destinations, in order (sealed, and masked: all that is shown of them). */
export async function savedDestinations(sessionId: string, tx?: Tx): Promise<SealedDestination[]> {
  const db = tx ?? (await getDb());
  return db
    .select({ urlSealed: streamDestinations.urlSealed, urlMasked: streamDestinations.urlMasked })
    .from(streamDestinations)
    .where(eq(streamDestinations.sessionId, sessionId))
    .orderBy(asc(streamDestinations.position));
}

export async function setStreamEgressId(streamId: string, egressId: string): Promise<void> {
  const db = await getDb();
  await db.update(streams).set({ egressId }).where(eq(streams.id, streamId));
}

/** A stream that never started (nothing to send yet): forgotten. */
export async function discardStream(streamId: string): Promise<void> {
  const db = await getDb();
  await db.delete(streams).where(and(eq(streams.id, streamId), eq(streams.status, 'starting')));
}

/** The session's running stream (or diffusion), if any. */
export async function currentStream(sessionId: string, kind: StreamKind = 'rtmp'): Promise<StreamRow | null> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(streams)
    .where(and(eq(streams.sessionId, sessionId), eq(streams.kind, kind), inArray(streams.status, [...RUNNING])))
    .orderBy(desc(streams.startedAt))
    .limit(1);
  return row ?? null;
}

export async function streamByEgressId(egressId: string): Promise<StreamRow | null> {
  const db = await getDb();
  const [row] = await db.select().from(streams).where(eq(streams.egressId, egressId));
  return row ?? null;
}

/**
 * A stream's new state: `live` (egress sends), `ended` (stopped) or `failed` (with egress's reason,
 * keys removed). Only a running stream changes (a webhook delivered twice changes nothing); returns
 * the row as it now is, or null when nothing changed.
 */
export async function moveStream(streamId: string, to: 'live' | 'ended' | 'failed', error?: string): Promise<StreamRow | null> {
  const db = await getDb();
  const from = to === 'live' ? (['starting'] as const) : RUNNING;
  const [row] = await db
    .update(streams)
    .set({ status: to, ...(to === 'live' ? {} : { endedAt: new Date() }), ...(error ? { error: error.slice(0, 2000) } : {}) })
    .where(and(eq(streams.id, streamId), inArray(streams.status, [...from])))
    .returning();
  return row ?? null;
}
