import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callDecisions } from '@/server/calls/list-call-decisions';
import { callsOfEvent } from '@/server/calls/list-event-calls';
import { confirmFacilitator } from '@/server/calls/confirm-facilitator';
import { decide } from '@/server/calls/decide-proposal';
import { proposalsOfSessions } from '@/server/calls/list-session-proposals';
import { proposalView } from '@/server/calls/get-proposal-view';
import { publicCall } from '@/server/calls/get-public-call';
import { publicProposals } from '@/server/calls/list-public-proposals';
import { reviewBoard } from '@/server/calls/get-review-board';
import { reviseProposal } from '@/server/calls/revise-proposal';
import { saveCall } from '@/server/calls/save-call';
import { saveReview } from '@/server/calls/save-review';
import { scheduleProposal } from '@/server/calls/schedule-proposal';
import { submitProposal } from '@/server/calls/submit-proposal';
import { withdrawProposal } from '@/server/calls/withdraw-proposal';
import { mailOutbox, programmeSessions, proposalFacilitators, proposals, users } from '@/db/schema';
import { seed } from '@/db/seed';
import { DEMO_EVENT_SLUG } from '@/db/seed/data/demo';
import { callInput, proposalInput, type Viewer } from '@/lib/domain/calls';
import { DEMO_CALL_SLUG, FORUM_2018_CALL_SLUG } from '@/db/seed/data/calls';
import { GET as callRoute } from '@/app/api/calls/[call]/route';
import { GET as proposalsRoute } from '@/app/api/calls/[call]/proposals/route';
import { GET as decisionsRoute } from '@/app/api/calls/[call]/decisions.atom/route';
import { GET as eventCallsRoute } from '@/app/api/events/[event]/calls/route';
import { type Driver, useFreshDatabase } from './support';

const params = <T>(value: T) => ({ params: Promise.resolve(value) });

const DAY = 86_400_000;
const T0 = new Date('2031-03-01T10:00:00Z');
const at = (days: number) => new Date(T0.getTime() + days * DAY);
const CALL = 'appel-test';

const proposal = (over: Record<string, unknown> = {}) =>
  proposalInput.parse({ title: 'Cartographier les communs', format: 'Atelier', abstract: 'Un atelier pour cartographier.', needs: 'Fauteuil roulant', ...over });

/** A small call opening at T0 for one workshop slot (`over` sets its slug, title, dates, committee…). */
const smallCall = (over: Record<string, unknown>) =>
  callInput.parse({ opensAt: T0.toISOString(), formats: ['Atelier'], slots: 1, committeeName: 'C', ...over });

describe.each<Driver>(['postgres', 'pglite'])('calls for proposals (%s)', (driver) => {
  let db: Awaited<ReturnType<typeof useFreshDatabase>>;
  let organizer: NonNullable<Viewer>;
  let alice: NonNullable<Viewer>;
  let bruno: NonNullable<Viewer>;
  let member1: NonNullable<Viewer>;
  let member2: NonNullable<Viewer>;

  async function userOf(email: string, name: string): Promise<NonNullable<Viewer>> {
    await db.handle.db.insert(users).values({ email, name }).onConflictDoNothing({ target: users.email });
    const [u] = await db.handle.db.select().from(users).where(eq(users.email, email));
    return { id: u!.id, name: u!.name, email: u!.email };
  }

  beforeAll(async () => {
    db = await useFreshDatabase(driver);
    await seed(db.handle.db);
    organizer = await userOf('organisatrice@chemins.test', 'Organisatrice (démo)');
    alice = await userOf('alice@chemins.test', 'Alice');
    bruno = await userOf('bruno@chemins.test', 'Bruno');
    await saveCall(
      organizer.id,
      DEMO_EVENT_SLUG,
      callInput.parse({
        slug: CALL,
        title: 'Appel de test',
        opensAt: at(-1).toISOString(),
        closesAt: at(10).toISOString(),
        answerBy: at(30).toISOString(),
        formats: ['Atelier', 'Table ronde'],
        slots: 4,
        questions: ['Qui est concerné ?'],
        criteria: 'Ouverture, coopération.',
        committeeName: 'Comité de test',
        staleDays: 14,
        committee: [
          { email: 'membre1@chemins.test', name: 'Membre Un' },
          { email: 'membre2@chemins.test', name: 'Membre Deux' },
        ],
      }),
    );
    member1 = await userOf('membre1@chemins.test', 'Membre Un');
    member2 = await userOf('membre2@chemins.test', 'Membre Deux');
  });
  afterAll(async () => {
    await db?.close();
  });

  it('seeds an open demo call with a proposal in every state, and Forum 2018’s closed call of ten slots', async () => {
    const demo = (await publicCall(DEMO_CALL_SLUG))!;
    expect(Object.entries(demo.counts).filter(([, n]) => n > 0).map(([s]) => s).sort()).toEqual(
      ['accepted', 'changes_requested', 'declined', 'scheduled', 'submitted', 'under_review', 'withdrawn'],
    );
    expect(demo.overdue).toBe(1);
    const list = await publicProposals(DEMO_CALL_SLUG, 'http://x');
    const scheduled = list.find((p) => p.status === 'scheduled')!;
    expect(scheduled.sessionUrl).toBe(`http://x/events/${DEMO_EVENT_SLUG}/sessions/atelier-cartographier-les-communs`);
    const forum = (await publicCall(FORUM_2018_CALL_SLUG))!;
    expect(forum).toMatchObject({ visibility: 'closed', phase: 'closed', slots: 10 });
    // Seeding again changes nothing.
    await seed(db.handle.db);
    expect((await publicCall(DEMO_CALL_SLUG))!.total).toBe(demo.total);
  });

  it('answers the public contract routes, with the error shape for bad input', async () => {
    const one = await callRoute(new Request('http://x'), params({ call: DEMO_CALL_SLUG }));
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({ slug: DEMO_CALL_SLUG, committee: { name: 'Comité du programme (démo)' } });
    expect((await callRoute(new Request('http://x'), params({ call: 'nope' }))).status).toBe(404);
    const list = await proposalsRoute(new Request('http://x'), params({ call: DEMO_CALL_SLUG }));
    expect(list.status).toBe(200);
    const body = await list.text();
    expect(body).not.toContain('@chemins.test');
    expect(JSON.parse(body)[0]).toHaveProperty('statusHistory');
    const closed = await proposalsRoute(new Request('http://x'), params({ call: FORUM_2018_CALL_SLUG }));
    expect(closed.status).toBe(403);
    expect(await closed.json()).toMatchObject({ error: { code: 'call_closed' } });
    expect((await proposalsRoute(new Request('http://x'), params({ call: 'nope' }))).status).toBe(404);
    const feed = await decisionsRoute(new Request('http://x'), params({ call: DEMO_CALL_SLUG }));
    expect(feed.headers.get('content-type')).toContain('application/atom+xml');
    const frXml = await feed.text();
    expect(frXml).toContain('xml:lang="fr"');
    expect(frXml).toContain('Refusée');
    expect(feed.headers.get('vary')).toBe('Accept-Language, Cookie');
    // In the requester's language: an English reader gets the statuses and the feed's title in English.
    const en = await decisionsRoute(new Request('http://x', { headers: { 'accept-language': 'en' } }), params({ call: DEMO_CALL_SLUG }));
    expect(en.headers.get('content-language')).toBe('en');
    const enXml = await en.text();
    expect(enXml).toContain('xml:lang="en"');
    expect(enXml).toContain('<title>Decisions feed (Atom) — ');
    expect(enXml).toContain('Declined: ');
    expect(enXml).not.toContain('Refusée');
    expect((await decisionsRoute(new Request('http://x'), params({ call: FORUM_2018_CALL_SLUG }))).status).toBe(403);
    const ev = await eventCallsRoute(new Request('http://x'), params({ event: DEMO_EVENT_SLUG }));
    expect((await ev.json()).map((c: { slug: string }) => c.slug)).toContain(DEMO_CALL_SLUG);
    expect((await eventCallsRoute(new Request('http://x'), params({ event: 'nope' }))).status).toBe(404);
  });

  it('only organizers open a call; the call is public with its committee, criteria and dates', async () => {
    const input = smallCall({ slug: 'autre', title: 'X', closesAt: at(1).toISOString(), answerBy: at(2).toISOString(), committee: [{ email: 'x@chemins.test', name: 'X' }] });
    await expect(saveCall(alice.id, DEMO_EVENT_SLUG, input)).rejects.toMatchObject({ status: 403 });
    await expect(saveCall(organizer.id, DEMO_EVENT_SLUG, { ...input, slug: CALL })).rejects.toMatchObject({ status: 409, code: 'slug_taken' });
    const call = (await publicCall(CALL, T0))!;
    expect(call.committee).toEqual({ name: 'Comité de test', members: ['Membre Deux', 'Membre Un'], namedDecisions: false });
    expect(call.phase).toBe('open');
    expect(call.criteria).toBe('Ouverture, coopération.');
    expect((await callsOfEvent(DEMO_EVENT_SLUG, T0))!.map((c) => c.slug)).toContain(CALL);
    expect(await callsOfEvent('nope')).toBeNull();
  });

  it('acknowledges a proposal by mail, invites co-facilitators, and shows nobody’s personal data to the public', async () => {
    const id = await submitProposal(alice, CALL, proposal({ organization: 'Tiers-lieu A', facilitators: [{ name: 'Bruno', email: 'bruno@chemins.test' }] }), 'en', T0);
    const mails = await db.handle.db.select().from(mailOutbox).where(eq(mailOutbox.kind, 'call_mail'));
    const payloads = mails.map((m) => m.payload as { template: string; to: string; locale: string });
    expect(payloads).toContainEqual(expect.objectContaining({ template: 'ack', to: 'alice@chemins.test', locale: 'en' }));
    expect(payloads).toContainEqual(expect.objectContaining({ template: 'invite', to: 'bruno@chemins.test' }));
    // Bruno is named publicly only once he confirms.
    let [pub] = (await publicProposals(CALL, 'http://x', T0)).filter((p) => p.id === id);
    expect(pub!.facilitators).toEqual([{ name: 'Alice', organization: 'Tiers-lieu A' }]);
    const [bruno_] = await db.handle.db.select().from(proposalFacilitators).where(and(eq(proposalFacilitators.proposalId, id), eq(proposalFacilitators.name, 'Bruno')));
    expect(await confirmFacilitator(bruno_!.confirmToken)).toBe(`/calls/${CALL}/proposals/${id}`);
    [pub] = (await publicProposals(CALL, 'http://x', T0)).filter((p) => p.id === id);
    expect(pub!.facilitators.map((f) => f.name)).toEqual(['Alice', 'Bruno']);
    const text = JSON.stringify(await publicProposals(CALL, 'http://x', T0));
    expect(text).not.toContain('@chemins.test');
    expect(text).not.toContain('Fauteuil');
    // The proposer sees their private data; another signed-in person does not, nor anyone's.
    const own = (await proposalView(id, alice, T0))!;
    expect(own.privateData?.needs).toBe('Fauteuil roulant');
    expect(own.privateData?.facilitators.map((f) => f.email)).toEqual(['alice@chemins.test', 'bruno@chemins.test']);
    expect(own.reviews).toBeNull();
    const other = (await proposalView(id, bruno, T0))!;
    expect(other.privateData).toBeNull();
    expect((await proposalView(id, null, T0))!.privateData).toBeNull();
  });

  it('only committee members decide; a decision needs a reason; scores and comments stay private', async () => {
    const id = await submitProposal(alice, CALL, proposal({ title: 'Décider' }), 'fr', T0);
    await expect(decide(alice, id, { action: 'accept', reason: 'moi' }, T0)).rejects.toMatchObject({ status: 403 });
    await expect(decide(organizer, id, { action: 'accept', reason: 'organisatrice' }, T0)).rejects.toMatchObject({ status: 403 });
    await expect(decide(member1, id, { action: 'decline', reason: '  ' }, T0)).rejects.toMatchObject({ status: 400, fields: { reason: 'reason_required' } });
    await saveReview(member1, id, { score: 2, comment: 'Commentaire-secret' });
    await expect(saveReview(alice, id, { score: 5, comment: 'x' })).rejects.toMatchObject({ status: 403 });
    expect((await decide(member1, id, { action: 'decline', reason: 'Hors sujet pour cette édition.' }, at(1))).status).toBe('declined');
    const [pub] = (await publicProposals(CALL, 'http://x', at(1))).filter((p) => p.id === id);
    expect(pub!.statusHistory.at(-1)).toMatchObject({ status: 'declined', by: 'Comité de test', reason: 'Hors sujet pour cette édition.' });
    const text = JSON.stringify(await publicProposals(CALL, 'http://x', at(1)));
    expect(text).not.toContain('Commentaire-secret');
    expect(JSON.stringify(await proposalView(id, alice, at(1)))).not.toContain('Commentaire-secret');
    expect((await proposalView(id, member2, at(1)))!.reviews!.map((r) => r.comment)).toEqual(['Commentaire-secret']);
    expect((await reviewBoard(member1, CALL, at(1)))!.proposals.find((p) => p.id === id)!.averageScore).toBe(2);
    expect(await reviewBoard(alice, CALL, at(1))).toBeNull();
    const mail = (await db.handle.db.select().from(mailOutbox).where(eq(mailOutbox.kind, 'call_mail'))).map((m) => m.payload as Record<string, unknown>);
    expect(mail).toContainEqual(expect.objectContaining({ template: 'status', status: 'declined', reason: 'Hors sujet pour cette édition.', locale: 'fr' }));
  });

  it('flags a proposal overdue after staleDays or the answer date, and clears it on a decision', async () => {
    const id = await submitProposal(bruno, CALL, proposal({ title: 'En attente' }), 'fr', T0);
    const flag = async (now: Date) => (await publicProposals(CALL, '', now)).find((p) => p.id === id)!.overdue;
    expect(await flag(at(13))).toBe(false);
    expect(await flag(at(15))).toBe(true);
    expect((await publicCall(CALL, at(15)))!.waiting.oldestDays).toBeGreaterThanOrEqual(15);
    await decide(member2, id, { action: 'review', reason: '' }, at(15));
    expect(await flag(at(16))).toBe(false);
    expect(await flag(at(31))).toBe(true); // past the answer date
    await decide(member2, id, { action: 'request_changes', reason: 'Précisez le public.' }, at(31));
    expect(await flag(at(32))).toBe(false);
  });

  it('keeps revisions, sends a revised proposal back to the committee, refuses edits after the call closes', async () => {
    const id = await submitProposal(alice, CALL, proposal({ title: 'Version 1' }), 'fr', T0);
    await expect(reviseProposal(bruno, id, proposal({ title: 'Pirate' }), at(1))).rejects.toMatchObject({ status: 403 });
    await decide(member1, id, { action: 'request_changes', reason: 'Plus court.' }, at(1));
    await reviseProposal(alice, id, proposal({ title: 'Version 2' }), at(2));
    const view = (await proposalView(id, alice, at(2)))!;
    expect(view.proposal.status).toBe('submitted');
    expect(view.proposal.statusHistory.map((s) => s.status)).toEqual(['submitted', 'changes_requested', 'submitted']);
    expect(view.privateData!.revisions.map((r) => r.title)).toEqual(['Version 2', 'Version 1']);
    await expect(reviseProposal(alice, id, proposal({ title: 'Trop tard' }), at(11))).rejects.toMatchObject({ status: 409, code: 'call_closed' });
    await expect(submitProposal(alice, CALL, proposal(), 'fr', at(11))).rejects.toMatchObject({ code: 'call_closed' });
    await expect(submitProposal(alice, CALL, proposal({ format: 'Concert' }), 'fr', at(1))).rejects.toMatchObject({ status: 400, fields: { format: 'not_offered' } });
    await withdrawProposal(alice, id, at(3));
    expect((await proposalView(id, alice, at(3)))!.proposal.status).toBe('withdrawn');
  });

  it('accepting creates exactly one draft session even when two members accept at once; scheduling shows the diff', async () => {
    const id = await submitProposal(alice, CALL, proposal({ title: 'Accepter' }), 'fr', T0);
    const results = await Promise.allSettled([
      decide(member1, id, { action: 'accept', reason: 'Très bien.' }, at(1)),
      decide(member2, id, { action: 'accept', reason: 'Oui.' }, at(1)),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { status: 409, code: 'invalid_transition' } });
    // The session is a draft named after the title: off the public programme until published.
    const sessions = await db.handle.db.select().from(programmeSessions).where(eq(programmeSessions.slug, 'accepter'));
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!).toMatchObject({ status: 'tentative', draft: true });
    const [{ n }] = (await db.handle.db.select({ n: sql<number>`count(*)::int` }).from(proposals).where(eq(proposals.sessionId, sessions[0]!.id))) as [{ n: number }];
    expect(n).toBe(1);
    const r = await scheduleProposal(member1, id, { title: 'Accepter ensemble', abstract: 'Un atelier pour cartographier.', day: '2031-03-20', start: '14:00', end: '15:30', room: null, reason: '' }, at(2));
    expect(r.diff).toEqual([{ field: 'title', before: 'Accepter', after: 'Accepter ensemble' }]);
    const [pub] = (await publicProposals(CALL, 'http://x', at(2))).filter((p) => p.id === id);
    expect(pub!.status).toBe('scheduled');
    expect(pub!.sessionUrl).toBeUndefined();
    await db.handle.db.update(programmeSessions).set({ draft: false }).where(eq(programmeSessions.id, sessions[0]!.id));
    const [published] = (await publicProposals(CALL, 'http://x', at(2))).filter((p) => p.id === id);
    expect(published!.sessionUrl).toBe(`http://x/events/${DEMO_EVENT_SLUG}/sessions/accepter`);
    expect(pub!.statusHistory.at(-1)).toMatchObject({ status: 'scheduled', diff: [{ field: 'title', before: 'Accepter', after: 'Accepter ensemble' }] });
    const by = (await proposalsOfSessions([sessions[0]!.id])).get(sessions[0]!.id)!;
    expect(by).toEqual({ by: ['Alice'], path: `/calls/${CALL}/proposals/${id}` });
    const feed = (await callDecisions(CALL))!;
    expect(feed.entries!.map((e) => e.status)).toContain('scheduled');
  });

  it('keeps a closed call’s proposals from the public', async () => {
    await saveCall(
      organizer.id,
      DEMO_EVENT_SLUG,
      smallCall({
        slug: 'appel-ferme',
        title: 'Fermé',
        visibility: 'closed',
        closesAt: at(5).toISOString(),
        answerBy: at(6).toISOString(),
        committee: [{ email: 'membre1@chemins.test', name: 'Membre Un' }],
      }),
    );
    const id = await submitProposal(alice, 'appel-ferme', proposal(), 'fr', at(1));
    await expect(publicProposals('appel-ferme')).rejects.toMatchObject({ status: 403, code: 'call_closed' });
    expect(await proposalView(id, null, at(1))).toBeNull();
    expect(await proposalView(id, bruno, at(1))).toBeNull();
    expect(await proposalView(id, alice, at(1))).not.toBeNull();
    expect(await proposalView(id, member1, at(1))).not.toBeNull();
    expect((await callDecisions('appel-ferme'))!.entries).toBeNull();
    expect((await publicCall('appel-ferme', at(1)))!.total).toBe(1);
  });
});
