import { describe, expect, it } from 'vitest';
import { captionOfPacket, compositeBaseUrl, compositeLivekitUrl, compositeQuery, sessionOfEgressToken, stageMetadataOf, stagePinOfMetadata } from './composite';
import { videoRoomOf } from './video';

const SESSION = '0b6b7f38-0d4e-4c43-9d55-6a4f0e0f6a11';
// What egress's `BuildEgressToken` grants (livekit/protocol egress/token.go).
const egressClaims = { kind: 'egress', video: { room: videoRoomOf(SESSION), roomJoin: true, canSubscribe: true, canPublish: false, canPublishData: false, hidden: true, recorder: true } };

describe('the composite layout page', () => {
  it('opens for the hidden recorder token egress makes for a session’s room', () => {
    expect(sessionOfEgressToken(egressClaims)).toBe(SESSION);
    expect(sessionOfEgressToken({ video: { ...egressClaims.video } })).toBe(SESSION);
  });
  it('does not open for a stage token, a publisher, another kind or another room', () => {
    expect(sessionOfEgressToken({ video: { room: videoRoomOf(SESSION), roomJoin: true, canPublish: false } })).toBeNull();
    expect(sessionOfEgressToken({ ...egressClaims, video: { ...egressClaims.video, hidden: false } })).toBeNull();
    expect(sessionOfEgressToken({ ...egressClaims, video: { ...egressClaims.video, recorder: false } })).toBeNull();
    expect(sessionOfEgressToken({ ...egressClaims, video: { ...egressClaims.video, canPublish: true } })).toBeNull();
    expect(sessionOfEgressToken({ ...egressClaims, video: { ...egressClaims.video, canPublishData: true } })).toBeNull();
    expect(sessionOfEgressToken({ ...egressClaims, kind: 'standard' })).toBeNull();
    expect(sessionOfEgressToken({ ...egressClaims, video: { ...egressClaims.video, room: 'breakout-x' } })).toBeNull();
    expect(sessionOfEgressToken({ ...egressClaims, video: { ...egressClaims.video, roomJoin: false } })).toBeNull();
    expect(sessionOfEgressToken({})).toBeNull();
  });
  it('takes egress’s query and refuses anything else', () => {
    expect(compositeQuery.safeParse({ url: 'ws://10.213.0.1:7880', token: 'x'.repeat(40), layout: 'chemins' }).success).toBe(true);
    expect(compositeQuery.safeParse({ url: 'https://example.org', token: 'x'.repeat(40) }).success).toBe(false);
    expect(compositeQuery.safeParse({ url: 'ws://127.0.0.1:7880' }).success).toBe(false);
    expect(compositeQuery.safeParse({ url: ['ws://a', 'ws://b'], token: 'x'.repeat(40) }).success).toBe(false);
  });
  it('reads the stage pin the server writes into the room’s metadata', () => {
    expect(stagePinOfMetadata(stageMetadataOf('interprete'))).toBe('interprete');
    expect(stagePinOfMetadata(stageMetadataOf(null))).toBeNull();
    expect(stagePinOfMetadata(undefined)).toBeUndefined();
    expect(stagePinOfMetadata('')).toBeUndefined();
    expect(stagePinOfMetadata('not json')).toBeUndefined();
    expect(stagePinOfMetadata('{"other":1}')).toBeUndefined();
  });
  it('names the LiveKit URL egress gave the page, for its Content-Security-Policy, and no other', () => {
    expect(compositeLivekitUrl('/media/layout?layout=chemins&token=t&url=ws%3A%2F%2F10.213.0.1%3A7880')).toBe('ws://10.213.0.1:7880');
    expect(compositeLivekitUrl('/media/layout?url=https%3A%2F%2Fexample.org')).toBeNull();
    expect(compositeLivekitUrl('/media/layout?url=ws%3A%2F%2Fa&url=ws%3A%2F%2Fb')).toBeNull();
    expect(compositeLivekitUrl('/events?url=ws%3A%2F%2F10.213.0.1%3A7880')).toBeNull();
    expect(compositeLivekitUrl('/media/layoutx?url=ws%3A%2F%2F10.213.0.1%3A7880')).toBeNull();
    expect(compositeLivekitUrl(undefined)).toBeNull();
  });
  it('is served under the app’s base URL as egress reaches it', () => {
    expect(compositeBaseUrl('http://10.213.0.1:3400/')).toBe('http://10.213.0.1:3400/media/layout');
  });
});

describe('captions in the composite', () => {
  const bytes = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));
  const line = { sessionId: SESSION, text: 'Bienvenue', lang: 'fr', speaker: 'Awa', at: '2026-12-07T18:00:00.000Z', final: false };
  it('reads a caption line the server sent into the room', () => {
    expect(captionOfPacket(bytes(line))).toEqual(line);
    expect(captionOfPacket(bytes({ ...line, speaker: null, final: true }))).toEqual({ ...line, speaker: null, final: true });
  });
  it('ignores anything else: not JSON, another shape, another language, a text too long', () => {
    expect(captionOfPacket(bytes('not json'))).toBeNull();
    expect(captionOfPacket(bytes({ stagePin: null }))).toBeNull();
    expect(captionOfPacket(bytes({ ...line, lang: 'de' }))).toBeNull();
    expect(captionOfPacket(bytes({ ...line, final: 'yes' }))).toBeNull();
    expect(captionOfPacket(bytes({ ...line, text: 'x'.repeat(2001) }))).toBeNull();
  });
});
