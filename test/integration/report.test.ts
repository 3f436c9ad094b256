import { eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countReplayView, setOpenDataLicence, settleAttendanceFigures } from '@/db/queries/report';
import { purgeExpired } from '@/db/queries/retention';
import { seed } from '@/db/seed';
import { DEMO_EVENT_SLUG, DEMO_LIVE_SESSION_SLUG, DEMO_LIVE_WORKSHOP_SLUG, DEMO_REPLAY_SESSION_SLUG } from '@/db/seed/data/demo';
import {
  attendance,
  chatMessages,
  events,
  invitationCodes,
  moderationLog,
  pollAnswers,
  polls,
  questions,
  questionVotes,
  registrations,
  registrationSessions,
  replays,
  sessionAttendanceFigures,
} from '@/db/schema';
import { eventReportSchema, sessionReportSchema } from '@/lib/domain/report';
import { eventReport, mayReadEventReport, mayReadSessionReport, sessionReport } from '@/server/report';
import { openDataZip, reportCsvFile } from '@/server/report/files';
import { seedAccount, seedSession } from './factories';
import { type Driver, useFreshDatabase } from './support';

const at = (hhmm: string, day = '2026-06-10') => new Date(`${day}T${hhmm}:00Z`);
/** The report's "now": the sessions are over, one attendance row was never closed. */
const NOW = at('12:00');

/**
 * A seeded event with known attendance (docs/report.md, the definitions), on both databases:
 * S1 10:00–11:00 UTC with three people online (one of them in two overlapping tabs, one never
 * leaving), one person who came after the end; S2 with nobody online; a draft that is in no report.
 */
describe.each<Driver>(['postgres', 'pglite'])('the organizer’s report (%s)', (driver) => {
  let db: Awaited<ReturnType<typeof useFreshDatabase>>;
  let eventId: string;
  let s1: string;
  let s2: string;
  let organizerId: string;
  let moderatorId: string;
  let strangerId: string;

  beforeAll(async () => {
    db = await useFreshDatabase(driver);
    const d = db.handle.db;
    const [event] = await d
      .insert(events)
      .values({ slug: 'rapport', title: 'Rapport', timeZone: 'Europe/Paris', startsAt: at('08:00'), endsAt: at('18:00') })
      .returning();
    eventId = event!.id;
    s1 = await seedSession(d, { eventId, slug: 's1', title: 'Séance un', startsAt: at('10:00'), endsAt: at('11:00') });
    s2 = await seedSession(d, { eventId, slug: 's2', title: 'Séance deux', startsAt: at('14:00'), endsAt: at('15:00') });
    await seedSession(d, { eventId, slug: 'brouillon', startsAt: at('16:00'), endsAt: at('17:00'), draft: true });
    organizerId = (await seedAccount(d, { email: 'orga@rapport.test', role: 'organizer', eventId })).id;
    moderatorId = (await seedAccount(d, { email: 'modo@rapport.test', role: 'moderator', eventId, sessionId: s1 })).id;
    strangerId = (await seedAccount(d, { email: 'autre@rapport.test' })).id;
    const withAccount = await seedAccount(d, { email: 'e@rapport.test' });

    const reg = async (name: string, createdAt: Date, more: Partial<typeof registrations.$inferInsert> = {}) =>
      (await d.insert(registrations).values({ eventId, name, email: `${name}@rapport.test`, createdAt, ...more }).returning())[0]!.id;
    const a = await reg('a', at('08:00', '2026-06-01'), { checkedInAt: at('09:50') });
    const b = await reg('b', at('22:30', '2026-06-01')); // 00:30 on 2 June in Paris
    const c = await reg('c', at('09:00', '2026-06-03'), { checkedInAt: at('12:00') });
    const e = await reg('e', at('10:00', '2026-06-03'), { userId: withAccount.id });
    await reg('f', at('11:00', '2026-06-03'));
    const gone = await reg('gone', at('11:00', '2026-06-03'), { status: 'cancelled' });
    const [code] = await d.insert(invitationCodes).values({ eventId, code: 'INVIT-RAPPORT' }).returning();
    await d.insert(registrationSessions).values([
      ...[a, b, c, e, gone].map((registrationId) => ({ registrationId, sessionId: s1, status: 'confirmed' as const })),
      { registrationId: c, sessionId: s2, status: 'confirmed', invitationCodeId: code!.id },
      { registrationId: e, sessionId: s2, status: 'waitlisted', invitationCodeId: code!.id },
    ]);
    let sid = 0;
    const join = (actorKey: string, from: string, to: string | null) => ({
      sessionId: s1,
      actorKey,
      participantSid: `PA_${driver}_${++sid}`,
      joinedAt: at(from),
      leftAt: to ? at(to) : null,
    });
    await d.insert(attendance).values([
      join(`registration:${b}`, '09:50', '10:30'),
      join(`registration:${b}`, '10:20', '10:40'), // a second tab: merged, 10:00–10:40
      join(`user:${withAccount.id}`, '10:10', '10:50'),
      join('guest:g', '10:30', null), // still connected at NOW: runs to the end, 11:00
      join(`registration:${a}`, '11:30', '11:40'), // after the end: online at the event, not in S1's figures
    ]);
    const [q1, q2] = await d
      .insert(questions)
      .values([
        { sessionId: s1, authorKey: `registration:${b}`, authorName: 'b', body: 'Première ?', status: 'answered', votes: 2 },
        { sessionId: s1, authorKey: 'guest:g', authorName: 'g', body: 'Seconde ?', status: 'visible', votes: 1 },
        { sessionId: s1, authorKey: 'guest:g', authorName: 'g', body: 'Retirée', status: 'visible', withdrawnAt: at('10:40') },
      ])
      .returning();
    await d.insert(questionVotes).values([
      { questionId: q1!.id, voterKey: 'guest:g' },
      { questionId: q1!.id, voterKey: `registration:${a}` },
      { questionId: q2!.id, voterKey: `registration:${b}` },
    ]);
    await d.insert(moderationLog).values({ sessionId: s1, actorKey: 'user:modo', action: 'question:on-air', details: { questionId: q1!.id }, createdAt: at('10:35') });
    await d.insert(chatMessages).values([
      { sessionId: s1, authorKey: 'guest:g', authorName: 'g', body: 'Bonjour' },
      { sessionId: s1, authorKey: `registration:${b}`, authorName: 'b', body: 'Salut' },
      { sessionId: s1, authorKey: 'guest:g', authorName: 'g', body: 'spam', deletedAt: at('10:45') },
    ]);
    const [poll] = await d
      .insert(polls)
      .values({ sessionId: s1, kind: 'single', question: 'Café ou thé ?', options: ['Café', 'Thé'], anonymous: false, status: 'closed', launchedAt: at('10:20'), createdBy: 'user:modo' })
      .returning();
    await d.insert(pollAnswers).values([
      { pollId: poll!.id, actorKey: 'guest:g', name: 'g', value: [0] },
      { pollId: poll!.id, actorKey: `registration:${b}`, name: 'b', value: [1] },
    ]);
    const [replay] = await d.insert(replays).values({ sessionId: s1, kind: 'link', url: 'https://video.example/1', startedAt: at('10:00') }).returning();
    await countReplayView(replay!.id, at('12:00'));
    await countReplayView(replay!.id, at('12:00', '2026-06-11'));
  });
  afterAll(async () => {
    await db?.close();
  });

  const expectedS1 = {
    slug: 's1',
    title: 'Séance un',
    registered: 4,
    checkedIn: 1,
    onlineViewers: 3,
    peakOnline: 3,
    averageOnline: 1.83,
    medianMinutesWatched: 40,
    questions: 2,
    votes: 3,
    messages: 2,
    pollAnswers: 2,
    replayViews: 2,
  };

  it('gives the exact figures: registrations, no-shows, each session’s attendance and engagement', async () => {
    const report = await eventReport(eventId, NOW);
    expect(eventReportSchema.parse(report)).toBeTruthy();
    expect(report.registrations).toEqual({
      total: 5,
      byDay: [
        { day: '2026-06-01', count: 1 },
        { day: '2026-06-02', count: 1 },
        { day: '2026-06-03', count: 3 },
      ],
      onsite: 2,
      online: 3,
      present: 4,
      noShowRate: 0.2,
      byCode: [{ code: 'INVIT-RAPPORT', count: 2 }],
      // Rows written without a source: direct (what drove registrations: report-sources.test.ts).
      bySource: [{ source: 'direct', count: 5 }],
      byDayAndSource: [
        { day: '2026-06-01', source: 'direct', count: 1 },
        { day: '2026-06-02', source: 'direct', count: 1 },
        { day: '2026-06-03', source: 'direct', count: 3 },
      ],
    });
    expect(report.sessions.map((s) => s.slug)).toEqual(['s1', 's2']);
    const [one, two] = report.sessions;
    expect(one).toMatchObject({ id: s1, ...expectedS1 });
    expect(two).toMatchObject({ id: s2, registered: 1, checkedIn: 1, peakOnline: 0, averageOnline: 0, medianMinutesWatched: 0, questions: 0, replayViews: 0 });
    // One point a minute over the hour, the end included; viewers connected at each instant.
    expect(one!.attendance).toHaveLength(61);
    const online = (hhmm: string) => one!.attendance.find((p) => p.at === `2026-06-10T${hhmm}:00Z`)?.online;
    expect([online('10:00'), online('10:09'), online('10:10'), online('10:30'), online('10:39'), online('10:40'), online('10:50'), online('11:00')]).toEqual([1, 1, 2, 3, 3, 2, 1, 0]);
    expect(Math.max(...one!.attendance.map((p) => p.online))).toBe(one!.peakOnline);
    expect(two!.attendance.every((p) => p.online === 0)).toBe(true);
  });

  it('gives one session’s report: its entry, the moments on its curve, top questions, poll results (no names)', async () => {
    const report = await sessionReport(s1, NOW);
    expect(sessionReportSchema.parse(report)).toBeTruthy();
    expect(report).toMatchObject(expectedS1);
    expect(report.markers).toEqual([
      { at: '2026-06-10T10:20:00.000Z', kind: 'poll', label: 'Café ou thé ?' },
      { at: '2026-06-10T10:35:00.000Z', kind: 'question', label: 'Première ?' },
    ]);
    expect(report.topQuestions).toEqual([
      { body: 'Première ?', votes: 2, status: 'answered' },
      { body: 'Seconde ?', votes: 1, status: 'visible' },
    ]);
    expect(report.polls).toEqual([
      { question: 'Café ou thé ?', kind: 'single', launchedAt: '2026-06-10T10:20:00.000Z', total: 2, results: [{ answer: 'Café', count: 1 }, { answer: 'Thé', count: 1 }] },
    ]);
    expect(JSON.stringify(report)).not.toMatch(/registration:|guest:|@rapport\.test/);
  });

  it('writes every figure as CSV in the reader’s language (dates in the event’s time zone)', async () => {
    const lines = async (res: Response) => (await res.text()).replace(/^\uFEFF/, '').trim().split('\n');
    const fr = await reportCsvFile(eventId, 'sessions', 'fr', 'standard');
    expect(fr.headers.get('content-disposition')).toBe('attachment; filename="rapport-rapport-sessions.csv"');
    const rows = await lines(fr);
    expect(rows[0]).toBe(
      'Session,Titre,Début (Europe/Paris),Fin (Europe/Paris),Inscrit·es,Arrivé·es sur place,Personnes en ligne,Pic en ligne,Moyenne en ligne,Minutes suivies (médiane),Questions,Votes,Messages,Réponses aux sondages,Vues du replay',
    );
    expect(rows.slice(1)).toEqual(['s1,Séance un,2026-06-10 12:00,2026-06-10 13:00,4,1,3,3,1.83,40,2,3,2,2,2', 's2,Séance deux,2026-06-10 16:00,2026-06-10 17:00,1,1,0,0,0,0,0,0,0,0,0']);
    expect(await lines(await reportCsvFile(eventId, 'registrations-by-day', 'en', 'standard'))).toEqual(['Day,Registrations', '2026-06-01,1', '2026-06-02,1', '2026-06-03,3']);
    expect(await lines(await reportCsvFile(eventId, 'registrations-by-code', 'en', 'spreadsheet'))).toEqual(['Invitation code;Registrations\r', 'INVIT-RAPPORT;2']);
    const curve = await lines(await reportCsvFile(eventId, 'attendance', 'en', 'standard'));
    expect(curve[0]).toBe('Session,Time (Europe/Paris),Online');
    expect(curve).toContain('s1,2026-06-10 12:30,3');
    expect(curve).toHaveLength(1 + 61 * 2);
  });

  it('packs the open data: public programme, decisions, aggregates, a datapackage.json naming each file and field', async () => {
    const files = unzipSync(new Uint8Array(await (await openDataZip('rapport', 'fr', NOW)).arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual(['datapackage.json', 'decisions.csv', 'programme.csv', 'registrations-by-day.csv', 'sessions-report.csv']);
    const pkg = JSON.parse(strFromU8(files['datapackage.json']!)) as {
      name: string;
      licenses: { name: string; path: string; title: string }[];
      resources: { path: string; schema: { fields: { name: string; type: string }[] } }[];
    };
    expect(pkg.name).toBe('chemins-rapport');
    expect(pkg.licenses).toEqual([{ name: 'etalab-2.0', path: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/', title: 'Licence Ouverte / Open Licence 2.0' }]);
    for (const r of pkg.resources) {
      const header = strFromU8(files[r.path]!).split('\n')[0];
      expect(header).toBe(r.schema.fields.map((f) => f.name).join(','));
    }
    const sessionsCsv = strFromU8(files['sessions-report.csv']!).trim().split('\n');
    expect(sessionsCsv[1]).toBe('s1,Séance un,2026-06-10T10:00:00.000Z,2026-06-10T11:00:00.000Z,4,1,3,3,1.83,40,2,3,2,2,2');
    expect(pkg.resources.find((r) => r.path === 'sessions-report.csv')!.schema.fields.find((f) => f.name === 'averageOnline')!.type).toBe('number');
    const programme = strFromU8(files['programme.csv']!);
    expect(programme).toContain('s1,Séance un');
    expect(programme).not.toContain('brouillon');
    // Aggregates only: no person, no address, no invitation code.
    const all = Object.values(files).map((f) => strFromU8(f)).join('\n');
    expect(all).not.toMatch(/@rapport\.test|INVIT-RAPPORT|registration:|guest:/);

    await setOpenDataLicence(organizerId, 'rapport', 'ODbL-1.0');
    const again = unzipSync(new Uint8Array(await (await openDataZip('rapport', 'en', NOW)).arrayBuffer()));
    expect(JSON.parse(strFromU8(again['datapackage.json']!)).licenses[0].name).toBe('ODbL-1.0');
    await expect(setOpenDataLicence(strangerId, 'rapport', 'CC0-1.0')).rejects.toMatchObject({ status: 403 });
    await expect(openDataZip('no-such-event', 'fr')).rejects.toMatchObject({ status: 404, code: 'event_not_found' });
  });

  it('lets the event’s organizers read the event report, and its moderators their own session’s', async () => {
    expect(await mayReadEventReport(organizerId, 'rapport')).toBe(true);
    expect(await mayReadEventReport(moderatorId, 'rapport')).toBe(false);
    expect(await mayReadEventReport(strangerId, 'rapport')).toBe(false);
    expect(await mayReadSessionReport(organizerId, s2)).toBe(true);
    expect(await mayReadSessionReport(moderatorId, s1)).toBe(true);
    expect(await mayReadSessionReport(moderatorId, s2)).toBe(false);
    expect(await mayReadSessionReport(strangerId, s1)).toBe(false);
  });

  it('settles a session’s attendance figures after its end: the same figures, no longer read from its rows; moved, computed again', async () => {
    const before = await eventReport(eventId, NOW);
    const figuresOf = async () => (await eventReport(eventId, NOW)).sessions.find((s) => s.id === s1)!;
    // Not before a quarter of an hour after the end (late webhooks); S2 and the draft have not ended.
    expect(await settleAttendanceFigures(at('11:10'))).toBe(0);
    expect(await settleAttendanceFigures(NOW)).toBe(1);
    expect(await settleAttendanceFigures(NOW)).toBe(0);
    expect(await eventReport(eventId, NOW)).toEqual(before);
    // The report reads the settled figures, not the rows: a row written afterwards changes nothing.
    const d = db.handle.db;
    await d.insert(attendance).values({ sessionId: s1, actorKey: 'registration:probe', participantSid: `PA_${driver}_probe`, joinedAt: at('10:00'), leftAt: at('11:00') });
    expect(await figuresOf()).toEqual(before.sessions.find((s) => s.id === s1));
    // Settled for another span (the session was moved since): computed from the rows again.
    await d.update(sessionAttendanceFigures).set({ endsAt: at('11:30') }).where(eq(sessionAttendanceFigures.sessionId, s1));
    expect((await figuresOf()).onlineViewers).toBe(expectedS1.onlineViewers + 1);
    await d.delete(attendance).where(eq(attendance.participantSid, `PA_${driver}_probe`));
    expect(await settleAttendanceFigures(NOW)).toBe(1);
    expect(await eventReport(eventId, NOW)).toEqual(before);
  });

  it('keeps the aggregates once the retention job purged the raw records', async () => {
    const before = await eventReport(eventId, NOW);
    const [purged] = await purgeExpired({ now: at('12:00', '2027-12-01'), months: 6 });
    expect(purged).toMatchObject({ eventId, chatMessages: 3, checkIns: 2 });
    const d = db.handle.db;
    expect(await d.select().from(chatMessages).where(eq(chatMessages.sessionId, s1))).toEqual([]);
    const after = await eventReport(eventId, NOW);
    expect(after).toEqual(before);
    expect(await sessionReport(s1, NOW)).toMatchObject(expectedS1);
  });
});

/** The demo edition (seeded, re-dated at every start): its past and live sessions carry attendance, so their curves are not empty. */
describe('the demo edition’s report', () => {
  let db: Awaited<ReturnType<typeof useFreshDatabase>>;

  beforeAll(async () => {
    db = await useFreshDatabase('postgres');
    await seed(db.handle.db);
    await seed(db.handle.db); // a second start re-dates the rows, never adds to them
  });
  afterAll(async () => {
    await db?.close();
  });

  it('shows viewers on the past and live sessions’ curves, and packs the call’s public decisions', async () => {
    const [demo] = await db.handle.db.select().from(events).where(eq(events.slug, DEMO_EVENT_SLUG));
    const report = await eventReport(demo!.id);
    const bySlug = new Map(report.sessions.map((s) => [s.slug, s]));
    const past = bySlug.get(DEMO_REPLAY_SESSION_SLUG)!;
    expect(past.onlineViewers).toBe(32);
    expect(past.peakOnline).toBeGreaterThan(20);
    expect(past.medianMinutesWatched).toBeGreaterThan(20);
    expect(past.attendance.filter((p) => p.online > 0).length).toBeGreaterThan(40);
    for (const slug of [DEMO_LIVE_SESSION_SLUG, DEMO_LIVE_WORKSHOP_SLUG]) {
      expect(bySlug.get(slug)!.peakOnline).toBeGreaterThan(0);
      expect(bySlug.get(slug)!.attendance.some((p) => p.online > 0)).toBe(true);
    }
    const files = unzipSync(new Uint8Array(await (await openDataZip(DEMO_EVENT_SLUG, 'fr')).arrayBuffer()));
    const decisions = strFromU8(files['decisions.csv']!).trim().split('\n');
    expect(decisions[0]).toBe('call,proposal,status,at,reason');
    expect(decisions.length).toBeGreaterThan(1);
    expect(strFromU8(files['programme.csv']!)).not.toContain('reunion-coordinateurs'); // by invitation: not public
  });
});
