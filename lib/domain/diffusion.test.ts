import { describe, expect, it } from 'vitest';
import { diffusionAboveOf, diffusionModeOf, hlsFileName, mayChooseDiffusion, watchesDiffusion } from './diffusion';

describe('watchesDiffusion', () => {
  it('keeps everybody on the stage when the session is not a diffusion', () => {
    expect(watchesDiffusion(null, { role: 'participant', inRoom: 50_000 })).toBe(false);
  });

  it('sends the audience to HLS always with 0, whatever the room holds', () => {
    expect(watchesDiffusion(0, { role: 'participant', inRoom: 0 })).toBe(true);
    expect(watchesDiffusion(0, { role: 'guest', inRoom: 3 })).toBe(true);
  });

  it('sends new audience members to HLS once the room holds N', () => {
    expect(watchesDiffusion(100, { role: 'participant', inRoom: 99 })).toBe(false);
    expect(watchesDiffusion(100, { role: 'participant', inRoom: 100 })).toBe(true);
    expect(watchesDiffusion(100, { role: 'guest', inRoom: 500 })).toBe(true);
  });

  it('keeps speakers, moderators and organizers on WebRTC', () => {
    for (const role of ['speaker', 'moderator', 'organizer']) {
      expect(watchesDiffusion(0, { role, inRoom: 10_000 })).toBe(false);
    }
  });
});

describe('mayChooseDiffusion', () => {
  it('lets the audience of a diffusion session choose it, not the stage', () => {
    expect(mayChooseDiffusion(500, 'participant')).toBe(true);
    expect(mayChooseDiffusion(500, 'guest')).toBe(true);
    expect(mayChooseDiffusion(null, 'participant')).toBe(false);
    expect(mayChooseDiffusion(0, 'speaker')).toBe(false);
    expect(mayChooseDiffusion(500, 'moderator')).toBe(false);
  });
});

describe('the stored setting', () => {
  it('goes from the form to the column and back', () => {
    expect(diffusionAboveOf('no', 30)).toBeNull();
    expect(diffusionAboveOf('always', 30)).toBe(0);
    expect(diffusionAboveOf('above', 30)).toBe(30);
    expect(diffusionModeOf(null)).toEqual({ mode: 'no', above: null });
    expect(diffusionModeOf(0)).toEqual({ mode: 'always', above: null });
    expect(diffusionModeOf(30)).toEqual({ mode: 'above', above: 30 });
  });
});

describe('hlsFileName', () => {
  it('accepts the playlist and segment names egress writes', () => {
    expect(hlsFileName.safeParse('index.m3u8').success).toBe(true);
    expect(hlsFileName.safeParse('index_00012.ts').success).toBe(true);
  });

  it('refuses anything that could leave the session’s directory or is not HLS', () => {
    for (const name of ['../index.m3u8', '..%2Fsecret.ts', '../../etc/passwd', 'a/b.ts', '.ts', 'x.mp4', 'other.m3u8', 'index.m3u8/..', '']) {
      expect(hlsFileName.safeParse(name).success, name).toBe(false);
    }
  });
});
