import { describe, expect, it } from 'vitest';
import { engagementBuckets } from './report-engagement';

const span = { startsAt: new Date('2026-12-07T10:00:00Z'), endsAt: new Date('2026-12-07T10:30:00Z') };

describe('engagementBuckets', () => {
  it('gives every slice of the scheduled span, empty ones too', () => {
    const b = engagementBuckets([], span);
    expect(b.map((x) => x.from)).toEqual(['10:00', '10:05', '10:10', '10:15', '10:20', '10:25'].map((t) => `2026-12-07T${t}:00.000Z`));
    expect(b.every((x) => x.questions + x.votes + x.messages + x.pollAnswers === 0)).toBe(true);
  });

  it('adds slices before and after the span where there was activity, and sums per kind', () => {
    const b = engagementBuckets(
      [
        { bucket: -1, kind: 'messages', n: 2 },
        { bucket: 0, kind: 'questions', n: 1 },
        { bucket: 0, kind: 'votes', n: 4 },
        { bucket: 7, kind: 'pollAnswers', n: 3 },
      ],
      span,
    );
    expect(b).toHaveLength(9);
    expect(b[0]).toEqual({ from: '2026-12-07T09:55:00.000Z', questions: 0, votes: 0, messages: 2, pollAnswers: 0 });
    expect(b[1]).toMatchObject({ questions: 1, votes: 4 });
    expect(b[8]).toMatchObject({ from: '2026-12-07T10:35:00.000Z', pollAnswers: 3 });
  });

  it('takes another slice length', () => {
    expect(engagementBuckets([], span, 10)).toHaveLength(3);
  });
});
