import { describe, expect, it } from 'vitest';
import { buildTimeline, clock, currentIndex, embedAt, offsetSeconds, recordingFile, recordingRefusal, replayPlayer } from './replays';

const start = new Date('2026-11-20T10:00:00Z');
const at = (s: number) => new Date(start.getTime() + s * 1000);
const q = (id: string, s: number, extra: Partial<Parameters<typeof buildTimeline>[1][number]> = {}) => ({
  id,
  body: `question ${id}`,
  authorName: `Auteur ${id}`,
  anonymous: false,
  status: 'visible' as const,
  withdrawnAt: null,
  votes: 0,
  createdAt: at(s),
  ...extra,
});
const m = (id: string, s: number, deletedAt: Date | null = null) => ({ id, body: `message ${id}`, authorName: `P ${id}`, deletedAt, createdAt: at(s) });

describe('replay timeline', () => {
  it('aligns offsets on the replay start, to the tenth of a second', () => {
    expect(offsetSeconds(at(12.34), start)).toBe(12.3);
    expect(offsetSeconds(at(0), start)).toBe(0);
  });

  it('keeps what the audience saw, in order, within the replay window', () => {
    const t = buildTimeline(
      { startedAt: start, durationSeconds: 60 },
      [
        q('a', 30),
        q('pending', 5, { status: 'pending' }),
        q('dismissed', 6, { status: 'dismissed' }),
        q('withdrawn', 7, { withdrawnAt: at(8) }),
        q('anon', 10, { anonymous: true }),
        q('answered', 40, { status: 'answered', votes: 3 }),
        q('before', -5),
        q('after', 61),
      ],
      [m('m1', 2), m('deleted', 3, at(4)), m('m2', 30)],
      [],
    );
    expect(t.items.map((i) => i.id)).toEqual(['m1', 'anon', 'a', 'm2', 'answered']);
    const anon = t.items.find((i) => i.id === 'anon')!;
    expect(anon.authorName).toBeNull();
    expect(JSON.stringify(t)).not.toContain('Auteur anon');
    expect(t.items.find((i) => i.id === 'answered')).toMatchObject({ answered: true, votes: 3, offsetSeconds: 40 });
  });

  it('has no end when the duration is unknown', () => {
    const t = buildTimeline({ startedAt: start, durationSeconds: null }, [q('late', 5000)], [], []);
    expect(t.items).toHaveLength(1);
  });

  it('makes chapters of the questions put on air, not of hidden ones', () => {
    const t = buildTimeline(
      { startedAt: start, durationSeconds: 600 },
      [q('a', 10, { body: 'Comment   faire\ncommun ?' }), q('d', 20, { status: 'dismissed' })],
      [],
      [
        { questionId: 'a', at: at(100) },
        { questionId: 'd', at: at(50) },
        { questionId: 'a', at: at(700) },
      ],
    );
    expect(t.chapters).toEqual([{ offsetSeconds: 100, questionId: 'a', title: 'Comment faire commun ?' }]);
  });

  it('finds the item playing now', () => {
    const items = [{ offsetSeconds: 1 }, { offsetSeconds: 5 }, { offsetSeconds: 5 }, { offsetSeconds: 9 }];
    expect(currentIndex(items, 0)).toBe(-1);
    expect(currentIndex(items, 5)).toBe(2);
    expect(currentIndex(items, 8.9)).toBe(2);
    expect(currentIndex(items, 100)).toBe(3);
    expect(currentIndex([], 3)).toBe(-1);
  });
});

describe('replay player', () => {
  it('plays kept files and video-file links in a video element', () => {
    expect(replayPlayer({ id: 'r1', kind: 'recording', url: null })).toEqual({ kind: 'video', src: '/api/replays/r1/media' });
    expect(replayPlayer({ id: 'r1', kind: 'link', url: 'https://example.org/v/replay.webm' })).toEqual({
      kind: 'video',
      src: 'https://example.org/v/replay.webm',
    });
  });

  it('embeds known hosts and seeks by reloading at the moment', () => {
    const yt = replayPlayer({ id: 'r', kind: 'link', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' });
    expect(yt.kind).toBe('iframe');
    if (yt.kind !== 'iframe') return;
    expect(embedAt(yt, 75.6)).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=75&autoplay=1');
    const vimeo = replayPlayer({ id: 'r', kind: 'link', url: 'https://vimeo.com/123456' });
    if (vimeo.kind !== 'iframe') throw new Error('vimeo not embedded');
    expect(embedAt(vimeo, 10)).toBe('https://player.vimeo.com/video/123456?dnt=1#t=10s');
  });

  it('shows other pages as a link, and nothing for a non-URL', () => {
    expect(replayPlayer({ id: 'r', kind: 'link', url: 'https://example.org/watch' })).toEqual({ kind: 'link', url: 'https://example.org/watch' });
    expect(replayPlayer({ id: 'r', kind: 'link', url: 'javascript:alert(1)' })).toEqual({ kind: 'none' });
  });
});

describe('recording rules', () => {
  it('refuses a workshop whose registrants were not told', () => {
    expect(recordingRefusal({ kind: 'workshop', recordingAnnounced: false })).toBe('workshop_not_announced');
    expect(recordingRefusal({ kind: 'workshop', recordingAnnounced: true })).toBeNull();
    expect(recordingRefusal({ kind: 'plenary', recordingAnnounced: false })).toBeNull();
  });

  it('names recording files by session and UTC time', () => {
    expect(recordingFile('s1', new Date('2026-11-20T10:00:05.123Z'))).toBe('s1/20261120T100005Z.mp4');
  });

  it('prints clock times', () => {
    expect(clock(5)).toBe('0:05');
    expect(clock(125.9)).toBe('2:05');
    expect(clock(3723)).toBe('1:02:03');
  });
});

describe('replay requests', () => {
  it('takes moments between 1990 and 2200 only, and an empty title as none', async () => {
    const { linkReplayRequest } = await import('./replays');
    const base = { url: 'https://example.org/v.mp4', licence: 'CC0-1.0' };
    expect(linkReplayRequest.safeParse({ ...base, startedAt: '0020-02-29T00:00:00Z' }).success).toBe(false);
    expect(linkReplayRequest.safeParse({ ...base, startedAt: '2026-11-20T10:00:00+01:00', title: ' ' }).data?.title).toBeUndefined();
  });
});
