import { describe, expect, it } from 'vitest';
import { audioPlan, captionLinesFor, interpretationLangOf, interpretationLangSchema, interpretationTrackName, languageName, ORIGINAL_VOLUME_UNDER_INTERPRETATION, stageLayout } from './interpretation';
import { interpreterGrant, videoAdmission, videoGrant } from './video';

describe('interpretation channels', () => {
  it('knows a channel by its track name and the attribute the server set, not by the name alone', () => {
    expect(interpretationTrackName('en')).toBe('interpretation:en');
    expect(interpretationLangOf('interpretation:en', { interpretation: 'en' })).toBe('en');
    expect(interpretationLangOf('interpretation:en', {})).toBeNull();
    expect(interpretationLangOf('interpretation:en', { interpretation: 'de' })).toBeNull();
    expect(interpretationLangOf('microphone', { interpretation: 'en' })).toBeNull();
    expect(interpretationLangOf('interpretation:EN', { interpretation: 'EN' })).toBeNull();
  });

  it('plays the chosen channel only, and lowers the original under it without muting it', () => {
    expect(audioPlan(null, null)).toEqual({ subscribe: true, volume: 1 });
    expect(audioPlan('en', null)).toEqual({ subscribe: false, volume: 0 });
    expect(audioPlan('en', 'en')).toEqual({ subscribe: true, volume: 1 });
    expect(audioPlan('de', 'en')).toEqual({ subscribe: false, volume: 0 });
    expect(audioPlan(null, 'en')).toEqual({ subscribe: true, volume: ORIGINAL_VOLUME_UNDER_INTERPRETATION });
    expect(ORIGINAL_VOLUME_UNDER_INTERPRETATION).toBeGreaterThan(0);
    expect(ORIGINAL_VOLUME_UNDER_INTERPRETATION).toBeLessThan(0.5);
  });

  it('shows the chosen language’s caption lines when there are some, the original’s otherwise', () => {
    const lines = [
      { lang: 'fr', text: 'Bonjour' },
      { lang: 'en', text: 'Hello' },
      { lang: 'fr', text: 'Merci' },
    ];
    expect(captionLinesFor(lines, 'en', ['en']).map((l) => l.text)).toEqual(['Hello']);
    expect(captionLinesFor(lines, null, ['en']).map((l) => l.text)).toEqual(['Bonjour', 'Merci']);
    expect(captionLinesFor(lines, 'de', ['de', 'en']).map((l) => l.text)).toEqual(['Bonjour', 'Merci']);
    expect(captionLinesFor(lines, null, []).map((l) => l.text)).toEqual(['Bonjour', 'Hello', 'Merci']);
    // Every line in an interpretation language: nothing is hidden.
    expect(captionLinesFor([{ lang: 'en', text: 'Hi' }], null, ['en']).map((l) => l.text)).toEqual(['Hi']);
  });

  it('grants known languages only, and names them in the reader’s language', () => {
    expect(interpretationLangSchema.safeParse('en').success).toBe(true);
    expect(interpretationLangSchema.safeParse('xx').success).toBe(false);
    expect(interpretationLangSchema.safeParse('EN').success).toBe(false);
    expect(languageName('en', 'fr')).toBe('Anglais');
    expect(languageName('de', 'en')).toBe('German');
  });
});

describe('an interpreter on the stage', () => {
  const session = {
    kind: 'plenary' as const,
    status: 'scheduled',
    visibility: 'invitation' as const,
    capacity: 10,
    confirmedCount: 10,
    startsAt: new Date('2026-06-01T10:00:00Z'),
    endsAt: new Date('2026-06-01T11:00:00Z'),
  };
  const window = { opensAt: new Date('2026-06-01T09:45:00Z'), closesAt: new Date('2026-06-01T11:15:00Z') };
  const now = new Date('2026-06-01T10:30:00Z');

  it('enters without registering, but not when removed nor outside the room’s window', () => {
    const base = { session, role: 'participant' as const, registered: false, seat: null, bannedAt: null };
    expect(videoAdmission({ ...base, interpreter: true }, window, now)).toEqual({ ok: true, role: 'attendee' });
    expect(videoAdmission(base, window, now)).toMatchObject({ ok: false, code: 'not_registered' });
    expect(videoAdmission({ ...base, interpreter: true, bannedAt: now }, window, now)).toMatchObject({ ok: false, code: 'removed' });
    expect(videoAdmission({ ...base, interpreter: true }, window, new Date('2026-06-01T12:00:00Z'))).toMatchObject({ ok: false, code: 'room_not_open' });
  });

  it('publishes their microphone only, unless they may publish everything anyway', () => {
    expect(interpreterGrant(videoGrant('attendee', 'plenary'), true)).toMatchObject({ canPublish: true, canPublishSources: ['microphone'] });
    expect(interpreterGrant(videoGrant('attendee', 'plenary'), false)).toMatchObject({ canPublish: false });
    expect(interpreterGrant(videoGrant('speaker', 'plenary'), true)).not.toHaveProperty('canPublishSources');
  });
});

describe('the stage with a pinned participant', () => {
  const layout = (cameras: string[], speaking: string[], opts: { pin?: string | null; last?: string | null; screen?: string | null } = {}) =>
    stageLayout({ cameras, screen: opts.screen ?? null, identityOf: (c) => c, speaking, lastSpeaker: opts.last ?? null, pin: opts.pin ?? null });

  it('keeps the pinned participant beside the active speaker, whoever speaks', () => {
    expect(layout(['a', 'b', 'sign'], ['a'], { pin: 'sign' })).toEqual({ main: 'a', pinned: 'sign', strip: ['b'] });
    expect(layout(['a', 'b', 'sign'], ['b'], { pin: 'sign' })).toEqual({ main: 'b', pinned: 'sign', strip: ['a'] });
    // The pinned interpreter signing is never taken for the speaker.
    expect(layout(['a', 'b', 'sign'], ['sign'], { pin: 'sign', last: 'b' })).toEqual({ main: 'b', pinned: 'sign', strip: ['a'] });
    // Beside a screen share too.
    expect(layout(['a', 'sign'], ['a'], { pin: 'sign', screen: 'screen' })).toEqual({ main: 'screen', pinned: 'sign', strip: ['a'] });
  });

  it('unpinned, or pinned and absent, is the usual stage', () => {
    expect(layout(['a', 'b'], ['b'])).toEqual({ main: 'b', pinned: null, strip: ['a'] });
    expect(layout(['a', 'b'], [], { pin: 'gone', last: 'b' })).toEqual({ main: 'b', pinned: null, strip: ['a'] });
    expect(layout(['sign'], [], { pin: 'sign' })).toEqual({ main: 'sign', pinned: null, strip: [] });
    expect(layout([], [])).toEqual({ main: null, pinned: null, strip: [] });
  });
});
