import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, setDatabase } from '@/db/client';
import { cancel, register } from '@/db/queries/registrations';
import { events, programmeSessions, registrations } from '@/db/schema';
import { seed } from '@/db/seed';
import { DEMO_EVENT_SLUG } from '@/db/seed/data/demo';
import { registrationRequest } from '@/lib/domain/registration';
import { formatDateTime } from '@/lib/format';
import { runMailWorkerOnce } from '@/server/mail/worker';
import { mailsOf, queueDueReminders } from '@/db/queries/mail';
import { eq, sql } from 'drizzle-orm';
import { until } from './realtime-support';
import { mailInbox, spawnWorker } from './mail-support';
import { freshPostgres } from './support';

type Received = { to: string; subject: string; text: string; attachments: { filename?: string; content: Buffer }[] };

describe('transactional mail through the durable outbox and a real SMTP receiver', () => {
  const inbox: Received[] = mailInbox((mail, to) => ({
    to,
    subject: mail.subject ?? '',
    text: mail.text ?? '',
    attachments: mail.attachments.map((a) => ({ filename: a.filename, content: a.content })),
  }));
  let pg: Awaited<ReturnType<typeof freshPostgres>>;
  let handle: Awaited<ReturnType<typeof openDatabase>>;
  let sessionId: string;
  let startsAt: Date;
  const reg = (email: string) => registrationRequest.parse({ name: email.split('@')[0], email, sessionIds: [sessionId], consent: true });
  const to = (email: string) => inbox.filter((m) => m.to === email);

  beforeAll(async () => {
    pg = await freshPostgres();
    handle = await openDatabase({ databaseUrl: pg.url, dataDir: 'unused' });
    setDatabase(Promise.resolve(handle));
    await seed(handle.db);
    const [event] = await handle.db.select().from(events).where(eq(events.slug, DEMO_EVENT_SLUG));
    // In two days, at 11:00 UTC (noon or 1 pm in Paris): the day-before reminder, sent 24 hours
    // earlier, is on the eve whatever the time the suite runs (not across a Paris midnight).
    startsAt = new Date(Date.now() + 2 * 86_400_000);
    startsAt.setUTCHours(11, 0, 0, 0);
    const [s] = await handle.db
      .insert(programmeSessions)
      .values({ eventId: event!.id, slug: 'atelier-mail', title: 'Atelier courrier', kind: 'workshop', capacity: 1, startsAt, endsAt: new Date(startsAt.getTime() + 3600_000) })
      .returning();
    sessionId = s!.id;
  });
  afterAll(async () => {
    await handle?.close();
    await pg?.drop();
  });

  it('confirms each registration once, with the personal link and an .ics of the person’s sessions', async () => {
    const a = await register(DEMO_EVENT_SLUG, reg('ana@mail.test'));
    // Same e-mail again (from someone who does not hold it): nothing changes, the link is mailed again.
    const again = await register(DEMO_EVENT_SLUG, reg('ana@mail.test'));
    expect(again).toMatchObject({ created: false, mailed: true });
    await register(DEMO_EVENT_SLUG, reg('bea@mail.test')); // waitlisted
    expect(await runMailWorkerOnce()).toBe(3);
    // The link as mailed (opening it proves the address), never the token answered to whoever registered.
    const [row] = await handle.db.select().from(registrations).where(eq(registrations.id, a.registration.id));
    expect(to('ana@mail.test').map((m) => m.text.includes(`/r/${row!.mailToken}`))).toEqual([true, true]);
    expect(to('ana@mail.test').some((m) => m.text.includes(a.registration.joinToken))).toBe(false);
    expect(to('ana@mail.test')[0]!.text).toContain(`/api/me/calendar.ics?token=${row!.calendarToken}`);
    expect(await runMailWorkerOnce()).toBe(0);
    const [mail] = to('ana@mail.test');
    expect(mail!.subject).toContain('Inscription confirmée');
    expect(mail!.text).toContain(`http://127.0.0.1:3999/r/${row!.mailToken}`);
    expect(mail!.text).toContain('Atelier courrier');
    const ics = mail!.attachments.find((x) => x.filename?.endsWith('.ics'));
    expect(ics?.content.toString()).toContain(`UID:session-${sessionId}@127.0.0.1:3999`);
    expect(to('bea@mail.test')[0]!.text).toContain('liste d’attente');
  });

  it('sends each reminder once, also after a restart (a new pool, nothing in memory)', async () => {
    const dayBefore = new Date(startsAt.getTime() - 86_400_000 + 60_000);
    expect(await runMailWorkerOnce(dayBefore)).toBe(1);
    expect(await runMailWorkerOnce(dayBefore)).toBe(0);
    // "Restart": close the pool, open a new one, run the worker again at a later time.
    await handle.close();
    handle = await openDatabase({ databaseUrl: pg.url, dataDir: 'unused' });
    setDatabase(Promise.resolve(handle));
    expect(await runMailWorkerOnce(new Date(dayBefore.getTime() + 3600_000))).toBe(0);
    const soon = new Date(startsAt.getTime() - 10 * 60_000);
    expect(await runMailWorkerOnce(soon)).toBe(1);
    expect(await runMailWorkerOnce(soon)).toBe(0);
    const subjects = to('ana@mail.test').map((m) => m.subject);
    expect(subjects.filter((s) => s.startsWith('Demain'))).toHaveLength(1);
    // Sent ten minutes before the start (the worker was late): it says so.
    expect(subjects.filter((s) => s === 'Dans 10 minutes : Atelier courrier')).toHaveLength(1);
    // The waitlisted person gets no reminder.
    expect(to('bea@mail.test').map((m) => m.subject).some((s) => s.startsWith('Demain'))).toBe(false);
  });

  it('sends each reminder once across a real restart: the worker process is killed, another one started', async () => {
    const [event] = await handle.db.select().from(events).where(eq(events.slug, DEMO_EVENT_SLUG));
    const start = new Date(Date.now() + 20 * 3600_000); // tomorrow's reminder is due now
    const [s] = await handle.db
      .insert(programmeSessions)
      .values({ eventId: event!.id, slug: 'atelier-relance', title: 'Atelier relance', kind: 'workshop', startsAt: start, endsAt: new Date(start.getTime() + 3600_000) })
      .returning();
    const join = (email: string) => register(DEMO_EVENT_SLUG, registrationRequest.parse({ name: 'x', email, sessionIds: [s!.id], consent: true }));
    const cleo = (await join('cleo@restart.test')).registration;
    // Her seat was confirmed two days ago: she is owed tomorrow's reminder.
    await handle.db.execute(sql`update registration_sessions set updated_at = now() - interval '2 days' where registration_id = ${cleo.id}`);

    const first = await spawnWorker(pg.url);
    try {
      await until(() => to('cleo@restart.test').length === 2, 15_000, 'the confirmation and the reminder from the first worker').catch((err: Error) => {
        throw new Error(`${err.message}; received ${JSON.stringify(to('cleo@restart.test').map((m) => m.subject))}; worker log: ${first.log().slice(0, 2000)}`);
      });
    } finally {
      first.child.kill('SIGKILL'); // a crash, not a clean stop
      await first.exited;
    }

    await join('dan@restart.test');
    const second = await spawnWorker(pg.url);
    try {
      // Dan's confirmation proves the new process has run whole passes (reminders are queued first).
      await until(() => to('dan@restart.test').length === 1, 15_000, 'a pass of the second worker');
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
    const subjects = to('cleo@restart.test').map((m) => m.subject);
    expect(subjects.filter((x) => x.startsWith('Inscription confirmée'))).toHaveLength(1);
    // The session starts in 20 hours: today or tomorrow, by the time of day in Paris.
    expect(subjects.filter((x) => /^(Aujourd’hui|Demain) : Atelier relance$/.test(x))).toHaveLength(1);
    expect(to('dan@restart.test').map((m) => m.subject)).toEqual([expect.stringMatching(/^Inscription confirmée/)]);
  });

  it('sends no reminder that became wrong while the worker was down: the right one late, none once started', async () => {
    const [event] = await handle.db.select().from(events).where(eq(events.slug, DEMO_EVENT_SLUG));
    const session = async (slug: string, title: string, start: Date) => {
      const [s] = await handle.db
        .insert(programmeSessions)
        .values({ eventId: event!.id, slug, title, kind: 'workshop', startsAt: start, endsAt: new Date(start.getTime() + 3600_000) })
        .returning();
      return s!;
    };
    const seated = async (email: string, s: { id: string }) => {
      const r = (await register(DEMO_EVENT_SLUG, registrationRequest.parse({ name: 'x', email, sessionIds: [s.id], consent: true }))).registration;
      await handle.db.execute(sql`update registration_sessions set updated_at = now() - interval '5 days' where registration_id = ${r.id}`);
    };
    const first = await session('atelier-commence', 'Atelier commencé', new Date(Date.now() + 3 * 86_400_000));
    const later = await session('atelier-en-retard', 'Atelier en retard', new Date(first.startsAt.getTime() + 2 * 3600_000));
    await seated('fay@late.test', first);
    await seated('eve@late.test', later);
    expect(await runMailWorkerOnce()).toBe(2); // the confirmations

    // Both day reminders fall due while the worker is down: queued, not sent.
    expect(await queueDueReminders(new Date(later.startsAt.getTime() - 86_400_000 + 60_000))).toBe(2);
    // It comes back 10 minutes before the later session, when the first one has started: one
    // mail, the 15-minute reminder of the later session, which says "in 10 minutes".
    // (Days later, a mail leased by the worker killed in the restart test is due again: delivery is
    // at-least-once. So only this test's people are counted.)
    await runMailWorkerOnce(new Date(later.startsAt.getTime() - 10 * 60_000));
    expect(to('eve@late.test').map((m) => m.subject).slice(1)).toEqual(['Dans 10 minutes : Atelier en retard']);
    expect(to('eve@late.test')[1]!.text).toContain('commence dans 10 minutes');
    expect(to('fay@late.test').map((m) => m.subject)).toEqual([expect.stringMatching(/^Inscription confirmée/)]);
    // The reminders not sent are marked dropped, with why; none is left pending, none marked sent.
    const outcomes = (await handle.db.execute(
      sql`select r.email, m.kind, m.status, m.drop_reason as "dropReason" from mail_outbox m join registrations r on r.id = m.registration_id
           where r.email like '%@late.test' order by r.email, m.kind`,
    )) as unknown as { email: string; kind: string; status: string; dropReason: string | null }[];
    expect([...outcomes]).toEqual([
      { email: 'eve@late.test', kind: 'confirmation', status: 'sent', dropReason: null },
      { email: 'eve@late.test', kind: 'reminder_day', status: 'dropped', dropReason: 'reminder_out_of_time' },
      { email: 'eve@late.test', kind: 'reminder_soon', status: 'sent', dropReason: null },
      { email: 'fay@late.test', kind: 'confirmation', status: 'sent', dropReason: null },
      { email: 'fay@late.test', kind: 'reminder_day', status: 'dropped', dropReason: 'reminder_out_of_time' },
    ]);
  });

  it('sends no promotion for a session that is over', async () => {
    const [event] = await handle.db.select().from(events).where(eq(events.slug, DEMO_EVENT_SLUG));
    const start = new Date(Date.now() + 4 * 86_400_000);
    const [s] = await handle.db
      .insert(programmeSessions)
      .values({ eventId: event!.id, slug: 'atelier-passe', title: 'Atelier passé', kind: 'workshop', capacity: 1, startsAt: start, endsAt: new Date(start.getTime() + 3600_000) })
      .returning();
    const join = (email: string) => register(DEMO_EVENT_SLUG, registrationRequest.parse({ name: 'x', email, sessionIds: [s!.id], consent: true }));
    const gus = (await join('gus@over.test')).registration;
    const hal = (await join('hal@over.test')).registration;
    expect(hal.sessions[0]!.status).toBe('waitlisted');
    expect(await runMailWorkerOnce()).toBe(2); // the confirmations
    await cancel(gus.joinToken, s!.id); // hal is promoted, and a mail is queued for him
    // The worker only gets to it after the session has ended.
    expect(await runMailWorkerOnce(new Date(s!.endsAt.getTime() + 60_000))).toBe(0);
    expect(to('hal@over.test').map((m) => m.subject)).toEqual([expect.stringMatching(/^Inscription confirmée/)]);
    // Not sent, and not counted as sent: dropped, with why.
    expect((await mailsOf(hal.id)).map((m) => [m.kind, m.status, m.dropReason, m.sentAt])).toEqual([
      ['confirmation', 'sent', null, expect.any(Date)],
      ['promotion', 'dropped', 'session_over', null],
    ]);
  });

  it('mails the person promoted from the waiting list when a seat is freed', async () => {
    // Ana, signed in, registers again: her own registration.
    const ana = (await register(DEMO_EVENT_SLUG, reg('ana@mail.test'), 'fr', { provenEmail: 'ana@mail.test' })).registration;
    await cancel(ana.joinToken, sessionId);
    expect(await runMailWorkerOnce()).toBe(2); // ana's link mailed again (she registered again), bea's promotion
    const promoted = to('bea@mail.test').find((m) => m.subject.startsWith('Une place s’est libérée'));
    expect(promoted?.text).toContain('Atelier courrier');
  });
  it('writes each mail in the registrant’s language, with dates in that language and the event’s time zone', async () => {
    const [event] = await handle.db.select().from(events).where(eq(events.slug, DEMO_EVENT_SLUG));
    const start = new Date(startsAt.getTime() + 3 * 86_400_000);
    const [s] = await handle.db
      .insert(programmeSessions)
      .values({ eventId: event!.id, slug: 'atelier-langues', title: 'Atelier langues', kind: 'workshop', startsAt: start, endsAt: new Date(start.getTime() + 3600_000) })
      .returning();
    const person = (email: string) => registrationRequest.parse({ name: email.split('@')[0], email, sessionIds: [s!.id], consent: true });
    await register(DEMO_EVENT_SLUG, person('eng@lang.test'), 'en');
    await register(DEMO_EVENT_SLUG, person('fra@lang.test'), 'fr');
    expect(await runMailWorkerOnce()).toBe(2);
    const tz = event!.timeZone;
    const [english] = to('eng@lang.test');
    expect(english!.subject).toBe(`Registration confirmed: ${event!.title}`);
    expect(english!.text).toMatch(/^Hello eng,/);
    expect(english!.text).toContain('Your sessions:');
    expect(english!.text).toContain(`• Atelier langues — ${formatDateTime(start, 'en', tz, 'full')}`);
    expect(english!.text).not.toMatch(/Bonjour|Vos sessions|Votre lien/);
    const ics = english!.attachments.find((x) => x.filename?.endsWith('.ics'))!.content.toString();
    expect(ics).toContain('— my programme');
    const [french] = to('fra@lang.test');
    expect(french!.subject).toBe(`Inscription confirmée : ${event!.title}`);
    expect(french!.text).toContain(`• Atelier langues — ${formatDateTime(start, 'fr', tz, 'full')}`);
    expect(french!.text).not.toMatch(/Hello|Your sessions|Your personal link/);

    // The reminders too: said from the moment they are sent, in each person's words.
    expect(await runMailWorkerOnce(new Date(start.getTime() - 10 * 60_000))).toBe(2);
    expect(to('eng@lang.test').at(-1)!.subject).toBe('In 10 minutes: Atelier langues');
    expect(to('eng@lang.test').at(-1)!.text).toContain(`Reminder: “Atelier langues” starts in 10 minutes (${formatDateTime(start, 'en', tz, 'full')}).`);
    expect(to('fra@lang.test').at(-1)!.subject).toBe('Dans 10 minutes : Atelier langues');
    // The session's link says which mail it came from (what drove a registration: docs/report.md).
    expect(to('fra@lang.test').at(-1)!.text).toContain(`/events/${DEMO_EVENT_SLUG}/sessions/atelier-langues?via=mail:reminder_soon`);

    // A registration made again in the other language by the person (signed in) switches their mails to it.
    await register(DEMO_EVENT_SLUG, person('eng@lang.test'), 'fr', { provenEmail: 'eng@lang.test' });
    expect(await runMailWorkerOnce(new Date(start.getTime() - 9 * 60_000))).toBe(1);
    expect(to('eng@lang.test').at(-1)!.subject).toBe(`Inscription confirmée : ${event!.title}`);
  });
});
