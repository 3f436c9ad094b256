import { eq } from 'drizzle-orm';
import type { Adapter, AdapterUser } from 'next-auth/adapters';
import { beforeAll, describe, expect, it } from 'vitest';
import { identityFromJoinToken, identityFromLinkSession, identityFromSessionToken, type Identity, linkRegistrations, openLinkSession } from '@/db/queries/identity';
import { register } from '@/db/queries/registrations';
import { questions, questionVotes, registrations, roleGrants, users } from '@/db/schema';
import { seed } from '@/db/seed';
import { DEMO_EVENT_SLUG } from '@/db/seed/data/demo';
import { parseConfig } from '@/lib/config';
import type { ChatMessage, JoinData, Presence, Question } from '@/lib/realtime/protocol';
import { LIMITS } from '@/lib/realtime/protocol';
import { authOptions } from '@/server/auth/options';
import { setupLivekit } from '@/server/media/livekit';
import { issueVideoToken, moderateRoom } from '@/server/media/video';
import { type Db, linkedRegistrant, realtimeScenario, refusalOf, seedSession, seedUser } from './factories';
import { collect, nextEvent, ok, send, until } from './realtime-support';
import type { Driver } from './support';

/**
 * One person, one identity (issue 16, item 1): a registrant who came by personal link and the
 * account they sign in with are the same person for sanctions, votes, presence, rate limits and
 * video. Sign-in goes through next-auth's own adapter and `signIn` event (what the magic-link
 * callback runs); live rooms through real socket.io-clients; the database is real Postgres, then
 * PGlite. Also item 8: reaction toggles are rate-limited.
 */
describe.each<Driver>(['postgres', 'pglite'])('one person, one identity (%s)', (driver) => {
  const scene = realtimeScenario();
  let db: Db;
  let eventId: string;
  let sessionId: string;
  let mod: { cookie: string; identity: Identity };
  let n = 0;

  const open = (opts: { cookie?: string; token?: string }) => scene.open(opts);
  const joined = (opts: { cookie?: string; token?: string }) => scene.joined(sessionId, opts);
  const registrant = (name: string) => linkedRegistrant(db.handle.db, name, `${name.toLowerCase()}-${driver}@identity.test`);
  /** The join token a registration has now (it is replaced when the address is proven). */
  async function tokenOf(registrationId: string) {
    const [row] = await db.handle.db.select({ token: registrations.joinToken }).from(registrations).where(eq(registrations.id, registrationId));
    return row!.token;
  }
  /** What the magic-link callback does: the account (created once), a database session, the `signIn` event. */
  async function signIn(email: string) {
    const options = await authOptions();
    const adapter = options.adapter as Required<Adapter>;
    const isNewUser = !(await adapter.getUserByEmail(email));
    const user: AdapterUser =
      (await adapter.getUserByEmail(email)) ?? (await adapter.createUser({ email, emailVerified: new Date(), name: null } as AdapterUser));
    const sessionToken = `it-session-${++n}-${driver}`;
    await adapter.createSession({ sessionToken, userId: user.id, expires: new Date(Date.now() + 3600_000) });
    await options.events!.signIn!({ user, account: { provider: 'email', type: 'email', providerAccountId: email }, isNewUser });
    return { userId: user.id, key: `user:${user.id}`, cookie: `next-auth.session-token=${sessionToken}`, sessionToken };
  }
  const videoRefusal = (identity: Identity | null) => refusalOf(() => issueVideoToken(identity, sessionId));
  const refusedAs = (code: string) => ({ ok: false, error: { code } });

  beforeAll(async () => {
    db = await scene.database(driver);
    // next-auth's options hold the database they were built with: build them on this one.
    (globalThis as { __cheminsAuth?: unknown }).__cheminsAuth = undefined;
    await setupLivekit(parseConfig({ ...process.env, NODE_ENV: 'test' }));
    eventId = (await seed(db.handle.db)).demoEventId;
    sessionId = await seedSession(db.handle.db, { eventId, slug: `identity-${driver}`, title: 'Identité' });
    const m = await seedUser(db.handle.db, { email: `mod-${driver}@identity.test`, name: 'Modé', role: 'moderator', eventId, token: `mod-${driver}` });
    mod = { cookie: m.cookie, identity: m.identity };
    await scene.start();
  });

  it('a registrant banned through their personal link is still banned once signed in: chat, questions, video', async () => {
    const alice = await registrant('Alice');
    const a = await joined({ token: alice.token });
    const m = await joined({ cookie: mod.cookie });
    await ok(m.s, 'chat:moderate', { sessionId, userId: alice.key, action: 'ban' });
    expect(await send(a.s, 'chat:send', { sessionId, body: 'encore moi' })).toMatchObject(refusedAs('banned'));

    const account = await signIn(alice.email);
    const signedIn = await open({ cookie: account.cookie });
    expect(await send(signedIn, 'session:join', { sessionId })).toMatchObject(refusedAs('banned'));
    expect(await send(signedIn, 'chat:send', { sessionId, body: 'me revoilà' })).toMatchObject(refusedAs('banned'));
    expect(await send(signedIn, 'question:ask', { sessionId, body: 'Et maintenant ?' })).toMatchObject(refusedAs('banned'));
    expect(await videoRefusal(await identityFromSessionToken(account.sessionToken))).toBe('403 removed');
    // The personal link is the same person: still out, and no second LiveKit identity.
    expect(await videoRefusal(await identityFromJoinToken(alice.token))).toBe('403 removed');
    // The moderators' list names the person once, by their account.
    const joinedMod = await ok<JoinData>(m.s, 'session:join', { sessionId });
    expect(joinedMod.sanctions?.filter((x) => x.kind === 'ban').map((x) => x.userId)).toContain(account.key);
    expect(joinedMod.sanctions?.map((x) => x.userId)).not.toContain(alice.key);
    const [linked] = await db.handle.db.select().from(registrations).where(eq(registrations.email, alice.email));
    expect(linked!.userId).toBe(account.userId);
  });

  it('an address typed by someone else is not its account: the token acts for that registration alone, and stops when the owner signs in', async () => {
    const victim = await signIn(`victim-${driver}@identity.test`);
    // An organizer of the event, with no registration of her own.
    await db.handle.db.insert(roleGrants).values({ userId: victim.userId, role: 'organizer', eventId });
    const mine = await joined({ cookie: victim.cookie });
    const said = await ok<ChatMessage>(mine.s, 'chat:send', { sessionId, body: 'mon message' });
    // Anyone can register the victim's address (the 201 answers the token): no link, no account.
    const typed = await register(DEMO_EVENT_SLUG, { name: 'Mallory', email: `victim-${driver}@identity.test`, sessionIds: [], answers: {}, consent: true });
    expect(typed.created).toBe(true);
    const as = await identityFromJoinToken(typed.registration.joinToken);
    expect(as).toMatchObject({ kind: 'registration', userId: null, proven: false, registrationId: typed.registration.id });
    const [row] = await db.handle.db.select().from(registrations).where(eq(registrations.id, typed.registration.id));
    expect(row!.userId).toBeNull();
    // In the live room it is somebody else: it cannot delete the victim's message; its video identity is its own.
    const intruder = await joined({ token: typed.registration.joinToken });
    expect(intruder.data.you.id).toBe(`registration:${typed.registration.id}`);
    expect(await send(intruder.s, 'chat:delete', { messageId: said.id })).toMatchObject({ ok: false });
    const video = await issueVideoToken(as, sessionId);
    const claims = JSON.parse(Buffer.from(video.token.split('.')[1]!, 'base64url').toString()) as { sub: string };
    expect(claims.sub).toBe(`registration:${typed.registration.id}`);
    // The owner signs in again: the registration is theirs now, the typed token is dead and its connection closed.
    const closed = new Promise<string>((resolve) => intruder.s.once('disconnect', resolve));
    await signIn(`victim-${driver}@identity.test`);
    expect(await closed).toBe('io server disconnect');
    expect(await identityFromJoinToken(typed.registration.joinToken)).toBeNull();
    const [linked] = await db.handle.db.select().from(registrations).where(eq(registrations.id, typed.registration.id));
    expect(linked).toMatchObject({ userId: victim.userId, emailProvenAt: expect.any(Date) });
    expect(linked!.joinToken).not.toBe(typed.registration.joinToken);
  });

  it('opening the mailed link proves the address: the token handed out before stops, the mailed link acts as the account', async () => {
    const owner = await signIn(`owner-${driver}@identity.test`);
    const typed = await register(DEMO_EVENT_SLUG, { name: 'Owner', email: `owner-${driver}@identity.test`, sessionIds: [], answers: {}, consent: true });
    const early = await openLinkSession(typed.registration.joinToken); // the browser that registered
    const [row] = await db.handle.db.select().from(registrations).where(eq(registrations.id, typed.registration.id));
    const mailed = await openLinkSession(row!.mailToken);
    expect(mailed).toMatchObject({ proved: true, registrationId: typed.registration.id });
    expect(await identityFromJoinToken(typed.registration.joinToken)).toBeNull();
    expect(await identityFromLinkSession(early!.secret)).toBeNull();
    expect(await identityFromLinkSession(mailed!.secret)).toMatchObject({ kind: 'registration', userId: owner.userId, proven: true });
    expect(await identityFromJoinToken(await tokenOf(typed.registration.id))).toMatchObject({ userId: owner.userId, proven: true });
  });

  it('an account removed from the video room cannot come back by personal link, nor by its registration’s key', async () => {
    const account = await signIn(`bob-${driver}@identity.test`);
    // Registered while signed in with that address: linked at once.
    const bobReg = await register(DEMO_EVENT_SLUG, { name: 'Bob', email: `bob-${driver}@identity.test`, sessionIds: [], answers: {}, consent: true }, 'fr', {
      provenEmail: `bob-${driver}@identity.test`,
    });
    const bob = { token: bobReg.registration.joinToken };
    expect(await videoRefusal(await identityFromJoinToken(bob.token))).toBe('admitted');
    await issueVideoToken(mod.identity, sessionId); // creates the room
    await moderateRoom(mod.identity, sessionId, { action: 'remove', identity: account.key });
    expect(await videoRefusal(await identityFromJoinToken(bob.token))).toBe('403 removed');
    const byLink = await open({ token: bob.token });
    expect(await send(byLink, 'session:join', { sessionId })).toMatchObject(refusedAs('banned'));
    expect(await send(byLink, 'chat:send', { sessionId, body: 'par le lien' })).toMatchObject(refusedAs('banned'));
    expect(await identityFromJoinToken(bob.token)).toMatchObject({ kind: 'registration', userId: account.userId });

    // A moderator's list drawn before the link names the registration: the sanction is the person's.
    const carol = await registrant('Carol');
    const carolByLink = await joined({ token: carol.token });
    const carolAccount = await signIn(carol.email);
    const m = await open({ cookie: mod.cookie });
    await ok(m, 'session:join', { sessionId });
    expect(await ok(m, 'chat:moderate', { sessionId, userId: carol.key, action: 'mute', minutes: 5 })).toMatchObject({ userId: carolAccount.key });
    const carolSignedIn = await joined({ cookie: carolAccount.cookie });
    expect(carolSignedIn.data.you.mutedUntil).not.toBeNull();
    expect(await send(carolByLink.s, 'chat:send', { sessionId, body: 'chut' })).toMatchObject(refusedAs('muted'));
  });

  it('one vote per person and question, whichever way they came, even at the same instant', async () => {
    const dan = await registrant('Dan');
    const eve = await registrant('Eve');
    const byLink = await joined({ token: dan.token });
    const asker = await joined({ token: eve.token });
    const q1 = await ok<Question>(asker.s, 'question:ask', { sessionId, body: 'Première question ?' });
    const q2 = await ok<Question>(asker.s, 'question:ask', { sessionId, body: 'Deuxième question ?' });
    await ok(byLink.s, 'question:vote', { questionId: q1.id, vote: true });

    const account = await signIn(dan.email);
    const signedIn = await joined({ cookie: account.cookie });
    expect(signedIn.data.questions.find((q) => q.id === q1.id)).toMatchObject({ votes: 1, votedByMe: true });
    expect(await send(signedIn.s, 'question:vote', { questionId: q1.id, vote: true })).toMatchObject(refusedAs('conflict'));
    // Both tabs vote at once: one vote counts.
    const both = await Promise.all([
      send<Question>(byLink.s, 'question:vote', { questionId: q2.id, vote: true }),
      send<Question>(signedIn.s, 'question:vote', { questionId: q2.id, vote: true }),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    const counts = await db.handle.db.select({ id: questions.id, votes: questions.votes }).from(questions).where(eq(questions.sessionId, sessionId));
    expect(counts.find((q) => q.id === q1.id)?.votes).toBe(1);
    expect(counts.find((q) => q.id === q2.id)?.votes).toBe(1);
    const votes = await db.handle.db.select().from(questionVotes).where(eq(questionVotes.voterKey, dan.key));
    expect(votes).toEqual([]);
  });

  it('votes both identities cast before their link (data from before this rule) are kept once', async () => {
    const fay = await registrant('Fay');
    const asker = await joined({ token: fay.token });
    const q = await ok<Question>(asker.s, 'question:ask', { sessionId, body: 'Une question votée deux fois ?' });
    const userId = `before-link-${driver}`;
    await db.handle.db.insert(questionVotes).values([
      { questionId: q.id, voterKey: fay.key },
      { questionId: q.id, voterKey: `user:${userId}` },
    ]);
    await db.handle.db.update(questions).set({ votes: 2 }).where(eq(questions.id, q.id));
    await db.handle.db.insert(users).values({ id: userId, email: fay.email.toUpperCase() });
    await linkRegistrations(userId); // at sign-in: links, case-insensitively
    const [row] = await db.handle.db.select({ votes: questions.votes, authorKey: questions.authorKey }).from(questions).where(eq(questions.id, q.id));
    expect(row).toEqual({ votes: 1, authorKey: `user:${userId}` });
    expect((await db.handle.db.select().from(questionVotes).where(eq(questionVotes.questionId, q.id))).map((v) => v.voterKey)).toEqual([`user:${userId}`]);
  });

  it('counts a person once in presence, by personal link in one tab and signed in in another', async () => {
    const gus = await registrant('Gus');
    const m = await joined({ cookie: mod.cookie });
    await joined({ token: gus.token });
    const account = await signIn(gus.email);
    const seen = collect<Presence>(m.s, 'presence:updated');
    const signedIn = await joined({ cookie: account.cookie });
    expect(signedIn.data.you.id).toBe(account.key);
    await until(() => seen.some((p) => p.people?.some((x) => x.id === account.key)), 5000, 'presence update');
    const ids = seen.at(-1)!.people!.map((x) => x.id);
    expect(ids.filter((id) => id === account.key)).toHaveLength(1);
    expect(ids).not.toContain(gus.key);
  });

  it('gives a person one rate limit, whichever way they came', async () => {
    const hal = await registrant('Hal');
    const byLink = await joined({ token: hal.token });
    for (let i = 0; i < 3; i++) await ok(byLink.s, 'chat:send', { sessionId, body: `par le lien ${i}` });
    const account = await signIn(hal.email);
    const signedIn = await joined({ cookie: account.cookie });
    for (let i = 0; i < LIMITS.rateCount - 3; i++) await ok(signedIn.s, 'chat:send', { sessionId, body: `connecté ${i}` });
    expect(await send(signedIn.s, 'chat:send', { sessionId, body: 'un de trop' })).toMatchObject(refusedAs('rate_limited'));
    expect(await send(byLink.s, 'question:ask', { sessionId, body: 'par l’autre onglet ?' })).toMatchObject(refusedAs('rate_limited'));
  });

  it('rate-limits reaction toggles per person (each one is broadcast)', async () => {
    const ivy = await registrant('Ivy');
    const jo = await registrant('Jo');
    const a = await joined({ token: ivy.token });
    const watcher = await joined({ token: jo.token });
    const message = await ok<ChatMessage>(watcher.s, 'chat:send', { sessionId, body: 'Réagissez !' });
    const broadcasts = collect<ChatMessage>(watcher.s, 'chat:updated');
    for (let i = 0; i < LIMITS.reactCount; i++) await ok(a.s, 'chat:react', { messageId: message.id, emoji: '👍' });
    const refused = await send(a.s, 'chat:react', { messageId: message.id, emoji: '🎉' });
    expect(refused).toMatchObject(refusedAs('rate_limited'));
    expect(!refused.ok && refused.error.message).toMatch(/reactions every 10 seconds/);
    await until(() => broadcasts.length >= LIMITS.reactCount, 5000, 'broadcasts');
    // Others still react.
    const theirs = nextEvent<ChatMessage>(a.s, 'chat:updated', (m) => m.reactions['🎉'] === 1);
    await ok(watcher.s, 'chat:react', { messageId: message.id, emoji: '🎉' });
    await theirs;
    expect(broadcasts).toHaveLength(LIMITS.reactCount + 1);
  });
});
