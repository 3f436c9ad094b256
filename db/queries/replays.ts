import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { type Timeline, buildTimeline } from '@/lib/domain/replays';
import { mayRead } from '@/lib/domain/live';
import { DomainError } from '@/lib/errors';
import { getDb, type Tx } from '../client';
import { chatMessages, moderationLog, pathSessions, programmeSessions, questions, replays } from '../schema';
import type { Identity } from './identity';
import { sessionAccess } from './live';
import { draftSessionResource } from './resources/sessions';
import { recordingCaptions } from './captions/replays';
import { queueReplayReady } from './feedback/after-session';

// Replays of sessions: listing and timelines (with the live rooms' reading rule, `mayRead`),
// links and uploads added by moderators, and recordings, whose rows follow LiveKit Egress
// (server/media/recording.ts starts and stops it; its webhooks end here).

export type ReplayRow = typeof replays.$inferSelect;

const NO_SESSION = () => new DomainError(404, 'not_found', 'No such session.');
const NO_REPLAY = () => new DomainError(404, 'not_found', 'No such replay.');

/** The session, if this person may follow its conversation (else 404, as for a session they cannot see). */
export async function readableSession(identity: Identity | null, sessionId: string) {
  const access = await sessionAccess(identity, sessionId);
  if (!access || !mayRead(access)) throw NO_SESSION();
  return access;
}

/** The session for one of its moderators (the event's moderators and organizers). */
export async function moderatedSession(identity: Identity | null, sessionId: string) {
  if (!identity) throw new DomainError(401, 'unauthenticated', 'Sign in first.');
  const access = await sessionAccess(identity, sessionId);
  if (!access) throw NO_SESSION();
  if (!access.isModerator) throw new DomainError(403, 'forbidden', 'Only the session’s moderators can do this.');
  return access;
}

/**
 * A session's replays: the ready ones for whoever may follow the session; moderators also see
 * recordings under way and failed ones (with the reason).
 */
export async function sessionReplays(identity: Identity | null, sessionId: string): Promise<{ replays: ReplayRow[]; isModerator: boolean }> {
  const access = await readableSession(identity, sessionId);
  const db = await getDb();
  const rows = await db
    .select()
    .from(replays)
    .where(and(eq(replays.sessionId, sessionId), access.isModerator ? undefined : eq(replays.status, 'ready')))
    .orderBy(asc(replays.startedAt), asc(replays.createdAt));
  return { replays: rows, isModerator: access.isModerator };
}

/** A ready replay with its session, for whoever may follow the session. */
export async function readableReplay(identity: Identity | null, replayId: string) {
  const db = await getDb();
  const [replay] = await db
    .select()
    .from(replays)
    .where(and(eq(replays.id, replayId), eq(replays.status, 'ready')));
  if (!replay) throw NO_REPLAY();
  try {
    const access = await readableSession(identity, replay.sessionId);
    return { replay, session: access.session };
  } catch {
    throw NO_REPLAY();
  }
}

/**
 * The session's questions and chat messages along a replay (see `buildTimeline`: what the
 * audience saw, anonymous authors left out, offsets from the replay's start) and its chapters.
 */
export async function replayTimeline(identity: Identity | null, replayId: string): Promise<{ replay: ReplayRow } & Timeline> {
  const { replay } = await readableReplay(identity, replayId);
  const db = await getDb();
  const [qs, ms, onAir] = await Promise.all([
    db
      .select({
        id: questions.id,
        body: questions.body,
        authorName: questions.authorName,
        anonymous: questions.anonymous,
        status: questions.status,
        withdrawnAt: questions.withdrawnAt,
        votes: questions.votes,
        createdAt: questions.createdAt,
      })
      .from(questions)
      .where(eq(questions.sessionId, replay.sessionId)),
    db
      .select({
        id: chatMessages.id,
        body: chatMessages.body,
        authorName: chatMessages.authorName,
        deletedAt: chatMessages.deletedAt,
        createdAt: chatMessages.createdAt,
      })
      .from(chatMessages)
      .where(and(eq(chatMessages.sessionId, replay.sessionId), isNull(chatMessages.deletedAt))),
    db
      .select({ details: moderationLog.details, at: moderationLog.createdAt })
      .from(moderationLog)
      .where(and(eq(moderationLog.sessionId, replay.sessionId), eq(moderationLog.action, 'question:on-air'))),
  ]);
  const entries = onAir.flatMap((e) => (typeof e.details.questionId === 'string' ? [{ questionId: e.details.questionId, at: e.at }] : []));
  return { replay, ...buildTimeline(replay, qs, ms, entries) };
}

// ---------------------------------------------------------------- links and uploads

export type NewReplay = {
  kind: 'upload' | 'link';
  url?: string | null;
  file?: string | null;
  contentType?: string | null;
  size?: number | null;
  startedAt: Date;
  durationSeconds?: number | null;
  title?: string | null;
  licence: string;
};

/**
 * A replay added by a moderator (a link, or a file already written by the caller), with its draft
 * "replay" resource on the session's paths, in one transaction.
 */
export async function addReplay(identity: Identity | null, sessionId: string, input: NewReplay, replayPageUrl: (id: string) => string): Promise<ReplayRow> {
  const access = await moderatedSession(identity, sessionId);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(replays)
      .values({
        sessionId,
        kind: input.kind,
        status: 'ready',
        url: input.url ?? null,
        file: input.file ?? null,
        contentType: input.contentType ?? null,
        size: input.size ?? null,
        startedAt: input.startedAt,
        durationSeconds: input.durationSeconds ?? null,
        title: input.title ?? null,
        licence: input.licence,
        createdBy: identity!.kind === 'user' ? identity!.userId : null,
      })
      .returning();
    const resourceId = await replayResource(tx, row!, access.session, { userId: identity!.kind === 'user' ? identity!.userId : null, name: identity!.name }, replayPageUrl);
    if (resourceId) await tx.update(replays).set({ resourceId }).where(eq(replays.id, row!.id));
    await queueReplayReady(tx, row!);
    return { ...row!, resourceId };
  });
}

/** A replay's draft resource on the session's paths (none when the session is on no path). */
async function replayResource(
  tx: Tx,
  replay: ReplayRow,
  session: { title: string; startsAt: Date; language: string },
  actor: { userId: string | null; name: string },
  replayPageUrl: (id: string) => string,
  transcript: string | null = null,
): Promise<string | null> {
  const links = await tx.select({ pathId: pathSessions.pathId }).from(pathSessions).where(eq(pathSessions.sessionId, replay.sessionId));
  if (!links.length) return null;
  const page = replayPageUrl(replay.id);
  const title = replay.title?.trim() || session.title;
  const body = [
    session.language === 'en'
      ? `Replay of the session, with its questions and chat beside the video: [watch the replay](${page}).`
      : `Replay de la session, avec ses questions et son chat à côté de la vidéo : [voir le replay](${page}).`,
    '',
    session.language === 'en' ? '## Transcript' : '## Transcription',
    '',
    transcript ?? (session.language === 'en' ? '_To be written._' : '_À rédiger._'),
  ].join('\n');
  const r = await draftSessionResource(tx, {
    sessionId: replay.sessionId,
    session,
    pathIds: links.map((l) => l.pathId),
    title,
    body,
    format: 'replay',
    licence: replay.licence,
    mediaUrl: replay.kind === 'link' ? replay.url : page,
    actor,
    note: 'replay',
  });
  return r.id;
}

/** Delete a replay (moderators); returns its file, for the caller to remove. */
export async function deleteReplay(identity: Identity | null, replayId: string): Promise<{ file: string | null }> {
  const db = await getDb();
  const [r] = await db.select({ sessionId: replays.sessionId, status: replays.status }).from(replays).where(eq(replays.id, replayId));
  if (!r) throw NO_REPLAY();
  await moderatedSession(identity, r.sessionId);
  if (r.status === 'recording') throw new DomainError(409, 'recording', 'Stop the recording first.');
  const [gone] = await db.delete(replays).where(eq(replays.id, replayId)).returning({ file: replays.file });
  return { file: gone?.file ?? null };
}

/** The session's newest ready replay (the mails after a session link to it), or null. */
export async function latestReadyReplay(sessionId: string): Promise<{ id: string } | null> {
  const db = await getDb();
  const [r] = await db
    .select({ id: replays.id })
    .from(replays)
    .where(and(eq(replays.sessionId, sessionId), eq(replays.status, 'ready')))
    .orderBy(desc(replays.createdAt))
    .limit(1);
  return r ?? null;
}

// ---------------------------------------------------------------- recordings

/** The recording under way in a session, if any. */
export async function currentRecording(sessionId: string): Promise<ReplayRow | null> {
  const db = await getDb();
  const [r] = await db
    .select()
    .from(replays)
    .where(and(eq(replays.sessionId, sessionId), eq(replays.status, 'recording')));
  return r ?? null;
}

/**
 * A recording's row, before egress is asked: at most one per session (the partial unique
 * index), so that two moderators starting at once start one egress.
 */
export async function openRecording(sessionId: string, file: string, by: string | null, now = new Date()): Promise<ReplayRow> {
  const db = await getDb();
  const [row] = await db
    .insert(replays)
    .values({ sessionId, kind: 'recording', status: 'recording', file, contentType: 'video/mp4', startedAt: now, createdBy: by, licence: 'all-rights-reserved' })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new DomainError(409, 'already_recording', 'This session is already being recorded.');
  return row;
}

export async function setEgressId(replayId: string, egressId: string): Promise<void> {
  const db = await getDb();
  await db.update(replays).set({ egressId, updatedAt: new Date() }).where(eq(replays.id, replayId));
}

/** A recording that never started (nobody to record): forgotten. */
export async function discardRecording(replayId: string): Promise<void> {
  const db = await getDb();
  await db.delete(replays).where(and(eq(replays.id, replayId), eq(replays.status, 'recording')));
}

/** A recording that could not be made: kept as failed, with the reason, for the moderators. */
export async function failRecording(replayId: string, error: string): Promise<ReplayRow | null> {
  const db = await getDb();
  const [row] = await db
    .update(replays)
    .set({ status: 'failed', error: error.slice(0, 2000), updatedAt: new Date() })
    .where(and(eq(replays.id, replayId), eq(replays.status, 'recording')))
    .returning();
  return row ?? null;
}

export type EgressOutcome =
  | { egressId: string; ok: true; startedAt: Date | null; durationSeconds: number | null; size: number | null }
  | { egressId: string; ok: false; error: string };

/**
 * Egress reported the end of a recording: the replay becomes ready (with its draft resource on
 * the session's paths) or failed. A webhook delivered twice changes nothing the second time.
 * Returns the replay as it now is, or null when egress speaks of a recording that is not ours
 * or already ended.
 */
export async function endRecording(outcome: EgressOutcome, replayPageUrl: (id: string) => string): Promise<ReplayRow | null> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(replays)
      .where(and(eq(replays.egressId, outcome.egressId), eq(replays.status, 'recording')))
      .for('update');
    if (!current) return null;
    if (!outcome.ok) {
      const [row] = await tx
        .update(replays)
        .set({ status: 'failed', error: outcome.error.slice(0, 2000), updatedAt: new Date() })
        .where(eq(replays.id, current.id))
        .returning();
      return row!;
    }
    const [row] = await tx
      .update(replays)
      .set({
        status: 'ready',
        startedAt: outcome.startedAt ?? current.startedAt,
        durationSeconds: outcome.durationSeconds,
        size: outcome.size,
        updatedAt: new Date(),
      })
      .where(eq(replays.id, current.id))
      .returning();
    const [session] = await tx
      .select({ title: programmeSessions.title, startsAt: programmeSessions.startsAt, language: programmeSessions.language })
      .from(programmeSessions)
      .where(eq(programmeSessions.id, current.sessionId));
    // The captions typed while it was recorded: its WebVTT and transcript (lib/domain/captions).
    const said = await recordingCaptions(tx, row!, session!.language);
    const resourceId = await replayResource(tx, row!, session!, { userId: current.createdBy, name: 'Chemins' }, replayPageUrl, said.transcript);
    await tx.update(replays).set({ resourceId, ...said }).where(eq(replays.id, current.id));
    await queueReplayReady(tx, row!);
    return { ...row!, resourceId, ...said };
  });
}

/** A file kept by Chemins for a replay, with its type (null for links). */
export async function replayFile(identity: Identity | null, replayId: string): Promise<{ file: string; contentType: string } | null> {
  const { replay } = await readableReplay(identity, replayId);
  if (!replay.file || replay.kind === 'link') return null;
  return { file: replay.file, contentType: replay.contentType ?? 'application/octet-stream' };
}
