import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as answerRoute } from '@/app/api/feedback/[token]/route';
import { GET as unsubscribePage, POST as unsubscribeRoute } from '@/app/api/after-session/unsubscribe/route';
import { queueReplayReady } from '@/db/queries/feedback/after-session';
import { feedbackOf } from '@/db/queries/feedback/answers';
import { mailsOf } from '@/db/queries/mail';
import { register } from '@/db/queries/registrations';
import { addReplay } from '@/db/queries/replays';
import { purgeExpired } from '@/db/queries/retention';
import { attendance, events, registrations, registrationSessions, sessionFeedback } from '@/db/schema';
import { seed } from '@/db/seed';
import { DEMO_EVENT_SLUG } from '@/db/seed/data/demo';
import { registrationRequest } from '@/lib/domain/registration';
import { runMailWorkerOnce } from '@/server/mail/worker';
import { queueAfterSessionMails } from '@/server/feedback/queue-after-session-mails';
import { eventReport, sessionReport } from '@/server/report';
import { type Db, limitSettings, rateLimits, seedAccount, seedSession } from './factories';
import { mailInbox } from './mail-support';
import { type Driver, useFreshDatabase } from './support';

type Received = { to: string; subject: string; text: string; html: string; headers: Record<string, string> };

const inbox: Received[] = mailInbox((mail, to) => ({
  to,
  subject: mail.subject ?? '',
  text: mail.text ?? '',
  html: typeof mail.html === 'string' ? mail.html : '',
  headers: Object.fromEntries(mail.headerLines.map((h) => [h.key, h.line.slice(h.line.indexOf(':') + 1).trim()])),
}));

const HOUR = 3600_000;
const AFTER = ['feedback_request', 'session_missed', 'replay_ready'];

describe.each<Driver>(['postgres', 'pglite'])('mails after the sessions, and the feedback link (%s)', (driver) => {
  let db: Db;
  let sessionId: string;
  let ends: Date;
  const people: Record<string, { id: string; email: string }> = {};
  const limits = rateLimits();
  const to = (name: string) => inbox.filter((m) => m.to === people[name]!.email);
  /** The mails after a session queued for a person, by kind. */
  const after = async (name: string) => (await mailsOf(people[name]!.id)).filter((m) => AFTER.includes(m.kind)).map((m) => m.kind);
  const post = (token: string, body: unknown, type = 'application/json') =>
    answerRoute(new Request(`http://127.0.0.1:3999/api/feedback/${token}`, { method: 'POST', headers: { 'content-type': type }, body: typeof body === 'string' ? body : JSON.stringify(body) }), {
      params: Promise.resolve({ token }),
    });
  const feedbackLinkOf = (name: string) => /\/feedback\/([A-Za-z0-9_-]+)/.exec(to(name).find((m) => m.text.includes('/feedback/'))?.text ?? '')?.[1];

  beforeAll(async () => {
    db = await useFreshDatabase(driver);
    await seed(db.handle.db);
    await limits.install(limitSettings({}));
    const [event] = await db.handle.db.select().from(events).where(eq(events.slug, DEMO_EVENT_SLUG));
    const starts = new Date(Date.now() + HOUR);
    ends = new Date(starts.getTime() + HOUR);
    sessionId = await seedSession(db.handle.db, { eventId: event!.id, slug: `apres-${driver}`, title: 'Atelier des suites', mode: 'hybrid', startsAt: starts, endsAt: ends });
    for (const [name, locale] of [
      ['alice', 'fr'],
      ['bob', 'fr'],
      ['carol', 'fr'],
      ['dan', 'en'],
      ['erin', 'fr'],
      ['fay', 'fr'],
      ['gus', 'fr'],
    ] as const) {
      const email = `${name}-${driver}@after.test`;
      const r = await register(DEMO_EVENT_SLUG, registrationRequest.parse({ name, email, sessionIds: [sessionId], consent: true }), locale);
      people[name] = { id: r.registration.id, email };
    }
    const d = db.handle.db;
    // Alice checked in at the door; Bob joined online; Gus came but opted out; Erin opted out and did not come; Fay waits.
    await d.update(registrations).set({ checkedInAt: starts }).where(eq(registrations.id, people.alice!.id));
    await d.insert(attendance).values({ sessionId, actorKey: `registration:${people.bob!.id}`, participantSid: `PA_${driver}_bob`, joinedAt: starts, leftAt: ends });
    await d.insert(attendance).values({ sessionId, actorKey: `registration:${people.gus!.id}`, participantSid: `PA_${driver}_gus`, joinedAt: starts });
    await d.update(registrations).set({ afterSessionMails: false }).where(eq(registrations.id, people.erin!.id));
    await d.update(registrations).set({ afterSessionMails: false }).where(eq(registrations.id, people.gus!.id));
    await d
      .update(registrationSessions)
      .set({ status: 'waitlisted' })
      .where(and(eq(registrationSessions.registrationId, people.fay!.id), eq(registrationSessions.sessionId, sessionId)));
    await runMailWorkerOnce(); // the confirmations
  });
  afterAll(async () => {
    await db?.close();
  });

  it('asks those who came for feedback, tells registered no-shows they missed it, once, in their language', async () => {
    // Not yet: the session has not ended a quarter of an hour ago.
    expect(await queueAfterSessionMails(new Date(ends.getTime() + 5 * 60_000))).toBe(0);
    expect(await after('alice')).toEqual([]);

    const later = new Date(ends.getTime() + 20 * 60_000);
    expect(await queueAfterSessionMails(later)).toBeGreaterThanOrEqual(4);
    expect(await queueAfterSessionMails(later)).toBe(0); // a second pass queues nothing more
    await runMailWorkerOnce(later);
    expect(await after('alice')).toEqual(['feedback_request']);
    expect(await after('bob')).toEqual(['feedback_request']);
    expect(await after('carol')).toEqual(['session_missed']);
    expect(await after('dan')).toEqual(['session_missed']);
    for (const name of ['erin', 'fay', 'gus']) expect(await after(name)).toEqual([]);

    const [ask] = to('alice').filter((m) => m.subject.includes('Votre avis'));
    expect(ask!.subject).toBe('Votre avis sur « Atelier des suites »');
    expect(ask!.text).toMatch(/http:\/\/127\.0\.0\.1:3999\/feedback\/[A-Za-z0-9_-]{32}/);
    expect(ask!.html).toContain('<a href="http://127.0.0.1:3999/feedback/');
    expect(ask!.headers['list-unsubscribe']).toMatch(/^<http:\/\/127\.0\.0\.1:3999\/api\/after-session\/unsubscribe\?token=[A-Za-z0-9_-]+>$/);
    expect(ask!.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    const [missed] = to('dan').filter((m) => m.subject.includes('missed'));
    expect(missed!.subject).toBe('You missed “Atelier des suites”');
    expect(missed!.text).toContain(`http://127.0.0.1:3999/events/${DEMO_EVENT_SLUG}/sessions/apres-${driver}?via=mail:session_missed`);
    expect(to('carol').some((m) => m.subject === 'Vous avez manqué « Atelier des suites »')).toBe(true);
    // Each link is its own: Alice's and Bob's differ.
    expect(feedbackLinkOf('alice')).not.toBe(feedbackLinkOf('bob'));
  });

  it('takes one answer per link, without sign-in; refuses a second, a bad token and bad input', async () => {
    const token = feedbackLinkOf('alice')!;
    const bad = await post(token, { rating: 7, answer: 'x'.repeat(2001) });
    expect(bad.status).toBe(400);
    const badBody = await bad.json();
    expect(badBody.error.code).toBe('invalid');
    expect(Object.keys(badBody.error.fields).sort()).toEqual(['answer', 'rating']);
    expect((await post(token, 'rating=5', 'application/x-www-form-urlencoded')).status).toBe(415);
    expect((await post(token, '{"rating":')).status).toBe(400);

    const ok = await post(token, { rating: 4, answer: '  Très utile, merci.  ' });
    expect(ok.status).toBe(201);
    expect(await ok.json()).toEqual({ answered: true });
    const again = await post(token, { rating: 1 });
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('already_answered');
    expect((await post('NotARealFeedbackTokenAtAll000000', { rating: 3 })).status).toBe(404);
    expect((await post('../../x', { rating: 3 })).status).toBe(404);

    expect((await post(feedbackLinkOf('bob')!, { rating: 2 })).status).toBe(201);
    expect(await feedbackOf(sessionId)).toEqual({ responses: 2, averageRating: 3, distribution: [0, 1, 0, 1, 0], answers: ['Très utile, merci.'] });
    // In the organizer's report: the summary beside the session's figures, the open answers in its own report.
    const report = await sessionReport(sessionId);
    expect(report.feedback).toEqual({ responses: 2, averageRating: 3, distribution: [0, 1, 0, 1, 0] });
    expect(report.feedbackAnswers).toEqual(['Très utile, merci.']);
    const event = await eventReport((await db.handle.db.select().from(events).where(eq(events.slug, DEMO_EVENT_SLUG)))[0]!.id);
    expect(event.sessions.find((s) => s.id === sessionId)!.feedback).toEqual(report.feedback);
  });

  it('mails “the replay is ready” to the confirmed registrants who did not opt out, once per replay', async () => {
    const organizer = await seedAccount(db.handle.db, { email: `orga-${driver}@after.test`, role: 'organizer', eventId: (await db.handle.db.select().from(events).where(eq(events.slug, DEMO_EVENT_SLUG)))[0]!.id });
    const replay = await addReplay(organizer.identity, sessionId, { kind: 'link', url: 'https://example.org/suites.webm', startedAt: ends, licence: 'CC-BY-4.0' }, (id) => `/replays/${id}`);
    // Queued again for the same replay: nothing more.
    expect(await db.handle.db.transaction((tx) => queueReplayReady(tx, replay))).toBe(0);
    await runMailWorkerOnce();
    for (const name of ['alice', 'bob', 'carol', 'dan']) expect((await after(name)).filter((k) => k === 'replay_ready')).toHaveLength(1);
    for (const name of ['erin', 'fay', 'gus']) expect(await after(name)).toEqual([]);
    const [ready] = to('dan').filter((m) => m.subject.includes('replay'));
    expect(ready!.subject).toBe('The replay of “Atelier des suites” is online');
    expect(ready!.text).toContain(`http://127.0.0.1:3999/replays/${replay.id}`);

    // Carol unsubscribes in one click (the page asks first); a second replay reaches the others only.
    const unsubscribe = /<(.+)>/.exec(to('carol').find((m) => m.headers['list-unsubscribe'])!.headers['list-unsubscribe']!)![1]!;
    expect(await (await unsubscribePage(new Request(unsubscribe))).text()).toContain('<form method="post">');
    const done = await unsubscribeRoute(new Request(unsubscribe, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } }));
    expect(done.status).toBe(200);
    expect((await unsubscribeRoute(new Request(`${unsubscribe}x`, { method: 'POST' }))).status).toBe(404);
    await addReplay(organizer.identity, sessionId, { kind: 'link', url: 'https://example.org/suites-2.webm', startedAt: ends, licence: 'CC-BY-4.0' }, (id) => `/replays/${id}`);
    await runMailWorkerOnce();
    expect((await after('carol')).filter((k) => k === 'replay_ready')).toHaveLength(1);
    expect((await after('alice')).filter((k) => k === 'replay_ready')).toHaveLength(2);
  });

  it('forgets who answered when the event’s retention time has passed; the answers stay', async () => {
    await purgeExpired({ months: 0, now: new Date(Date.now() + 400 * 86_400_000) });
    const rows = await db.handle.db.select().from(sessionFeedback).where(eq(sessionFeedback.sessionId, sessionId));
    expect(rows.length).toBe(2);
    expect(rows.every((r) => r.registrationId === null && r.token === null)).toBe(true);
    expect((await feedbackOf(sessionId)).responses).toBe(2);
  });
});
