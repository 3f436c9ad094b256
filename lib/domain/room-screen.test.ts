import { describe, expect, it } from 'vitest';
import { nowAndNext, speakersOf } from './room-screen';

const at = (h: number) => new Date(Date.UTC(2026, 11, 8, h));
const s = (slug: string, from: number, to: number, room = 'salle', status = 'confirmed') => ({
  slug,
  startsAt: at(from),
  endsAt: at(to),
  status,
  videoLiveSince: null,
  room: { key: room },
});

describe('nowAndNext', () => {
  const sessions = [s('later', 14, 15), s('morning', 9, 11), s('elsewhere', 10, 12, 'autre'), s('off', 11, 12, 'salle', 'cancelled'), s('noon', 12, 13)];

  it('gives the session on now in the room and the next one to start there', () => {
    const r = nowAndNext(sessions, 'salle', new Date(Date.UTC(2026, 11, 8, 10, 30)));
    expect(r.now?.slug).toBe('morning');
    expect(r.next?.slug).toBe('noon');
  });

  it('skips cancelled sessions and other rooms; null when there is nothing', () => {
    const between = nowAndNext(sessions, 'salle', new Date(Date.UTC(2026, 11, 8, 11, 30)));
    expect(between).toEqual({ now: null, next: expect.objectContaining({ slug: 'noon' }) });
    expect(nowAndNext(sessions, 'salle', at(16))).toEqual({ now: null, next: null });
    expect(nowAndNext(sessions, 'nowhere', at(10))).toEqual({ now: null, next: null });
  });
});

describe('speakersOf', () => {
  it('names speakers first, then facilitators, never hosts or moderators', () => {
    expect(
      speakersOf([
        { name: 'Host', role: 'host' },
        { name: 'Fa', role: 'facilitator' },
        { name: 'Sp', role: 'speaker' },
        { name: 'Mo', role: 'moderator' },
      ]),
    ).toEqual(['Sp', 'Fa']);
  });
});
