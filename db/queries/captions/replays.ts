import { eq } from 'drizzle-orm';
import { buildWebVtt, captionLangOf, checkWebVtt, cuePlainText, transcriptOf } from '@/lib/domain/captions';
import { DomainError } from '@/lib/errors';
import { getDb, type Tx } from '../../client';
import { pathSessions, replays } from '../../schema';
import { userMay } from '../grants';
import type { Identity } from '../identity';
import { readableReplay } from '../replays';
import { captionLinesBetween } from './lines';

// A replay's captions: built from the lines typed while it was recorded, served as WebVTT to
// whoever may watch the replay, and replaced afterwards by its session's moderators and the
// coordinators of its paths.

type Recording = { id: string; sessionId: string; startedAt: Date; durationSeconds: number | null };

/** The WebVTT and transcript of a recording, from the session's caption lines said during it (null when none). */
export async function recordingCaptions(tx: Tx, replay: Recording, sessionLanguage: string): Promise<{ captions: string | null; transcript: string | null }> {
  const end = replay.durationSeconds === null ? null : new Date(replay.startedAt.getTime() + replay.durationSeconds * 1000);
  const lines = await captionLinesBetween(tx, replay.sessionId, replay.startedAt, end);
  const captions = buildWebVtt(lines, replay);
  return { captions, transcript: captions ? transcriptOf(lines, captionLangOf(sessionLanguage)) : null };
}

/** A replay's captions as WebVTT, with their language, for whoever may watch it (404 when it has none). */
export async function replayCaptions(identity: Identity | null, replayId: string): Promise<{ vtt: string; lang: string }> {
  const { replay, session } = await readableReplay(identity, replayId);
  if (!replay.captions) throw new DomainError(404, 'not_found', 'This replay has no captions.');
  return { vtt: replay.captions, lang: captionLangOf(session.language) };
}

/**
 * Replace a replay's captions with an uploaded WebVTT (`replay.editCaptions`: the session's
 * moderators, organizers, the coordinators of its paths): refused with the parser's reason when
 * malformed (400 `invalid_vtt`); the transcript is rewritten from its cues.
 */
export async function setReplayCaptions(identity: Identity | null, replayId: string, vtt: string): Promise<{ cues: number }> {
  if (!identity) throw new DomainError(401, 'unauthenticated', 'Sign in first.');
  const { replay, session } = await readableReplay(identity, replayId);
  if (!(await mayEditCaptions(identity, replay.sessionId, session.eventId))) {
    throw new DomainError(403, 'forbidden', 'Only the session’s moderators and its paths’ coordinators can edit its captions.');
  }
  const db = await getDb();
  const checked = checkWebVtt(vtt);
  if (!checked.ok) throw new DomainError(400, 'invalid_vtt', `Malformed WebVTT: ${checked.reason}`, { captions: checked.reason });
  const transcript = checked.cues.map((c) => cuePlainText(c.text).replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n');
  await db.update(replays).set({ captions: vtt, transcript: transcript || null, updatedAt: new Date() }).where(eq(replays.id, replayId));
  return { cues: checked.cues.length };
}

/** May this person replace the captions of a replay of this session (`replay.editCaptions`, a sign-in only)? */
export async function mayEditCaptions(identity: Identity | null, sessionId: string, eventId: string): Promise<boolean> {
  if (identity?.kind !== 'user') return false;
  const db = await getDb();
  const links = await db.select({ pathId: pathSessions.pathId }).from(pathSessions).where(eq(pathSessions.sessionId, sessionId));
  return userMay(identity.userId, 'replay.editCaptions', { sessionId, eventId, pathIds: links.map((l) => l.pathId) });
}
