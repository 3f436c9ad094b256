import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { AccessToken } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as webhookRoute } from '@/app/api/livekit/webhook/route';
import { POST as recordingRoute } from '@/app/api/sessions/[sessionId]/recording/route';
import { GET as listRoute, POST as linkRoute } from '@/app/api/sessions/[sessionId]/replays/route';
import { POST as uploadRoute } from '@/app/api/sessions/[sessionId]/replays/upload/route';
import { GET as mediaRoute } from '@/app/api/replays/[replayId]/media/route';
import { GET as timelineRoute } from '@/app/api/replays/[replayId]/timeline/route';
import type { Identity } from '@/db/queries/identity';
import { register } from '@/db/queries/registrations';
import { addReplay, openRecording, replayTimeline, sessionReplays, setEgressId } from '@/db/queries/replays';
import { chatMessages, moderationLog, pathSessions, paths, programmeSessions, questions, replays, resources } from '@/db/schema';
import { seed } from '@/db/seed';
import { DEMO_EVENT_SLUG, DEMO_REPLAY_SESSION_SLUG } from '@/db/seed/data/demo';
import { parseConfig } from '@/lib/config';
import { DomainError } from '@/lib/errors';
import { setupLivekit } from '@/server/media/livekit';
import { replayPageUrl, startRecording, stopRecording } from '@/server/media/recording';
import { storeReplayUpload } from '@/server/media/replay-files';
import { seedAccount } from './factories';
import { type Driver, useFreshDatabase } from './support';

/**
 * Replays (issue 21): the timeline aligned on the replay's start, with moderation and anonymity
 * kept; only moderators record; egress's webhooks end a recording as ready (with its draft
 * resource) or failed; uploads checked from their content and served with byte ranges.
 */
const LIVEKIT = { key: process.env.LIVEKIT_API_KEY!, secret: process.env.LIVEKIT_API_SECRET! };
const VIDEO = readFileSync(path.join(process.cwd(), 'db/seed/media/demo-replay.webm'));
const dataDir = mkdtempSync(path.join(tmpdir(), 'chemins-replays-'));

describe.each<Driver>(['postgres', 'pglite'])('replays (%s)', (driver) => {
  let db: Awaited<ReturnType<typeof useFreshDatabase>>;
  let eventId: string;
  const who: Record<string, Identity> = {};
  let registrantToken: string;
  const start = new Date(Date.now() - 2 * 3_600_000);
  const at = (s: number) => new Date(start.getTime() + s * 1000);
  let n = 0;

  async function session(extra: Partial<typeof programmeSessions.$inferInsert> = {}) {
    const [row] = await db.handle.db
      .insert(programmeSessions)
      .values({
        eventId,
        slug: `replay-${++n}`,
        title: `Session ${n}`,
        kind: 'plenary',
        mode: 'online',
        startsAt: start,
        endsAt: new Date(start.getTime() + 3_600_000),
        ...extra,
      })
      .returning({ id: programmeSessions.id });
    return row!.id;
  }
  async function user(key: string, role?: 'moderator' | 'organizer') {
    who[key] = (await seedAccount(db.handle.db, { email: `${key}-${driver}@replays.test`, name: key, role, eventId })).identity;
  }
  const refusal = async (p: Promise<unknown>) => {
    try {
      await p;
      return 'ok';
    } catch (err) {
      if (err instanceof DomainError) return `${err.status} ${err.code}`;
      throw err;
    }
  };
  const params = <K extends string>(key: K, value: string) => ({ params: Promise.resolve({ [key]: value } as Record<K, string>) });
  const bearer = () => ({ authorization: `Bearer ${registrantToken}` });
  const signedWebhook = async (event: Record<string, unknown>) => {
    const body = JSON.stringify(event);
    const token = new AccessToken(LIVEKIT.key, LIVEKIT.secret);
    token.sha256 = createHash('sha256').update(body).digest('base64');
    return webhookRoute(
      new Request('http://x/api/livekit/webhook', {
        method: 'POST',
        headers: { 'content-type': 'application/webhook+json', authorization: await token.toJwt() },
        body,
      }),
    );
  };

  beforeAll(async () => {
    process.env.DATA_DIR = path.join(dataDir, driver);
    (globalThis as { __cheminsConfig?: unknown }).__cheminsConfig = undefined;
    db = await useFreshDatabase(driver);
    await setupLivekit(parseConfig({ ...process.env, NODE_ENV: 'test' }));
    eventId = (await seed(db.handle.db)).demoEventId;
    await user('moderator', 'moderator');
    await user('stranger');
    const r = await register(DEMO_EVENT_SLUG, { name: 'Inès', email: `ines-${driver}@replays.test`, sessionIds: [], answers: {}, consent: true });
    registrantToken = r.registration.joinToken;
  });
  afterAll(async () => {
    await db?.close();
  });

  it('aligns the conversation on the replay’s start and keeps moderation and anonymity', async () => {
    const s = await session();
    const q = (body: string, sec: number, extra: Partial<typeof questions.$inferInsert> = {}) =>
      db.handle.db
        .insert(questions)
        .values({ sessionId: s, authorKey: `user:${body}`, authorName: `Auteur ${body}`, body, status: 'visible', createdAt: at(sec), ...extra })
        .returning({ id: questions.id })
        .then((r) => r[0]!.id);
    const m = (body: string, sec: number, deletedAt: Date | null = null) =>
      db.handle.db.insert(chatMessages).values({ sessionId: s, authorKey: 'user:x', authorName: 'Chat', body, createdAt: at(sec), deletedAt });
    const shown = await q('visible', 130);
    await q('anonyme', 150, { anonymous: true });
    await q('en attente', 160, { status: 'pending' });
    await q('écartée', 170, { status: 'dismissed' });
    await q('retirée', 175, { withdrawnAt: at(176) });
    await m('bonjour', 125);
    await m('effacé', 140, at(141));
    await m('avant', 90);
    await db.handle.db.insert(moderationLog).values({ sessionId: s, actorKey: 'user:m', action: 'question:on-air', details: { questionId: shown }, createdAt: at(200) });

    const replay = await addReplay(who.moderator!, s, { kind: 'link', url: 'https://example.org/v.webm', startedAt: at(120), durationSeconds: 600, licence: 'CC-BY-4.0' }, replayPageUrl);
    const res = await timelineRoute(new Request(`http://x/api/replays/${replay.id}/timeline`, { headers: bearer() }), params('replayId', replay.id));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.items.map((i: { body: string; offsetSeconds: number }) => [i.body, i.offsetSeconds])).toEqual([
      ['bonjour', 5],
      ['visible', 10],
      ['anonyme', 30],
    ]);
    expect(body.items[2].authorName).toBeNull();
    expect(JSON.stringify(body)).not.toContain('Auteur anonyme');
    expect(body.chapters).toEqual([{ offsetSeconds: 80, questionId: shown, title: 'visible' }]);

    // The public list names the link; the file route has nothing for a link.
    const list = await (await listRoute(new Request(`http://x/api/sessions/${s}/replays`, { headers: bearer() }), params('sessionId', s))).json();
    expect(list).toEqual([{ id: replay.id, kind: 'link', url: 'https://example.org/v.webm', startedAt: at(120).toISOString(), durationSeconds: 600 }]);
    expect((await mediaRoute(new Request('http://x', { headers: bearer() }), params('replayId', replay.id))).status).toBe(404);
  });

  it('hides an invitation-only session’s replays from those who cannot follow it', async () => {
    const s = await session({ visibility: 'invitation' });
    const replay = await addReplay(who.moderator!, s, { kind: 'link', url: 'https://example.org/x.mp4', startedAt: at(0), licence: 'CC0-1.0' }, replayPageUrl);
    expect((await listRoute(new Request('http://x', { headers: bearer() }), params('sessionId', s))).status).toBe(404);
    expect((await timelineRoute(new Request('http://x', { headers: bearer() }), params('replayId', replay.id))).status).toBe(404);
    expect((await timelineRoute(new Request('http://x', { headers: bearer() }), params('replayId', 'not-a-uuid'))).status).toBe(404);
    expect(await refusal(replayTimeline(null, replay.id))).toBe('404 not_found');
    expect((await replayTimeline(who.moderator!, replay.id)).items).toEqual([]);
  });

  it('lets only moderators add replays, record and stop; refuses an unannounced workshop and bad input', async () => {
    const s = await session();
    const workshop = await session({ kind: 'workshop' });
    const link = (body: unknown, headers: Record<string, string> = {}) =>
      linkRoute(new Request('http://x', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }), params('sessionId', s));
    expect((await link({ url: 'https://example.org/v.mp4', startedAt: at(0).toISOString() }, bearer())).status).toBe(403);
    const bad = await link({ url: 'javascript:alert(1)', startedAt: 'yesterday' }, bearer());
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields).toMatchObject({ url: expect.any(String), startedAt: expect.any(String) });
    const record = (sessionId: string, body: unknown, headers: Record<string, string> = {}) =>
      recordingRoute(new Request('http://x', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }), params('sessionId', sessionId));
    expect((await record(s, { action: 'start' }, bearer())).status).toBe(403);
    expect((await record(s, { action: 'pause' }, bearer())).status).toBe(400);
    expect(await refusal(startRecording(who.stranger!, s))).toBe('403 forbidden');
    expect(await refusal(startRecording(null, s))).toBe('401 unauthenticated');
    expect(await refusal(stopRecording(who.moderator!, s))).toBe('409 not_recording');
    expect(await refusal(startRecording(who.moderator!, workshop))).toBe('409 workshop_not_announced');
    await db.handle.db.update(programmeSessions).set({ recordingAnnounced: true }).where(eq(programmeSessions.id, workshop));
    // Announced now: refused only because no egress serves this LiveKit server, and kept as failed for the moderators.
    const started = await refusal(startRecording(who.moderator!, workshop));
    if (started === 'ok') await stopRecording(who.moderator!, workshop);
    else {
      // Nobody is in the room: refused, and no recording is left behind.
      expect(started).toBe('409 room_not_live');
      expect((await sessionReplays(who.moderator!, workshop)).replays).toEqual([]);
    }
  });

  it('ends a recording from egress’s webhook: failed stays failed and is said; complete becomes a replay with its draft resource', async () => {
    const s = await session();
    const [path1] = await db.handle.db.insert(paths).values({ slug: `replay-path-${driver}`, title: 'Chemin', status: 'active' }).returning();
    await db.handle.db.insert(pathSessions).values({ pathId: path1!.id, sessionId: s });
    const room = `session-${s}`;
    const egress = (id: string, status: string, extra: Record<string, unknown> = {}) =>
      signedWebhook({ event: 'egress_ended', id: `EV_${id}`, createdAt: String(Math.floor(Date.now() / 1000)), egressInfo: { egressId: id, roomName: room, status, ...extra } });

    const failed = await openRecording(s, `${s}/a.mp4`, who.moderator!.kind === 'user' ? who.moderator!.userId : null);
    await setEgressId(failed.id, 'EG_failed');
    expect(await refusal(openRecording(s, `${s}/b.mp4`, null))).toBe('409 already_recording');
    expect((await egress('EG_failed', 'EGRESS_FAILED', { error: 'could not create element: faac' })).status).toBe(200);
    let mine = (await sessionReplays(who.moderator!, s)).replays;
    expect(mine).toMatchObject([{ id: failed.id, status: 'failed', error: 'could not create element: faac' }]);
    expect((await sessionReplays(null, s)).replays).toEqual([]);

    const ok = await openRecording(s, `${s}/c.mp4`, null);
    await setEgressId(ok.id, 'EG_ok');
    const startedNs = BigInt(at(300).getTime()) * 1_000_000n;
    const done = () =>
      egress('EG_ok', 'EGRESS_COMPLETE', {
        fileResults: [{ filename: `${s}/c.mp4`, startedAt: startedNs.toString(), endedAt: (startedNs + 42_000_000_000n).toString(), duration: '42000000000', size: '123456' }],
      });
    expect((await done()).status).toBe(200);
    expect((await done()).status).toBe(200); // delivered twice: nothing more happens
    mine = (await sessionReplays(who.moderator!, s)).replays;
    const ready = mine.find((r) => r.id === ok.id)!;
    expect(ready).toMatchObject({ status: 'ready', durationSeconds: 42, size: 123456, startedAt: at(300) });
    const drafts = await db.handle.db.select().from(resources).where(eq(resources.id, ready.resourceId!));
    expect(drafts).toMatchObject([{ format: 'replay', status: 'draft', mediaUrl: replayPageUrl(ok.id) }]);
    expect(await db.handle.db.select().from(replays).where(eq(replays.sessionId, s))).toHaveLength(2);
  });

  it('stores an uploaded video checked from its content, serves byte ranges, and leaves nothing of a refused one', async () => {
    const s = await session();
    const upload = (body: BodyInit, headers: Record<string, string>) =>
      uploadRoute(new Request(`http://x/api/sessions/${s}/replays/upload?startedAt=${encodeURIComponent(at(0).toISOString())}`, { method: 'POST', headers, body }), params('sessionId', s));
    expect((await upload(VIDEO, { 'content-type': 'video/webm', ...bearer() })).status).toBe(403);
    const noStart = await uploadRoute(new Request(`http://x/api/sessions/${s}/replays/upload`, { method: 'POST', headers: bearer(), body: VIDEO }), params('sessionId', s));
    expect(noStart.status).toBe(400);

    await expect(storeReplayUpload(s, new Response('#!/bin/sh\necho not a video\n').body)).rejects.toMatchObject({ code: 'unsupported_video' });
    await expect(storeReplayUpload(s, new Response(VIDEO).body, 1000)).rejects.toMatchObject({ code: 'file_too_large' });
    expect(readdirSync(path.join(dataDir, driver, 'replays', 'tmp'))).toEqual([]);

    const stored = await storeReplayUpload(s, new Response(VIDEO).body);
    expect(stored).toMatchObject({ contentType: 'video/webm', size: VIDEO.length });
    const replay = await addReplay(who.moderator!, s, { kind: 'upload', ...stored, startedAt: at(0), licence: 'CC0-1.0' }, replayPageUrl);
    const whole = await mediaRoute(new Request('http://x', { headers: bearer() }), params('replayId', replay.id));
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer()).equals(VIDEO)).toBe(true);
    const part = await mediaRoute(new Request('http://x', { headers: { ...bearer(), range: 'bytes=100-199' } }), params('replayId', replay.id));
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${VIDEO.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(VIDEO.subarray(100, 200))).toBe(true);
    const past = await mediaRoute(new Request('http://x', { headers: { ...bearer(), range: `bytes=${VIDEO.length}-` } }), params('replayId', replay.id));
    expect(past.status).toBe(416);
  });

  it('seeds the demo’s past session with a replay and its conversation along it', async () => {
    const [s] = await db.handle.db.select({ id: programmeSessions.id }).from(programmeSessions).where(eq(programmeSessions.slug, DEMO_REPLAY_SESSION_SLUG));
    const { replays: list } = await sessionReplays(null, s!.id);
    expect(list).toHaveLength(1);
    const t = await replayTimeline(null, list[0]!.id);
    expect(t.items.length).toBeGreaterThanOrEqual(6);
    expect(t.items.every((i) => i.offsetSeconds >= 0 && i.offsetSeconds <= 60)).toBe(true);
    expect(t.chapters).toHaveLength(2);
    expect(t.items.find((i) => i.kind === 'question' && i.authorName === null)).toBeTruthy();
  });
});

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
