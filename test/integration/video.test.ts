import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { AccessToken, RoomServiceClient, TokenVerifier } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as tokenRoute } from '@/app/api/sessions/[sessionId]/livekit-token/route';
import { POST as webhookRoute } from '@/app/api/livekit/webhook/route';
import { listEvents } from '@/db/queries/events';
import type { Identity } from '@/db/queries/identity';
import { publicSessions } from '@/db/queries/public';
import { register } from '@/db/queries/registrations';
import { attendanceOf, videoModerationLog } from '@/db/queries/video';
import { programmeSessions, roleGrants, roomSanctions, sessions, users } from '@/db/schema';
import { seed } from '@/db/seed';
import { DEMO_EVENT_SLUG } from '@/db/seed/data/demo';
import { parseConfig } from '@/lib/config';
import { videoRoomOf } from '@/lib/domain/video';
import { DomainError } from '@/lib/errors';
import { setupLivekit } from '@/server/media/livekit';
import { issueVideoToken, moderateRoom } from '@/server/media/video';
import type { ModerationNotice } from '@/lib/realtime/protocol';
import { client, nextEvent, ok, send, startRealtime } from './realtime-support';
import { useFreshDatabase } from './support';
import { refusalOf } from './factories';

/**
 * Video rooms against the real Postgres and the real LiveKit server of LIVEKIT_URL: token rules and
 * grants per role and session kind, moderator actions and their audit log, webhooks.
 */
const LIVEKIT = {
  url: process.env.LIVEKIT_URL,
  key: process.env.LIVEKIT_API_KEY,
  secret: process.env.LIVEKIT_API_SECRET,
};
if (!LIVEKIT.url || !LIVEKIT.key || !LIVEKIT.secret) {
  throw new Error('LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET are not set: run with `npm run test:all`.');
}

const minutes = (n: number) => new Date(Date.now() + n * 60_000);
type Kind = (typeof programmeSessions.$inferInsert)['kind'];

describe('video rooms (real Postgres, real LiveKit)', () => {
  let db: Awaited<ReturnType<typeof useFreshDatabase>>;
  let eventId: string;
  const s: Record<string, string> = {};
  const who: Record<string, Identity> = {};
  let otherEventToken: string;
  let registrantToken: string;
  const verifier = new TokenVerifier(LIVEKIT.key!, LIVEKIT.secret!);
  const rooms = new RoomServiceClient(LIVEKIT.url!, LIVEKIT.key!, LIVEKIT.secret!);

  async function session(slug: string, kind: Kind, extra: Partial<typeof programmeSessions.$inferInsert> = {}) {
    const [row] = await db.handle.db
      .insert(programmeSessions)
      .values({ eventId, slug: `video-${slug}`, title: slug, kind, mode: 'online', startsAt: minutes(-10), endsAt: minutes(50), ...extra })
      .returning({ id: programmeSessions.id });
    s[slug] = row!.id;
  }
  /** A user; a speaker is granted the sessions named (`sessionKeys`), the others their event. */
  async function user(key: string, role?: 'moderator' | 'organizer' | 'speaker', sessionKeys: string[] = []) {
    const [u] = await db.handle.db.insert(users).values({ email: `${key}@video.test`, name: key }).returning();
    if (role === 'speaker') {
      for (const k of sessionKeys) await db.handle.db.insert(roleGrants).values({ userId: u!.id, role, eventId, sessionId: s[k]! });
    } else if (role) await db.handle.db.insert(roleGrants).values({ userId: u!.id, role, eventId });
    who[key] = { kind: 'user', userId: u!.id, name: key, email: u!.email };
  }
  const refusal = (identity: Identity | null, sessionId: string) => refusalOf(() => issueVideoToken(identity, sessionId));
  const tokenOverHttp = (sessionId: string, joinToken: string) =>
    tokenRoute(
      new Request(`http://x/api/sessions/${sessionId}/livekit-token`, { method: 'POST', headers: { authorization: `Bearer ${joinToken}` } }),
      { params: Promise.resolve({ sessionId }) },
    );
  async function claims(identity: Identity, sessionId: string) {
    const t = await issueVideoToken(identity, sessionId);
    return { ...t, claims: await verifier.verify(t.token) };
  }

  beforeAll(async () => {
    db = await useFreshDatabase('postgres');
    await setupLivekit(parseConfig({ ...process.env, NODE_ENV: 'test' }));
    eventId = (await seed(db.handle.db)).demoEventId;
    await session('stage', 'plenary');
    await session('workshop', 'workshop', { capacity: 5 });
    await session('invitation', 'side_event', { visibility: 'invitation' });
    await session('full', 'round_table', { capacity: 1 });
    await session('cancelled', 'plenary', { status: 'cancelled' });
    await session('early', 'plenary', { startsAt: minutes(14), endsAt: minutes(74) }); // opens 15 min before
    await session('later', 'plenary', { startsAt: minutes(16), endsAt: minutes(76) });
    await session('lately', 'plenary', { startsAt: minutes(-90), endsAt: minutes(-29) }); // 30 min grace
    await session('over', 'plenary', { startsAt: minutes(-90), endsAt: minutes(-31) });
    await user('moderator', 'moderator');
    await user('organizer', 'organizer');
    await user('speaker', 'speaker', ['stage', 'workshop', 'invitation', 'later']);
    await session('stage2', 'plenary');
    await user('stagespeaker', 'speaker', ['stage']);
    await user('stranger');
    await user('participant');
    await user('waiting');
    const ask = (email: string, sessionIds: string[]) =>
      register(DEMO_EVENT_SLUG, { name: email, email, sessionIds, answers: {}, consent: true });
    await ask('participant@video.test', [s.stage!, s.workshop!, s.full!]);
    await ask('waiting@video.test', [s.full!]); // waitlisted: the only seat is taken
    registrantToken = (await ask('registrant@video.test', [s.stage!])).registration.joinToken;
    const other = (await listEvents()).find((e) => e.slug !== DEMO_EVENT_SLUG)!;
    otherEventToken = (
      await register(other.slug, { name: 'Ailleurs', email: 'ailleurs@video.test', sessionIds: [], answers: {}, consent: true })
    ).registration.joinToken;
  });
  afterAll(async () => {
    await db?.close();
  });

  it('grants match the role and the session kind, for the session’s room only, short-lived', async () => {
    const table: [string, string, 'attendee' | 'speaker' | 'moderator', boolean][] = [
      ['participant', 'stage', 'attendee', false],
      ['participant', 'workshop', 'attendee', true],
      ['speaker', 'stage', 'speaker', true],
      ['speaker', 'workshop', 'speaker', true],
      ['moderator', 'stage', 'moderator', true],
      ['moderator', 'workshop', 'moderator', true],
      ['organizer', 'stage', 'moderator', true],
      ['organizer', 'workshop', 'moderator', true],
    ];
    for (const [person, room, role, canPublish] of table) {
      const t = await claims(who[person]!, s[room]!);
      expect(t.role, `${person} in ${room}`).toBe(role);
      expect(t.serverUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
      expect(t.claims.sub).toBe(`user:${(who[person] as { userId: string }).userId}`);
      expect(t.claims.name).toBe(person);
      expect(t.claims.exp! - t.claims.nbf!, 'ten minutes').toBeLessThanOrEqual(600);
      expect(t.claims.video, `${person} in ${room}`).toMatchObject({
        room: videoRoomOf(s[room]!),
        roomJoin: true,
        canSubscribe: true,
        canPublishData: true,
        canPublish,
      });
      // Nobody renames themself ("Modérateur") or sets their own attributes.
      expect(t.claims.video!.canUpdateOwnMetadata ?? false, `${person} in ${room}`).toBe(false);
      expect(Boolean(t.claims.video!.roomAdmin), `${person} in ${room}`).toBe(role === 'moderator');
      expect(t.claims.video!.roomCreate ?? false).toBe(false);
      expect(t.claims.video!.roomList ?? false).toBe(false);
    }
  });

  it('a registrant by personal link gets a registration identity; the first token creates the room with the session’s limits', async () => {
    const res = await tokenOverHttp(s.workshop!, registrantToken);
    // Registered to the event (not to this workshop, which has free seats): admitted, may speak.
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token: string; role: string };
    expect(body.role).toBe('attendee');
    const c = await verifier.verify(body.token);
    expect(c.sub).toMatch(/^registration:[0-9a-f-]{36}$/);
    expect(c.video!.canPublish).toBe(true);
    const [room] = await rooms.listRooms([videoRoomOf(s.workshop!)]);
    expect(room?.maxParticipants).toBe(5);
    expect(room?.emptyTimeout).toBeGreaterThan(0);
  });

  it('refuses with the right status and code on every path', async () => {
    expect(await refusal(null, s.stage!)).toBe('401 unauthenticated');
    expect(await refusal(who.participant!, '00000000-0000-4000-8000-000000000000')).toBe('404 not_found');
    expect(await refusal(who.stranger!, s.stage!)).toBe('403 not_registered');
    expect(await refusal(who.participant!, s.invitation!)).toBe('403 not_confirmed');
    expect(await refusal(who.waiting!, s.full!)).toBe('403 not_confirmed');
    expect(await refusal(who.participant!, s.full!)).toBe('admitted');
    expect(await refusal(who.participant!, s.cancelled!)).toBe('403 room_not_open');
    expect(await refusal(who.moderator!, s.cancelled!)).toBe('403 room_not_open');
    expect(await refusal(who.participant!, s.early!)).toBe('admitted');
    expect(await refusal(who.participant!, s.later!)).toBe('403 room_not_open');
    expect(await refusal(who.speaker!, s.later!)).toBe('403 room_not_open');
    expect(await refusal(who.participant!, s.lately!)).toBe('admitted');
    expect(await refusal(who.participant!, s.over!)).toBe('403 room_not_open');
    // Staff need no registration; invitation-only and full sessions do not stop them either.
    expect(await refusal(who.speaker!, s.invitation!)).toBe('admitted');
    expect(await refusal(who.moderator!, s.full!)).toBe('admitted');
    // A speaker is one of a session's: elsewhere they come in as anybody else (issue 27, finding 6).
    expect(await refusal(who.stagespeaker!, s.stage!)).toBe('admitted');
    expect(await refusal(who.stagespeaker!, s.invitation!)).toBe('403 not_registered');
    expect(await refusal(who.stagespeaker!, s.full!)).toBe('403 not_registered');
    expect(await refusal(who.stagespeaker!, s.stage2!)).toBe('403 not_registered');
    // Over HTTP, with a personal link of another event.
    const res = await tokenOverHttp(s.stage!, otherEventToken);
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: { code: 'not_registered', message: expect.any(String) } });
  });

  it('a speaker publishes on the stage of their own session only; registered to the event, they watch another stage', async () => {
    expect(await claims(who.stagespeaker!, s.stage!)).toMatchObject({ role: 'speaker', claims: { video: { canPublish: true } } });
    await register(DEMO_EVENT_SLUG, { name: 'stagespeaker', email: 'stagespeaker@video.test', sessionIds: [s.stage2!], answers: {}, consent: true });
    const elsewhere = await claims(who.stagespeaker!, s.stage2!);
    expect(elsewhere.role).toBe('attendee');
    expect(elsewhere.claims.video).toMatchObject({ canPublish: false });
    expect(Boolean(elsewhere.claims.video!.roomAdmin)).toBe(false);
    // By invitation, without a confirmed seat: not in, even registered.
    expect(await refusal(who.stagespeaker!, s.invitation!)).toBe('403 not_confirmed');
  });

  it('only the session’s moderators moderate; every action is in the audit log; a removed person cannot come back', async () => {
    const target = `user:${(who.participant as { userId: string }).userId}`;
    const code = async (run: Promise<unknown>) =>
      run.then(
        () => 'ok',
        (err: unknown) => {
          if (err instanceof DomainError) return `${err.status} ${err.code}`;
          throw err;
        },
      );
    expect(await code(moderateRoom(who.speaker!, s.stage!, { action: 'remove', identity: target }))).toBe('403 forbidden');
    expect(await code(moderateRoom(who.participant!, s.stage!, { action: 'end' }))).toBe('403 forbidden');
    expect(await code(moderateRoom(null, s.stage!, { action: 'end' }))).toBe('401 unauthenticated');
    // The person also follows the session's live Q&A and chat (Socket.IO in the same process).
    const live = await startRealtime();
    await db.handle.db.insert(sessions).values({ sessionToken: 'video-participant', userId: (who.participant as { userId: string }).userId, expires: minutes(60) });
    const socket = await client(live.url, { cookie: 'next-auth.session-token=video-participant' });
    await ok(socket, 'session:join', { sessionId: s.stage! });
    const told = nextEvent<ModerationNotice>(socket, 'moderation:notice', (n) => n.kind === 'banned');
    // The real LiveKit server answers that this person is not in the room.
    await issueVideoToken(who.moderator!, s.stage!); // creates the room
    expect(await code(moderateRoom(who.moderator!, s.stage!, { action: 'promote', identity: target }))).toBe('404 not_in_room');
    // A mute of someone (or a track) not in the room: a 404, not LiveKit's 503 for a mute it cannot route.
    expect(await code(moderateRoom(who.moderator!, s.stage!, { action: 'mute', identity: target }))).toBe('404 not_in_room');
    expect(await code(moderateRoom(who.moderator!, s.stage!, { action: 'mute', identity: target, trackSid: 'TR_nothere' }))).toBe('404 not_in_room');
    // A hand goes through the server (nobody sets their own attributes): one's own, or a moderator lowers it.
    expect(await code(moderateRoom(who.participant!, s.stage!, { action: 'raise_hand' }))).toBe('404 not_in_room');
    expect(await code(moderateRoom(who.participant!, s.stage!, { action: 'lower_hand', identity: `user:${(who.speaker as { userId: string }).userId}` }))).toBe('403 forbidden');
    expect(await code(moderateRoom(who.moderator!, s.stage!, { action: 'lower_hand', identity: target }))).toBe('404 not_in_room');
    expect(await code(moderateRoom(who.stranger!, s.stage!, { action: 'raise_hand' }))).toMatch(/^40[34] /);
    expect(await code(moderateRoom(who.moderator!, s.stage!, { action: 'remove', identity: target }))).toBe('ok');
    expect(await refusal(who.participant!, s.stage!)).toBe('403 removed');
    // Removed from the video, out of the Q&A and chat at once.
    expect((await told).sessionId).toBe(s.stage);
    expect(await send(socket, 'session:join', { sessionId: s.stage! })).toMatchObject({ ok: false, error: { code: 'banned' } });
    socket.disconnect();
    await live.rt.close();
    const [ban] = await db.handle.db.select().from(roomSanctions).where(eq(roomSanctions.sessionId, s.stage!));
    expect(ban).toMatchObject({ kind: 'ban', targetKey: target, createdBy: `user:${(who.moderator as { userId: string }).userId}` });
    // Banned from this session only.
    expect(await refusal(who.participant!, s.workshop!)).toBe('admitted');
    expect(await code(moderateRoom(who.organizer!, s.stage!, { action: 'end' }))).toBe('ok');
    expect(await rooms.listRooms([videoRoomOf(s.stage!)])).toEqual([]);
    const log = await videoModerationLog(s.stage!);
    expect(log.map((l) => l.action)).toEqual(['video:end', 'video:remove']);
    expect(log[1]).toMatchObject({ targetKey: target });
  });

  it('the webhook verifies LiveKit’s signature on the raw body, records attendance and the live state', async () => {
    const sign = async (body: string) => {
      const at = new AccessToken(LIVEKIT.key!, LIVEKIT.secret!);
      at.sha256 = createHash('sha256').update(body).digest('base64');
      return at.toJwt();
    };
    const post = async (body: string, authorization?: string) =>
      webhookRoute(
        new Request('http://x/api/livekit/webhook', {
          method: 'POST',
          headers: { 'content-type': 'application/webhook+json', ...(authorization ? { authorization } : {}) },
          body,
        }),
      );
    const room = { sid: 'RM_test', name: videoRoomOf(s.workshop!) };
    const now = Math.floor(Date.now() / 1000);
    const joined = JSON.stringify({
      event: 'participant_joined',
      id: 'EV_1',
      createdAt: String(now),
      room,
      participant: { sid: 'PA_one', identity: 'registration:abc', name: 'A' },
    });
    const started = JSON.stringify({ event: 'room_started', id: 'EV_0', createdAt: String(now), room });

    // Unsigned, tampered, or signed with another secret: refused.
    expect((await post(joined)).status).toBe(401);
    const tampered = await post(joined.replace('registration:abc', 'registration:xyz'), await sign(joined));
    expect(tampered.status).toBe(401);
    expect(await tampered.json()).toMatchObject({ error: { code: 'invalid_signature' } });
    const forged = new AccessToken(LIVEKIT.key!, 'another-secret-0123456789abcdefghijklmn');
    forged.sha256 = createHash('sha256').update(joined).digest('base64');
    expect((await post(joined, await forged.toJwt())).status).toBe(401);
    expect(await attendanceOf(s.workshop!)).toEqual([]);

    const live = async () => (await publicSessions(DEMO_EVENT_SLUG, minutes(120)))!.find((x) => x.id === s.workshop)!.live;
    expect(await live()).toBe(false);
    expect((await post(started, await sign(started))).status).toBe(200);
    expect(await live()).toBe(true);
    expect((await post(joined, await sign(joined))).status).toBe(200);
    expect((await post(joined, await sign(joined))).status).toBe(200); // delivered twice, recorded once
    const left = JSON.stringify({ event: 'participant_left', id: 'EV_2', createdAt: String(now + 60), room, participant: { sid: 'PA_one', identity: 'registration:abc' } });
    expect((await post(left, await sign(left))).status).toBe(200);
    const rows = await attendanceOf(s.workshop!);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorKey: 'registration:abc', participantSid: 'PA_one' });
    expect(rows[0]!.leftAt!.getTime() - rows[0]!.joinedAt.getTime()).toBe(60_000);
    const finished = JSON.stringify({ event: 'room_finished', id: 'EV_3', createdAt: String(now + 70), room });
    expect((await post(finished, await sign(finished))).status).toBe(200);
    expect(await live()).toBe(false);
    // A room that is not a session's is acknowledged and ignored.
    const other = JSON.stringify({ event: 'room_started', id: 'EV_4', room: { sid: 'RM_x', name: 'bench-room' } });
    expect((await post(other, await sign(other))).status).toBe(200);
  });
});
