import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as captionsRoute, PUT as putCaptionsRoute } from '@/app/api/replays/[replayId]/captions.vtt/route';
import { setReplayCaptions } from '@/db/queries/captions/replays';
import { endRecording, openRecording, setEgressId } from '@/db/queries/replays';
import { captionLines, pathSessions, paths, replays, resources, roleGrants, users } from '@/db/schema';
import { seed } from '@/db/seed';
import { DEMO_EVENT_SLUG, DEMO_REPLAY_SESSION_SLUG } from '@/db/seed/data/demo';
import { getProgrammeSession } from '@/db/queries/events';
import { grantsOf } from '@/db/queries/grants';
import { may } from '@/lib/policy';
import { checkWebVtt } from '@/lib/domain/captions';
import { type CaptionLine, LIMITS } from '@/lib/realtime/protocol';
import { replayPageUrl } from '@/server/media/recording';
import { type Db, demoLive, realtimeScenario, refusalOf, registrant, seedSession, seedUser } from './factories';
import { type Client, nextEvent, ok, send } from './realtime-support';

/**
 * Live captions (issue 29): a captioner's line reaches everyone in the session within a second;
 * only captioners send, only while the session is live, within the limits; a recording's captions
 * become its WebVTT (valid, within its duration) and transcript, served to whoever may watch it and
 * replaced by its moderators, a malformed file refused with the parser's reason.
 */
describe('live captions (real Socket.IO, Postgres)', () => {
  const scene = realtimeScenario();
  let db: Db;
  let eventId: string, sessionId: string, pastId: string;
  let captioner: Awaited<ReturnType<typeof seedUser>>, second: Awaited<ReturnType<typeof seedUser>>, participant: Awaited<ReturnType<typeof seedUser>>;
  let moderator: Awaited<ReturnType<typeof seedUser>>;
  const VIEWERS = 200;

  beforeAll(async () => {
    db = await scene.database('postgres');
    await seed(db.handle.db);
    ({ eventId, liveId: sessionId } = await demoLive());
    pastId = await seedSession(db.handle.db, { eventId, slug: 'captions-past', startsAt: new Date(Date.now() - 3 * 3600_000), endsAt: new Date(Date.now() - 2 * 3600_000) });
    captioner = await seedUser(db.handle.db, { email: 'captioner@captions.test', name: 'Sous-titreuse', role: 'captioner', eventId, sessionId });
    second = await seedUser(db.handle.db, { email: 'second@captions.test', name: 'Second', role: 'captioner', eventId, sessionId });
    await db.handle.db.insert(roleGrants).values({ userId: captioner.id, role: 'captioner', eventId, sessionId: pastId });
    participant = await seedUser(db.handle.db, { email: 'participant@captions.test', name: 'Participante' });
    moderator = await seedUser(db.handle.db, { email: 'mod@captions.test', name: 'Modé', role: 'moderator', eventId });
    await scene.start();
  });

  it(`brings a captioner's line to ${VIEWERS} Socket.IO clients in under a second, in order and whole`, async () => {
    const viewers: Client[] = [];
    for (let i = 0; i < VIEWERS; i += 50) {
      const batch = await Promise.all(Array.from({ length: Math.min(50, VIEWERS - i) }, () => scene.joined(sessionId)));
      viewers.push(...batch.map((b) => b.s));
    }
    const { s: cap } = await scene.joined(sessionId, { cookie: captioner.cookie });
    const arrivals = viewers.map((v) => nextEvent<CaptionLine>(v, 'caption:line').then((line) => ({ line, at: performance.now() })));
    const sentAt = performance.now();
    const acked = await ok<CaptionLine>(cap, 'caption:send', { sessionId, text: '  Bonjour à toutes et à tous.  ', speaker: 'Intervenante' });
    const got = await Promise.all(arrivals);
    const worst = Math.max(...got.map((g) => g.at - sentAt));
    expect(worst).toBeLessThan(1000);
    expect(acked).toMatchObject({ sessionId, text: 'Bonjour à toutes et à tous.', lang: 'fr', speaker: 'Intervenante', final: true });
    for (const g of got) expect(g.line).toEqual(acked);
    // The running transcript, for whoever joins later.
    const late = await scene.joined(sessionId);
    const history = await ok<{ lines: CaptionLine[]; canCaption: boolean }>(late.s, 'caption:history', { sessionId });
    expect(history.lines.at(-1)).toEqual(acked);
    expect(history.canCaption).toBe(false);
    expect(await ok<{ canCaption: boolean }>(cap, 'caption:history', { sessionId })).toMatchObject({ canCaption: true });
    for (const v of viewers) v.disconnect();
  });

  it('refuses non-captioners, bad lines, a flood and a session that is not live, each with its code', async () => {
    const { s: cap } = await scene.joined(sessionId, { cookie: captioner.cookie });
    const { s: other } = await scene.joined(sessionId, { cookie: participant.cookie });
    const { s: guest } = await scene.joined(sessionId);
    const code = async (s: Client, payload: unknown) => {
      const res = await send(s, 'caption:send', payload);
      return res.ok ? 'ok' : res.error.code;
    };
    expect(await code(other, { sessionId, text: 'Je me fais passer pour le sous-titrage' })).toBe('forbidden');
    expect(await code(guest, { sessionId, text: 'Invité·e' })).toBe('forbidden');
    expect(await code(cap, { sessionId, text: '   ' })).toBe('invalid');
    expect(await code(cap, { sessionId, text: 'x'.repeat(LIMITS.captionMax + 1) })).toBe('invalid');
    expect(await code(cap, { sessionId, text: 'ok', lang: 'de' })).toBe('invalid');
    expect(await code(cap, { sessionId, text: 'ok', speaker: 'n'.repeat(LIMITS.captionSpeakerMax + 1) })).toBe('invalid');
    expect(await code(cap, { sessionId: pastId, text: 'Trop tard' })).toBe('not_live');
    expect(await code(cap, { sessionId: '00000000-0000-4000-8000-000000000000', text: 'Nulle part' })).toBe('not_found');

    const { s: flooder } = await scene.joined(sessionId, { cookie: second.cookie });
    const codes: string[] = [];
    for (let i = 0; i <= LIMITS.captionCount; i++) codes.push(await code(flooder, { sessionId, text: `Ligne ${i}` }));
    expect(codes.slice(0, LIMITS.captionCount).every((c) => c === 'ok')).toBe(true);
    expect(codes.at(-1)).toBe('rate_limited');
    // Nothing refused was stored; the other captioner is not slowed down by the flood.
    expect(await code(cap, { sessionId, text: 'Toujours là' })).toBe('ok');
    const stored = await db.handle.db.select().from(captionLines).where(eq(captionLines.sessionId, sessionId));
    expect(stored.filter((l) => l.authorKey === `user:${second.id}`)).toHaveLength(LIMITS.captionCount);
    expect(stored.some((l) => l.text.includes('passer') || l.sessionId === pastId)).toBe(false);
  });

  it('saves a recording’s captions as WebVTT within its duration, fills its transcript and draft resource, and serves them to its readers', async () => {
    const start = new Date(Date.now() - 3600_000);
    const at = (s: number) => new Date(start.getTime() + s * 1000);
    const recorded = await seedSession(db.handle.db, { eventId, slug: 'captions-recorded', language: 'fr' });
    const [path] = await db.handle.db.select().from(paths).limit(1);
    await db.handle.db.insert(pathSessions).values({ pathId: path!.id, sessionId: recorded });
    const author = `user:${captioner.id}`;
    await db.handle.db.insert(captionLines).values([
      { sessionId: recorded, authorKey: author, lang: 'fr', text: 'Avant l’enregistrement', speaker: null, at: at(-10) },
      { sessionId: recorded, authorKey: author, lang: 'fr', text: 'Bienvenue à cette session.', speaker: 'Alice', at: at(2) },
      { sessionId: recorded, authorKey: author, lang: 'fr', text: 'Merci Alice.', speaker: 'Bob', at: at(5) },
      { sessionId: recorded, authorKey: author, lang: 'fr', text: 'Dernier mot', speaker: 'Alice', at: at(41) },
      { sessionId: recorded, authorKey: author, lang: 'fr', text: 'Après la fin', speaker: null, at: at(50) },
    ]);
    const rec = await openRecording(recorded, `${recorded}/r.mp4`, null, start);
    await setEgressId(rec.id, 'EG_captions');
    const ready = (await endRecording({ egressId: 'EG_captions', ok: true, startedAt: start, durationSeconds: 42, size: 1000 }, replayPageUrl))!;
    expect(ready.status).toBe('ready');

    const reader = await registrant('Lectrice');
    const bearer = { authorization: `Bearer ${reader.token}` };
    const params = (id: string) => ({ params: Promise.resolve({ replayId: id }) });
    const res = await captionsRoute(new Request(`http://x/api/replays/${rec.id}/captions.vtt`, { headers: bearer }), params(rec.id));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/vtt/);
    const checked = checkWebVtt(await res.text());
    if (!checked.ok) throw new Error(checked.reason);
    expect(checked.cues.map((c) => c.text)).toEqual(['<v Alice>Bienvenue à cette session.', '<v Bob>Merci Alice.', '<v Alice>Dernier mot']);
    for (const c of checked.cues) {
      expect(c.start).toBeGreaterThanOrEqual(0);
      expect(c.end).toBeLessThanOrEqual(42);
    }
    const [row] = await db.handle.db.select().from(replays).where(eq(replays.id, rec.id));
    expect(row!.transcript).toBe('Alice : Bienvenue à cette session.\n\nBob : Merci Alice.\n\nAlice : Dernier mot');
    const [draft] = await db.handle.db.select().from(resources).where(eq(resources.id, row!.resourceId!));
    expect(draft!.body).toContain('Bob : Merci Alice.');

    // None: 404; a replay its reader may not watch (a session by invitation): 404 too.
    const silent = await seedSession(db.handle.db, { eventId, slug: 'captions-silent' });
    const quiet = await openRecording(silent, `${silent}/q.mp4`, null, start);
    await setEgressId(quiet.id, 'EG_quiet');
    await endRecording({ egressId: 'EG_quiet', ok: true, startedAt: start, durationSeconds: 10, size: 1000 }, replayPageUrl);
    const none = await captionsRoute(new Request('http://x', { headers: bearer }), params(quiet.id));
    expect(none.status).toBe(404);
    expect(await none.json()).toMatchObject({ error: { code: 'not_found' } });
    const secret = await seedSession(db.handle.db, { eventId, slug: 'captions-secret', visibility: 'invitation' });
    await db.handle.db.insert(captionLines).values({ sessionId: secret, authorKey: author, lang: 'fr', text: 'Confidentiel', at: at(1) });
    const hidden = await openRecording(secret, `${secret}/h.mp4`, null, start);
    await setEgressId(hidden.id, 'EG_hidden');
    expect((await endRecording({ egressId: 'EG_hidden', ok: true, startedAt: start, durationSeconds: 10, size: 1000 }, replayPageUrl))!.captions).toContain('Confidentiel');
    expect((await captionsRoute(new Request('http://x', { headers: bearer }), params(hidden.id))).status).toBe(404);
    expect((await captionsRoute(new Request('http://x', { headers: bearer }), params('nope'))).status).toBe(404);

    // Replacing them: a registrant is refused; a malformed file is refused with the parser's reason; a moderator replaces them.
    const put = (body: string) => putCaptionsRoute(new Request('http://x', { method: 'PUT', headers: { ...bearer, 'content-type': 'text/vtt' }, body }), params(rec.id));
    const refused = await put('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nPirate\n');
    expect(refused.status).toBe(403);
    expect(await refusalOf(() => setReplayCaptions(moderator.identity, rec.id, 'WEBVTT\n\n00:00:05.000 --> 00:00:04.000\nÀ l’envers\n'))).toBe('400 invalid_vtt');
    const reason = await setReplayCaptions(moderator.identity, rec.id, 'SRT\n1\n').catch((err: Error) => err.message);
    expect(reason).toMatch(/line 1: No valid signature/);
    expect(await setReplayCaptions(moderator.identity, rec.id, 'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Alice>Corrigé\n')).toEqual({ cues: 1 });
    const after = await captionsRoute(new Request('http://x', { headers: bearer }), params(rec.id));
    expect(await after.text()).toContain('Corrigé');
    const [edited] = await db.handle.db.select().from(replays).where(eq(replays.id, rec.id));
    expect(edited!.transcript).toBe('Corrigé');
  });

  it('seeds a demo captioner of *Ouverture en direct* only, and captions on the demo replay that fit its video', async () => {
    const [demo] = await db.handle.db.select().from(users).where(eq(users.email, 'sous-titrage@chemins.test'));
    const grants = await grantsOf(demo!.id, { eventId });
    expect(may(grants, 'session.caption', { sessionId, eventId })).toBe(true);
    const yesterday = (await getProgrammeSession({ slug: DEMO_EVENT_SLUG, sessionSlug: DEMO_REPLAY_SESSION_SLUG }))!.session;
    expect(may(grants, 'session.caption', { sessionId: yesterday.id, eventId })).toBe(false);
    const [replay] = await db.handle.db.select().from(replays).where(eq(replays.sessionId, yesterday.id));
    const checked = checkWebVtt(replay!.captions!);
    if (!checked.ok) throw new Error(checked.reason);
    expect(checked.cues.length).toBeGreaterThan(3);
    for (const c of checked.cues) expect(c.end).toBeLessThanOrEqual(replay!.durationSeconds!);
    expect(replay!.transcript).toContain('Intervenante (démo) : Bonjour');
  });
});
