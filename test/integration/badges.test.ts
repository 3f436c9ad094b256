import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { AccessToken } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as credentialRoute } from '@/app/api/credentials/[id]/route';
import { GET as bakedRoute } from '@/app/api/credentials/[id]/badge.svg/route';
import { POST as verifyRoute } from '@/app/api/credentials/verify/route';
import { GET as endorsementRoute } from '@/app/api/endorsements/[id]/route';
import { GET as achievementsRoute } from '@/app/api/issuers/[issuer]/achievements/route';
import { GET as keyRoute } from '@/app/api/issuers/[issuer]/key/route';
import { GET as profileRoute } from '@/app/api/issuers/[issuer]/route';
import { GET as statusRoute } from '@/app/api/issuers/[issuer]/status/[list]/route';
import { GET as issuersRoute } from '@/app/api/issuers/route';
import { POST as webhookRoute } from '@/app/api/livekit/webhook/route';
import { achievementPage } from '@/server/badges/get-achievement-page';
import { awardFromRecords } from '@/server/badges/award-from-records';
import { awardNow } from '@/server/badges/award-now';
import { badgesOf } from '@/server/badges/list-badges-of';
import { decideRequest } from '@/server/badges/decide-badge-request';
import { endorseAchievement } from '@/server/badges/endorse-achievement';
import { ensureEventIssuer } from '@/server/badges/ensure-event-issuer';
import { createAchievement } from '@/server/badges/create-achievement';
import { requestBadge } from '@/server/badges/request-badge';
import { respondToBadge } from '@/server/badges/respond-to-badge';
import { revokeBadge } from '@/server/badges/revoke-badge';
import { openDatabase, setDatabase } from '@/db/client';
import { achievements, badgeAwards, badgeIssuers, events, programmeSessions, proposals, registrations, resources, roleGrants, users } from '@/db/schema';
import { seed } from '@/db/seed';
import { unbakeSvg } from '@/lib/badges/image';
import { parseConfig, publicUrl } from '@/lib/config';
import { setupLivekit } from '@/server/media/livekit';
import { videoRoomOf } from '@/lib/domain/video';
import { type FetchDocument, independentVerify, schemaErrors } from './badges-verifier';
import { type Driver, useFreshDatabase } from './support';

/**
 * Open Badges end to end below the browser, on Postgres and PGlite: awarding from LiveKit attendance
 * (through the real webhook route), requests and decisions, acceptance, revocation, endorsements;
 * every credential checked against the Open Badges 3.0 JSON Schema and by a verifier of the tests'
 * own, which reads the issuer's key and status list through the app's public GET routes.
 */
const LIVEKIT = { key: process.env.LIVEKIT_API_KEY, secret: process.env.LIVEKIT_API_SECRET };
if (!LIVEKIT.key || !LIVEKIT.secret) throw new Error('LIVEKIT_API_KEY and LIVEKIT_API_SECRET are not set: source your .env first.');

const json = async (res: Response | Promise<Response>) => (await res).json() as Promise<Record<string, unknown>>;
const params = <T,>(p: T) => ({ params: Promise.resolve(p) });

/** Resolves the app's URLs through its public routes, as a verifier on the web would. */
const viaRoutes: FetchDocument = async (url) => {
  const base = publicUrl();
  const path = url.slice(base.length).split('#')[0]!;
  const m = /^\/api\/issuers\/([^/]+)(?:\/(key)|\/status\/([^/]+))?$/.exec(path);
  if (!url.startsWith(base) || !m) throw new Error(`The test verifier does not resolve ${url}`);
  const [, issuer, key, list] = m;
  const res = list ? await statusRoute(new Request(url), params({ issuer: issuer!, list })) : key ? await keyRoute(new Request(url), params({ issuer: issuer! })) : await profileRoute(new Request(url), params({ issuer: issuer! }));
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return res.json();
};

async function signedWebhook(body: Record<string, unknown>) {
  const text = JSON.stringify(body);
  const at = new AccessToken(LIVEKIT.key!, LIVEKIT.secret!);
  at.sha256 = createHash('sha256').update(text).digest('base64');
  const res = await webhookRoute(
    new Request('http://x/api/livekit/webhook', { method: 'POST', headers: { 'content-type': 'application/webhook+json', authorization: await at.toJwt() }, body: text }),
  );
  expect(res.status).toBe(200);
}

describe.each<Driver>(['postgres', 'pglite'])('Open Badges 3.0 (%s)', (driver) => {
  let db: Awaited<ReturnType<typeof useFreshDatabase>>;
  let eventId: string;
  let sessionId: string;
  const person = { email: 'ada@badges.test', name: 'Ada' };
  const organizer = { email: 'orga@badges.test', name: 'Orga' };
  let organizerId: string;

  beforeAll(async () => {
    db = await useFreshDatabase(driver);
    await setupLivekit(parseConfig({ ...process.env, NODE_ENV: 'test' })); // the webhook's keys (no server started)
    const q = db.handle.db;
    const start = new Date(Date.now() - 3 * 3_600_000);
    const [e] = await q
      .insert(events)
      .values({ slug: 'forum-badges', title: 'Forum des badges', startsAt: start, endsAt: new Date(Date.now() + 3_600_000) })
      .returning();
    eventId = e!.id;
    const [s] = await q
      .insert(programmeSessions)
      .values({ eventId, slug: 'pleniere', title: 'Plénière', kind: 'plenary', mode: 'online', startsAt: start, endsAt: new Date(start.getTime() + 2 * 3_600_000) })
      .returning();
    sessionId = s!.id;
    const [u] = await q.insert(users).values(person).returning();
    const [o] = await q.insert(users).values(organizer).returning();
    organizerId = o!.id;
    await q.insert(roleGrants).values({ userId: organizerId, role: 'organizer', eventId });
    // Ada spends 30 minutes in the live room, in two joins that overlap (two tabs); Bob only 10.
    const room = { sid: 'RM_badges', name: videoRoomOf(sessionId) };
    const t0 = Math.floor(start.getTime() / 1000) + 600;
    const join = (sid: string, identity: string, at: number) =>
      signedWebhook({ event: 'participant_joined', id: `EV_j_${sid}`, createdAt: String(at), room, participant: { sid, identity, name: identity } });
    const leave = (sid: string, identity: string, at: number) =>
      signedWebhook({ event: 'participant_left', id: `EV_l_${sid}`, createdAt: String(at), room, participant: { sid, identity } });
    await join('PA_ada_1', `user:${u!.id}`, t0);
    await join('PA_ada_2', `user:${u!.id}`, t0 + 5 * 60);
    await leave('PA_ada_2', `user:${u!.id}`, t0 + 20 * 60);
    await leave('PA_ada_1', `user:${u!.id}`, t0 + 30 * 60);
    const [b] = await q.insert(users).values({ email: 'bob@badges.test', name: 'Bob' }).returning();
    await join('PA_bob', `user:${b!.id}`, t0);
    await leave('PA_bob', `user:${b!.id}`, t0 + 10 * 60);
  });
  let reopened: Awaited<ReturnType<typeof openDatabase>> | undefined;
  afterAll(async () => {
    await reopened?.close();
    await db?.close().catch(() => {}); // its first handle is already closed (the restart)
  });

  it('awards *participated* once to whoever attended 30 minutes, however often the job runs, and across a restart', async () => {
    expect(await awardFromRecords({ eventId })).toBe(1);
    expect(await awardFromRecords({ eventId })).toBe(0);
    await Promise.all([awardFromRecords({ eventId }), awardFromRecords({ eventId })]);
    // Restart: a new connection (Postgres) or the same data directory reopened (PGlite).
    await db.handle.close();
    reopened = await openDatabase(db.url ? { databaseUrl: db.url, dataDir: 'unused' } : { dataDir: db.dataDir! });
    db.handle = reopened;
    setDatabase(Promise.resolve(reopened));
    expect(await awardFromRecords({ eventId })).toBe(0);
    const rows = await reopened.db.select().from(badgeAwards).innerJoin(achievements, eq(achievements.id, badgeAwards.achievementId)).where(eq(achievements.kind, 'participated'));
    expect(rows.map((r) => r.badge_awards.recipientEmail)).toEqual([person.email]);
  });

  it('issues OpenBadgeCredentials valid against the schema, verified by an independent verifier, and a changed character fails', async () => {
    const [mine] = await badgesOf(person.email);
    expect(mine).toMatchObject({ status: 'offered', kind: 'participated' });
    const res = await credentialRoute(new Request('http://x'), params({ id: mine!.id }));
    expect(res.headers.get('content-type')).toBe('application/vc+ld+json');
    const credential = await json(res);
    expect(schemaErrors('achievement', credential)).toEqual([]);
    expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect((credential.proof as unknown[])[0]).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', verificationMethod: `${publicUrl()}/api/issuers/forum-badges/key` });
    expect(await independentVerify(credential, viaRoutes)).toMatchObject({ verified: true, revoked: false });

    const tampered = JSON.parse(JSON.stringify(credential).replace('A participé', 'A participe'));
    expect((await independentVerify(tampered, viaRoutes)).verified).toBe(false);
    // The app's own verification API says the same.
    const verify = (body: unknown) => verifyRoute(new Request('http://x/api/credentials/verify', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
    expect(await json(verify({ credential }))).toMatchObject({ verified: true, checks: ['proof', 'status', 'expiration'], errors: [] });
    const bad = await json(verify({ credential: tampered }));
    expect(bad).toMatchObject({ verified: false });
    expect((bad.errors as string[]).length).toBeGreaterThan(0);
    // Bad input: not JSON, wrong type, no credential.
    expect((await verify('nope')).status).toBe(400);
    expect((await verifyRoute(new Request('http://x/api/credentials/verify', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' }))).status).toBe(415);
    expect((await verify({})).status).toBe(400);

    // The baked SVG carries the same credential.
    const svg = await (await bakedRoute(new Request('http://x'), params({ id: mine!.id }))).text();
    expect(unbakeSvg(svg)).toEqual(credential);
  });

  it('publishes the issuer profile (valid against profile.json), its key, and the issuers list', async () => {
    const profile = await json(profileRoute(new Request('http://x'), params({ issuer: 'forum-badges' })));
    expect(schemaErrors('profile', profile)).toEqual([]);
    expect(profile.assertionMethod).toEqual([`${publicUrl()}/api/issuers/forum-badges/key`]);
    const key = await json(keyRoute(new Request('http://x'), params({ issuer: 'forum-badges' })));
    expect(key).toMatchObject({ type: 'Multikey', controller: profile.id });
    expect(String(key.publicKeyMultibase)).toMatch(/^z6Mk/);
    expect(await json(issuersRoute(new Request('http://x/api/issuers')))).toEqual(expect.arrayContaining([{ id: profile.id, slug: 'forum-badges', name: 'Forum des badges' }]));
    expect((await profileRoute(new Request('http://x'), params({ issuer: 'nope' }))).status).toBe(404);
    // The private key is stored encrypted, never in clear.
    const [row] = await db.handle.db.select().from(badgeIssuers).where(eq(badgeIssuers.slug, 'forum-badges'));
    expect(row!.secretKeyEncrypted).toMatch(/^v1\./);
    expect(JSON.stringify(profile) + JSON.stringify(key)).not.toContain(row!.secretKeyEncrypted.split('.')[3]!);
  });

  it('request → decline with a reason → request again → validate → accept → public; revoked verifies as revoked', async () => {
    const created = await createAchievement(organizerId, 'forum-badges', { kind: 'request', name: 'Rapporteuse', description: 'A tenu la plume', criteria: 'Un compte rendu publié' });
    expect(created.ok).toBe(true);
    const achievementId = (created as { id: string }).id;
    expect(await createAchievement(organizerId, 'nope', { kind: 'request', name: 'x', description: 'x', criteria: 'x' })).toEqual({ ok: false, code: 'not_found' });
    const [ada] = await db.handle.db.select().from(users).where(eq(users.email, person.email));
    expect(await createAchievement(ada!.id, 'forum-badges', { kind: 'request', name: 'x', description: 'x', criteria: 'x' })).toEqual({ ok: false, code: 'forbidden' });

    const asked = await requestBadge(person, { achievementId, evidence: 'J’ai écrit le compte rendu de la plénière.' });
    expect(asked.ok).toBe(true);
    const awardId = (asked as { id: string }).id;
    expect(await requestBadge(person, { achievementId, evidence: 'Encore une fois, s’il vous plaît' })).toEqual({ ok: false, code: 'invalid_transition' });
    expect(await decideRequest(ada!.id, { awardId, decision: 'validate', reason: '' })).toEqual({ ok: false, code: 'forbidden' });
    expect(await decideRequest(organizerId, { awardId, decision: 'decline', reason: 'Il manque le lien vers le compte rendu.' })).toEqual({ ok: true, status: 'declined' });
    expect((await badgesOf(person.email)).find((b) => b.id === awardId)).toMatchObject({ status: 'declined', decisionReason: 'Il manque le lien vers le compte rendu.' });
    expect((await requestBadge(person, { achievementId, evidence: 'Le compte rendu : https://example.org/cr' })).ok).toBe(true);
    expect(await decideRequest(organizerId, { awardId, decision: 'validate', reason: '' })).toEqual({ ok: true, status: 'offered' });
    expect(await decideRequest(organizerId, { awardId, decision: 'validate', reason: '' })).toEqual({ ok: false, code: 'invalid_transition' });

    expect(await respondToBadge(person.email, awardId, 'publish')).toEqual({ ok: false, code: 'invalid_transition' });
    expect(await respondToBadge('someone@else.test', awardId, 'accept')).toEqual({ ok: false, code: 'not_found' });
    expect(await respondToBadge(person.email, awardId, 'accept')).toEqual({ ok: true });
    expect(await respondToBadge(person.email, awardId, 'publish')).toEqual({ ok: true });
    const listed = (await json(achievementsRoute(new Request('http://x'), params({ issuer: 'forum-badges' })))) as unknown as { name: string; recipients: { name: string; credentialUrl: string }[] }[];
    expect(listed.find((a) => a.name === 'Rapporteuse')!.recipients).toEqual([{ name: 'Ada', credentialUrl: `${publicUrl()}/credentials/${awardId}` }]);
    expect(listed.find((a) => a.name === 'A participé')!.recipients).toEqual([]); // offered, not shown

    const credential = await json(credentialRoute(new Request('http://x'), params({ id: awardId })));
    expect(schemaErrors('achievement', credential)).toEqual([]);
    expect(credential.evidence).toEqual([{ type: ['Evidence'], narrative: 'Le compte rendu : https://example.org/cr' }]);
    expect(await independentVerify(credential, viaRoutes)).toMatchObject({ verified: true, revoked: false });

    // The revocation list is signed when it changes, not at every anonymous GET: two GETs, the same document.
    const statusList = () => json(statusRoute(new Request('http://x'), params({ issuer: 'forum-badges', list: '1' })));
    const before = await statusList();
    // Seconds later (a list signed again would carry another date).
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 5000 });
    try {
      expect(await statusList()).toEqual(before);
    } finally {
      vi.useRealTimers();
    }
    expect(await revokeBadge(ada!.id, awardId)).toEqual({ ok: false, code: 'forbidden' });
    expect(await statusList()).toEqual(before);
    expect(await revokeBadge(organizerId, awardId)).toEqual({ ok: true });
    const revoked = await statusList();
    expect((revoked.credentialSubject as { encodedList: string }).encodedList).not.toBe((before.credentialSubject as { encodedList: string }).encodedList);
    expect(revoked.proof).not.toEqual(before.proof);
    expect(await statusList()).toEqual(revoked);
    expect(await independentVerify(credential, viaRoutes)).toMatchObject({ revoked: true });
    const verdict = await json(verifyRoute(new Request('http://x/api/credentials/verify', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ credential }) })));
    expect(verdict).toMatchObject({ verified: false, revoked: true });
    expect(verdict.checks).toContain('proof');
    const after = (await json(achievementsRoute(new Request('http://x'), params({ issuer: 'forum-badges' })))) as unknown as { name: string; recipients: unknown[] }[];
    expect(after.find((a) => a.name === 'Rapporteuse')!.recipients).toEqual([]);
  });

  it('a holder endorses the achievement: an EndorsementCredential that verifies, shown on its page', async () => {
    const [participatedBadge] = (await badgesOf(person.email)).filter((b) => b.kind === 'participated');
    const achievementId = participatedBadge!.achievementId;
    expect(await endorseAchievement(person, { achievementId, comment: 'Des sessions qui comptent.' })).toEqual({ ok: false, code: 'forbidden' }); // not accepted yet
    expect(await respondToBadge(person.email, participatedBadge!.id, 'accept')).toEqual({ ok: true });
    const endorsed = await endorseAchievement(person, { achievementId, comment: 'Des sessions qui comptent.' });
    expect(endorsed.ok).toBe(true);
    expect(await endorseAchievement(person, { achievementId, comment: 'Deux fois' })).toEqual({ ok: false, code: 'invalid_transition' });
    const credential = await json(endorsementRoute(new Request('http://x'), params({ id: (endorsed as { id: string }).id })));
    expect(schemaErrors('endorsement', credential)).toEqual([]);
    expect(await independentVerify(credential, viaRoutes)).toMatchObject({ verified: true });
    const page = await achievementPage(achievementId, person.email);
    expect(page!.endorsements).toEqual([expect.objectContaining({ name: 'Ada', comment: 'Des sessions qui comptent.' })]);
    expect(page!.endorsedByMe).toBe(true);
    // Declining a badge hides it; it can be accepted again.
    expect(await respondToBadge(person.email, participatedBadge!.id, 'reject')).toEqual({ ok: true });
    const [row] = await db.handle.db.select().from(badgeAwards).where(and(eq(badgeAwards.id, participatedBadge!.id)));
    expect(row).toMatchObject({ status: 'rejected', isPublic: false });
  });

  it('facilitators are awarded from role grants; the event issuer is made once', async () => {
    const a = await ensureEventIssuer(eventId);
    const b = await ensureEventIssuer(eventId);
    expect(a.id).toBe(b.id);
    const [speaker] = await db.handle.db.insert(users).values({ email: 'speaker@badges.test', name: 'Sam' }).returning();
    await db.handle.db.insert(roleGrants).values({ userId: speaker!.id, role: 'speaker', eventId, sessionId });
    expect(await awardNow(speaker!.id, 'forum-badges')).toEqual({ ok: false, code: 'forbidden' });
    expect(await awardNow(organizerId, 'forum-badges')).toEqual({ ok: true, issued: 1 });
    expect(await awardNow(organizerId, 'forum-badges')).toEqual({ ok: true, issued: 0 });
    expect((await badgesOf('speaker@badges.test')).map((x) => x.kind)).toEqual(['facilitated']);
  });

  it('contributors of published resources get *contributed* from the platform issuer', async () => {
    await awardFromRecords(); // what the demo data earns already
    await db.handle.db.insert(resources).values([
      { slug: `fiche-publiee-${driver}`, title: 'Fiche publiée', format: 'initiative', status: 'published', proposerEmail: 'Contrib@Badges.test', proposerName: 'Claude', publishedAt: new Date() },
      { slug: `brouillon-${driver}`, title: 'Brouillon', format: 'initiative', status: 'draft', proposerEmail: 'draft@badges.test', proposerName: 'Dora' },
    ]);
    expect(await awardFromRecords()).toBe(1);
    expect(await awardFromRecords()).toBe(0);
    const [badge] = await badgesOf('contrib@badges.test');
    expect(badge).toMatchObject({ kind: 'contributed', issuerName: 'Chemins', status: 'offered' });
    expect(await badgesOf('draft@badges.test')).toEqual([]);
    const credential = await json(credentialRoute(new Request('http://x'), params({ id: badge!.id })));
    expect(schemaErrors('achievement', credential)).toEqual([]);
    expect(await independentVerify(credential, viaRoutes)).toMatchObject({ verified: true, revoked: false });
  });

  it('a check-in on site earns *participated* too, for a proven address only', async () => {
    // Somebody typed this address and came with its QR code: the address was never proven, no badge goes to it.
    await db.handle.db.insert(registrations).values({ eventId, name: 'Sans preuve', email: 'unproven@badges.test', checkedInAt: new Date() });
    await db.handle.db.insert(registrations).values({ eventId, name: 'Sur place', email: 'onsite@badges.test', checkedInAt: new Date(), emailProvenAt: new Date() });
    expect(await awardFromRecords({ eventId })).toBe(1);
    expect((await badgesOf('onsite@badges.test')).map((b) => b.kind)).toEqual(['participated']);
    expect(await badgesOf('unproven@badges.test')).toEqual([]);
  });

  it('the demo data issues badges of each kind, some public, one revoked, a pending request and an endorsement (twice: unchanged)', async () => {
    await seed(db.handle.db);
    await seed(db.handle.db);
    const rows = await db.handle.db.select({ award: badgeAwards, kind: achievements.kind }).from(badgeAwards).innerJoin(achievements, eq(achievements.id, badgeAwards.achievementId));
    const demo = rows.filter((r) => r.award.recipientEmail.endsWith('@chemins.test'));
    expect(new Set(demo.map((r) => r.kind))).toEqual(new Set(['participated', 'facilitated', 'contributed', 'request']));
    expect(demo.filter((r) => r.award.isPublic).length).toBeGreaterThanOrEqual(3);
    expect(demo.filter((r) => r.award.revokedAt)).toHaveLength(1);
    expect(demo.filter((r) => r.award.status === 'requested')).toHaveLength(1);
    const page = await achievementPage(demo.find((r) => r.kind === 'participated')!.award.achievementId);
    expect(page!.endorsements).toHaveLength(1);
    const revoked = demo.find((r) => r.award.revokedAt)!;
    expect(await independentVerify(revoked.award.credential!, viaRoutes)).toMatchObject({ revoked: true });
  });

  it('proposers of proposals a committee accepted get *contributed*; declined ones do not', async () => {
    const rows = await db.handle.db.select({ email: proposals.proposerEmail, status: proposals.status }).from(proposals);
    const accepted = rows.find((r) => r.status === 'scheduled' || r.status === 'accepted');
    expect(accepted, 'the demo call (seeded above) has an accepted proposal').toBeTruthy();
    await awardFromRecords();
    expect((await badgesOf(accepted!.email.toLowerCase())).map((x) => x.kind)).toContain('contributed');
    const declinedOnly = rows.filter((r) => r.status === 'declined').find((d) => !rows.some((r) => r.email === d.email && r.status !== 'declined'));
    if (declinedOnly) expect((await badgesOf(declinedOnly.email.toLowerCase())).map((x) => x.kind)).not.toContain('contributed');
  });
});
