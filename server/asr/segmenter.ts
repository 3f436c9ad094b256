/**
 * Endpointing for one speaker's audio (16 kHz mono PCM): an energy voice-activity detector that
 * cuts the stream into utterances. While someone speaks, every `partialEveryMs` of new speech it
 * hands out the utterance so far (a partial line); after `silenceMs` of silence, or at `maxMs`,
 * the whole utterance (a final line). Pure: the worker feeds it frames and acts on what it returns.
 */
export type SegmenterOptions = {
  sampleRate: number;
  /** Silence that ends an utterance. */
  silenceMs: number;
  /** Speech between two partial lines. */
  partialEveryMs: number;
  /** An utterance is cut (final) at this length. */
  maxMs: number;
  /** Audio kept before the first loud frame (the start of a word is quiet). */
  preRollMs: number;
  /** RMS (on 16-bit samples) above which a frame is speech, at the least. */
  minRms: number;
};

export const SEGMENTER_DEFAULTS: Omit<SegmenterOptions, 'sampleRate'> = {
  silenceMs: 700,
  partialEveryMs: 1500,
  maxMs: 20_000,
  preRollMs: 300,
  minRms: 300,
};

export type Segment = { final: boolean; pcm: Int16Array };

export const rmsOf = (frame: Int16Array): number => {
  if (frame.length === 0) return 0;
  let sum = 0;
  for (const s of frame) sum += s * s;
  return Math.sqrt(sum / frame.length);
};

export class Segmenter {
  private readonly o: SegmenterOptions;
  private chunks: Int16Array[] = [];
  private length = 0;
  private speaking = false;
  private silent = 0;
  private sincePartial = 0;
  /** The background level, followed slowly while nobody speaks. */
  private noise = 0;
  private fresh = true;

  constructor(opts: Partial<SegmenterOptions> & { sampleRate: number }) {
    this.o = { ...SEGMENTER_DEFAULTS, ...opts };
  }

  private ms = (samples: number) => (samples * 1000) / this.o.sampleRate;

  private take(final: boolean): Segment {
    const pcm = new Int16Array(this.length);
    let at = 0;
    for (const c of this.chunks) {
      pcm.set(c, at);
      at += c.length;
    }
    if (final) {
      this.chunks = [];
      this.length = 0;
      this.speaking = false;
      this.silent = 0;
    } else {
      // Merged, so that the next partial copies one chunk.
      this.chunks = [pcm];
    }
    this.sincePartial = 0;
    return { final, pcm };
  }

  /** Feed one frame (any length); returns the segment it completes, if any. */
  push(frame: Int16Array): Segment | null {
    const rms = rmsOf(frame);
    // The floor follows the background while nobody speaks (the first frame sets it).
    if (!this.speaking) this.noise = this.fresh ? rms : this.noise * 0.95 + rms * 0.05;
    this.fresh = false;
    const loud = rms > Math.max(this.o.minRms, this.noise * 3);
    const n = frame.length;
    if (!this.speaking) {
      this.chunks.push(frame);
      this.length += n;
      // Only the pre-roll is kept while nobody speaks.
      while (this.chunks.length > 1 && this.ms(this.length - this.chunks[0]!.length) >= this.o.preRollMs) {
        this.length -= this.chunks.shift()!.length;
      }
      if (!loud) return null;
      this.speaking = true;
      this.silent = 0;
      this.sincePartial = this.length;
      return null;
    }
    this.chunks.push(frame);
    this.length += n;
    this.sincePartial += n;
    this.silent = loud ? 0 : this.silent + n;
    if (this.ms(this.silent) >= this.o.silenceMs || this.ms(this.length) >= this.o.maxMs) return this.take(true);
    if (loud && this.ms(this.sincePartial) >= this.o.partialEveryMs) return this.take(false);
    return null;
  }

  /** The utterance under way, as a final segment (the track ended), or null. */
  flush(): Segment | null {
    return this.speaking ? this.take(true) : null;
  }
}
