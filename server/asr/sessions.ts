import { getSessionById } from '@/db/queries/events';
import { config } from '@/lib/config';
import { captionLangOf } from '@/lib/domain/captions';
import { videoRoomOf } from '@/lib/domain/video';
import { logger } from '@/lib/logger';
import { livekitSettings, mintToken } from '@/server/media/livekit';
import { ASR_IDENTITY_PREFIX, asrGrant } from './identity';
import type { Recognizer } from './recognizer';
import type { RecognitionWorker } from './worker';

/**
 * Which live sessions have a recognition worker, in this process: one engine (child process) for
 * all, started with the first worker; a worker per session whose room is live, whose organizers
 * asked for recognised captions (`recognised_captions`) and on a server with a model
 * (`ASR_MODEL_DIR`). Started by the `room_started` webhook, stopped by `room_finished` (or when the
 * worker leaves the room).
 *
 * The engine and the worker (with its native LiveKit client, `@livekit/rtc-node`) are imported
 * here on first use only: a server without `ASR_MODEL_DIR`, or whose rooms do not ask for
 * recognition, never loads them (the compiled server keeps them in their own chunk: `build:server`).
 */
const g = globalThis as unknown as { __cheminsAsr?: { engine: Promise<Recognizer> | null; workers: Map<string, Promise<RecognitionWorker | null>> } };
const state = () => (g.__cheminsAsr ??= { engine: null, workers: new Map() });

function engine(): Promise<Recognizer> {
  const s = state();
  if (!s.engine) {
    const c = config();
    s.engine = import('./recognizer').then(({ Recognizer }) => Recognizer.start({ modelDir: c.ASR_MODEL_DIR!, python: c.ASR_PYTHON, threads: c.ASR_THREADS }));
    // A failed start is tried again with the next room.
    s.engine.catch(() => (s.engine = null));
  }
  return s.engine;
}

async function startWorker(sessionId: string): Promise<RecognitionWorker | null> {
  const session = await getSessionById(sessionId);
  const lk = livekitSettings();
  if (!session?.recognisedCaptions || !lk) return null;
  const recognizer = await engine();
  const { RecognitionWorker } = await import('./worker');
  const worker = await RecognitionWorker.start({
    sessionId,
    url: lk.apiUrl.replace(/^http/, 'ws'),
    token: await mintToken({ identity: `${ASR_IDENTITY_PREFIX}${sessionId}`, name: 'Chemins', room: videoRoomOf(sessionId), grant: asrGrant, ttlSeconds: 3600 }),
    lang: captionLangOf(session.language),
    recognizer,
  });
  logger().info({ sessionId }, 'speech recognition: listening to the room');
  return worker;
}

/** The session's room went live: recognise its speakers if it asks for it and the server can. Never throws. */
export function recogniseOnRoomStart(sessionId: string): void {
  if (!config().ASR_MODEL_DIR) return;
  const s = state();
  if (s.workers.has(sessionId)) return;
  const started = startWorker(sessionId).catch((err) => {
    logger().warn({ err, sessionId }, 'speech recognition did not start');
    return null;
  });
  s.workers.set(sessionId, started);
  void started.then(async (w) => {
    if (!w) return void s.workers.delete(sessionId);
    await w.ended();
    if (s.workers.get(sessionId) === started) s.workers.delete(sessionId);
  });
}

/** The session's worker in this process (null: it did not start), if one was asked for. */
export function recognitionWorker(sessionId: string): Promise<RecognitionWorker | null> | undefined {
  return state().workers.get(sessionId);
}

/** The session's room finished: its worker leaves. */
export async function stopRecognition(sessionId: string): Promise<void> {
  const started = state().workers.get(sessionId);
  state().workers.delete(sessionId);
  await (await started)?.stop();
}

/** Shutdown: every worker leaves, the engine stops. */
export async function stopAllRecognition(): Promise<void> {
  const s = state();
  await Promise.all([...s.workers.keys()].map(stopRecognition));
  const engineStarted = s.engine;
  s.engine = null;
  await (await engineStarted?.catch(() => null))?.close();
}
