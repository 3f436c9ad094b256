import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decide } from '@/server/calls/decide-proposal';
import { submitProposal } from '@/server/calls/submit-proposal';
import { getEventProgramme, getSessionById } from '@/db/queries/events';
import { userMay } from '@/db/queries/grants';
import { createEvent, saveSession } from '@/db/queries/programme-admin';
import { register } from '@/db/queries/registrations';
import { grantRole, grantSessionRole, revokeSessionRole, sessionGrants } from '@/db/queries/roles';
import { programmeSessions, roleGrants, users } from '@/db/schema';
import { seed } from '@/db/seed';
import { DEMO_CALL_SLUG } from '@/db/seed/data/calls';
import { DEMO_EVENT_SLUG } from '@/db/seed/data/demo';
import { proposalInput, type Viewer } from '@/lib/domain/calls';
import { eventInput, sessionInput } from '@/lib/domain/programme';
import { registrationRequest } from '@/lib/domain/registration';
import { registrationsCsvFile } from '@/server/exports/registrations';
import { useFreshDatabase } from './support';

/** A minimal RFC 4180 reader (quotes, doubled quotes, CRLF), with the separator given: the test's own, to read the file back. */
function readCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted) {
      cell += c;
    } else if (c === separator) {
      endCell();
    } else if (c === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else {
      cell += c;
    }
  }
  if (cell || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}

// Issue 34, items 6 and 8: drafts from accepted proposals, session-scoped roles given by
// organizers, addresses made from titles, and the attendee CSV for spreadsheets.
describe('organizers finish setting up sessions (real Postgres)', () => {
  let db: Awaited<ReturnType<typeof useFreshDatabase>>;
  let organizer: string;
  let member: NonNullable<Viewer>;
  let alice: NonNullable<Viewer>;
  let otherOrganizer: string;
  const session = (over: Record<string, unknown> = {}) =>
    sessionInput.parse({ title: 'Atelier', kind: 'workshop', day: '2031-05-02', start: '10:00', end: '11:00', ...over });
  const userId = async (email: string) => (await db.handle.db.select().from(users).where(eq(users.email, email)))[0]?.id;

  beforeAll(async () => {
    db = await useFreshDatabase('postgres');
    await seed(db.handle.db);
    organizer = (await userId('organisatrice@chemins.test'))!;
    const m = (await db.handle.db.select().from(users).where(eq(users.email, 'comite@chemins.test')))[0]!;
    member = { id: m.id, name: m.name, email: m.email };
    const a = (await db.handle.db.insert(users).values({ email: 'alice@setup.test', name: 'Alice' }).returning())[0]!;
    alice = { id: a.id, name: a.name, email: a.email };
    // Another event, with its own organizer (the attacker of the grant tests).
    const admin = (await db.handle.db.insert(users).values({ email: 'admin@setup.test' }).returning())[0]!.id;
    await db.handle.db.insert(roleGrants).values({ userId: admin, role: 'admin' });
    await createEvent(admin, eventInput.parse({ slug: 'autre-forum', title: 'Autre forum', timeZone: 'Europe/Paris', firstDay: '2031-06-01', lastDay: '2031-06-02' }));
    await grantRole(admin, { email: 'orga-b@setup.test', role: 'organizer', eventSlug: 'autre-forum' });
    otherOrganizer = (await userId('orga-b@setup.test'))!;
  });
  afterAll(async () => {
    await db?.close();
  });

  it('an accepted proposal is a draft: off the programme and registration until an organizer publishes it', async () => {
    const id = await submitProposal(alice, DEMO_CALL_SLUG, proposalInput.parse({ title: 'Jardins partagés', format: 'Atelier', abstract: 'Un atelier.', preferredDays: ['2031-05-03'] }), 'fr');
    const { sessionId } = await decide(member, id, { action: 'accept', reason: 'Oui.' });
    const [draft] = await db.handle.db.select().from(programmeSessions).where(eq(programmeSessions.id, sessionId!));
    expect(draft).toMatchObject({ draft: true, slug: 'jardins-partages', roomId: null });

    expect((await getEventProgramme(DEMO_EVENT_SLUG))!.sessions.map((s) => s.id)).not.toContain(sessionId);
    expect((await getEventProgramme(DEMO_EVENT_SLUG, { drafts: true }))!.sessions.find((s) => s.id === sessionId)).toMatchObject({ draft: true });
    expect(await getSessionById(sessionId!)).toBeNull();
    expect(await getSessionById(sessionId!, { drafts: true })).toMatchObject({ id: sessionId });
    const req = (email: string) => registrationRequest.parse({ name: 'Bea', email, sessionIds: [sessionId], consent: true });
    await expect(register(DEMO_EVENT_SLUG, req('bea@setup.test'))).rejects.toMatchObject({ status: 404, code: 'session_not_found' });

    // The organizer schedules it (keeping its address) and publishes it.
    await saveSession(organizer, DEMO_EVENT_SLUG, session({ title: 'Jardins partagés', slug: 'jardins-partages', day: '2031-05-03', start: '14:00', end: '15:00', publication: 'published' }), sessionId!);
    expect((await getEventProgramme(DEMO_EVENT_SLUG))!.sessions.find((s) => s.id === sessionId)).toMatchObject({ draft: false, slug: 'jardins-partages' });
    await expect(register(DEMO_EVENT_SLUG, req('bea@setup.test'))).resolves.toMatchObject({ created: true });
  });

  it('makes a session’s address from its title when left empty, with a suffix on a collision', async () => {
    const first = await saveSession(organizer, DEMO_EVENT_SLUG, session({ title: 'Café des communs !', slug: '' }));
    const second = await saveSession(organizer, DEMO_EVENT_SLUG, session({ title: 'Café des communs', slug: '', start: '12:00', end: '13:00' }));
    const slugOf = async (id: string) => (await db.handle.db.select().from(programmeSessions).where(eq(programmeSessions.id, id)))[0]!.slug;
    expect(await slugOf(first)).toBe('cafe-des-communs');
    expect(await slugOf(second)).toBe('cafe-des-communs-2');
    // Saving again without an address keeps its own (it does not collide with itself).
    await saveSession(organizer, DEMO_EVENT_SLUG, session({ title: 'Café des communs', slug: '', start: '12:00', end: '13:00' }), second);
    expect(await slugOf(second)).toBe('cafe-des-communs-2');
    // An address typed that is taken is a field error.
    await expect(saveSession(organizer, DEMO_EVENT_SLUG, session({ slug: 'cafe-des-communs', start: '16:00', end: '17:00' }))).rejects.toMatchObject({
      status: 409,
      code: 'slug_taken',
      fields: { slug: 'taken' },
    });
  });

  it('lets an organizer give a speaker or moderator role on one of its sessions, and no other event’s', async () => {
    const demo = (await getEventProgramme(DEMO_EVENT_SLUG))!;
    const target = demo.sessions[0]!;
    const grant = await grantSessionRole(organizer, DEMO_EVENT_SLUG, target.id, { email: 'Nouvelle.Intervenante@Setup.test', role: 'speaker' });
    // The address got an account (as the admin flow does); the grant is scoped to this session.
    const speaker = (await userId('nouvelle.intervenante@setup.test'))!;
    expect(grant).toMatchObject({ userId: speaker, role: 'speaker', eventId: demo.event.id, sessionId: target.id, pathId: null });
    expect(await userMay(speaker, 'session.publishStage', { sessionId: target.id, eventId: demo.event.id })).toBe(true);
    expect(await userMay(speaker, 'session.publishStage', { sessionId: demo.sessions[1]!.id, eventId: demo.event.id })).toBe(false);
    await grantSessionRole(organizer, DEMO_EVENT_SLUG, target.id, { email: 'moderation@setup.test', role: 'moderator' });
    const listed = await sessionGrants(organizer, DEMO_EVENT_SLUG, target.id);
    expect(listed.map((g) => [g.email, g.role])).toEqual(
      expect.arrayContaining([
        ['nouvelle.intervenante@setup.test', 'speaker'],
        ['moderation@setup.test', 'moderator'],
      ]),
    );

    // The organizer of another event: refused on the demo event, and cannot reach its session through their own.
    await expect(grantSessionRole(otherOrganizer, DEMO_EVENT_SLUG, target.id, { email: 'x@setup.test', role: 'moderator' })).rejects.toMatchObject({ status: 403 });
    await expect(grantSessionRole(otherOrganizer, 'autre-forum', target.id, { email: 'x@setup.test', role: 'moderator' })).rejects.toMatchObject({ status: 404, code: 'session_not_found' });
    await expect(sessionGrants(otherOrganizer, DEMO_EVENT_SLUG, target.id)).rejects.toMatchObject({ status: 403 });
    const [own] = await db.handle.db.select().from(programmeSessions).where(eq(programmeSessions.eventId, (await getEventProgramme('autre-forum'))!.event.id));
    const theirs = own ?? { id: await saveSession(otherOrganizer, 'autre-forum', session({ title: 'Leur session', day: '2031-06-01' })) };
    const grantId = (await db.handle.db.select().from(roleGrants).where(and(eq(roleGrants.userId, speaker), eq(roleGrants.sessionId, target.id))))[0]!.id;
    // Revoking the demo's grant through their own session removes nothing.
    expect(await revokeSessionRole(otherOrganizer, 'autre-forum', theirs.id, grantId)).toBe(false);
    expect(await db.handle.db.select().from(roleGrants).where(eq(roleGrants.id, grantId))).toHaveLength(1);
    await expect(grantSessionRole(otherOrganizer, 'autre-forum', 'not-a-uuid', { email: 'x@setup.test', role: 'speaker' })).rejects.toMatchObject({ status: 404 });
    expect(await userId('x@setup.test')).toBeUndefined();

    // The event's organizer takes it back.
    expect(await revokeSessionRole(organizer, DEMO_EVENT_SLUG, target.id, grantId)).toBe(true);
    expect(await userMay(speaker, 'session.publishStage', { sessionId: target.id, eventId: demo.event.id })).toBe(false);
  });

  it('offers the attendee list for spreadsheets: semicolons, UTF-8 BOM, CRLF, formulas neutralised', async () => {
    await register(DEMO_EVENT_SLUG, registrationRequest.parse({ name: '=HYPERLINK("http://x";"y")', email: 'formule@setup.test', consent: true }));
    await register(DEMO_EVENT_SLUG, registrationRequest.parse({ name: 'Dupont; Marie', email: 'marie@setup.test', consent: true }));
    const res = await registrationsCsvFile(organizer, DEMO_EVENT_SLUG, 'fr', 'spreadsheet');
    expect(res.headers.get('content-disposition')).toMatch(/-tableur\.csv"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.subarray(3));
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const rows = readCsv(text, ';');
    expect(rows[0]!.slice(0, 2)).toEqual(['Nom', 'E-mail']);
    expect(rows.every((r) => r.length === rows[0]!.length)).toBe(true);
    expect(rows.find((r) => r[1] === 'formule@setup.test')![0]).toBe(`'=HYPERLINK("http://x";"y")`);
    expect(rows.find((r) => r[1] === 'marie@setup.test')![0]).toBe('Dupont; Marie');

    // The public contract is unchanged: commas, LF.
    const standard = await (await registrationsCsvFile(organizer, DEMO_EVENT_SLUG, 'fr')).text();
    expect(standard.replace(/^\uFEFF/, '').split('\n')[0]!.startsWith('Nom,E-mail,')).toBe(true);
    expect(standard).not.toContain('\r\n');
  });
});
