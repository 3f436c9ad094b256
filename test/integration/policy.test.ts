import { eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getEventProgramme } from '@/db/queries/events';
import { qaExport } from '@/db/queries/qa';
import { people, programmeSessions, sessionPeople, users } from '@/db/schema';
import { seed } from '@/db/seed';
import { DEMO_EVENT_SLUG, DEMO_LIVE_SESSION_SLUG, DEMO_LIVE_WORKSHOP_SLUG } from '@/db/seed/data/demo';
import type { JoinData, Poll } from '@/lib/realtime/protocol';
import { type Db, realtimeScenario, signInExisting } from './factories';
import { ok, send } from './realtime-support';

/**
 * Roles stay in their scope (issue 27, finding 6), over the real Socket.IO server and Postgres:
 * the demo speaker speaks in *Ouverture en direct* only; the demo moderator moderates the
 * sessions he is given; a programme person linked to an account speaks in their sessions only.
 */
describe('grants stay in their scope (real socket.io-client, real server, real Postgres)', () => {
  const scene = realtimeScenario();
  let db: Db;
  const id: Record<string, string> = {};
  let speakerId: string;
  let moderatorId: string;

  const cookieOf = (email: string) => signInExisting(db.handle.db, email, `st-policy-${email}`);
  async function join(cookie: string, sessionId: string) {
    const s = await scene.open({ cookie });
    return { s, ack: await send<JoinData>(s, 'session:join', { sessionId }) };
  }

  let speaker: { userId: string; cookie: string };
  let moderator: { userId: string; cookie: string };

  beforeAll(async () => {
    db = await scene.database();
    await seed(db.handle.db);
    const programme = (await getEventProgramme(DEMO_EVENT_SLUG))!;
    for (const slug of [DEMO_LIVE_SESSION_SLUG, DEMO_LIVE_WORKSHOP_SLUG, 'table-ronde-tiers-lieux']) id[slug] = programme.sessions.find((s) => s.slug === slug)!.id;
    // Two sessions by invitation, one of which the speaker speaks in.
    await db.handle.db
      .update(programmeSessions)
      .set({ visibility: 'invitation', startsAt: new Date(Date.now() - 600_000), endsAt: new Date(Date.now() + 3600_000) })
      .where(inArray(programmeSessions.id, [id[DEMO_LIVE_SESSION_SLUG]!, id['table-ronde-tiers-lieux']!]));
    speaker = await cookieOf('intervenante@chemins.test');
    moderator = await cookieOf('moderateur@chemins.test');
    speakerId = speaker.userId;
    moderatorId = moderator.userId;
    await scene.start();
  });

  it('the demo speaker speaks in Ouverture en direct: she follows it by invitation and runs its polls', async () => {
    const { s, ack } = await join(speaker.cookie, id[DEMO_LIVE_SESSION_SLUG]!);
    expect(ack).toMatchObject({ ok: true, data: { you: { role: 'speaker', isModerator: false }, polls: { canRun: true } } });
    const draft = await ok<Poll>(s, 'poll:create', { sessionId: id[DEMO_LIVE_SESSION_SLUG], kind: 'rating', question: 'Cette ouverture ?' });
    expect(draft).toMatchObject({ status: 'draft' });
  });

  it('…and nowhere else: no polls in another live session, no Q&A of another session by invitation', async () => {
    const { s, ack } = await join(speaker.cookie, id[DEMO_LIVE_WORKSHOP_SLUG]!);
    expect(ack).toMatchObject({ ok: true, data: { you: { role: 'participant', isModerator: false }, polls: { canRun: false } } });
    expect(await send(s, 'poll:create', { sessionId: id[DEMO_LIVE_WORKSHOP_SLUG], kind: 'rating', question: 'Pas ma session ?' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const closed = await join(speaker.cookie, id['table-ronde-tiers-lieux']!);
    expect(closed.ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('the demo moderator moderates the sessions he is given, not the others of the edition', async () => {
    const mine = await join(moderator.cookie, id[DEMO_LIVE_SESSION_SLUG]!);
    expect(mine.ack).toMatchObject({ ok: true, data: { you: { role: 'moderator', isModerator: true } } });
    expect(await qaExport(moderatorId, id[DEMO_LIVE_SESSION_SLUG]!)).toMatchObject({ session: { id: id[DEMO_LIVE_SESSION_SLUG] } });
    const other = await join(moderator.cookie, id['table-ronde-tiers-lieux']!);
    expect(other.ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await expect(qaExport(moderatorId, id['table-ronde-tiers-lieux']!)).rejects.toMatchObject({ status: 403 });
    // A speaker does not export the Q&A, even of her own session.
    await expect(qaExport(speakerId, id[DEMO_LIVE_SESSION_SLUG]!)).rejects.toMatchObject({ status: 403 });
  });

  it('a programme person linked to an account speaks in the sessions the programme names them in', async () => {
    const [u] = await db.handle.db.insert(users).values({ email: 'animatrice@policy.test', name: 'Animatrice' }).returning();
    const [p] = await db.handle.db.insert(people).values({ name: 'Animatrice (policy)', key: 'animatrice-policy', userId: u!.id }).returning();
    await db.handle.db.insert(sessionPeople).values({ sessionId: id[DEMO_LIVE_WORKSHOP_SLUG]!, personId: p!.id, role: 'facilitator' });
    const { cookie } = await cookieOf('animatrice@policy.test');
    expect((await join(cookie, id[DEMO_LIVE_WORKSHOP_SLUG]!)).ack).toMatchObject({ ok: true, data: { you: { role: 'speaker' }, polls: { canRun: true } } });
    expect((await join(cookie, id[DEMO_LIVE_SESSION_SLUG]!)).ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Unlinked, the person is nobody's account any more: no rights left.
    await db.handle.db.update(people).set({ userId: null }).where(eq(people.id, p!.id));
    expect((await join(cookie, id[DEMO_LIVE_WORKSHOP_SLUG]!)).ack).toMatchObject({ ok: true, data: { you: { role: 'participant' }, polls: { canRun: false } } });
  });
});
