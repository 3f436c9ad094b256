import {
  AudioStream,
  type RemoteParticipant,
  type RemoteTrack,
  type RemoteTrackPublication,
  Room,
  RoomEvent,
  TrackKind,
  TrackSource,
} from '@livekit/rtc-node';
import { lastTypedCaptionAt } from '@/db/queries/captions/lines';
import { LIMITS } from '@/lib/realtime/protocol';
import { logger } from '@/lib/logger';
import { publishCaptionLine } from '@/server/captions/publish';
import { ASR_IDENTITY_PREFIX } from './identity';
import { ASR_SAMPLE_RATE, type Recognizer } from './recognizer';
import { Segmenter, type SegmenterOptions } from './segmenter';

/** A captioner typed a line this recently: the worker keeps quiet (people caption better). */
export const CAPTIONER_PRESENT_MS = 60_000;

/**
 * A speaker's track: a microphone. An interpreter's channel (a track named `interpretation-…`,
 * issue 29) is a translation of what is said, not captioned as the speaker's words.
 */
export const isSpeakerTrack = (pub: Pick<RemoteTrackPublication, 'source' | 'name'>) =>
  pub.source === TrackSource.SOURCE_MICROPHONE && !(pub.name ?? '').startsWith('interpretation');

export type WorkerOptions = {
  sessionId: string;
  /** The LiveKit room and a token for it: hidden, subscribe-only (see `asrGrant`). */
  url: string;
  token: string;
  lang: 'fr' | 'en';
  recognizer: Recognizer;
  segmenter?: Partial<Omit<SegmenterOptions, 'sampleRate'>>;
};

/**
 * The speech recognition worker of one live session: a hidden participant of its LiveKit room that
 * subscribes to the speakers' microphones, cuts each one's audio into utterances (server/asr/segmenter)
 * and has them recognised (server/asr/recognizer, a child process); the text goes out as caption
 * lines with the speaker's name, partial then final, through the same service as typed captions.
 * Recognition stays real-time: a partial line is skipped while that speaker's previous one is
 * still being recognised; final lines are all recognised, in order. While a captioner types (a
 * line in the last `CAPTIONER_PRESENT_MS`), recognised lines are not sent.
 */
export class RecognitionWorker {
  private room = new Room();
  private closed = false;
  /** Whose microphones it hears, and who waits for one (`listening`). */
  private heard = new Set<string>();
  private waiting = new Map<string, Array<() => void>>();

  private constructor(private readonly o: WorkerOptions) {}

  static async start(o: WorkerOptions): Promise<RecognitionWorker> {
    const w = new RecognitionWorker(o);
    w.room.on(RoomEvent.TrackSubscribed, (track: RemoteTrack, pub: RemoteTrackPublication, who: RemoteParticipant) => {
      if (track.kind !== TrackKind.KIND_AUDIO || !isSpeakerTrack(pub)) return;
      void w.listen(track, who).catch((err) => logger().warn({ err, sessionId: o.sessionId }, 'speech recognition: a track failed'));
    });
    await w.room.connect(o.url, o.token, { autoSubscribe: true, dynacast: false });
    return w;
  }

  /** Resolves once the worker hears this participant's microphone. */
  listening(identity: string): Promise<void> {
    if (this.heard.has(identity)) return Promise.resolve();
    return new Promise((resolve) => this.waiting.set(identity, [...(this.waiting.get(identity) ?? []), resolve]));
  }

  /** Resolves when the room has ended (or the worker was stopped). */
  ended(): Promise<void> {
    return new Promise((resolve) => {
      if (this.closed || !this.room.isConnected) return resolve();
      this.room.once(RoomEvent.Disconnected, () => resolve());
    });
  }

  private async listen(track: RemoteTrack, who: RemoteParticipant) {
    // LiveKit resamples to the engine's rate (48 kHz Opus → 16 kHz mono).
    const stream = new AudioStream(track, { sampleRate: ASR_SAMPLE_RATE, numChannels: 1 });
    const seg = new Segmenter({ sampleRate: ASR_SAMPLE_RATE, ...this.o.segmenter });
    const speaker = (who.name || who.identity).slice(0, LIMITS.captionSpeakerMax);
    let chain = Promise.resolve();
    let busy = false;
    const recognise = (pcm: Int16Array, final: boolean) => {
      if (!final && busy) return;
      busy = true;
      chain = chain.then(async () => {
        try {
          const text = (await this.o.recognizer.recognize(pcm, this.o.lang)).trim().slice(0, LIMITS.captionMax);
          if (!text || this.closed || (await this.captionerPresent())) return;
          await publishCaptionLine(
            { sessionId: this.o.sessionId, authorKey: `${ASR_IDENTITY_PREFIX}${who.identity}`, text, lang: this.o.lang, speaker },
            final,
          );
        } catch (err) {
          logger().warn({ err, sessionId: this.o.sessionId }, 'speech recognition: a line was not recognised');
        } finally {
          busy = false;
        }
      });
    };
    try {
      const reader = stream.getReader();
      this.heard.add(who.identity);
      for (const resolve of this.waiting.get(who.identity) ?? []) resolve();
      this.waiting.delete(who.identity);
      for (let r = await reader.read(); !r.done; r = await reader.read()) {
        const s = seg.push(r.value.data);
        if (s) recognise(s.pcm, s.final);
      }
    } finally {
      const last = seg.flush();
      if (last) recognise(last.pcm, true);
      await chain;
    }
  }

  private async captionerPresent(): Promise<boolean> {
    const typed = await lastTypedCaptionAt(this.o.sessionId);
    return typed !== null && Date.now() - typed.getTime() < CAPTIONER_PRESENT_MS;
  }

  async stop(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Leaving the room unsubscribes the tracks: their streams end, the utterances under way are recognised.
    await this.room.disconnect();
  }
}
