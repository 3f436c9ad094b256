import { describe, expect, it } from 'vitest';
import type { CaptionLine } from '../realtime/protocol';
import { addCaptionLine, announcedCaptionLines } from './caption-lines';

const line = (text: string, speaker: string | null, final = true): CaptionLine => ({ sessionId: 's', text, lang: 'en', speaker, at: '2026-12-07T14:00:00.000Z', final });

describe('addCaptionLine', () => {
  it('adds typed lines one after the other, keeping the last ones', () => {
    let lines: CaptionLine[] = [];
    for (const t of ['one', 'two', 'three']) lines = addCaptionLine(lines, line(t, 'Awa'), 2);
    expect(lines.map((l) => l.text)).toEqual(['two', 'three']);
  });

  it('replaces a speaker’s partial line as it grows, then with the final line, never adding it twice', () => {
    let lines = [line('Before.', 'Bob')];
    lines = addCaptionLine(lines, line('hello', 'Awa', false), 10);
    lines = addCaptionLine(lines, line('hello world', 'Awa', false), 10);
    expect(lines.map((l) => l.text)).toEqual(['Before.', 'hello world']);
    lines = addCaptionLine(lines, line('Hello world, welcome.', 'Awa'), 10);
    expect(lines.map((l) => [l.text, l.final])).toEqual([
      ['Before.', true],
      ['Hello world, welcome.', true],
    ]);
    // The next partial starts a new line; a final line after a final line is added.
    lines = addCaptionLine(lines, line('and', 'Awa', false), 10);
    expect(lines).toHaveLength(3);
    lines = addCaptionLine(lines, line('And now.', 'Awa'), 10);
    lines = addCaptionLine(lines, line('Then.', 'Awa'), 10);
    expect(lines.map((l) => l.text)).toEqual(['Before.', 'Hello world, welcome.', 'And now.', 'Then.']);
  });

  it('replaces a partial line in place, where it started, when another speaker spoke meanwhile', () => {
    let lines: CaptionLine[] = [];
    lines = addCaptionLine(lines, line('a', 'Awa', false), 10);
    lines = addCaptionLine(lines, line('b', 'Bob', false), 10);
    lines = addCaptionLine(lines, line('a a', 'Awa', false), 10);
    expect(lines.map((l) => `${l.speaker}:${l.text}`)).toEqual(['Awa:a a', 'Bob:b']);
    lines = addCaptionLine(lines, line('Bob is done.', 'Bob'), 10);
    lines = addCaptionLine(lines, line('A typed line.', null), 10);
    lines = addCaptionLine(lines, line('Awa is done.', 'Awa'), 10);
    expect(lines.map((l) => `${l.speaker}:${l.text}:${l.final}`)).toEqual(['Awa:Awa is done.:true', 'Bob:Bob is done.:true', 'null:A typed line.:true']);
  });

  it('keeps the list it was given unchanged', () => {
    const before = [line('a', 'Awa', false)];
    addCaptionLine(before, line('a b', 'Awa', false), 10);
    expect(before.map((l) => l.text)).toEqual(['a']);
  });
});

describe('announcedCaptionLines', () => {
  it('tells of the last final lines only, never a line under way', () => {
    const lines = [line('One.', 'Awa'), line('Two.', 'Bob'), line('thr', 'Awa', false), line('Four.', null)];
    expect(announcedCaptionLines(lines, 2).map((l) => l.text)).toEqual(['Two.', 'Four.']);
    expect(announcedCaptionLines([line('draft', 'Awa', false)], 2)).toEqual([]);
  });
});
