import { TokenVerifier } from 'livekit-server-sdk';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '@/lib/config';
import { videoGrant } from '@/lib/domain/video';
import { livekitAdvice, mintToken, setupLivekit } from '@/server/media/livekit';

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

describe('tokens', () => {
  it('no role, in no kind of room, may update its own name, metadata or attributes', async () => {
    const c = parseConfig({ LIVEKIT_URL: 'http://127.0.0.1:7880', LIVEKIT_API_KEY: 'unit-key', LIVEKIT_API_SECRET: 'unit-secret-0123456789abcdefghijklmnop' });
    await setupLivekit(c);
    const verifier = new TokenVerifier('unit-key', 'unit-secret-0123456789abcdefghijklmnop');
    for (const role of ['attendee', 'speaker', 'moderator'] as const) {
      for (const kind of ['plenary', 'workshop'] as const) {
        for (const promoted of [false, true]) {
          const token = await mintToken({ identity: 'user:x', name: 'Awa', room: 'session-x', grant: videoGrant(role, kind, promoted) });
          const claims = await verifier.verify(token);
          expect(claims.name).toBe('Awa');
          expect(claims.video?.roomJoin).toBe(true);
          expect(claims.video?.canUpdateOwnMetadata ?? false, `${role} in ${kind}`).toBe(false);
        }
      }
    }
  });
});
