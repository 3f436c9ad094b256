import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getEventProgramme } from '@/db/queries/events';
import { qaExport } from '@/db/queries/qa';
import { chatMessages, moderationLog, pathSessions, paths, programmeSessions, roleGrants } from '@/db/schema';
import { seed } from '@/db/seed';
import { DEMO_EVENT_SLUG } from '@/db/seed/data/demo';
import type { ActiveSanction, ChatMessage, JoinData, ModerationNotice, Question, QuestionEvent, Sanction } from '@/lib/realtime/protocol';
import { type Db, demoLive, realtimeScenario, registrant as make, seedSession, seedUser } from './factories';
import { collect, nextEvent, ok, send, until } from './realtime-support';

describe('live Q&A and chat (real socket.io-client, real server, real Postgres)', () => {
  const scene = realtimeScenario();
  let db: Db;
  let liveId: string;
  let inviteId: string;
  const tokens: Record<string, string> = {};

  async function userWithSession(email: string, name: string, role?: 'moderator' | 'organizer', eventId?: string) {
    const u = await seedUser(db.handle.db, { email, name, role, eventId, token: `st-${email}` });
    return { id: u.id, cookie: u.cookie };
  }
  async function registrant(name: string, sessionIds: string[] = []) {
    const r = await make(name, { email: `${name.toLowerCase()}@chemins.test`, sessionIds });
    return { token: r.token, id: r.key };
  }
  const joined = (opts: { cookie?: string; token?: string } = {}, sessionId = liveId) => scene.joined(sessionId, opts);

  let mod: { id: string; cookie: string };
  let carol: { id: string; cookie: string };
  let alice: { token: string; id: string };
  let bob: { token: string; id: string };

  beforeAll(async () => {
    db = await scene.database();
    await seed(db.handle.db);
    const demo = await demoLive();
    liveId = demo.liveId;
    inviteId = await seedSession(db.handle.db, {
      eventId: demo.eventId,
      slug: 'huis-clos',
      title: 'Réunion sur invitation',
      kind: 'side_event',
      mode: 'onsite',
      visibility: 'invitation',
      startsAt: new Date(),
    });
    mod = await userWithSession('mod-qa@chemins.test', 'Modé Ratrice', 'moderator', demo.eventId);
    carol = await userWithSession('carol@chemins.test', 'Carol Sans-Inscription');
    alice = await registrant('Alice');
    bob = await registrant('Bob');
    tokens.alice = alice.token;
    await scene.start();
  });

  it('gives each person their role and rights on join; guests and unregistered people only read', async () => {
    const guest = await joined();
    expect(guest.data.you).toMatchObject({ role: 'guest', id: null, canWrite: false, isModerator: false });
    expect(guest.data.moderation).toBe('post');
    expect(guest.data.presence.people).toBeUndefined();
    const c = await joined({ cookie: carol.cookie });
    expect(c.data.you).toMatchObject({ role: 'participant', canWrite: false });
    const m = await joined({ cookie: mod.cookie });
    expect(m.data.you).toMatchObject({ role: 'moderator', isModerator: true, canWrite: true });
    expect(m.data.presence.people?.length).toBeGreaterThanOrEqual(1);
    const a = await joined({ token: alice.token });
    expect(a.data.you).toMatchObject({ role: 'participant', id: alice.id, canWrite: true, name: 'Alice' });

    expect(await send(guest.s, 'question:ask', { sessionId: liveId, body: 'Bonjour ?' })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await send(guest.s, 'chat:send', { sessionId: liveId, body: 'Bonjour' })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await send(c.s, 'question:ask', { sessionId: liveId, body: 'Bonjour ?' })).toMatchObject({ ok: false, error: { code: 'not_registered' } });
    expect(await send(c.s, 'chat:send', { sessionId: liveId, body: 'Bonjour' })).toMatchObject({ ok: false, error: { code: 'not_registered' } });
    expect(await send(a.s, 'question:ask', { sessionId: '00000000-0000-4000-8000-000000000000', body: 'Où ?' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    // An invitation-only session's conversation is not for the public.
    expect(await send(guest.s, 'session:join', { sessionId: inviteId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await send(a.s, 'session:join', { sessionId: inviteId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await send(m.s, 'session:join', { sessionId: inviteId })).toMatchObject({ ok: true });
  });

  it('asks (anonymously too), votes once, un-votes, withdraws; each person sees what they may', async () => {
    const a = await joined({ token: alice.token });
    const b = await joined({ token: bob.token });
    const m = await joined({ cookie: mod.cookie });
    const g = await joined();

    const bobSees = nextEvent<QuestionEvent>(b.s, 'question:created', (q) => q.body === 'Qui finance les communs ?');
    const modSees = nextEvent<QuestionEvent>(m.s, 'question:created', (q) => q.body === 'Qui finance les communs ?');
    const guestSees = nextEvent<QuestionEvent>(g.s, 'question:created', (q) => q.body === 'Qui finance les communs ?');
    const q = await ok<Question>(a.s, 'question:ask', { sessionId: liveId, body: '  Qui finance les communs ?  ', anonymous: true });
    expect(q).toMatchObject({ body: 'Qui finance les communs ?', anonymous: true, authorName: 'Alice', status: 'visible', votes: 0, votedByMe: false, onAir: false });
    expect(await bobSees).toMatchObject({ id: q.id, authorName: null, authorId: null, anonymous: true });
    expect((await guestSees).authorName).toBeNull();
    expect(await modSees).toMatchObject({ authorName: 'Alice', authorId: alice.id });

    const aliceSeesVote = nextEvent<QuestionEvent>(a.s, 'question:updated', (e) => e.id === q.id && e.votes === 1);
    expect(await ok<Question>(b.s, 'question:vote', { questionId: q.id, vote: true })).toMatchObject({ votes: 1, votedByMe: true });
    expect((await aliceSeesVote).votedByMe).toBeUndefined();
    expect(await send(b.s, 'question:vote', { questionId: q.id, vote: true })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await ok<Question>(b.s, 'question:vote', { questionId: q.id, vote: false })).toMatchObject({ votes: 0, votedByMe: false });
    expect(await send(b.s, 'question:vote', { questionId: q.id, vote: false })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await send(g.s, 'question:vote', { questionId: q.id, vote: true })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await send(b.s, 'question:vote', { questionId: '00000000-0000-4000-8000-000000000000', vote: true })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    // A vote survives a fresh join, with votedByMe for its voter.
    await ok(b.s, 'question:vote', { questionId: q.id, vote: true });
    const again = await ok<JoinData>(b.s, 'session:join', { sessionId: liveId });
    expect(again.questions.find((x) => x.id === q.id)).toMatchObject({ votes: 1, votedByMe: true, authorName: null });

    // Bad bodies are refused in the ack.
    expect(await send(a.s, 'question:ask', { sessionId: liveId, body: 'x'.repeat(501) })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await send(a.s, 'question:ask', { sessionId: liveId, body: '   ' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await send(a.s, 'question:ask', { sessionId: liveId, body: 'ok', extra: true })).toMatchObject({ ok: false, error: { code: 'invalid' } });

    // Only the author withdraws.
    expect(await send(b.s, 'question:withdraw', { questionId: q.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const removed = nextEvent<{ id: string }>(b.s, 'question:removed', (r) => r.id === q.id);
    expect(await ok(a.s, 'question:withdraw', { questionId: q.id })).toEqual({ id: q.id, sessionId: liveId });
    await removed;
    const after = await ok<JoinData>(g.s, 'session:join', { sessionId: liveId });
    expect(after.questions.find((x) => x.id === q.id)).toBeUndefined();
  });

  it('lets moderators pre-moderate, approve, edit, answer, put on air and dismiss; nobody else', async () => {
    const a = await joined({ token: alice.token });
    const b = await joined({ token: bob.token });
    const m = await joined({ cookie: mod.cookie });
    expect(await send(a.s, 'qa:configure', { sessionId: liveId, moderation: 'pre' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const configured = nextEvent<{ moderation: string }>(a.s, 'qa:configured');
    await ok(m.s, 'qa:configure', { sessionId: liveId, moderation: 'pre' });
    expect((await configured).moderation).toBe('pre');

    const aliceCreated = collect<QuestionEvent>(a.s, 'question:created');
    const modSees = nextEvent<QuestionEvent>(m.s, 'question:created', (q) => q.status === 'pending');
    const pending = await ok<Question>(b.s, 'question:ask', { sessionId: liveId, body: 'Comment rejoindre un chemin ?' });
    expect(pending.status).toBe('pending');
    expect((await modSees).authorName).toBe('Bob');
    const aliceJoin = await ok<JoinData>(a.s, 'session:join', { sessionId: liveId });
    expect(aliceJoin.questions.find((q) => q.id === pending.id)).toBeUndefined();
    const bobJoin = await ok<JoinData>(b.s, 'session:join', { sessionId: liveId });
    expect(bobJoin.questions.find((q) => q.id === pending.id)?.status).toBe('pending');

    expect(await send(a.s, 'question:moderate', { questionId: pending.id, action: 'approve' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await send(m.s, 'question:moderate', { questionId: pending.id, action: 'edit' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await send(m.s, 'question:moderate', { questionId: pending.id, action: 'shout' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const approved = nextEvent<QuestionEvent>(a.s, 'question:created', (q) => q.id === pending.id);
    await ok(m.s, 'question:moderate', { questionId: pending.id, action: 'approve' });
    expect((await approved).status).toBe('visible');
    expect(aliceCreated.filter((q) => q.id === pending.id)).toHaveLength(1);

    const edited = nextEvent<QuestionEvent>(a.s, 'question:updated', (q) => q.id === pending.id && q.body.includes('chemin de la coopération'));
    await ok(m.s, 'question:moderate', { questionId: pending.id, action: 'edit', body: 'Comment rejoindre un chemin de la coopération ?' });
    await edited;

    await ok(m.s, 'qa:configure', { sessionId: liveId, moderation: 'post' });
    const other = await ok<Question>(a.s, 'question:ask', { sessionId: liveId, body: 'Y aura-t-il un replay ?' });
    expect(other.status).toBe('visible');
    const onAir1 = nextEvent<QuestionEvent>(b.s, 'question:updated', (q) => q.id === pending.id && q.onAir);
    await ok(m.s, 'question:moderate', { questionId: pending.id, action: 'on-air' });
    await onAir1;
    // Only one question on air at a time.
    const offAir = nextEvent<QuestionEvent>(b.s, 'question:updated', (q) => q.id === pending.id && !q.onAir);
    const onAir2 = nextEvent<QuestionEvent>(b.s, 'question:updated', (q) => q.id === other.id && q.onAir);
    await ok(m.s, 'question:moderate', { questionId: other.id, action: 'on-air' });
    await Promise.all([offAir, onAir2]);
    const answered = nextEvent<QuestionEvent>(a.s, 'question:updated', (q) => q.id === pending.id && q.status === 'answered');
    expect(await ok<Question>(m.s, 'question:moderate', { questionId: pending.id, action: 'answer' })).toMatchObject({ status: 'answered', onAir: false });
    await answered;

    const gone = nextEvent<{ id: string }>(b.s, 'question:removed', (r) => r.id === other.id);
    const notice = nextEvent<ModerationNotice>(a.s, 'moderation:notice', (n) => n.kind === 'question-dismissed');
    await ok(m.s, 'question:moderate', { questionId: other.id, action: 'dismiss' });
    await Promise.all([gone, notice]);
    const log = await db.handle.db.select().from(moderationLog).where(eq(moderationLog.sessionId, liveId));
    expect(log.map((l) => l.action)).toEqual(
      expect.arrayContaining(['qa:pre-moderation', 'question:approve', 'question:edit', 'question:on-air', 'question:answer', 'question:dismiss']),
    );
  });

  it('chats as text with replies, reactions and mentions; authors and moderators delete', async () => {
    const a = await joined({ token: alice.token });
    const b = await joined({ token: bob.token });
    const m = await joined({ cookie: mod.cookie });
    const script = '<script>alert("x")</script> voir https://example.org/page';
    const bobSees = nextEvent<ChatMessage>(b.s, 'chat:message', (c) => c.body === script);
    const msg = await ok<ChatMessage>(a.s, 'chat:send', { sessionId: liveId, body: script });
    expect(msg).toMatchObject({ body: script, authorName: 'Alice', authorId: alice.id, replyTo: null, reactions: {}, mentionsModerators: false });
    await bobSees;
    const reply = await ok<ChatMessage>(b.s, 'chat:send', { sessionId: liveId, body: 'Merci ! @modération une coquille ?', replyTo: msg.id });
    expect(reply).toMatchObject({ replyTo: msg.id, mentionsModerators: true });
    expect(await send(b.s, 'chat:send', { sessionId: liveId, body: 'hop', replyTo: '00000000-0000-4000-8000-000000000000' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await send(b.s, 'chat:send', { sessionId: liveId, body: 'x'.repeat(1001) })).toMatchObject({ ok: false, error: { code: 'invalid' } });

    const reacted = nextEvent<ChatMessage>(a.s, 'chat:updated', (c) => c.id === msg.id && c.reactions['👍'] === 1);
    expect((await ok<ChatMessage>(b.s, 'chat:react', { messageId: msg.id, emoji: '👍' })).reactions).toEqual({ '👍': 1 });
    await reacted;
    expect((await ok<ChatMessage>(b.s, 'chat:react', { messageId: msg.id, emoji: '👍' })).reactions).toEqual({});
    expect(await send(b.s, 'chat:react', { messageId: msg.id, emoji: '<b>' })).toMatchObject({ ok: false, error: { code: 'invalid' } });

    expect(await send(b.s, 'chat:delete', { messageId: msg.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const deleted = nextEvent<{ id: string }>(b.s, 'chat:deleted', (d) => d.id === msg.id);
    await ok(a.s, 'chat:delete', { messageId: msg.id });
    await deleted;
    const notice = nextEvent<ModerationNotice>(b.s, 'moderation:notice', (n) => n.kind === 'message-deleted');
    await ok(m.s, 'chat:delete', { messageId: reply.id });
    await notice;
    const fresh = await ok<JoinData>(b.s, 'session:join', { sessionId: liveId });
    expect(fresh.messages.map((x) => x.id)).not.toContain(msg.id);
    expect(fresh.messages.map((x) => x.id)).not.toContain(reply.id);
    // Deleted, not lost: the rows stay for the record.
    const kept = await db.handle.db.select().from(chatMessages).where(eq(chatMessages.id, msg.id));
    expect(kept[0]?.deletedAt).not.toBeNull();
  });

  it('mutes, bans and lifts; refuses sanctions from non-moderators', async () => {
    const b = await joined({ token: bob.token });
    const a = await joined({ token: alice.token });
    const m = await joined({ cookie: mod.cookie });
    expect(await send(a.s, 'chat:moderate', { sessionId: liveId, userId: bob.id, action: 'mute', minutes: 5 })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await send(m.s, 'chat:moderate', { sessionId: liveId, userId: bob.id, action: 'mute', minutes: 0 })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    const muted = nextEvent<ModerationNotice>(b.s, 'moderation:notice', (n) => n.kind === 'muted');
    expect(await ok<Sanction>(m.s, 'chat:moderate', { sessionId: liveId, userId: bob.id, action: 'mute', minutes: 5 })).toMatchObject({ action: 'mute' });
    expect((await muted).until).not.toBeNull();
    expect(await send(b.s, 'chat:send', { sessionId: liveId, body: 'chut' })).toMatchObject({ ok: false, error: { code: 'muted' } });
    expect(await send(b.s, 'question:ask', { sessionId: liveId, body: 'chut ?' })).toMatchObject({ ok: false, error: { code: 'muted' } });
    await ok(m.s, 'chat:moderate', { sessionId: liveId, userId: bob.id, action: 'unmute' });
    await ok(b.s, 'chat:send', { sessionId: liveId, body: 'de retour' });

    const banned = nextEvent<ModerationNotice>(b.s, 'moderation:notice', (n) => n.kind === 'banned');
    const modsSee = nextEvent<{ sanctions: ActiveSanction[] }>(m.s, 'moderation:updated', (u) => u.sanctions.some((x) => x.kind === 'ban'));
    await ok(m.s, 'chat:moderate', { sessionId: liveId, userId: bob.id, action: 'ban' });
    await banned;
    expect((await modsSee).sanctions).toEqual([{ userId: bob.id, name: 'Bob', kind: 'ban', until: null }]);
    const modJoin = await ok<JoinData>(m.s, 'session:join', { sessionId: liveId });
    expect(modJoin.sanctions?.map((x) => x.kind)).toEqual(['ban']);
    expect((await ok<JoinData>(a.s, 'session:join', { sessionId: liveId })).sanctions).toBeUndefined();
    // Out of the room at once: Alice's next message does not reach Bob.
    const bobMessages = collect<ChatMessage>(b.s, 'chat:message');
    const aliceSees = nextEvent<ChatMessage>(a.s, 'chat:message', (c) => c.body === 'après le bannissement');
    await ok(m.s, 'chat:send', { sessionId: liveId, body: 'après le bannissement' });
    await aliceSees;
    expect(bobMessages).toHaveLength(0);
    expect(await send(b.s, 'session:join', { sessionId: liveId })).toMatchObject({ ok: false, error: { code: 'banned' } });
    expect(await send(b.s, 'chat:send', { sessionId: liveId, body: 'encore' })).toMatchObject({ ok: false, error: { code: 'banned' } });
    await ok(m.s, 'chat:moderate', { sessionId: liveId, userId: bob.id, action: 'unban' });
    await ok(b.s, 'session:join', { sessionId: liveId });
    expect(b.s.connected).toBe(true);
  });

  it('rate-limits each person with a clear error', async () => {
    const dave = await registrant('Dave');
    const d = await joined({ token: dave.token });
    for (let i = 0; i < 5; i++) await ok(d.s, 'chat:send', { sessionId: liveId, body: `message ${i}` });
    const refused = await send(d.s, 'chat:send', { sessionId: liveId, body: 'un de trop' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect(!refused.ok && refused.error.message).toMatch(/5 messages every 10 seconds/);
    expect(await send(d.s, 'question:ask', { sessionId: liveId, body: 'et une question ?' })).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
  });

  it('sends the last 100 messages on join and older ones on request', async () => {
    const erin = await registrant('Erin');
    const [session] = await db.handle.db.insert(programmeSessions).values({
      eventId: (await getEventProgramme(DEMO_EVENT_SLUG))!.event.id,
      slug: 'longue-discussion',
      title: 'Longue discussion',
      kind: 'round_table',
      startsAt: new Date(),
      endsAt: new Date(Date.now() + 3600_000),
    }).returning();
    const base = Date.now() - 3600_000;
    await db.handle.db.insert(chatMessages).values(
      Array.from({ length: 130 }, (_, i) => ({
        sessionId: session!.id,
        authorKey: erin.id,
        authorName: 'Erin',
        body: `n°${i}`,
        createdAt: new Date(base + i * 1000),
      })),
    );
    const e = await joined({ token: erin.token }, session!.id);
    expect(e.data.messages).toHaveLength(100);
    expect(e.data.messages[0]!.body).toBe('n°30');
    expect(e.data.messages.at(-1)!.body).toBe('n°129');
    expect(e.data.moreMessages).toBe(true);
    const older = await ok<{ messages: ChatMessage[]; more: boolean }>(e.s, 'chat:history', { sessionId: session!.id, before: e.data.messages[0]!.id });
    expect(older.messages.map((m) => m.body)).toEqual(Array.from({ length: 30 }, (_, i) => `n°${i}`));
    expect(older.more).toBe(false);
    expect(await send(e.s, 'chat:history', { sessionId: session!.id, before: '00000000-0000-4000-8000-000000000000' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('shows moderators who is there', async () => {
    const m = await joined({ cookie: mod.cookie });
    const a = await joined({ token: alice.token });
    await until(async () => {
      const res = await ok<JoinData>(m.s, 'session:join', { sessionId: liveId });
      return Boolean(res.presence.people?.some((p) => p.id === alice.id && p.name === 'Alice'));
    });
    const data = await ok<JoinData>(a.s, 'session:join', { sessionId: liveId });
    expect(data.presence.people).toBeUndefined();
  });

  it('exports the Q&A for the event’s organizers and moderators and for the coordinators of its paths only', async () => {
    const a = await joined({ token: alice.token });
    const m = await joined({ cookie: mod.cookie });
    const kept = await ok<Question>(a.s, 'question:ask', { sessionId: liveId, body: 'À garder dans le compte rendu ?', anonymous: true });
    const dismissed = await ok<Question>(a.s, 'question:ask', { sessionId: liveId, body: 'Hors sujet' });
    await ok(m.s, 'question:moderate', { questionId: dismissed.id, action: 'dismiss' });
    const data = await qaExport(mod.id, liveId);
    const bodies = data!.questions.map((q) => q.body);
    expect(bodies).toContain('À garder dans le compte rendu ?');
    expect(bodies).not.toContain('Hors sujet');
    expect(data!.questions.find((q) => q.id === kept.id)?.anonymous).toBe(true);
    await expect(qaExport(carol.id, liveId)).rejects.toMatchObject({ status: 403, code: 'forbidden' });
    const [path] = await db.handle.db.select({ id: paths.id }).from(paths).limit(1);
    await db.handle.db.insert(roleGrants).values({ userId: carol.id, role: 'coordinator', pathId: path!.id });
    // A coordinator exports only the Q&A of sessions linked to one of their paths.
    await expect(qaExport(carol.id, liveId)).rejects.toMatchObject({ status: 403, code: 'forbidden' });
    await db.handle.db.insert(pathSessions).values({ pathId: path!.id, sessionId: liveId });
    expect((await qaExport(carol.id, liveId))?.session.id).toBe(liveId);
    expect(await qaExport(mod.id, '00000000-0000-4000-8000-000000000000')).toBeNull();
  });
});
