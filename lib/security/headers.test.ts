import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './headers';

const directive = (csp: string, name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `))?.split(' ').slice(1);

describe('contentSecurityPolicy', () => {
  it('allows scripts of this site and with the nonce only, and no framing', () => {
    const csp = contentSecurityPolicy({ nonce: 'abc123' });
    expect(directive(csp, 'script-src')).toEqual(["'self'", "'nonce-abc123'"]);
    expect(directive(csp, 'frame-ancestors')).toEqual(["'none'"]);
    expect(directive(csp, 'object-src')).toEqual(["'none'"]);
    expect(directive(csp, 'connect-src')).toEqual(["'self'"]);
  });

  it("lets the browser reach LiveKit over WebSocket and HTTP at its public URL", () => {
    expect(directive(contentSecurityPolicy({ nonce: 'n', livekitUrl: 'wss://video.example.org' }), 'connect-src')).toEqual([
      "'self'",
      'https://video.example.org',
      'wss://video.example.org',
    ]);
    expect(directive(contentSecurityPolicy({ nonce: 'n', livekitUrl: 'http://127.0.0.1:7880' }), 'connect-src')).toEqual([
      "'self'",
      'http://127.0.0.1:7880',
      'ws://127.0.0.1:7880',
    ]);
  });

  it('lets the composite layout page reach LiveKit at the URL egress gave it', () => {
    expect(directive(contentSecurityPolicy({ nonce: 'n', livekitUrl: 'http://127.0.0.1:7880', egressLivekitUrl: 'ws://livekit:7880' }), 'connect-src')).toEqual([
      "'self'",
      'http://127.0.0.1:7880',
      'ws://127.0.0.1:7880',
      'http://livekit:7880',
      'ws://livekit:7880',
    ]);
  });

  it("adds 'unsafe-eval' for Next's development server only", () => {
    expect(directive(contentSecurityPolicy({ nonce: 'n', dev: true }), 'script-src')).toContain("'unsafe-eval'");
    expect(directive(contentSecurityPolicy({ nonce: 'n' }), 'script-src')).not.toContain("'unsafe-eval'");
  });
});
