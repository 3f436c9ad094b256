import { describe, expect, it } from 'vitest';
import { rmsOf, type Segment, Segmenter } from './segmenter';

const RATE = 16_000;
const FRAME = RATE / 100; // 10 ms
const tone = (ms: number, amp = 6000) => {
  const n = (RATE * ms) / 1000;
  return Int16Array.from({ length: n }, (_, i) => Math.round(amp * Math.sin((2 * Math.PI * 220 * i) / RATE)));
};
const silence = (ms: number) => new Int16Array((RATE * ms) / 1000);

/** Feed `pcm` in 10 ms frames; the segments it completes. */
function feed(seg: Segmenter, pcm: Int16Array): Segment[] {
  const out: Segment[] = [];
  for (let i = 0; i < pcm.length; i += FRAME) {
    const s = seg.push(pcm.subarray(i, i + FRAME));
    if (s) out.push(s);
  }
  return out;
}

describe('Segmenter (energy endpointing)', () => {
  it('measures a frame’s loudness', () => {
    expect(rmsOf(silence(10))).toBe(0);
    expect(rmsOf(new Int16Array([3, -4, 3, -4]))).toBeCloseTo(Math.sqrt(12.5));
    expect(rmsOf(new Int16Array(0))).toBe(0);
  });

  it('gives nothing for silence or a low hum', () => {
    const seg = new Segmenter({ sampleRate: RATE });
    expect(feed(seg, silence(3000))).toEqual([]);
    expect(feed(seg, tone(3000, 100))).toEqual([]);
    expect(seg.flush()).toBeNull();
  });

  it('ends an utterance after the silence, with its pre-roll, partial lines on the way', () => {
    const seg = new Segmenter({ sampleRate: RATE, partialEveryMs: 1000, silenceMs: 700, preRollMs: 300 });
    const out = feed(seg, Int16Array.from([...silence(1000), ...tone(2500), ...silence(1000)]));
    const finals = out.filter((s) => s.final);
    const partials = out.filter((s) => !s.final);
    expect(finals).toHaveLength(1);
    expect(partials.length).toBe(2);
    // Pre-roll (300 ms) + speech (2.5 s) + the silence that ended it (700 ms).
    expect(finals[0]!.pcm.length / RATE).toBeCloseTo(3.5, 1);
    // Each partial is the utterance so far, growing.
    expect(partials[0]!.pcm.length).toBeLessThan(partials[1]!.pcm.length);
    expect(partials[1]!.pcm.length).toBeLessThan(finals[0]!.pcm.length);
    // A new utterance starts afresh.
    const next = feed(seg, Int16Array.from([...tone(500), ...silence(800)]));
    expect(next.filter((s) => s.final).map((s) => Math.round((s.pcm.length / RATE) * 10) / 10)).toEqual([1.5]);
  });

  it('keeps a short pause inside one utterance, cuts a long monologue at maxMs, and flushes what is under way', () => {
    const seg = new Segmenter({ sampleRate: RATE, partialEveryMs: 60_000, silenceMs: 700, maxMs: 5000 });
    const pause = feed(seg, Int16Array.from([...tone(1000), ...silence(400), ...tone(1000), ...silence(800)]));
    expect(pause.filter((s) => s.final)).toHaveLength(1);
    const long = feed(seg, tone(7000));
    expect(long.filter((s) => s.final).map((s) => s.pcm.length / RATE)).toEqual([5]);
    expect(seg.flush()?.final).toBe(true);
    expect(seg.flush()).toBeNull();
  });

  it('follows the background: speech well above a noisy floor is heard, the floor is not', () => {
    const seg = new Segmenter({ sampleRate: RATE, minRms: 100 });
    expect(feed(seg, tone(2000, 800))).toEqual([]);
    const out = feed(seg, Int16Array.from([...tone(1000, 8000), ...tone(1000, 800)]));
    expect(out.filter((s) => s.final)).toHaveLength(1);
  });
});
