import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as overviewRoute, POST as diffusionRoute } from '@/app/api/sessions/[sessionId]/diffusion/route';
import { GET as hlsRoute } from '@/app/api/sessions/[sessionId]/hls/[file]/route';
import type { Identity } from '@/db/queries/identity';
import { currentStream, openStream, setStreamEgressId } from '@/db/queries/streams';
import { programmeSessions, streams } from '@/db/schema';
import { hlsDir, serveHls, startDiffusion, stopDiffusion } from '@/server/media/diffusion';
import { refusalOf } from './factories';
import { egressScene, egressWebhook } from './livekit-support';
import { type Driver, useFreshDatabase } from './support';

/**
 * The overflow audience's HLS (issue 28, docs/diffusion.md), without media: the playlist and
 * segments are written here as egress would, then served while a diffusion runs (404 otherwise),
 * with ranges and cache headers, to whoever may follow the session; names that could leave the
 * session's directory are refused. Starting: moderators only, diffusion sessions only, one per
 * session (409). The media path is e2e/diffusion.spec.ts inside scripts/recording-e2e.sh.
 */
const PLAYLIST = '#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:2.000,\nsegment_00000.ts\n';
const SEGMENT = Buffer.alloc(188 * 10, 0x47);

describe.each<Driver>(['postgres', 'pglite'])('diffusion (%s)', (driver) => {
  let db: Awaited<ReturnType<typeof useFreshDatabase>>;
  let dataDir: string;
  let eventId: string;
  const who: Record<string, Identity> = {};
  let registrantToken: string;
  let n = 0;

  async function session(values: { diffusionAbove?: number | null; visibility?: 'public' | 'invitation' } = {}) {
    const start = new Date();
    const [row] = await db.handle.db
      .insert(programmeSessions)
      .values({ eventId, slug: `diffusion-${++n}`, title: `Session ${n}`, kind: 'plenary', mode: 'online', startsAt: start, endsAt: new Date(start.getTime() + 3_600_000), diffusionAbove: 0, ...values })
      .returning({ id: programmeSessions.id });
    return row!.id;
  }
  /** A diffusion running, with its files on disk as egress writes them. */
  async function live(sessionId: string) {
    const { row } = await openStream(sessionId, null, undefined, 'hls');
    await setStreamEgressId(row.id, `EG_hls_${driver}_${sessionId}`);
    await mkdir(hlsDir(sessionId), { recursive: true });
    await writeFile(path.join(hlsDir(sessionId), 'index.m3u8'), PLAYLIST);
    await writeFile(path.join(hlsDir(sessionId), 'segment_00000.ts'), SEGMENT);
    return row;
  }
  const refusal = (p: Promise<unknown>) => refusalOf(() => p);
  /** A registrant asks (by their personal link: the route's tests run outside a Next request, where cookies cannot be read). */
  const get = (sessionId: string, file: string, headers: Record<string, string> = {}) =>
    hlsRoute(new Request(`http://x/api/sessions/${sessionId}/hls/${file}`, { headers: { ...bearer(), ...headers } }), { params: Promise.resolve({ sessionId, file }) });
  const post = (sessionId: string, body: unknown, headers: Record<string, string> = {}) =>
    diffusionRoute(new Request('http://x', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }), { params: Promise.resolve({ sessionId }) });
  const bearer = () => ({ authorization: `Bearer ${registrantToken}` });
  const egressEvent = egressWebhook;
  const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'chemins-hls-'));
    process.env.DATA_DIR = dataDir;
    (globalThis as { __cheminsConfig?: unknown }).__cheminsConfig = undefined;
    db = await useFreshDatabase(driver);
    ({ eventId, moderator: who.moderator, stranger: who.stranger, registrantToken } = await egressScene(db.handle.db, driver, 'diffusion.test'));
  });
  afterAll(async () => {
    await db?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers 404 with the error shape while no diffusion runs, even with files on disk', async () => {
    const s = await session();
    const res = await get(s, 'index.m3u8');
    expect(res.status).toBe(404);
    expect(await errorOf(res)).toMatchObject({ code: 'not_found', message: expect.any(String) });
    const row = await live(s);
    expect((await get(s, 'index.m3u8')).status).toBe(200);
    // Stopped: no longer served, though egress may still be writing its last segment.
    await db.handle.db.update(streams).set({ status: 'ended' }).where(eq(streams.id, row.id));
    expect((await get(s, 'index.m3u8')).status).toBe(404);
    expect((await get(s, 'segment_00000.ts')).status).toBe(404);
  });

  it('serves the playlist and segments with their types, short cache for the playlist, ranges', async () => {
    const s = await session();
    await live(s);
    // Anybody may follow a public session, signed in or not.
    expect((await serveHls(null, s, 'index.m3u8', null)).status).toBe(200);
    const playlist = await get(s, 'index.m3u8');
    expect(playlist.status).toBe(200);
    expect(playlist.headers.get('content-type')).toBe('application/vnd.apple.mpegurl');
    expect(playlist.headers.get('cache-control')).toBe('public, max-age=1');
    expect(await playlist.text()).toBe(PLAYLIST);
    const segment = await get(s, 'segment_00000.ts');
    expect(segment.status).toBe(200);
    expect(segment.headers.get('content-type')).toBe('video/mp2t');
    expect(segment.headers.get('cache-control')).toBe('public, max-age=60, immutable');
    expect(Buffer.from(await segment.arrayBuffer()).equals(SEGMENT)).toBe(true);

    const part = await get(s, 'segment_00000.ts', { range: 'bytes=188-375' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 188-375/${SEGMENT.length}`);
    expect((await part.arrayBuffer()).byteLength).toBe(188);
    const tail = await get(s, 'index.m3u8', { range: 'bytes=-10' });
    expect(tail.status).toBe(206);
    expect(await tail.text()).toBe(PLAYLIST.slice(-10));

    const past = await get(s, 'segment_00000.ts', { range: `bytes=${SEGMENT.length}-` });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${SEGMENT.length}`);
    // A segment egress has not written (yet): 404.
    expect((await get(s, 'segment_00099.ts')).status).toBe(404);
  });

  it('refuses names that could leave the session’s directory, or are not HLS', async () => {
    const s = await session();
    await live(s);
    await writeFile(path.join(dataDir, 'hls', 'secret.ts'), 'secret');
    await writeFile(path.join(hlsDir(s), 'full.m3u8'), PLAYLIST);
    for (const file of ['../secret.ts', '..%2Fsecret.ts', '..', '.ts', 'full.m3u8', 'index.m3u8/../../secret.ts', '%2e%2e%2fsecret.ts', 'segment_00000.mp4']) {
      const res = await get(s, file);
      expect(res.status, file).toBe(404);
      expect((await errorOf(res)).code, file).toBe('not_found');
    }
    // Another session's id in the path serves that session's directory only, under its own rule.
    expect((await get('../../etc', 'index.m3u8')).status).toBe(404);
  });

  it('serves an invitation-only session only to whoever may follow it (else 404), privately cached', async () => {
    const s = await session({ visibility: 'invitation' });
    await live(s);
    expect((await get(s, 'index.m3u8')).status).toBe(404);
    expect(await refusal(serveHls(null, s, 'index.m3u8', null))).toBe('404 not_found');
    // Its moderators follow it; no shared cache keeps it.
    const res = await serveHls(who.moderator!, s, 'index.m3u8', null);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, max-age=1');
  });

  it('lets only moderators start a diffusion, of a diffusion session, once', async () => {
    const plain = await session({ diffusionAbove: null });
    expect(await refusal(startDiffusion(who.moderator!, plain))).toBe('409 not_a_diffusion');
    const s = await session({ diffusionAbove: 200 });
    const res = await post(s, { action: 'start' }, bearer());
    expect(res.status).toBe(403);
    expect((await errorOf(res)).code).toBe('forbidden');
    expect((await post(s, { action: 'begin' }, bearer())).status).toBe(400);
    expect(await refusal(startDiffusion(who.stranger!, s))).toBe('403 forbidden');
    expect(await refusal(startDiffusion(null, s))).toBe('401 unauthenticated');
    expect(await refusal(stopDiffusion(who.moderator!, s))).toBe('409 not_diffusing');
    // Nobody on stage: refused, nothing left behind.
    expect(await refusal(startDiffusion(who.moderator!, s))).toMatch(/^409 (nothing_to_stream|room_not_live)$/);
    expect(await db.handle.db.select().from(streams).where(eq(streams.sessionId, s))).toEqual([]);

    // One runs: a second start is 409 with the error shape; the RTMP stream is another kind, not refused by it.
    const row = await live(s);
    expect(await refusal(startDiffusion(who.moderator!, s))).toBe('409 already_diffusing');
    expect(await refusal(openStream(s, null, undefined, 'hls'))).toBe('409 already_diffusing');
    const { row: rtmp } = await openStream(s, null, undefined);
    expect(rtmp.kind).toBe('rtmp');
    const overview = await overviewRoute(new Request('http://x', { headers: bearer() }), { params: Promise.resolve({ sessionId: s }) });
    expect(await overview.json()).toMatchObject({ diffusion: true, status: 'starting', playlist: `/api/sessions/${s}/hls/index.m3u8` });

    // Egress's webhooks move it: live, then failed with its reason; served no more.
    const room = `session-${s}`;
    expect((await egressEvent('egress_updated', { egressId: row.egressId ?? `EG_hls_${driver}_${s}`, roomName: room, status: 'EGRESS_ACTIVE' })).status).toBe(200);
    expect((await currentStream(s, 'hls'))?.status).toBe('live');
    expect((await egressEvent('egress_ended', { egressId: `EG_hls_${driver}_${s}`, roomName: room, status: 'EGRESS_ABORTED', error: 'pipeline stopped' })).status).toBe(200);
    expect((await db.handle.db.select().from(streams).where(eq(streams.id, row.id)))[0]).toMatchObject({ status: 'failed', error: 'pipeline stopped' });
    expect((await get(s, 'index.m3u8')).status).toBe(404);
    // The RTMP stream was not touched by the diffusion's webhooks.
    expect((await currentStream(s))?.id).toBe(rtmp.id);
  });
});
