import { and, eq } from 'drizzle-orm';
import { TokenVerifier } from 'livekit-server-sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { setReplayCaptions } from '@/db/queries/captions/replays';
import { grantsOf } from '@/db/queries/grants';
import { endRecording, openRecording, setEgressId } from '@/db/queries/replays';
import { grantSessionRole, sessionGrants } from '@/db/queries/roles';
import { setRoomLive } from '@/db/queries/video';
import { programmeSessions, replays, roleGrants } from '@/db/schema';
import { seed } from '@/db/seed';
import { DEMO_EVENT_SLUG } from '@/db/seed/data/demo';
import { parseConfig } from '@/lib/config';
import { DomainError } from '@/lib/errors';
import { interpretationOf, may } from '@/lib/policy';
import type { JoinData, StagePin } from '@/lib/realtime/protocol';
import { setupLivekit } from '@/server/media/livekit';
import { replayPageUrl } from '@/server/media/recording';
import { issueVideoToken } from '@/server/media/video';
import { demoLive, realtimeScenario, refusalOf, seedSession, seedUser } from './factories';
import { type Client, nextEvent, ok, send } from './realtime-support';

/**
 * Interpretation and sign language (issue 29), on the real Postgres, Socket.IO and LiveKit: an
 * organizer grants an interpreter a session with a language, whose LiveKit token lets them publish
 * their microphone only, labelled by the server; a moderator pins the sign-language interpreter on
 * the stage for everyone (others refused), kept for late joiners and forgotten when the room ends;
 * a malformed WebVTT is refused with the parser's reason.
 */
describe('interpretation channels and the pinned interpreter (real Postgres, Socket.IO, LiveKit)', () => {
  const scene = realtimeScenario();
  const verifier = new TokenVerifier(process.env.LIVEKIT_API_KEY ?? '', process.env.LIVEKIT_API_SECRET ?? '');
  let eventId: string, sessionId: string, otherId: string;
  let organizer: Awaited<ReturnType<typeof seedUser>>, moderator: Awaited<ReturnType<typeof seedUser>>, participant: Awaited<ReturnType<typeof seedUser>>;

  beforeAll(async () => {
    if (!process.env.LIVEKIT_URL) throw new Error('LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET are not set: run with `npm run test:all`.');
    const db = await scene.database('postgres');
    await seed(db.handle.db);
    await setupLivekit(parseConfig({ ...process.env, NODE_ENV: 'test' }));
    ({ eventId, liveId: sessionId } = await demoLive());
    otherId = await seedSession(db.handle.db, { eventId, slug: 'interpretation-other' });
    organizer = await seedUser(db.handle.db, { email: 'orga@interpretation.test', name: 'Orga', role: 'organizer', eventId });
    moderator = await seedUser(db.handle.db, { email: 'mod@interpretation.test', name: 'Modé', role: 'moderator', eventId, sessionId });
    participant = await seedUser(db.handle.db, { email: 'participante@interpretation.test', name: 'Participante' });
    await scene.start();
  });

  it('grants an interpreter one session with a language: their own channel, audio only, labelled by the server', async () => {
    const grant = await grantSessionRole(organizer.id, DEMO_EVENT_SLUG, sessionId, { email: 'Interprete@Interpretation.test', role: 'interpreter', lang: 'en' });
    expect(grant).toMatchObject({ role: 'interpreter', eventId, sessionId, lang: 'en' });
    const grants = await grantsOf(grant.userId, { eventId });
    expect(interpretationOf(grants, { sessionId, eventId })).toBe('en');
    expect(may(grants, 'session.interpret', { sessionId: otherId, eventId })).toBe(false);
    expect(may(grants, 'session.publishStage', { sessionId, eventId })).toBe(false);
    // Granted again in another language: still one channel, in the new language.
    await grantSessionRole(organizer.id, DEMO_EVENT_SLUG, sessionId, { email: 'interprete@interpretation.test', role: 'interpreter', lang: 'de' });
    const listed = (await sessionGrants(organizer.id, DEMO_EVENT_SLUG, sessionId)).filter((g) => g.role === 'interpreter');
    // Beside the demo's interpreter into English (db/seed).
    expect(listed.map((g) => [g.email, g.lang])).toEqual([
      ['interpretation@chemins.test', 'en'],
      ['interprete@interpretation.test', 'de'],
    ]);

    // No registration needed; the token lets them publish the microphone only, with the language in an attribute.
    const identity = { kind: 'user' as const, userId: grant.userId, name: 'Interprète', email: 'interprete@interpretation.test' };
    const token = await issueVideoToken(identity, sessionId);
    expect(token).toMatchObject({ role: 'attendee', interpretation: 'de' });
    const claims = await verifier.verify(token.token);
    expect(claims.video).toMatchObject({ canPublish: true, canPublishSources: ['microphone'], canUpdateOwnMetadata: false });
    expect(claims.attributes).toEqual({ interpretation: 'de' });
    // Not on another session: there they are nobody in particular (not registered).
    expect(await refusalOf(() => issueVideoToken(identity, otherId))).toBe('403 not_registered');
    // Nobody else's token carries a channel.
    const mod = await issueVideoToken(moderator.identity, sessionId);
    expect(mod.interpretation).toBeNull();
    expect((await verifier.verify(mod.token)).attributes ?? {}).not.toHaveProperty('interpretation');
  });

  it('refuses an interpreter without a language, a language for another role, and an unknown language', async () => {
    const err = await grantSessionRole(organizer.id, DEMO_EVENT_SLUG, sessionId, { email: 'sans@interpretation.test', role: 'interpreter' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ status: 400, code: 'invalid', fields: { lang: expect.any(String) } });
    // A language given with another role is ignored, not stored (the database refuses it anyway).
    const speaker = await grantSessionRole(organizer.id, DEMO_EVENT_SLUG, sessionId, { email: 'orateur@interpretation.test', role: 'speaker', lang: 'en' });
    expect(speaker.lang).toBeNull();
    const db = scene.db.handle.db;
    // The check that refused a row (Drizzle wraps the driver's error).
    const refusedBy = (write: Promise<unknown>) => write.then(() => 'stored', (err: { cause?: { constraint_name?: string } }) => err.cause?.constraint_name);
    expect(await refusedBy(db.insert(roleGrants).values({ userId: speaker.userId, role: 'captioner', eventId, sessionId, lang: 'en' }))).toBe('role_grants_lang_ck');
    expect(await refusedBy(db.insert(roleGrants).values({ userId: speaker.userId, role: 'interpreter', eventId, sessionId: otherId, lang: 'english' }))).toBe('role_grants_lang_ck');
    expect(await refusedBy(db.insert(roleGrants).values({ userId: speaker.userId, role: 'interpreter', eventId, sessionId: otherId }))).toBe('role_grants_lang_ck');
    expect(await refusedBy(db.insert(roleGrants).values({ userId: speaker.userId, role: 'interpreter', eventId, lang: 'en' }))).toBe('role_grants_lang_ck');
    const stored = await db.select().from(roleGrants).where(and(eq(roleGrants.userId, speaker.userId), eq(roleGrants.sessionId, sessionId)));
    expect(stored.map((g) => [g.role, g.lang])).toEqual([['speaker', null]]);
  });

  it('lets a moderator pin a participant on the stage for everyone, late joiners included; refuses everyone else', async () => {
    const { s: mod } = await scene.joined(sessionId, { cookie: moderator.cookie });
    const { s: viewer } = await scene.joined(sessionId, { cookie: participant.cookie });
    const { s: guest } = await scene.joined(sessionId);
    const code = async (s: Client, payload: unknown) => {
      const res = await send<StagePin>(s, 'stage:pin', payload);
      return res.ok ? 'ok' : res.error.code;
    };
    const identity = 'user:signes-lsf';

    expect(await code(viewer, { sessionId, identity: `user:${participant.id}` })).toBe('forbidden');
    expect(await code(guest, { sessionId, identity })).toBe('forbidden');
    expect(await code(mod, { sessionId, identity: 'not an identity' })).toBe('invalid');
    expect(await code(mod, { sessionId, identity, extra: 1 })).toBe('invalid');
    expect(await code(mod, { sessionId: '00000000-0000-4000-8000-000000000000', identity })).toBe('not_found');
    // A moderator of this session only: not of the other one.
    const { s: modElsewhere } = await scene.joined(otherId, { cookie: moderator.cookie });
    expect(await code(modElsewhere, { sessionId: otherId, identity })).toBe('forbidden');
    expect((await scene.joined(sessionId)).data.stagePin).toBeNull();

    const seen = nextEvent<StagePin>(viewer, 'stage:pinned');
    expect(await ok<StagePin>(mod, 'stage:pin', { sessionId, identity })).toEqual({ sessionId, identity });
    expect(await seen).toEqual({ sessionId, identity });
    // Whoever comes later (a late joiner, the projector) gets it with the room.
    const late = await scene.joined(sessionId);
    expect((late.data as JoinData).stagePin).toBe(identity);

    const unpinned = nextEvent<StagePin>(late.s, 'stage:pinned');
    await ok(mod, 'stage:pin', { sessionId, identity: null });
    expect(await unpinned).toEqual({ sessionId, identity: null });
    expect((await scene.joined(sessionId)).data.stagePin).toBeNull();

    // The room finishing forgets the pin.
    await ok(mod, 'stage:pin', { sessionId, identity });
    await setRoomLive(sessionId, null);
    const [row] = await scene.db.handle.db.select({ pin: programmeSessions.stagePin }).from(programmeSessions).where(eq(programmeSessions.id, sessionId));
    expect(row!.pin).toBeNull();
  });

  it('refuses a malformed WebVTT with the parser’s reason, under the field the form shows, and keeps the captions', async () => {
    const start = new Date(Date.now() - 3600_000);
    const recorded = await seedSession(scene.db.handle.db, { eventId, slug: 'interpretation-recorded' });
    await scene.db.handle.db.insert(roleGrants).values({ userId: moderator.id, role: 'moderator', eventId, sessionId: recorded });
    const rec = await openRecording(recorded, `${recorded}/r.mp4`, null, start);
    await setEgressId(rec.id, 'EG_interpretation');
    await endRecording({ egressId: 'EG_interpretation', ok: true, startedAt: start, durationSeconds: 60, size: 1000 }, replayPageUrl);
    expect(await setReplayCaptions(moderator.identity, rec.id, 'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nBonjour\n')).toEqual({ cues: 1 });

    const err = await setReplayCaptions(moderator.identity, rec.id, 'WEBVTT\n\n00:00:01.000 -> 00:00:03.000\nFlèche cassée\n').catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 400, code: 'invalid_vtt', fields: { captions: expect.stringMatching(/^line \d+: .+/) } });
    const [kept] = await scene.db.handle.db.select().from(replays).where(eq(replays.id, rec.id));
    expect(kept!.captions).toContain('Bonjour');
    // A participant may not replace them, well formed or not.
    expect(await refusalOf(() => setReplayCaptions(participant.identity, rec.id, 'WEBVTT\n'))).toBe('403 forbidden');
  });
});
