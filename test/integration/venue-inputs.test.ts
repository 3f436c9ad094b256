import { TokenVerifier } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as listRoute, POST as createRoute } from '@/app/api/sessions/[sessionId]/venue-inputs/route';
import { DELETE as deleteRoute } from '@/app/api/sessions/[sessionId]/venue-inputs/[id]/route';
import { POST as renewRoute } from '@/app/api/sessions/[sessionId]/venue-inputs/[id]/token/route';
import type { Identity } from '@/db/queries/identity';
import { register } from '@/db/queries/registrations';
import { listVenueInputs, venueTokenValid } from '@/db/queries/venue-inputs';
import { attendanceOf } from '@/db/queries/video';
import { seed } from '@/db/seed';
import { DEMO_EVENT_SLUG } from '@/db/seed/data/demo';
import { parseConfig } from '@/lib/config';
import { venueIdentityOf } from '@/lib/domain/venue-inputs';
import { videoRoomOf } from '@/lib/domain/video';
import { setupLivekit } from '@/server/media/livekit';
import { createVenueInput, deleteVenueInput, refuseStaleVenue, renewVenueToken, venueInputsOf } from '@/server/media/venue-inputs';
import { limitSettings, rateLimits, refusalOf, seedAccount, seedSession } from './factories';
import { signedWebhook } from './livekit-support';
import { useFreshDatabase } from './support';

/**
 * Venue inputs (issue 28) against the real Postgres and LiveKit keys: who may create and revoke
 * them, the refusals' shapes, the token's grants, and revocation holding through the webhook.
 */
const LIVEKIT = { key: process.env.LIVEKIT_API_KEY!, secret: process.env.LIVEKIT_API_SECRET! };
if (!process.env.LIVEKIT_URL || !LIVEKIT.key || !LIVEKIT.secret) throw new Error('LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET are not set: run with `npm run test:all`.');

describe('venue inputs (real Postgres, real LiveKit keys)', () => {
  const who: Record<string, Identity> = {};
  let db: Awaited<ReturnType<typeof useFreshDatabase>>;
  let eventId: string;
  let [online, hybrid, onsite, other] = ['', '', '', ''];
  let registrantToken: string;
  const verifier = new TokenVerifier(LIVEKIT.key, LIVEKIT.secret);
  const limits = rateLimits();

  const ctx = (p: Record<string, string>) => ({ params: Promise.resolve(p) });
  const bearer = () => ({ authorization: `Bearer ${registrantToken}` });
  const create = (sessionId: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json', ...bearer() }) =>
    createRoute(new Request(`http://x/api/sessions/${sessionId}/venue-inputs`, { method: 'POST', headers, body }), ctx({ sessionId }));
  const errorOf = async (res: Response) => ({ status: res.status, ...((await res.json()) as { error: { code: string; fields?: Record<string, string> } }).error });

  beforeAll(async () => {
    db = await useFreshDatabase('postgres');
    await setupLivekit(parseConfig({ ...process.env, NODE_ENV: 'test' }));
    eventId = (await seed(db.handle.db)).demoEventId;
    online = await seedSession(db.handle.db, { eventId, slug: 'venue-online' });
    hybrid = await seedSession(db.handle.db, { eventId, slug: 'venue-hybrid', mode: 'hybrid' });
    onsite = await seedSession(db.handle.db, { eventId, slug: 'venue-onsite', mode: 'onsite' });
    other = await seedSession(db.handle.db, { eventId, slug: 'venue-other' });
    const account = async (key: string, role?: 'moderator' | 'organizer' | 'speaker', sessionId?: string) =>
      (who[key] = (await seedAccount(db.handle.db, { email: `${key}@venue.test`, name: key, role, eventId, sessionId })).identity);
    await account('organizer', 'organizer');
    await account('stranger');
    await account('speaker', 'speaker', online);
    // A moderator of one session only.
    await account('moderator', 'moderator', online);
    registrantToken = (await register(DEMO_EVENT_SLUG, { name: 'Inès', email: 'ines@venue.test', sessionIds: [online], answers: {}, consent: true })).registration.joinToken;
  });
  afterAll(async () => {
    await db?.close();
  });

  it('gives the moderator a WHIP address and a token that publishes camera and microphone only, as the room, for days', async () => {
    const created = await createVenueInput(who.moderator!, online, 'Salle Auditorium');
    expect(created.whipUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/whip\/v1$/);
    const claims = await verifier.verify(created.token);
    expect(claims.sub).toBe(venueIdentityOf(created.id, 1));
    expect(claims.name).toBe('Salle Auditorium');
    expect(claims.video).toMatchObject({ room: videoRoomOf(online), roomJoin: true, canPublish: true, canSubscribe: false, canPublishData: false });
    expect(claims.video!.canPublishSources).toEqual(['camera', 'microphone']);
    expect(claims.video!.roomAdmin ?? false).toBe(false);
    expect(claims.video!.canUpdateOwnMetadata ?? false).toBe(false);
    expect(claims.exp! - claims.nbf!, 'through the event’s days').toBeGreaterThanOrEqual(24 * 3600);
    // Listed without its token; the token is nowhere in the database.
    const listed = await venueInputsOf(who.organizer!, online);
    expect(listed.map((r) => [r.id, r.name, r.tokenVersion])).toEqual([[created.id, 'Salle Auditorium', 1]]);
    expect(JSON.stringify(listed)).not.toContain(created.token);
    // Organizers of the event too; a hybrid session too.
    expect((await createVenueInput(who.organizer!, hybrid, 'Régie')).id).toBeTruthy();
  });

  it('refuses with the error shape: nobody, a registrant, a speaker, a stranger, another session’s moderator, an on-site session, bad names', async () => {
    // (a personal link that is nobody's: nobody is asking)
    const anonymous = await create(online, JSON.stringify({ name: 'Salle' }), { 'content-type': 'application/json', authorization: 'Bearer nobody' });
    expect(await errorOf(anonymous)).toMatchObject({ status: 401, code: 'unauthenticated' });
    expect(await errorOf(await create(online, JSON.stringify({ name: 'Salle' })))).toMatchObject({ status: 403, code: 'forbidden' });
    expect(await errorOf(await create(online, JSON.stringify({ name: '' })))).toMatchObject({ status: 400, code: 'invalid', fields: { name: expect.any(String) } });
    expect(await errorOf(await create(online, JSON.stringify({ name: 'x'.repeat(81) })))).toMatchObject({ status: 400, code: 'invalid', fields: { name: expect.any(String) } });
    expect(await errorOf(await create(online, JSON.stringify({})))).toMatchObject({ status: 400, code: 'invalid', fields: { name: expect.any(String) } });
    expect(await errorOf(await create(online, '{"name":'))).toMatchObject({ status: 400, code: 'invalid_json' });
    expect(await errorOf(await create(online, 'name=Salle', { 'content-type': 'application/x-www-form-urlencoded', ...bearer() }))).toMatchObject({ status: 415 });
    expect(await errorOf(await create('not-a-uuid', JSON.stringify({ name: 'Salle' })))).toMatchObject({ status: 404, code: 'not_found' });
    expect(await refusalOf(() => createVenueInput(who.moderator!, '00000000-0000-4000-8000-000000000000', 'Salle'))).toBe('404 not_found');
    for (const k of ['speaker', 'stranger']) expect(await refusalOf(() => createVenueInput(who[k]!, online, 'Salle')), k).toBe('403 forbidden');
    expect(await refusalOf(() => createVenueInput(who.moderator!, other, 'Salle'))).toBe('403 forbidden');
    expect(await refusalOf(() => createVenueInput(who.organizer!, onsite, 'Salle'))).toBe('409 not_online');
    expect(await refusalOf(() => createVenueInput(null, online, 'Salle'))).toBe('401 unauthenticated');
    // Nothing was stored by the refusals.
    expect(await listVenueInputs(onsite)).toEqual([]);
    expect(await listVenueInputs(other)).toEqual([]);
    // Over HTTP, the other routes refuse a registrant and nobody the same way.
    const input = await createVenueInput(who.moderator!, online, 'Salle B');
    const p = { sessionId: online, id: input.id };
    const del = (headers: Record<string, string>) => deleteRoute(new Request(`http://x/api/sessions/${online}/venue-inputs/${input.id}`, { method: 'DELETE', headers }), ctx(p));
    expect(await errorOf(await del({ authorization: 'Bearer nobody' }))).toMatchObject({ status: 401 });
    expect(await errorOf(await del(bearer()))).toMatchObject({ status: 403, code: 'forbidden' });
    expect(await errorOf(await renewRoute(new Request('http://x', { method: 'POST', headers: bearer() }), ctx(p)))).toMatchObject({ status: 403, code: 'forbidden' });
    expect(await errorOf(await listRoute(new Request('http://x', { headers: bearer() }), ctx({ sessionId: online })))).toMatchObject({ status: 403, code: 'forbidden' });
    expect(await errorOf(await deleteRoute(new Request('http://x', { method: 'DELETE', headers: bearer() }), ctx({ sessionId: online, id: 'nope' })))).toMatchObject({ status: 404 });
    expect(await venueTokenValid(online, input.id, 1)).toBe(true);
  });

  it('is rate-limited like the other writes', async () => {
    await limits.install(limitSettings({ writes: 2 }));
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await create(online, JSON.stringify({ name: 'Salle' }))).status);
    expect(statuses).toEqual([403, 403, 429]);
    await limits.install(limitSettings({}));
  });

  it('revokes: a new token replaces the old one, a deleted input is refused, and the webhook takes a stale token out', async () => {
    const first = await createVenueInput(who.moderator!, online, 'Salle Auditorium');
    const renewed = await renewVenueToken(who.organizer!, online, first.id);
    expect(renewed.id).toBe(first.id);
    expect((await verifier.verify(renewed.token)).sub).toBe(venueIdentityOf(first.id, 2));
    expect(await venueTokenValid(online, first.id, 1)).toBe(false);
    expect(await venueTokenValid(online, first.id, 2)).toBe(true);
    // Not in another session's room.
    expect(await venueTokenValid(other, first.id, 2)).toBe(false);
    expect(await refusalOf(() => renewVenueToken(who.moderator!, other, first.id))).toBe('403 forbidden');
    expect(await refusalOf(() => renewVenueToken(who.organizer!, other, first.id))).toBe('404 not_found');

    // The old token's participant joins: the webhook takes it out (LiveKit has no such participant: fine); the current one stays.
    const joined = (identity: string, sid: string) =>
      signedWebhook({ event: 'participant_joined', id: `EV_${sid}`, createdAt: String(Math.floor(Date.now() / 1000)), room: { sid: 'RM_v', name: videoRoomOf(online) }, participant: { sid, identity, name: 'Salle Auditorium' } });
    expect((await joined(venueIdentityOf(first.id, 1), 'PA_old')).status).toBe(200);
    expect((await joined(venueIdentityOf(first.id, 2), 'PA_new')).status).toBe(200);
    expect(await refuseStaleVenue(online, venueIdentityOf(first.id, 1))).toBe(true);
    expect(await refuseStaleVenue(online, venueIdentityOf(first.id, 2))).toBe(false);
    expect(await refuseStaleVenue(online, 'user:someone')).toBe(false);
    // A venue input is nobody's attendance.
    expect((await attendanceOf(online)).filter((a) => a.actorKey.startsWith('venue:'))).toEqual([]);

    // Deleted: refused, gone from the list, and a second delete finds nothing.
    await deleteVenueInput(who.moderator!, online, first.id);
    expect(await venueTokenValid(online, first.id, 2)).toBe(false);
    expect(await refuseStaleVenue(online, venueIdentityOf(first.id, 2))).toBe(true);
    expect((await listVenueInputs(online)).map((r) => r.id)).not.toContain(first.id);
    expect(await refusalOf(() => deleteVenueInput(who.moderator!, online, first.id))).toBe('404 not_found');
    expect(await refusalOf(() => renewVenueToken(who.moderator!, online, first.id))).toBe('404 not_found');
  });
});
