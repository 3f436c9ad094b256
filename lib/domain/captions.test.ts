import { describe, expect, it } from 'vitest';
import { captionSend, LIMITS } from '../realtime/protocol';
import { buildWebVtt, captionLangOf, checkWebVtt, cuePlainText, cuesOf, transcriptOf, vttTime } from './captions';

const start = new Date('2026-12-07T10:00:00Z');
const at = (s: number) => new Date(start.getTime() + s * 1000);
const SESSION = '00000000-0000-4000-8000-000000000001';

describe('caption:send payload', () => {
  it('trims the line and refuses an empty or over-long one', () => {
    expect(captionSend.parse({ sessionId: SESSION, text: '  Bonjour  ' }).text).toBe('Bonjour');
    expect(captionSend.safeParse({ sessionId: SESSION, text: '   ' }).success).toBe(false);
    expect(captionSend.safeParse({ sessionId: SESSION, text: 'a'.repeat(LIMITS.captionMax) }).success).toBe(true);
    expect(captionSend.safeParse({ sessionId: SESSION, text: 'a'.repeat(LIMITS.captionMax + 1) }).success).toBe(false);
  });
  it('takes fr or en, a speaker of at most 80 characters, and nothing else', () => {
    expect(captionSend.safeParse({ sessionId: SESSION, text: 'x', lang: 'de' }).success).toBe(false);
    expect(captionSend.safeParse({ sessionId: SESSION, text: 'x', lang: 'en', speaker: 'Alice' }).success).toBe(true);
    expect(captionSend.safeParse({ sessionId: SESSION, text: 'x', speaker: 'a'.repeat(81) }).success).toBe(false);
    expect(captionSend.safeParse({ sessionId: SESSION, text: 'x', final: false }).success).toBe(false);
  });
  it('defaults to the session language when captions are offered in it, else French', () => {
    expect(captionLangOf('en')).toBe('en');
    expect(captionLangOf('de')).toBe('fr');
    expect(captionLangOf(null)).toBe('fr');
  });
});

describe('WebVTT of a recording', () => {
  const lines = [
    { text: 'Avant', speaker: null, at: at(-5) },
    { text: 'Bonjour à toutes & à tous', speaker: 'Alice <Martin>', at: at(1) },
    { text: 'Merci <b>', speaker: 'Bob', at: at(2.5) },
    { text: 'Une longue pause suit.', speaker: null, at: at(10) },
    { text: 'Presque la fin', speaker: 'Alice', at: at(59) },
    { text: 'Après', speaker: null, at: at(61) },
  ];
  const recording = { startedAt: start, durationSeconds: 60 };

  it('times cues from the recording start, until the next line or 4 s, clipped to the duration', () => {
    expect(cuesOf(lines, recording).map((c) => [c.start, c.end])).toEqual([
      [1, 2.5],
      [2.5, 6.5],
      [10, 14],
      [59, 60],
    ]);
  });

  it('is valid WebVTT for the parser, with voice spans and escaped text, its cues within the duration', () => {
    const vtt = buildWebVtt(lines, recording)!;
    expect(vtt.startsWith('WEBVTT\n')).toBe(true);
    expect(vtt).toContain('<v Alice Martin>Bonjour à toutes &amp; à tous');
    const checked = checkWebVtt(vtt);
    if (!checked.ok) throw new Error(checked.reason);
    expect(checked.cues).toHaveLength(4);
    for (const c of checked.cues) {
      expect(c.start).toBeGreaterThanOrEqual(0);
      expect(c.end).toBeLessThanOrEqual(60);
      expect(c.end).toBeGreaterThan(c.start);
    }
    expect(cuePlainText(checked.cues[1]!.text)).toBe('Merci <b>');
  });

  it('has no file without lines, and two lines at the same instant still make valid cues', () => {
    expect(buildWebVtt([], recording)).toBeNull();
    const same = buildWebVtt([{ text: 'a', speaker: null, at: at(3) }, { text: 'b', speaker: null, at: at(3) }], { startedAt: start, durationSeconds: null })!;
    expect(checkWebVtt(same).ok).toBe(true);
  });

  it('writes hh:mm:ss.ttt', () => {
    expect(vttTime(3723.5)).toBe('01:02:03.500');
  });
});

describe('transcript', () => {
  it('joins a speaker’s lines into one paragraph', () => {
    const t = transcriptOf(
      [
        { text: 'Bonjour.', speaker: 'Alice', at: at(1) },
        { text: 'Bienvenue.', speaker: 'Alice', at: at(2) },
        { text: 'Merci.', speaker: null, at: at(3) },
      ],
      'fr',
    );
    expect(t).toBe('Alice : Bonjour. Bienvenue.\n\nMerci.');
  });
});

describe('an uploaded WebVTT', () => {
  it('is refused with the parser’s reason', () => {
    const bad = checkWebVtt('WEBVTT\n\n00:00:05.000 --> 00:00:04.000\nx\n');
    expect(bad).toEqual({ ok: false, reason: expect.stringContaining('End timestamp is not greater than start timestamp') });
    expect(checkWebVtt('pas du tout').ok).toBe(false);
  });
});
