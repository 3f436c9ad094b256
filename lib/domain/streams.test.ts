import { describe, expect, it } from 'vitest';
import { maskStreamUrl, parseStreamUrl, streamRequest, withoutStreamKeys } from './streams';

describe('stream destinations', () => {
  it('accepts rtmp:// and rtmps:// addresses with an application and a key', () => {
    expect(parseStreamUrl('rtmp://live.example.org/live/abcd-1234-efgh-5678')).toMatchObject({ base: 'rtmp://live.example.org/live', key: 'abcd-1234-efgh-5678' });
    expect(parseStreamUrl('rtmps://a.example.org:443/live2/k')).toMatchObject({ base: 'rtmps://a.example.org:443/live2', key: 'k' });
  });

  it('refuses other schemes, credentials and addresses without a key', () => {
    for (const bad of ['http://example.org/live/key', 'srt://example.org:9000/live/k', 'rtmp://example.org/live', 'rtmp://u:p@example.org/live/k', 'file:///etc/passwd', 'not a url']) {
      expect(parseStreamUrl(bad)).toBeNull();
    }
  });

  it('masks the key, keeping its last four characters only when it is long', () => {
    expect(maskStreamUrl('rtmp://live.example.org/live/abcd-1234-efgh-5678')).toBe('rtmp://live.example.org/live/••••5678');
    expect(maskStreamUrl('rtmp://live.example.org/live/short')).toBe('rtmp://live.example.org/live/••••');
  });

  it('removes keys from a text (an error from egress)', () => {
    const url = 'rtmp://127.0.0.1:1935/live/secret-key-0123456789';
    expect(withoutStreamKeys(`could not connect to ${url} (secret-key-0123456789)`, [url])).toBe('could not connect to rtmp://127.0.0.1:1935/live/••••6789 (••••)');
  });

  it('takes destinations with start only, distinct, and at most five', () => {
    expect(streamRequest.safeParse({ action: 'start', destinations: [{ url: 'rtmp://h/live/k' }] }).success).toBe(true);
    expect(streamRequest.safeParse({ action: 'stop' }).success).toBe(true);
    expect(streamRequest.safeParse({ action: 'stop', destinations: [{ url: 'rtmp://h/live/k' }] }).success).toBe(false);
    expect(streamRequest.safeParse({ action: 'start', destinations: [{ url: 'https://h/live/k' }] }).success).toBe(false);
    expect(streamRequest.safeParse({ action: 'start', destinations: [{ url: 'rtmp://h/live/k' }, { url: 'rtmp://h/live/k' }] }).success).toBe(false);
    expect(streamRequest.safeParse({ action: 'start', destinations: Array.from({ length: 6 }, (_, i) => ({ url: `rtmp://h/live/k${i}` })) }).success).toBe(false);
  });
});
