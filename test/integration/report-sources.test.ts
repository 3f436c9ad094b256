import type { Server } from 'node:http';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { register } from '@/db/queries/registrations';
import { events, invitationCodes, registrations } from '@/db/schema';
import { registrationRequest } from '@/lib/domain/registration';
import { eventReport } from '@/server/report';
import { reportCsvFile } from '@/server/report/files';
import { closeServer, registrationsServer, seedSession } from './factories';
import { type Driver, useFreshDatabase } from './support';

/**
 * What drove registrations (issue 30, docs/report.md): a source sent with a registration (the
 * `?via=` of a Chemins mail's link or of a link an organizer shared) is kept on it through the one
 * writer (`register_person`), and the report counts registrations per source, in JSON and in the
 * reader's language as CSV; a source that is not known is ignored, never a refusal.
 */
describe.each<Driver>(['postgres', 'pglite'])('what drove registrations (%s)', (driver) => {
  let db: Awaited<ReturnType<typeof useFreshDatabase>>;
  let eventId: string;
  let today: string;

  beforeAll(async () => {
    db = await useFreshDatabase(driver);
    const d = db.handle.db;
    const start = new Date(Date.now() + 7 * 86_400_000);
    const [event] = await d.insert(events).values({ slug: 'origines', title: 'Origines', timeZone: 'Europe/Paris', startsAt: start, endsAt: new Date(start.getTime() + 86_400_000) }).returning();
    eventId = event!.id;
    const open = await seedSession(d, { eventId, slug: 'ouverte', startsAt: start, endsAt: new Date(start.getTime() + 3600_000) });
    const invited = await seedSession(d, { eventId, slug: 'sur-invitation', visibility: 'invitation', startsAt: start, endsAt: new Date(start.getTime() + 3600_000) });
    await d.insert(invitationCodes).values({ eventId, code: 'ORIGINE-CODE' });
    const person = (email: string, more: Record<string, unknown> = {}) =>
      register('origines', registrationRequest.parse({ name: email.split('@')[0], email, sessionIds: [open], consent: true, ...more }));
    await person('rappel1@origines.test', { source: 'mail:reminder_day' });
    await person('rappel2@origines.test', { source: 'mail:reminder_day' });
    await person('manque@origines.test', { source: 'mail:session_missed' });
    await person('code@origines.test', { sessionIds: [invited], invitationCode: 'ORIGINE-CODE' });
    await person('lettre@origines.test', { sessionIds: [invited], invitationCode: 'ORIGINE-CODE', source: 'lettre-region' });
    await person('direct@origines.test');
    // Not a known source: ignored (the registration is made, as direct).
    const bogus = await person('bizarre@origines.test', { source: 'mail:no_such_kind' });
    expect(bogus.created).toBe(true);
    // A second request keeps the first source (what drove the registration is what created it).
    await register('origines', registrationRequest.parse({ name: 'x', email: 'rappel1@origines.test', sessionIds: [open], consent: true, source: 'autre-lien' }), 'fr', {
      provenEmail: 'rappel1@origines.test',
    });
    today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
  });
  afterAll(async () => {
    await db?.close();
  });

  it('counts registrations per source, each once (their sum is the total), and per day', async () => {
    const { registrations: r } = await eventReport(eventId);
    expect(r.total).toBe(7);
    expect(r.bySource).toEqual([
      { source: 'direct', count: 3 },
      { source: 'mail:reminder_day', count: 2 },
      { source: 'lettre-region', count: 1 },
      { source: 'mail:session_missed', count: 1 },
    ]);
    expect(r.bySource.reduce((s, x) => s + x.count, 0)).toBe(r.total);
    expect(r.byDayAndSource).toEqual(r.bySource.map((x) => ({ day: today, ...x })).sort((a, b) => (a.source < b.source ? -1 : 1)));
    // Invitation codes are their own cut: one registration may have a code and a source.
    expect(r.byCode).toEqual([{ code: 'ORIGINE-CODE', count: 2 }]);
    const stored = await db.handle.db.select({ email: registrations.email, source: registrations.source }).from(registrations).where(inArray(registrations.email, ['rappel1@origines.test', 'bizarre@origines.test']));
    expect(Object.fromEntries(stored.map((x) => [x.email, x.source]))).toEqual({ 'rappel1@origines.test': 'mail:reminder_day', 'bizarre@origines.test': null });
  });

  it('writes them as CSV in the reader’s language', async () => {
    const lines = async (res: Response) => (await res.text()).replace(/^\uFEFF/, '').trim().split('\n');
    expect(await lines(await reportCsvFile(eventId, 'registrations-by-source', 'fr', 'standard'))).toEqual([
      'Origine,Inscriptions',
      'Directe (sans lien suivi),3',
      'Courriel de rappel la veille,2',
      'Lien partagé « lettre-region »,1',
      'Courriel « vous l’avez manquée »,1',
    ]);
    const en = await reportCsvFile(eventId, 'registrations-by-day-and-source', 'en', 'spreadsheet');
    expect(en.headers.get('content-disposition')).toBe('attachment; filename="origines-report-registrations-by-day-and-source-spreadsheet.csv"');
    expect(await lines(en)).toEqual([
      'Day;Source;Registrations\r',
      `${today};Direct (no tracked link);3\r`,
      `${today};Shared link “lettre-region”;1\r`,
      `${today};Reminder mail the day before;2\r`,
      `${today};“You missed it” mail;1`,
    ]);
  });
});

// The public API as the Node server answers it: `source` is optional, kept when known, and a bad
// one never refuses the registration.
describe('POST /api/events/{event}/registrations with a source (postgres)', () => {
  let db: Awaited<ReturnType<typeof useFreshDatabase>>;
  let server: Server;
  let base: string;
  let open: string;
  const post = (body: unknown) =>
    fetch(`${base}/api/events/origines-http/registrations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  beforeAll(async () => {
    db = await useFreshDatabase('postgres');
    const d = db.handle.db;
    const start = new Date(Date.now() + 7 * 86_400_000);
    const [event] = await d.insert(events).values({ slug: 'origines-http', title: 'Origines', startsAt: start, endsAt: new Date(start.getTime() + 86_400_000) }).returning();
    open = await seedSession(d, { eventId: event!.id, slug: 'ouverte', startsAt: start, endsAt: new Date(start.getTime() + 3600_000) });
    ({ server, base } = await registrationsServer());
  });
  afterAll(async () => {
    await closeServer(server);
    await db?.close();
  });

  it('keeps a known source, and registers anyway with an unknown or malformed one', async () => {
    const cases: [string, unknown, string | null][] = [
      ['mail@http.test', 'mail:replay_ready', 'mail:replay_ready'],
      ['slug@http.test', 'partenaire-42', 'partenaire-42'],
      ['html@http.test', '<script>alert(1)</script>', null],
      ['formula@http.test', '=HYPERLINK("http://x")', null],
      ['long@http.test', 'a'.repeat(41), null],
      ['number@http.test', 42, null],
      ['object@http.test', { via: 'x' }, null],
    ];
    for (const [email, source, kept] of cases) {
      const res = await post({ name: 'Visiteuse', email, sessionIds: [open], consent: true, source });
      expect(res.status, `${email}`).toBe(201);
      const [row] = await db.handle.db.select({ source: registrations.source }).from(registrations).where(eq(registrations.email, email));
      expect(row?.source, email).toBe(kept);
    }
    // Other fields still refuse as before: the source changes nothing of the contract's errors.
    const bad = await post({ name: '', email: 'nobody@http.test', consent: true, source: 'mail:replay_ready' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'invalid', fields: { name: expect.any(String) } } });
  });
});
