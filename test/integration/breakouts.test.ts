import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { breakoutGroups, breakoutMembers, breakoutMessages, breakoutRounds } from '@/db/schema';
import { seed } from '@/db/seed';
import type { BreakoutAssigned, BreakoutEnded, BreakoutStarted, BreakoutGroupRef, BreakoutMessage, BreakoutRound, BreakoutView } from '@/lib/realtime/protocol';
import { TokenVerifier } from 'livekit-server-sdk';
import { POST as tokenRoute } from '@/app/api/sessions/[sessionId]/livekit-token/route';
import type { Identity } from '@/db/queries/identity';
import { parseConfig } from '@/lib/config';
import { setupLivekit } from '@/server/media/livekit';
import { issueVideoToken } from '@/server/media/video';
import { type Db, demoLive, realtimeScenario, refusalOf, registrant, seedSession, seedUser } from './factories';
import { type Client, collect, nextEvent, ok, send, until } from './realtime-support';
import { requireEnv } from './support';
import { rearmBreakoutTimers } from '@/server/realtime/breakouts';
import * as Y from 'yjs';
import { appendNoteUpdate } from '@/db/queries/notes/notes';
import { listSessionGroups } from '@/server/breakouts/list-group-notes';
import { withNotes } from '@/server/exports/qa';

/** Breakout groups (issue 31, part C) with real socket.io-client sockets on a real server and Postgres. */
describe('breakout groups', () => {
  const scene = realtimeScenario();
  let db: Db;
  let sessionId: string, eventId: string, modCookie: string, modIdentity: Identity;

  const person = async (name: string, url?: string) => {
    const r = await registrant(name);
    const { s } = await scene.joined(sessionId, { token: r.token }, url);
    return { s, key: r.key, name };
  };
  const moderator = async (url?: string) => (await scene.joined(sessionId, { cookie: modCookie }, url)).s;
  const end = (mod: Client) => ok<BreakoutEnded>(mod, 'breakout:end', { sessionId });

  beforeAll(async () => {
    db = await scene.database('postgres');
    await seed(db.handle.db);
    ({ eventId, liveId: sessionId } = await demoLive());
    ({ cookie: modCookie, identity: modIdentity } = await seedUser(db.handle.db, { email: 'mod-breakouts@chemins.test', name: 'Modé Groupes', role: 'moderator', eventId }));
    await scene.start();
  });

  it('splits the people in the room evenly: each gets breakout:assigned, the round is kept; a late comer joins the smallest group', async () => {
    const mod = await moderator();
    const people = await Promise.all(['Ana', 'Ben', 'Chloé', 'Dan', 'Eve', 'Fred'].map((n) => person(n)));
    const assigned = people.map((p) => nextEvent<BreakoutAssigned>(p.s, 'breakout:assigned'));
    const modState = nextEvent<{ round: BreakoutRound | null }>(mod, 'breakout:state', (st) => st.round !== null);

    const { groups } = await ok<{ groups: BreakoutGroupRef[] }>(mod, 'breakout:start', { sessionId, groups: 3, minutes: 20 });
    expect(groups.map((g) => g.name)).toEqual(['A', 'B', 'C']);
    const got = await Promise.all(assigned);
    for (const a of got) expect(groups.map((g) => g.id)).toContain(a.groupId);
    const sizes = groups.map((g) => got.filter((a) => a.groupId === g.id).length);
    expect(sizes).toEqual([2, 2, 2]);
    const { round } = await modState;
    expect(round!.groups.flatMap((g) => g.members.map((m) => m.id)).sort()).toEqual(people.map((p) => p.key).sort());

    // Kept in the database: the round, its groups with their LiveKit rooms, who is in which.
    const [row] = await db.handle.db.select().from(breakoutRounds).where(eq(breakoutRounds.id, round!.id));
    expect(row).toMatchObject({ sessionId, minutes: 20, assign: 'random', endedAt: null });
    const rooms = await db.handle.db.select().from(breakoutGroups).where(eq(breakoutGroups.roundId, round!.id));
    expect(rooms.map((g) => g.livekitRoom).sort()).toEqual([1, 2, 3].map((n) => `session-${sessionId}--g${n}`));
    expect(await db.handle.db.select().from(breakoutMembers).where(eq(breakoutMembers.roundId, round!.id))).toHaveLength(6);

    // Someone arriving during the round: put in a smallest group at their sync; the moderators see them.
    const late = await person('Gaby');
    const seen = nextEvent<{ round: BreakoutRound | null }>(mod, 'breakout:state', (st) => Boolean(st.round?.groups.some((g) => g.members.some((m) => m.id === late.key))));
    const view = await ok<BreakoutView>(late.s, 'breakout:sync', { sessionId });
    expect(view.round).toMatchObject({ id: round!.id, mode: 'random' });
    expect(groups.map((g) => g.id)).toContain(view.mine!.id);
    await seen;
    // Asking again changes nothing; a moderator is never placed but gets the whole round.
    expect((await ok<BreakoutView>(late.s, 'breakout:sync', { sessionId })).mine).toEqual(view.mine);
    const modView = await ok<BreakoutView>(mod, 'breakout:sync', { sessionId });
    expect(modView.mine).toBeNull();
    expect(modView.state!.groups.flatMap((g) => g.members)).toHaveLength(7);

    // A second round while this one is open is refused.
    expect(await send(mod, 'breakout:start', { sessionId, groups: 2, minutes: 5 })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    // Everyone is called back: once, to everyone; the round and its members stay.
    const ended = people.map((p) => nextEvent<BreakoutEnded>(p.s, 'breakout:ended'));
    expect(await end(mod)).toEqual({ sessionId, roundId: round!.id, by: 'moderator' });
    for (const e of await Promise.all(ended)) expect(e).toEqual({ sessionId, roundId: round!.id, by: 'moderator' });
    const [after] = await db.handle.db.select().from(breakoutRounds).where(eq(breakoutRounds.id, round!.id));
    expect(after!.endedAt).toBeInstanceOf(Date);
    expect(after!.endedBy).toMatch(/^user:/);
    expect(await db.handle.db.select().from(breakoutMembers).where(eq(breakoutMembers.roundId, round!.id))).toHaveLength(7);
    expect(await send(mod, 'breakout:end', { sessionId })).toMatchObject({ ok: false, error: { code: 'closed' } });
    expect((await ok<BreakoutView>(late.s, 'breakout:sync', { sessionId })).round).toBeNull();
  });

  it('refuses participants, bad input and sessions that are not live, with clear codes', async () => {
    const mod = await moderator();
    const ana = await person('Anaïs');
    expect(await send(ana.s, 'breakout:start', { sessionId, groups: 2, minutes: 5 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    for (const bad of [
      { sessionId, groups: 1, minutes: 5 },
      { sessionId, groups: 51, minutes: 5 },
      { sessionId, groups: 2.5, minutes: 5 },
      { sessionId, groups: 2, minutes: 0 },
      { sessionId, groups: 2, minutes: 241 },
      { sessionId, groups: 2, minutes: 5, assign: 'alphabetical' },
      { sessionId, groups: 2, minutes: 5, assign: { [ana.key]: -1 } },
      { sessionId, groups: 2, minutes: 5, extra: true },
      { sessionId: 'not-a-uuid', groups: 2, minutes: 5 },
      { sessionId, groups: '3', minutes: 5 },
      null,
    ]) {
      expect(await send(mod, 'breakout:start', bad)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    }
    // An index past the groups is refused, naming the person.
    const past = await send(mod, 'breakout:start', { sessionId, groups: 2, minutes: 5, assign: { [ana.key]: 2 } });
    expect(past).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining(ana.key) } });
    // Nothing was opened by the refusals.
    expect((await ok<BreakoutView>(mod, 'breakout:sync', { sessionId })).round).toBeNull();
    // Nor by commands about a round that does not exist.
    expect(await send(mod, 'breakout:broadcast', { sessionId, text: 'Personne ?' })).toMatchObject({ ok: false, error: { code: 'closed' } });
    expect(await send(ana.s, 'breakout:choose', { sessionId, groupId: sessionId })).toMatchObject({ ok: false, error: { code: 'closed' } });

    // A session of the same event that ended yesterday: no groups.
    const past2 = await seedSession(db.handle.db, {
      eventId,
      slug: 'atelier-d-hier-groupes',
      startsAt: new Date(Date.now() - 26 * 3600_000),
      endsAt: new Date(Date.now() - 25 * 3600_000),
    });
    expect(await send(mod, 'breakout:start', { sessionId: past2, groups: 2, minutes: 5 })).toMatchObject({ ok: false, error: { code: 'closed' } });
    expect(await send(mod, 'breakout:start', { sessionId: '00000000-0000-4000-8000-000000000000', groups: 2, minutes: 5 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('assigns as the moderator says, lets people choose, broadcasts to all groups within the chat’s rate limit', async () => {
    const mod = await moderator();
    const [a, b, c] = await Promise.all(['Hugo', 'Inès', 'Jade'].map((n) => person(n)));
    const toA = nextEvent<BreakoutAssigned>(a!.s, 'breakout:assigned');
    const toC = nextEvent<BreakoutAssigned>(c!.s, 'breakout:assigned');
    const { groups } = await ok<{ groups: BreakoutGroupRef[] }>(mod, 'breakout:start', {
      sessionId,
      groups: 2,
      minutes: 10,
      assign: { [a!.key]: 1, [b!.key]: 1 },
    });
    expect((await toA).groupId).toBe(groups[1]!.id);
    // Not named: the smallest group.
    expect((await toC).groupId).toBe(groups[0]!.id);
    // People do not choose in an assigned round.
    expect(await send(c!.s, 'breakout:choose', { sessionId, groupId: groups[1]!.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // Broadcasts: moderators only, 1..500 characters, to everyone in the session.
    const heard = [a, b, c].map((p) => nextEvent<BreakoutMessage>(p!.s, 'breakout:message'));
    const sent = await ok<BreakoutMessage>(mod, 'breakout:broadcast', { sessionId, text: '  Encore 5 minutes !  ' });
    expect(sent).toMatchObject({ sessionId, text: 'Encore 5 minutes !', authorName: 'Modé Groupes' });
    for (const m of await Promise.all(heard)) expect(m).toEqual(sent);
    expect(await send(a!.s, 'breakout:broadcast', { sessionId, text: 'Moi aussi' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    for (const text of ['   ', 'x'.repeat(501)]) {
      expect(await send(mod, 'breakout:broadcast', { sessionId, text })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    }
    for (let i = 0; i < 4; i++) await ok(mod, 'breakout:broadcast', { sessionId, text: `Message ${i}` });
    expect(await send(mod, 'breakout:broadcast', { sessionId, text: 'Un de trop' })).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect(await db.handle.db.select().from(breakoutMessages).where(eq(breakoutMessages.roundId, sent.roundId))).toHaveLength(5);
    await end(mod);

    // By choice: nobody is placed at the start; each person picks, and may change.
    const assignedBefore = collect<BreakoutAssigned>(a!.s, 'breakout:assigned');
    const started = nextEvent<BreakoutStarted>(b!.s, 'breakout:started');
    const choice = await ok<{ groups: BreakoutGroupRef[] }>(mod, 'breakout:start', { sessionId, groups: 3, minutes: 10, assign: 'choice' });
    const view = await ok<BreakoutView>(a!.s, 'breakout:sync', { sessionId });
    expect(view).toMatchObject({ round: { mode: 'choice' }, mine: null });
    expect(assignedBefore).toEqual([]);
    // Everyone learns that a round started, and which groups it has, to choose one.
    expect(await started).toMatchObject({ sessionId, round: { mode: 'choice', groups: choice.groups } });
    const mine = await ok<BreakoutAssigned>(a!.s, 'breakout:choose', { sessionId, groupId: choice.groups[2]!.id });
    expect(mine).toMatchObject({ groupId: choice.groups[2]!.id, name: 'C' });
    await ok(a!.s, 'breakout:choose', { sessionId, groupId: choice.groups[0]!.id });
    expect((await ok<BreakoutView>(a!.s, 'breakout:sync', { sessionId })).mine).toEqual({ id: choice.groups[0]!.id, name: 'A' });
    expect(await send(b!.s, 'breakout:choose', { sessionId, groupId: groups[0]!.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await send(b!.s, 'breakout:end', { sessionId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await end(mod);
  });

  it('gives each person a token for their group’s room during a round (everyone speaks); moderators visit any group', async () => {
    await setupLivekit(parseConfig({ ...process.env, NODE_ENV: 'test' }));
    const verifier = new TokenVerifier(process.env.LIVEKIT_API_KEY!, process.env.LIVEKIT_API_SECRET!);
    const token = async (joinToken: string, group?: string) => {
      const res = await tokenRoute(
        new Request(`http://x/api/sessions/${sessionId}/livekit-token${group ? `?group=${group}` : ''}`, { method: 'POST', headers: { authorization: `Bearer ${joinToken}` } }),
        { params: Promise.resolve({ sessionId }) },
      );
      return { status: res.status, body: (await res.json()) as { room?: string; token?: string; group?: { id: string; name: string } | null; error?: { code: string } } };
    };
    const mod = await moderator();
    const nora = await registrant('Nora');
    const omar = await registrant('Omar');
    await scene.joined(sessionId, { token: nora.token });
    await scene.joined(sessionId, { token: omar.token });
    expect((await token(nora.token)).body).toMatchObject({ room: `session-${sessionId}`, group: null });
    const { groups } = await ok<{ groups: BreakoutGroupRef[] }>(mod, 'breakout:start', { sessionId, groups: 2, minutes: 10, assign: { [nora.key]: 0, [omar.key]: 1 } });

    const mine = await token(nora.token);
    expect(mine).toMatchObject({ status: 200, body: { room: `session-${sessionId}--g1`, group: { id: groups[0]!.id, name: 'A' } } });
    const claims = await verifier.verify(mine.body.token!);
    expect(claims.video).toMatchObject({ room: `session-${sessionId}--g1`, roomJoin: true, canPublish: true });
    expect(await token(nora.token, groups[1]!.id)).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect(await token(nora.token, 'pas-un-groupe')).toMatchObject({ status: 400 });

    // The moderator: the main room, or the group they visit.
    expect(await issueVideoToken(modIdentity, sessionId)).toMatchObject({ room: `session-${sessionId}`, group: null });
    const visit = await issueVideoToken(modIdentity, sessionId, new Date(), { groupId: groups[1]!.id });
    expect(visit).toMatchObject({ room: `session-${sessionId}--g2`, group: { id: groups[1]!.id, name: 'B' } });
    expect((await verifier.verify(visit.token)).video).toMatchObject({ room: `session-${sessionId}--g2`, roomAdmin: true });
    expect(await refusalOf(() => issueVideoToken(modIdentity, sessionId, new Date(), { groupId: sessionId }))).toBe('404 not_found');

    await end(mod);
    expect((await token(nora.token)).body).toMatchObject({ room: `session-${sessionId}`, group: null });
    expect(await token(nora.token, groups[0]!.id)).toMatchObject({ status: 409, body: { error: { code: 'closed' } } });
  });

  it('ends a round on time once, with two processes sharing Redis (each arms its timer)', async () => {
    // 1 minute lasts 3 seconds in the processes spawned here (BREAKOUT_MINUTE_SECONDS).
    process.env.BREAKOUT_MINUTE_SECONDS = '3';
    const [A, B] = await Promise.all([0, 1].map(() => scene.spawn({ DATABASE_URL: db.url!, REDIS_URL: requireEnv('REDIS_URL') })));
    const mod = await moderator(A!.url);
    const onA = await person('Karim', A!.url);
    const onB = await person('Lila', B!.url);
    const toB = nextEvent<BreakoutAssigned>(onB.s, 'breakout:assigned');
    const seen = [mod, onA.s, onB.s].map((s) => collect<BreakoutEnded>(s, 'breakout:ended'));
    const { groups } = await ok<{ groups: BreakoutGroupRef[] }>(mod, 'breakout:start', { sessionId, groups: 2, minutes: 1 });
    // The person on B was in the room (across processes) and is told through the adapter.
    expect(groups.map((g) => g.id)).toContain((await toB).groupId);
    const view = await ok<BreakoutView>(onB.s, 'breakout:sync', { sessionId });
    const endsAt = new Date(view.round!.endsAt).getTime();
    await until(() => seen.every((list) => list.length > 0), 15_000, 'breakout:ended everywhere');
    // Both processes' timers have fired by now (well after the end): still one announcement each.
    await until(() => Date.now() > endsAt + 1500, 5_000, 'both timers');
    for (const list of seen) expect(list).toEqual([{ sessionId, roundId: view.round!.id, by: 'timer' }]);
    const [ended] = await db.handle.db.select().from(breakoutRounds).where(eq(breakoutRounds.id, view.round!.id));
    expect(ended).toMatchObject({ endedBy: null });
    expect(ended!.endedAt!.getTime()).toBeGreaterThanOrEqual(endsAt - 50);
  });

  it('re-arms at start-up the rounds still open in the database: one past its end ends at once', async () => {
    const ana = await person('Mona');
    const [round] = await db.handle.db
      .insert(breakoutRounds)
      .values({ sessionId, minutes: 1, assign: 'random', startedBy: 'user:x', startedAt: new Date(Date.now() - 120_000), endsAt: new Date(Date.now() - 60_000) })
      .returning();
    const ended = nextEvent<BreakoutEnded>(ana.s, 'breakout:ended');
    await rearmBreakoutTimers(scene.rt!.io);
    expect(await ended).toEqual({ sessionId, roundId: round!.id, by: 'timer' });
  });

  it('gives the meeting report each group’s notes (as the notes server stores them) as a section of its own, rounds in order', async () => {
    const groups = await listSessionGroups(sessionId);
    // The first round's groups by their names; later rounds' with the round's number.
    expect(groups.slice(0, 3).map((g) => g.name)).toEqual(['A', 'B', 'C']);
    expect(groups[3]!.name).toBe('A (2)');
    // Two groups wrote notes (Yjs updates, as an editor sends them); the others none.
    for (const [i, text] of ['Idées du groupe A', 'Le groupe B propose un atelier'].entries()) {
      const doc = new Y.Doc();
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(text)]);
      doc.getXmlFragment('default').insert(0, [paragraph]);
      await appendNoteUpdate({
        documentName: `session:${sessionId}:group:${groups[i]!.id}`,
        sessionId,
        actorKey: 'user:test',
        authorName: 'Test',
        update: Y.encodeStateAsUpdate(doc),
      });
    }
    // What the draft meeting report is made of (server/exports/qa.ts, `meetingReportFromSessionQa`).
    const { markdown: report, authors } = await withNotes(sessionId, '## Questions', 'fr', groups);
    expect(report).toContain('## Notes du groupe « A »\n\nIdées du groupe A');
    expect(report).toContain('## Notes du groupe « B »\n\nLe groupe B propose un atelier');
    expect(report.indexOf('Idées du groupe A')).toBeLessThan(report.indexOf('## Questions'));
    // Empty groups are left out.
    expect(report).not.toContain('« C »');
    expect(authors.map((a) => a.name)).toEqual(['Test']);
  });
});
