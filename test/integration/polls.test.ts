import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { pollResults, pollsExport } from '@/db/queries/polls';
import { programmeSessions, registrations } from '@/db/schema';
import { seed } from '@/db/seed';
import type { JoinData, Poll, PollNamedAnswer, PollResults } from '@/lib/realtime/protocol';
import { config } from '@/lib/config';
import { GUEST_COOKIE, guestSecret, newGuestIdentity, signGuestToken } from '@/server/auth/guest';
import { type Db, demoLive, realtimeScenario, seedUser } from './factories';
import { type Client, client, collect, nextEvent, ok, type Proc, send, spawnServer, until } from './realtime-support';
import { type Driver, requireEnv } from './support';

/** The demo event's live session, a moderator (cookie), a speaker of that session (cookie) and `n` registrants (personal-link tokens). */
async function setUp(db: Db, n: number) {
  await seed(db.handle.db);
  const { eventId, liveId: sessionId } = await demoLive();
  const mod = await seedUser(db.handle.db, { email: 'mod-polls@chemins.test', name: 'Modé Sondage', role: 'moderator', eventId, token: 'st-mod-polls' });
  const sp = await seedUser(db.handle.db, { email: 'speaker-polls@chemins.test', name: 'Oratrice Sondage', role: 'speaker', eventId, sessionId, token: 'st-speaker-polls' });
  const rows = await db.handle.db
    .insert(registrations)
    .values(Array.from({ length: n }, (_, i) => ({ eventId, name: `Votant ${i}`, email: `votant-${i}@chemins.test`, consentAt: new Date() })))
    .returning({ token: registrations.joinToken });
  return { sessionId, modCookie: mod.cookie, speakerCookie: sp.cookie, tokens: rows.map((r) => r.token) };
}

const latest = (seen: PollResults[], pollId: string) =>
  seen.filter((r) => r.pollId === pollId).reduce<PollResults | null>((best, r) => (!best || r.version >= best.version ? r : best), null);

describe.each<Driver>(['postgres', 'pglite'])('live polls on %s (real socket.io-client, real server)', (driver) => {
  const scene = realtimeScenario();
  const { sockets } = scene;
  let db: Db;
  let url: string;
  // What `setUp` made: the live session, the moderator's and the speaker's cookies, the voters' tokens.
  let sessionId: string, modCookie: string, speakerCookie: string, tokens: string[];
  // 500 on both drivers (the figure). PGlite runs every statement on the event loop's
  // thread, one at a time: people join by batches of 50 and acks wait up to 120 s; the 500 answers
  // and 100 changes take about 10-20 s on PGlite on a loaded machine.
  const VOTERS = 500;

  const joined = (opts: { cookie?: string; token?: string; guest?: string } = {}) => scene.joined(sessionId, opts);
  async function livePoll(mod: Client, input: Record<string, unknown>) {
    const draft = await ok<Poll>(mod, 'poll:create', { sessionId, ...input });
    expect(draft).toMatchObject({ status: 'draft' });
    return ok<Poll>(mod, 'poll:launch', { pollId: draft.id });
  }

  beforeAll(async () => {
    db = await scene.database(driver);
    ({ sessionId, modCookie, speakerCookie, tokens } = await setUp(db, VOTERS + 5));
    ({ url } = await scene.start());
  });

  it('lets moderators prepare and run polls, participants answer; refuses the others with a clear code', async () => {
    const mod = await joined({ cookie: modCookie });
    expect(mod.data.polls).toMatchObject({ current: null, canRun: true, all: [] });
    const alice = await joined({ token: tokens[VOTERS]! });
    expect(alice.data.polls).toMatchObject({ current: null, canRun: false });
    expect(alice.data.polls?.all).toBeUndefined();
    const guest = await joined();

    expect(await send(alice.s, 'poll:create', { sessionId, kind: 'rating', question: 'Note ?' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await send(mod.s, 'poll:create', { sessionId, kind: 'single', question: 'Sans options ?' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await send(mod.s, 'poll:create', { sessionId, kind: 'quiz', question: 'Quoi ?' })).toMatchObject({ ok: false, error: { code: 'invalid' } });

    const draftSeen = nextEvent<Poll>(mod.s, 'poll:updated');
    const draft = await ok<Poll>(mod.s, 'poll:create', { sessionId, kind: 'single', question: 'Café ou thé ?', options: ['Café', 'Thé', 'Les deux'] });
    expect((await draftSeen).id).toBe(draft.id);
    expect(await send(alice.s, 'poll:answer', { pollId: draft.id, answer: [0] })).toMatchObject({ ok: false, error: { code: 'closed' } });
    expect(await send(alice.s, 'poll:launch', { pollId: draft.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const launched = nextEvent<Poll>(guest.s, 'poll:launched', (p) => p.id === draft.id);
    await ok(mod.s, 'poll:launch', { pollId: draft.id });
    expect(await launched).toMatchObject({ status: 'live', question: 'Café ou thé ?', options: ['Café', 'Thé', 'Les deux'] });
    expect(await send(mod.s, 'poll:launch', { pollId: draft.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    expect(await send(guest.s, 'poll:answer', { pollId: draft.id, answer: [0] })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await send(alice.s, 'poll:answer', { pollId: draft.id, answer: [3] })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await send(alice.s, 'poll:answer', { pollId: draft.id, answer: [0, 1] })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await send(alice.s, 'poll:answer', { pollId: draft.id, answer: 'Café' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await send(alice.s, 'poll:answer', { pollId: '00000000-0000-4000-8000-000000000000', answer: [0] })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await ok(alice.s, 'poll:answer', { pollId: draft.id, answer: [1] })).toEqual({ pollId: draft.id, answer: [1] });

    // A person who reconnects sees the live poll and their own answer.
    alice.s.disconnect();
    const again = await joined({ token: tokens[VOTERS]! });
    expect(again.data.polls).toMatchObject({ current: { id: draft.id, status: 'live' }, mine: [1], results: null });
    // Launching another poll closes this one: one live poll per session.
    const closed = nextEvent<Poll>(guest.s, 'poll:closed', (p) => p.id === draft.id);
    const next = await livePoll(mod.s, { kind: 'rating', question: 'Votre note ?' });
    expect((await closed).status).toBe('closed');
    expect(await send(again.s, 'poll:answer', { pollId: draft.id, answer: [0] })).toMatchObject({ ok: false, error: { code: 'closed' } });
    await ok(mod.s, 'poll:close', { pollId: next.id });
  });

  it(`counts 500 concurrent answers and changes of answer exactly; hides results until shown; refuses late answers`, async () => {
    const mod = await joined({ cookie: modCookie });
    const watcher = await joined();
    const voters: Client[] = [];
    // Joined by batches (PGlite has one connection); the answers below all go at once.
    for (let i = 0; i < VOTERS; i += 50) {
      const batch = await Promise.all(tokens.slice(i, Math.min(i + 50, VOTERS)).map((token) => client(url, { token })));
      await Promise.all(batch.map((s) => ok(s, 'session:join', { sessionId }, 60_000)));
      voters.push(...batch);
    }
    sockets.push(...voters);
    const modSeen = collect<PollResults>(mod.s, 'poll:results');
    const publicSeen = collect<PollResults>(watcher.s, 'poll:results');
    const poll = await livePoll(mod.s, { kind: 'multiple', question: 'Quels formats ?', options: ['Atelier', 'Plénière', 'Balade', 'Repas'] });

    const expected = [0, 0, 0, 0];
    const first = (i: number) => [i % 4, (i + 1) % 4].sort();
    const changed = (i: number) => [i % 3];
    // Long ack timeouts: PGlite runs one statement at a time (Postgres acks these within a few seconds).
    const t0 = Date.now();
    const acks = await Promise.all(voters.map((s, i) => ok(s, 'poll:answer', { pollId: poll.id, answer: first(i) }, 120_000)));
    console.info(`${driver}: ${VOTERS} answers acknowledged in ${Date.now() - t0} ms`);
    expect(acks).toHaveLength(VOTERS);
    // A fifth of the people change their mind, all at once.
    await Promise.all(voters.map((s, i) => (i % 5 === 0 ? ok(s, 'poll:answer', { pollId: poll.id, answer: changed(i) }, 120_000) : null)));
    voters.forEach((_, i) => (i % 5 === 0 ? changed(i) : first(i)).forEach((o) => expected[o]!++));

    await until(() => latest(modSeen, poll.id)?.total === VOTERS && JSON.stringify(latest(modSeen, poll.id)?.counts) === JSON.stringify(expected), 20_000, 'final counts');
    expect((await pollResults(poll)).counts).toEqual(expected);
    // Throttled: a handful of updates, not one per answer.
    expect(modSeen.filter((r) => r.pollId === poll.id).length).toBeLessThan(60);
    // Not shown yet: nothing reached the audience.
    expect(publicSeen.filter((r) => r.pollId === poll.id)).toEqual([]);
    const hidden = await ok<JoinData>(watcher.s, 'session:join', { sessionId });
    expect(hidden.polls).toMatchObject({ current: { id: poll.id }, results: null });

    const shown = nextEvent<PollResults>(watcher.s, 'poll:results', (r) => r.pollId === poll.id);
    await ok(mod.s, 'poll:show', { pollId: poll.id, visible: true });
    expect(await shown).toMatchObject({ total: VOTERS, counts: expected });

    const closedSeen = nextEvent<Poll>(voters[1]!, 'poll:closed', (p) => p.id === poll.id);
    await ok(mod.s, 'poll:close', { pollId: poll.id });
    await closedSeen;
    expect(await send(voters[1]!, 'poll:answer', { pollId: poll.id, answer: [2] })).toMatchObject({ ok: false, error: { code: 'closed' } });
    expect((await pollResults(poll)).counts).toEqual(expected);
    // Closed with results shown: still what people see on joining.
    const after = await ok<JoinData>(watcher.s, 'session:join', { sessionId });
    expect(after.polls).toMatchObject({ current: { id: poll.id, status: 'closed' }, results: { total: VOTERS, counts: expected } });
    for (const s of voters) s.disconnect();
   }, 240_000);

  it('keeps one answer per person across two tabs; refuses a second one when changes are off', async () => {
    const mod = await joined({ cookie: modCookie });
    const tabA = await joined({ token: tokens[VOTERS + 1]! });
    const tabB = await joined({ token: tokens[VOTERS + 1]! });
    const poll = await livePoll(mod.s, { kind: 'single', question: 'Oui ou non ?', options: ['Oui', 'Non'], allowChange: false });
    const both = await Promise.all([
      send(tabA.s, 'poll:answer', { pollId: poll.id, answer: [0] }),
      send(tabB.s, 'poll:answer', { pollId: poll.id, answer: [1] }),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await pollResults(poll)).total).toBe(1);

    const changing = await livePoll(mod.s, { kind: 'single', question: 'Et maintenant ?', options: ['Oui', 'Non'] });
    const otherTab = nextEvent<{ answer: unknown }>(tabB.s, 'poll:answered');
    await Promise.all([
      ok(tabA.s, 'poll:answer', { pollId: changing.id, answer: [0] }),
      ok(tabB.s, 'poll:answer', { pollId: changing.id, answer: [1] }),
    ]);
    await otherTab;
    const res = await pollResults(changing);
    expect(res.total).toBe(1);
    expect((res.counts as number[]).reduce((x, y) => x + y, 0)).toBe(1);
    await ok(mod.s, 'poll:close', { pollId: changing.id });
  });

  it('folds a word cloud, keeps markup as inert text, refuses a 10 KB word', async () => {
    const mod = await joined({ cookie: modCookie });
    const people = await Promise.all([0, 1, 2, 3].map((i) => joined({ token: tokens[i]! })));
    const cloud = await livePoll(mod.s, { kind: 'words', question: 'Un mot ?' });
    const words = ['Écoute', "l'écoute", 'ECOUTE', '<b>Confiance</b>'];
    await Promise.all(people.map((p, i) => ok(p.s, 'poll:answer', { pollId: cloud.id, answer: words[i] })));
    expect(await send(people[0]!.s, 'poll:answer', { pollId: cloud.id, answer: 'x'.repeat(10_000) })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await send(people[0]!.s, 'poll:answer', { pollId: cloud.id, answer: 'les' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await pollResults(cloud)).toMatchObject({ total: 4, counts: { ecoute: 3, 'b confiance b': 1 } });

    const open = await livePoll(mod.s, { kind: 'text', question: 'Une idée ?' });
    await ok(people[0]!.s, 'poll:answer', { pollId: open.id, answer: '<img src=x onerror=alert(1)>' });
    expect(await send(people[1]!.s, 'poll:answer', { pollId: open.id, answer: 'x'.repeat(501) })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect((await pollResults(open)).counts).toEqual({ '<img src=x onerror=alert(1)>': 1 });
    await ok(mod.s, 'poll:close', { pollId: open.id });
  });

  it('lets speakers prepare, launch, show and close polls; a plain participant cannot', async () => {
    const speaker = await joined({ cookie: speakerCookie });
    expect(speaker.data.you).toMatchObject({ role: 'speaker', isModerator: false });
    expect(speaker.data.polls).toMatchObject({ canRun: true });
    expect(speaker.data.polls?.all).toBeDefined();
    const alice = await joined({ token: tokens[2]! });
    const draft = await ok<Poll>(speaker.s, 'poll:create', { sessionId, kind: 'rating', question: 'Cette intervention ?' });
    for (const [cmd, payload] of [
      ['poll:launch', { pollId: draft.id }],
      ['poll:configure', { pollId: draft.id, anonymous: false }],
      ['poll:show', { pollId: draft.id, visible: true }],
      ['poll:close', { pollId: draft.id }],
      ['poll:answers', { pollId: draft.id }],
    ] as const) {
      expect(await send(alice.s, cmd, payload)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    await ok(speaker.s, 'poll:launch', { pollId: draft.id });
    await ok(alice.s, 'poll:answer', { pollId: draft.id, answer: 4 });
    const shown = nextEvent<PollResults>(alice.s, 'poll:results', (r) => r.pollId === draft.id);
    expect(await ok<Poll>(speaker.s, 'poll:show', { pollId: draft.id, visible: true })).toMatchObject({ resultsVisible: true });
    expect(await shown).toMatchObject({ total: 1, counts: [0, 0, 0, 1, 0] });
    expect(await ok<Poll>(speaker.s, 'poll:close', { pollId: draft.id })).toMatchObject({ status: 'closed' });
  });

  it('shows who answered what to moderators and speakers on a named poll, never to participants; nothing on an anonymous one', async () => {
    const mod = await joined({ cookie: modCookie });
    const speaker = await joined({ cookie: speakerCookie });
    const [alice, bob] = await Promise.all([joined({ token: tokens[VOTERS + 2]! }), joined({ token: tokens[VOTERS + 3]! })]);
    const guest = await joined();

    // Anonymous unless said otherwise; changed while a draft, not once launched.
    const draft = await ok<Poll>(mod.s, 'poll:create', { sessionId, kind: 'multiple', question: 'Quels ateliers ?', options: ['Eau', 'Sol', 'Air'] });
    expect(draft.anonymous).toBe(true);
    const seen = nextEvent<Poll>(speaker.s, 'poll:updated', (p) => p.id === draft.id && !p.anonymous);
    expect(await ok<Poll>(mod.s, 'poll:configure', { pollId: draft.id, anonymous: false })).toMatchObject({ anonymous: false, status: 'draft' });
    await seen;
    expect(await send(mod.s, 'poll:configure', { pollId: draft.id, anonymous: 'non' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const named = await ok<Poll>(mod.s, 'poll:launch', { pollId: draft.id });
    expect(named.anonymous).toBe(false);
    expect(await send(mod.s, 'poll:configure', { pollId: draft.id, anonymous: true })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    expect(await ok<{ answers: PollNamedAnswer[] }>(mod.s, 'poll:answers', { pollId: named.id })).toMatchObject({ answers: [] });
    await ok(alice.s, 'poll:answer', { pollId: named.id, answer: [0, 2] });
    await ok(bob.s, 'poll:answer', { pollId: named.id, answer: [1] });
    await ok(alice.s, 'poll:answer', { pollId: named.id, answer: [2] });
    const names = (r: { answers: PollNamedAnswer[] }) => Object.fromEntries(r.answers.map((a) => [a.name, a.answer]));
    const expected = { [`Votant ${VOTERS + 2}`]: [2], [`Votant ${VOTERS + 3}`]: [1] };
    expect(names(await ok(mod.s, 'poll:answers', { pollId: named.id }))).toEqual(expected);
    expect(names(await ok(speaker.s, 'poll:answers', { pollId: named.id }))).toEqual(expected);
    expect(await send(alice.s, 'poll:answers', { pollId: named.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await send(guest.s, 'poll:answers', { pollId: named.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await send(mod.s, 'poll:answers', { pollId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await ok(mod.s, 'poll:close', { pollId: named.id });
    expect(await send(mod.s, 'poll:configure', { pollId: named.id, anonymous: true })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const anonymous = await livePoll(mod.s, { kind: 'text', question: 'Un secret ?', anonymous: true });
    await ok(alice.s, 'poll:answer', { pollId: anonymous.id, answer: 'Mon secret' });
    expect(await send(mod.s, 'poll:answers', { pollId: anonymous.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await send(speaker.s, 'poll:answers', { pollId: anonymous.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await ok(mod.s, 'poll:close', { pollId: anonymous.id });

    // The export names who answered the named poll only.
    const exported = await pollsExport(sessionId);
    expect(exported.find((p) => p.id === named.id)?.answers?.map((a) => a.name).sort()).toEqual(Object.keys(expected).sort());
    expect(exported.find((p) => p.id === anonymous.id)?.answers).toBeUndefined();
  });

  it('lets guests answer (and ask and chat) only where the session lets guests write', async () => {
    const mod = await joined({ cookie: modCookie });
    const guestId = '9b2e4a6c-1d3f-4e5a-8b7c-0a1b2c3d4e5f';
    // The identity the server issues (POST /api/guest, test/integration/guests.test.ts) in its signed cookie.
    const cookie = `${GUEST_COOKIE}=${signGuestToken(newGuestIdentity(Date.now(), guestId), guestSecret(config()))}`;
    const poll = await livePoll(mod.s, { kind: 'single', question: 'Invité·es ?', options: ['Oui', 'Non'], anonymous: false });
    const setGuests = (on: boolean) => db.handle.db.update(programmeSessions).set({ guestsWrite: on }).where(eq(programmeSessions.id, sessionId));

    const before = await joined({ cookie });
    expect(before.data.you).toMatchObject({ role: 'guest', id: null, canWrite: false });
    expect(await send(before.s, 'poll:answer', { pollId: poll.id, answer: [0] })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await send(before.s, 'question:ask', { sessionId, body: 'Puis-je ?' })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });

    await setGuests(true);
    try {
      const tabA = await joined({ cookie });
      const tabB = await joined({ cookie });
      expect(tabA.data.you).toMatchObject({ role: 'guest', id: `guest:${guestId}`, canWrite: true, name: 'Invité·e 9b2e' });
      await ok(tabA.s, 'poll:answer', { pollId: poll.id, answer: [0] });
      const otherTab = nextEvent<{ answer: unknown }>(tabB.s, 'poll:answered', (m) => JSON.stringify(m.answer) === '[1]');
      await ok(tabA.s, 'poll:answer', { pollId: poll.id, answer: [1] });
      await otherTab;
      expect(await pollResults(poll)).toMatchObject({ total: 1, counts: [0, 1] });
      // Reconnecting, the guest sees their answer.
      const again = await joined({ cookie });
      expect(again.data.polls).toMatchObject({ current: { id: poll.id }, mine: [1] });
      expect(await ok<{ answers: PollNamedAnswer[] }>(mod.s, 'poll:answers', { pollId: poll.id })).toMatchObject({ answers: [{ name: 'Invité·e 9b2e', answer: [1] }] });
      // Q&A and chat follow the same rule.
      expect(await ok(tabA.s, 'question:ask', { sessionId, body: 'Une question d’invité·e ?' })).toMatchObject({ authorName: 'Invité·e 9b2e' });
      expect(await ok(tabA.s, 'chat:send', { sessionId, body: 'Bonjour de la salle' })).toMatchObject({ authorId: `guest:${guestId}` });
      // Moderators can mute and remove a guest like anyone else.
      await ok(mod.s, 'chat:moderate', { sessionId, userId: `guest:${guestId}`, action: 'mute', minutes: 5 });
      expect(await send(tabA.s, 'chat:send', { sessionId, body: 'Encore moi' })).toMatchObject({ ok: false, error: { code: 'muted' } });
      await ok(mod.s, 'chat:moderate', { sessionId, userId: `guest:${guestId}`, action: 'ban' });
      expect(await send(tabA.s, 'poll:answer', { pollId: poll.id, answer: [0] })).toMatchObject({ ok: false, error: { code: 'banned' } });
      await ok(mod.s, 'chat:moderate', { sessionId, userId: `guest:${guestId}`, action: 'unban' });
      await ok(mod.s, 'chat:moderate', { sessionId, userId: `guest:${guestId}`, action: 'unmute' });
      // A guest without the cookie only reads, even claiming the guest's id at the handshake.
      const anon = await joined();
      expect(anon.data.you).toMatchObject({ id: null, canWrite: false });
      expect(await send(anon.s, 'poll:answer', { pollId: poll.id, answer: [0] })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      const forged = await joined({ guest: guestId });
      expect(await send(forged.s, 'poll:answer', { pollId: poll.id, answer: [0] })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    } finally {
      await setGuests(false);
    }
    expect(await send(before.s, 'poll:answer', { pollId: poll.id, answer: [0] })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await send(before.s, 'chat:send', { sessionId, body: 'Encore ?' })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await pollResults(poll)).toMatchObject({ total: 1, counts: [0, 1] });
    await ok(mod.s, 'poll:close', { pollId: poll.id });
  });
});

describe('live polls across two processes with Redis', () => {
  const scene = realtimeScenario();
  const { procs, sockets } = scene;
  let db: Db;

  beforeAll(async () => {
    db = await scene.database();
  });

  it('agrees on the counts on both processes', async () => {
    const N = 60;
    const { sessionId, modCookie, tokens } = await setUp(db, N);
    for (let i = 0; i < 2; i++) procs.push(await spawnServer({ DATABASE_URL: db.url!, REDIS_URL: requireEnv('REDIS_URL') }));
    const [a, b] = procs as [Proc, Proc];
    const join = async (url: string, opts: { cookie?: string; token?: string }) => {
      const s = await client(url, opts);
      sockets.push(s);
      await ok(s, 'session:join', { sessionId }, 60_000);
      return s;
    };
    const mod = await join(a.url, { cookie: modCookie });
    const voters = await Promise.all(tokens.map((token, i) => join(i % 2 ? b.url : a.url, { token })));
    const onA = collect<PollResults>(voters[0]!, 'poll:results');
    const onB = collect<PollResults>(voters[1]!, 'poll:results');
    const draft = await ok<Poll>(mod, 'poll:create', { sessionId, kind: 'rating', question: 'Votre note ?' });
    await ok(mod, 'poll:launch', { pollId: draft.id });
    await ok(mod, 'poll:show', { pollId: draft.id, visible: true });
    await Promise.all(voters.map((s, i) => ok(s, 'poll:answer', { pollId: draft.id, answer: (i % 5) + 1 })));
    const expected = [12, 12, 12, 12, 12];
    const exact = (seen: PollResults[]) => JSON.stringify(latest(seen, draft.id)?.counts) === JSON.stringify(expected);
    await until(() => exact(onA) && exact(onB), 20_000, 'both processes at the final counts');
    expect(latest(onA, draft.id)).toEqual(latest(onB, draft.id));
    expect(latest(onA, draft.id)?.total).toBe(N);
   }, 180_000);
});
