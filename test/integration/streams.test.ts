import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as overviewRoute, POST as streamRoute } from '@/app/api/sessions/[sessionId]/stream/route';
import type { Identity } from '@/db/queries/identity';
import { openStream, setStreamEgressId } from '@/db/queries/streams';
import { programmeSessions, streamDestinations, streams } from '@/db/schema';
import { startStream, stopStream, streamOverview } from '@/server/media/streaming';
import { refusalOf } from './factories';
import { egressScene, egressWebhook } from './livekit-support';
import { type Driver, useFreshDatabase } from './support';

/**
 * The stream out (issue 28, docs/streaming.md), without media: only rtmp(s):// destinations, only
 * moderators, one stream at a time, stream keys sealed and never answered; egress's webhooks move a
 * stream to live, ended or failed (its error without the key). The media path (egress sending to an
 * RTMP receiver) is tested by e2e/streaming.spec.ts inside scripts/recording-e2e.sh.
 */
const KEY = 'sk-live-0123456789abcdefSECRET';
const URL_WITH_KEY = `rtmp://127.0.0.1:1935/live/${KEY}`;

describe.each<Driver>(['postgres', 'pglite'])('streams (%s)', (driver) => {
  let db: Awaited<ReturnType<typeof useFreshDatabase>>;
  let eventId: string;
  const who: Record<string, Identity> = {};
  let registrantToken: string;
  let n = 0;

  async function session() {
    const start = new Date();
    const [row] = await db.handle.db
      .insert(programmeSessions)
      .values({ eventId, slug: `stream-${++n}`, title: `Session ${n}`, kind: 'plenary', mode: 'online', startsAt: start, endsAt: new Date(start.getTime() + 3_600_000) })
      .returning({ id: programmeSessions.id });
    return row!.id;
  }
  const refusal = (p: Promise<unknown>) => refusalOf(() => p);
  const params = (sessionId: string) => ({ params: Promise.resolve({ sessionId }) });
  const post = (sessionId: string, body: unknown, headers: Record<string, string> = {}) =>
    streamRoute(new Request('http://x', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }), params(sessionId));
  const bearer = () => ({ authorization: `Bearer ${registrantToken}` });
  const egressEvent = egressWebhook;

  beforeAll(async () => {
    (globalThis as { __cheminsConfig?: unknown }).__cheminsConfig = undefined;
    db = await useFreshDatabase(driver);
    ({ eventId, moderator: who.moderator, stranger: who.stranger, registrantToken } = await egressScene(db.handle.db, driver, 'streams.test'));
  });
  afterAll(() => db?.close());

  it('refuses a destination that is not rtmp(s)://, and anyone but the moderators, with the error shape', async () => {
    const s = await session();
    for (const url of ['https://example.org/live/key', 'srt://127.0.0.1:9000/live/key', 'rtmp://example.org/nokey', 'rtmp://user:pass@example.org/live/key']) {
      const res = await post(s, { action: 'start', destinations: [{ url }] }, bearer());
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.error).toMatchObject({ code: 'invalid', message: expect.any(String), fields: { 'destinations.0.url': expect.any(String) } });
    }
    const notJson = await streamRoute(new Request('http://x', { method: 'POST', headers: { 'content-type': 'text/plain', ...bearer() }, body: 'start' }), params(s));
    expect(notJson.status).toBe(415);
    const res = await post(s, { action: 'start', destinations: [{ url: URL_WITH_KEY }] }, bearer());
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('forbidden');
    expect((await overviewRoute(new Request('http://x', { headers: bearer() }), params(s))).status).toBe(403);
    expect(await refusal(startStream(who.stranger!, s, [{ url: URL_WITH_KEY }]))).toBe('403 forbidden');
    expect(await refusal(startStream(null, s, [{ url: URL_WITH_KEY }]))).toBe('401 unauthenticated');
    expect(await refusal(stopStream(who.moderator!, s))).toBe('409 not_streaming');
    // Nothing was saved by the refusals.
    expect(await db.handle.db.select().from(streamDestinations).where(eq(streamDestinations.sessionId, s))).toEqual([]);
  });

  it('keeps the key sealed, shows it masked, and refuses a second stream while one runs', async () => {
    const s = await session();
    // Nobody publishes in the room: refused, and no stream is left behind; the destination is kept, sealed.
    expect(await refusal(startStream(who.moderator!, s, [{ url: URL_WITH_KEY }]))).toMatch(/^409 (nothing_to_stream|room_not_live)$/);
    const saved = await db.handle.db.select().from(streamDestinations).where(eq(streamDestinations.sessionId, s));
    expect(saved).toHaveLength(1);
    expect(JSON.stringify(saved)).not.toContain(KEY);
    expect(saved[0]!.urlMasked).toBe('rtmp://127.0.0.1:1935/live/••••CRET');
    expect(await db.handle.db.select().from(streams).where(eq(streams.sessionId, s))).toEqual([]);
    const overview = await streamOverview(who.moderator!, s);
    expect(overview).toEqual({ status: 'idle', egressId: null, since: null, destinations: [{ url: 'rtmp://127.0.0.1:1935/live/••••CRET' }] });

    // A stream runs: a second start is refused and changes nothing saved.
    const { row } = await openStream(s, null, undefined);
    await setStreamEgressId(row.id, `EG_stream_${driver}`);
    expect(await refusal(startStream(who.moderator!, s, [{ url: 'rtmps://other.example.org/live2/another-key-123456' }]))).toBe('409 already_streaming');
    expect((await streamOverview(who.moderator!, s)).destinations).toEqual([{ url: 'rtmp://127.0.0.1:1935/live/••••CRET' }]);
    expect(await refusal(openStream(s, null, undefined))).toBe('409 already_streaming');

    // Egress says it sends, then that it failed: the error is kept without the key.
    const room = `session-${s}`;
    expect((await egressEvent('egress_updated', { egressId: `EG_stream_${driver}`, roomName: room, status: 'EGRESS_ACTIVE' })).status).toBe(200);
    expect((await streamOverview(who.moderator!, s)).status).toBe('live');
    const failure = `rtmp2sink: could not connect to ${URL_WITH_KEY}: Connection refused`;
    expect((await egressEvent('egress_ended', { egressId: `EG_stream_${driver}`, roomName: room, status: 'EGRESS_FAILED', error: failure })).status).toBe(200);
    const [ended] = await db.handle.db.select().from(streams).where(eq(streams.id, row.id));
    expect(ended).toMatchObject({ status: 'failed', error: 'rtmp2sink: could not connect to rtmp://127.0.0.1:1935/live/••••CRET: Connection refused' });
    expect((await streamOverview(who.moderator!, s)).status).toBe('idle');
    // The same webhook again changes nothing.
    expect((await egressEvent('egress_ended', { egressId: `EG_stream_${driver}`, roomName: room, status: 'EGRESS_COMPLETE' })).status).toBe(200);
    expect((await db.handle.db.select().from(streams).where(eq(streams.id, row.id)))[0]!.status).toBe('failed');
  });
});
