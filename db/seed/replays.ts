import { copyFile, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../client';
import { buildWebVtt, transcriptOf } from '@/lib/domain/captions';
import { captionLines, chatMessages, moderationLog, programmeSessions, questions, replays } from '../schema';
import { DEMO_REPLAY_SESSION_SLUG } from './data/demo';

/** The demo replay's video (60 s, made with ffmpeg's test pattern: docs/replays.md), as kept under `DATA_DIR/replays`. */
export const DEMO_REPLAY_FILE = 'demo/demo-replay.webm';
const DEMO_REPLAY_SOURCE = path.join(process.cwd(), 'db/seed/media/demo-replay.webm');

/** The video starts a minute into the session; the conversation below is placed from the session's start. */
const VIDEO_STARTS_AFTER_S = 60;
const CONVERSATION: { at: number; kind: 'message' | 'question'; author: string; body: string; anonymous?: boolean; onAirAt?: number; answered?: boolean; votes?: number }[] = [
  { at: 62, kind: 'message', author: 'Maëlle', body: 'Bonjour à toutes et à tous, depuis Quimper !' },
  { at: 66, kind: 'message', author: 'Youssef', body: 'Bonjour ! Le son est bon de mon côté.' },
  { at: 72, kind: 'question', author: 'Claire', body: 'Par quelles données un territoire peut-il commencer quand il n’a rien publié encore ?', onAirAt: 80, answered: true, votes: 5 },
  { at: 78, kind: 'message', author: 'Maëlle', body: 'Les horaires des services publics, c’est souvent un bon début.' },
  { at: 90, kind: 'question', author: 'Anonyme', body: 'Comment associer les habitant·es à ces choix ?', anonymous: true, onAirAt: 100, votes: 3 },
  { at: 96, kind: 'message', author: 'Youssef', body: 'Il y a une fiche initiative à ce sujet sur le chemin « Données ouvertes ».' },
  { at: 105, kind: 'message', author: 'Claire', body: 'Merci pour la réponse, très clair.' },
  { at: 112, kind: 'question', author: 'Jean', body: 'Quelle licence choisir pour des données produites avec une association ?', votes: 2 },
];

/** What was said, as the demo captioner typed it (seconds from the session's start). */
const CAPTIONS: { at: number; speaker: string | null; text: string }[] = [
  { at: 61, speaker: 'Intervenante (démo)', text: 'Bonjour à toutes et à tous, et bienvenue dans ce webinaire.' },
  { at: 67, speaker: 'Intervenante (démo)', text: 'Nous parlons aujourd’hui d’ouvrir les données d’un territoire.' },
  { at: 74, speaker: 'Intervenante (démo)', text: 'Première question : par quelles données commencer ?' },
  { at: 82, speaker: 'Intervenante (démo)', text: 'Commencez par ce qui sert déjà au quotidien : horaires, équipements, services.' },
  { at: 92, speaker: null, text: '[rires]' },
  { at: 101, speaker: 'Intervenante (démo)', text: 'Associer les habitantes et les habitants, c’est les inviter dès le choix des données.' },
  { at: 112, speaker: 'Intervenante (démo)', text: 'Pour la licence, une licence ouverte simplifie la réutilisation.' },
];

/**
 * The demo's past session with a replay (an "upload" of the demo video) and its conversation,
 * re-dated with the session at every start: questions, chat messages and "on air" moments are
 * replaced, so that the replay page shows them along the video at once.
 */
export async function seedDemoReplay(tx: Tx, demoEventId: string): Promise<void> {
  const [session] = await tx
    .select({ id: programmeSessions.id, startsAt: programmeSessions.startsAt })
    .from(programmeSessions)
    .where(and(eq(programmeSessions.eventId, demoEventId), eq(programmeSessions.slug, DEMO_REPLAY_SESSION_SLUG)));
  if (!session) return;
  const at = (s: number) => new Date(session.startsAt.getTime() + s * 1000);
  await tx.delete(questions).where(eq(questions.sessionId, session.id));
  await tx.delete(chatMessages).where(eq(chatMessages.sessionId, session.id));
  await tx.delete(moderationLog).where(eq(moderationLog.sessionId, session.id));
  await tx.delete(replays).where(eq(replays.sessionId, session.id));
  await tx.delete(captionLines).where(eq(captionLines.sessionId, session.id));
  const said = CAPTIONS.map((c) => ({ text: c.text, speaker: c.speaker, at: at(c.at) }));
  if (said.length) await tx.insert(captionLines).values(said.map((c) => ({ ...c, sessionId: session.id, lang: 'fr', authorKey: 'demo:captions' })));
  for (const [i, c] of CONVERSATION.entries()) {
    const key = `demo:${c.author.toLowerCase()}`;
    if (c.kind === 'message') {
      await tx.insert(chatMessages).values({ sessionId: session.id, authorKey: key, authorName: c.author, body: c.body, createdAt: at(c.at) });
      continue;
    }
    const [q] = await tx
      .insert(questions)
      .values({
        sessionId: session.id,
        authorKey: key,
        authorName: c.author,
        body: c.body,
        anonymous: c.anonymous ?? false,
        status: c.answered ? 'answered' : 'visible',
        votes: c.votes ?? 0,
        createdAt: at(c.at),
        updatedAt: at(c.at + i),
      })
      .returning({ id: questions.id });
    if (c.onAirAt !== undefined) {
      await tx.insert(moderationLog).values({
        sessionId: session.id,
        actorKey: 'demo:moderation',
        action: 'question:on-air',
        targetKey: key,
        details: { questionId: q!.id },
        createdAt: at(c.onAirAt),
      });
    }
  }
  await tx.insert(replays).values({
    sessionId: session.id,
    kind: 'upload',
    status: 'ready',
    file: DEMO_REPLAY_FILE,
    contentType: 'video/webm',
    startedAt: at(VIDEO_STARTS_AFTER_S),
    durationSeconds: 60,
    title: 'Replay : ouvrir les données d’un territoire',
    licence: 'CC0-1.0',
    // Its captions, as a recording's are made (lib/domain/captions), aligned with the video.
    captions: buildWebVtt(said, { startedAt: at(VIDEO_STARTS_AFTER_S), durationSeconds: 60 }),
    transcript: transcriptOf(said, 'fr'),
  });
}

/** Put the demo replay's video where replay files live (once; the database row points to it). */
export async function copyDemoReplayFile(replaysDir: string): Promise<void> {
  const target = path.join(replaysDir, DEMO_REPLAY_FILE);
  if (await stat(target).catch(() => null)) return;
  await mkdir(path.dirname(target), { recursive: true });
  await copyFile(DEMO_REPLAY_SOURCE, target);
}
