import { describe, expect, it } from 'vitest';
import type { CaptionLine } from '../realtime/protocol';
import { addCaptionLine } from './caption-lines';

const line = (text: string, speaker: string | null, final = true): CaptionLine => ({ sessionId: 's', text, lang: 'en', speaker, at: '2026-12-07T14:00:00.000Z', final });

describe('addCaptionLine', () => {
  it('adds typed lines one after the other, keeping the last ones', () => {
    let lines: CaptionLine[] = [];
    for (const t of ['one', 'two', 'three']) lines = addCaptionLine(lines, line(t, 'Awa'), 2);
    expect(lines.map((l) => l.text)).toEqual(['two', 'three']);
  });

  it('replaces a speaker’s partial line as it grows, then with the final line', () => {
    let lines = [line('Before.', 'Bob')];
    lines = addCaptionLine(lines, line('hello', 'Awa', false), 10);
    lines = addCaptionLine(lines, line('hello world', 'Awa', false), 10);
    expect(lines.map((l) => l.text)).toEqual(['Before.', 'hello world']);
    lines = addCaptionLine(lines, line('Hello world, welcome.', 'Awa'), 10);
    expect(lines.map((l) => [l.text, l.final])).toEqual([
      ['Before.', true],
      ['Hello world, welcome.', true],
    ]);
    // The next partial starts a new line.
    lines = addCaptionLine(lines, line('and', 'Awa', false), 10);
    expect(lines).toHaveLength(3);
  });

  it('keeps two speakers’ partial lines apart, the one under way moving to the end', () => {
    let lines: CaptionLine[] = [];
    lines = addCaptionLine(lines, line('a', 'Awa', false), 10);
    lines = addCaptionLine(lines, line('b', 'Bob', false), 10);
    lines = addCaptionLine(lines, line('a a', 'Awa', false), 10);
    expect(lines.map((l) => `${l.speaker}:${l.text}`)).toEqual(['Bob:b', 'Awa:a a']);
  });
});
