import { describe, expect, it } from 'vitest';
import { livekitAdvice } from './livekit';

describe('livekitAdvice', () => {
  it('in production with the binary on PATH, says to run it and set the variables (not to put it on PATH)', () => {
    const advice = livekitAdvice({ NODE_ENV: 'production', LIVEKIT_AUTOSTART: '1' }, true);
    expect(advice).toContain('LIVEKIT_URL');
    expect(advice).toContain('does not start livekit-server itself');
    expect(advice).not.toContain('put a livekit-server binary on PATH');
  });
  it('in development without the binary, suggests PATH or the variables', () => {
    expect(livekitAdvice({ NODE_ENV: 'development', LIVEKIT_AUTOSTART: '1' }, false)).toContain('put a livekit-server binary on PATH');
  });
  it('names LIVEKIT_AUTOSTART when it is what keeps the dev server from starting it', () => {
    expect(livekitAdvice({ NODE_ENV: 'development', LIVEKIT_AUTOSTART: '0' }, true)).toContain('LIVEKIT_AUTOSTART=0');
  });
});
