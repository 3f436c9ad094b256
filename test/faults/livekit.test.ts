import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { eq } from 'drizzle-orm';
import { AccessToken, RoomServiceClient } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as webhookRoute } from '@/app/api/livekit/webhook/route';
import { openRecording, setEgressId } from '@/db/queries/replays';
import { attendanceOf } from '@/db/queries/video';
import { programmeSessions, replays } from '@/db/schema';
import { seed } from '@/db/seed';
import { parseConfig } from '@/lib/config';
import { videoRoomOf } from '@/lib/domain/video';
import { LOST_RECORDING } from '@/server/media/recording';
import { setupLivekit } from '@/server/media/livekit';
import { closeServer, demoLive, listenLocally } from '../integration/factories';
import { useFreshDatabase } from '../integration/support';
import { type OwnLivekit, type OwnRedis, reportFigures, startLivekit, startRedis, waitFor } from './services';

// LiveKit restarts during a stage (issue 33, "Faults"; docs/architecture.md): killed, it sends no
// webhook for the people and the recording it had. When it is back and the room starts again (its
// real `room_started` webhook), the intervals left open end, the people who come back open new ones
// (no phantom presence, no double count), and the recording it lost ends failed with a clear reason.
// The people are signal-less: their join webhooks are signed as LiveKit signs them (the browsers'
// reconnection within 15 s needs Chromium with media in a network namespace: not covered here).
describe('LiveKit restarts during a stage', () => {
  let lk: OwnLivekit;
  let redis: OwnRedis;
  let db: Awaited<ReturnType<typeof useFreshDatabase>>;
  let hooks: Server;
  let liveId: string;

  beforeAll(async () => {
    // LiveKit's webhooks go to the app's route, served here on loopback.
    hooks = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const headers: Record<string, string> = { 'content-type': 'application/webhook+json' };
        if (req.headers.authorization) headers.authorization = req.headers.authorization;
        void webhookRoute(new Request('http://127.0.0.1/api/livekit/webhook', { method: 'POST', headers, body: Buffer.concat(chunks).toString('utf8') })).then(async (r) => {
          res.statusCode = r.status;
          res.end(await r.text());
        });
      });
    });
    const base = await listenLocally(hooks);
    redis = await startRedis();
    lk = await startLivekit(`${base}/api/livekit/webhook`, redis.url);
    db = await useFreshDatabase('postgres');
    await seed(db.handle.db);
    ({ liveId } = await demoLive());
    await setupLivekit(parseConfig({ ...process.env, NODE_ENV: 'test', LIVEKIT_URL: lk.url, LIVEKIT_API_KEY: lk.key, LIVEKIT_API_SECRET: lk.secret }));
  });
  afterAll(async () => {
    await lk?.destroy();
    await redis?.destroy();
    if (hooks) await closeServer(hooks);
    await db?.close();
  });

  /** A participant's join, signed as LiveKit signs its webhooks. */
  async function joined(sid: string, identity: string, when = Date.now()) {
    const body = JSON.stringify({
      event: 'participant_joined',
      id: `EV_${sid}`,
      createdAt: String(Math.floor(when / 1000)),
      room: { sid: 'RM_stage', name: videoRoomOf(liveId) },
      participant: { sid, identity, name: identity },
    });
    const at = new AccessToken(lk.key, lk.secret);
    at.sha256 = createHash('sha256').update(body).digest('base64');
    const res = await webhookRoute(
      new Request('http://127.0.0.1/api/livekit/webhook', { method: 'POST', headers: { 'content-type': 'application/webhook+json', authorization: await at.toJwt() }, body }),
    );
    expect(res.status).toBe(200);
  }
  const liveSince = async () => (await db.handle.db.select({ at: programmeSessions.videoLiveSince }).from(programmeSessions).where(eq(programmeSessions.id, liveId)))[0]?.at ?? null;

  it('closes the interrupted intervals, opens new ones, and fails the recording it lost', async () => {
    const rooms = new RoomServiceClient(lk.url, lk.key, lk.secret);
    const people = ['registration:speaker-1', 'registration:speaker-2', ...Array.from({ length: 50 }, (_, i) => `registration:viewer-${i}`)];
    await rooms.createRoom({ name: videoRoomOf(liveId) });
    await waitFor(async () => (await liveSince()) !== null, 15_000, 'room_started from LiveKit');
    const firstStart = (await liveSince())!;
    // They joined during the stage, a minute before LiveKit fails.
    for (const [i, who] of people.entries()) await joined(`PA_before_${i}`, who, Date.now() - 60_000);
    const recording = await openRecording(liveId, 'replays/lost.mp4', null);
    await setEgressId(recording.id, 'EG_lost_by_restart');

    await lk.stop();
    const killedAt = performance.now();
    await lk.start();
    // The people come back: the room starts again on the new LiveKit (its own room_started webhook),
    // once LiveKit no longer routes it to the node that died (its record in Redis).
    await waitFor(async () => Boolean(await rooms.createRoom({ name: videoRoomOf(liveId) })), 60_000, 'the room on the new LiveKit');
    await waitFor(async () => ((await liveSince())?.getTime() ?? 0) > firstStart.getTime(), 15_000, 'room_started after the restart');
    const restartedAfter = performance.now() - killedAt;
    const secondStart = (await liveSince())!;
    for (const [i, who] of people.entries()) await joined(`PA_after_${i}`, who);

    const rows = await attendanceOf(liveId);
    const before = rows.filter((r) => r.participantSid.startsWith('PA_before_'));
    const after = rows.filter((r) => r.participantSid.startsWith('PA_after_'));
    expect(before).toHaveLength(people.length);
    expect(after).toHaveLength(people.length);
    // The interrupted intervals end when the new room starts; the new ones are open, one per person.
    for (const r of before) expect(r.leftAt?.getTime()).toBe(secondStart.getTime());
    for (const r of after) {
      expect(r.leftAt).toBeNull();
      expect(r.joinedAt.getTime()).toBeGreaterThanOrEqual(secondStart.getTime() - 1000);
    }
    const open = rows.filter((r) => r.leftAt === null).map((r) => r.actorKey);
    expect(new Set(open).size).toBe(open.length);

    // The recording LiveKit lost is failed, with its reason (the watchdog asked LiveKit's listEgress).
    await waitFor(async () => (await db.handle.db.select().from(replays).where(eq(replays.id, recording.id)))[0]?.status === 'failed', 15_000, 'the lost recording failed');
    const [failed] = await db.handle.db.select().from(replays).where(eq(replays.id, recording.id));
    expect(failed).toMatchObject({ status: 'failed', error: LOST_RECORDING });
    reportFigures('livekit restarted', { people: people.length, roomBackAfterMs: Math.round(restartedAfter), intervalsClosed: before.length, intervalsOpened: after.length, phantom: open.length - new Set(open).size, recording: failed!.status });
  });
});
