import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEventProgramme, getSessionById } from '@/db/queries/events';
import { checkIn } from '@/db/queries/organizer';
import { createEvent, generateInvitationCode, saveRoom, saveSession, updateEvent } from '@/db/queries/programme-admin';
import { register } from '@/db/queries/registrations';
import { registrationRequest } from '@/lib/domain/registration';
import { users } from '@/db/schema';
import { seed } from '@/db/seed';
import { DEMO_EVENT_SLUG } from '@/db/seed/data/demo';
import { eventInput, sessionInput } from '@/lib/domain/programme';
import { seedAccount } from './factories';
import { useFreshDatabase } from './support';

describe('organizers edit the programme (real Postgres)', () => {
  let db: Awaited<ReturnType<typeof useFreshDatabase>>;
  let organizer: string;
  let stranger: string;
  let admin: string;
  const session = (over: Record<string, unknown> = {}) =>
    sessionInput.parse({ title: 'Atelier', slug: 'atelier-a', kind: 'workshop', day: '2030-05-02', start: '10:00', end: '11:00', room: 'salle-1', ...over });

  beforeAll(async () => {
    db = await useFreshDatabase('postgres');
    await seed(db.handle.db);
    const [o] = await db.handle.db.select().from(users).where(eq(users.email, 'organisatrice@chemins.test'));
    organizer = o!.id;
    stranger = (await seedAccount(db.handle.db, { email: 'stranger@chemins.test' })).id;
    admin = (await seedAccount(db.handle.db, { email: 'admin@chemins.test', role: 'admin' })).id;
    await saveRoom(organizer, DEMO_EVENT_SLUG, { key: 'salle-1', name: 'Salle 1', kind: 'physical', capacity: 30 });
    await saveRoom(organizer, DEMO_EVENT_SLUG, { key: 'visio', name: 'Visio', kind: 'online', capacity: null });
  });
  afterAll(async () => {
    await db?.close();
  });

  it('creates and edits a session, in the event time zone', async () => {
    const id = await saveSession(organizer, DEMO_EVENT_SLUG, session());
    await saveSession(organizer, DEMO_EVENT_SLUG, session({ title: 'Atelier renommé', capacity: '12' }), id);
    const s = (await getEventProgramme(DEMO_EVENT_SLUG))!.sessions.find((x) => x.id === id)!;
    expect(s).toMatchObject({ title: 'Atelier renommé', capacity: 12, room: { key: 'salle-1' } });
    expect(s.startsAt.toISOString()).toBe('2030-05-02T08:00:00.000Z');
  });

  it('marks a session for diffusion, above N people or always, and back to none', async () => {
    const id = await saveSession(organizer, DEMO_EVENT_SLUG, session({ slug: 'pleniere-diffusee', room: 'visio', day: '2030-05-04', diffusion: 'above', diffusionAbove: '300' }));
    const stored = async () => (await getSessionById(id, { drafts: true }))!.diffusionAbove;
    expect(await stored()).toBe(300);
    await saveSession(organizer, DEMO_EVENT_SLUG, session({ slug: 'pleniere-diffusee', room: 'visio', day: '2030-05-04', diffusion: 'always', diffusionAbove: '300' }), id);
    expect(await stored()).toBe(0);
    await saveSession(organizer, DEMO_EVENT_SLUG, session({ slug: 'pleniere-diffusee', room: 'visio', day: '2030-05-04' }), id);
    expect(await stored()).toBeNull();
  });

  it('refuses an overlap in the same physical room, with a clear message, and keeps the stored session', async () => {
    await expect(saveSession(organizer, DEMO_EVENT_SLUG, session({ slug: 'atelier-b', start: '10:30', end: '11:30' }))).rejects.toMatchObject({
      status: 409,
      code: 'room_overlap',
      message: expect.stringContaining('Atelier renommé'),
    });
    // Back to back is fine; online rooms never clash; a cancelled session frees the room.
    await saveSession(organizer, DEMO_EVENT_SLUG, session({ slug: 'atelier-c', start: '11:00', end: '12:00' }));
    await saveSession(organizer, DEMO_EVENT_SLUG, session({ slug: 'visio-1', room: 'visio' }));
    await saveSession(organizer, DEMO_EVENT_SLUG, session({ slug: 'visio-2', room: 'visio' }));
    await saveSession(organizer, DEMO_EVENT_SLUG, session({ slug: 'atelier-annule', status: 'cancelled' }));
    const titles = (await getEventProgramme(DEMO_EVENT_SLUG))!.sessions.map((s) => s.slug);
    expect(titles).toEqual(expect.arrayContaining(['atelier-a', 'atelier-c', 'visio-1', 'visio-2', 'atelier-annule']));
    expect(titles).not.toContain('atelier-b');
  });

  it('refuses concurrent overlapping saves in one room: exactly one wins', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => saveSession(organizer, DEMO_EVENT_SLUG, session({ slug: `race-${i}`, day: '2030-05-03' }))),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('refuses people who do not organize the event, duplicate addresses and unknown rooms', async () => {
    await expect(saveSession(stranger, DEMO_EVENT_SLUG, session({ slug: 'x-1', day: '2030-06-01' }))).rejects.toMatchObject({ status: 403 });
    await expect(saveSession(organizer, DEMO_EVENT_SLUG, session({ day: '2030-06-01' }))).rejects.toMatchObject({ code: 'slug_taken' });
    await expect(saveSession(organizer, DEMO_EVENT_SLUG, session({ slug: 'x-2', room: 'nowhere' }))).rejects.toMatchObject({ status: 400 });
  });

  it('generates single-use invitation codes that open an invitation-only session once', async () => {
    const invitationOnly = await saveSession(organizer, DEMO_EVENT_SLUG, session({ slug: 'reunion-fermee', room: 'visio', visibility: 'invitation' }));
    const code = await generateInvitationCode(organizer, DEMO_EVENT_SLUG, { sessionId: invitationOnly, maxUses: 1 });
    expect(code.code).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
    const req = (email: string) => registrationRequest.parse({ name: 'X', email, sessionIds: [invitationOnly], invitationCode: code.code, consent: true });
    await expect(register(DEMO_EVENT_SLUG, req('first@codes.test'))).resolves.toMatchObject({ created: true });
    await expect(register(DEMO_EVENT_SLUG, req('second@codes.test'))).rejects.toMatchObject({ code: 'invitation_used_up' });
    await expect(generateInvitationCode(stranger, DEMO_EVENT_SLUG, { maxUses: null })).rejects.toMatchObject({ status: 403 });
  });

  it('checks people in by their personal link, once, and only at the organizer’s event', async () => {
    // An on-site session: check-in is for on-site seats only (seats.test.ts tests the online ones).
    const open = (await getEventProgramme(DEMO_EVENT_SLUG))!.sessions.find((x) => x.visibility === 'public' && x.status !== 'cancelled' && x.mode === 'onsite')!;
    const r = await register(
      DEMO_EVENT_SLUG,
      registrationRequest.parse({ name: 'Chloé', email: 'chloe@checkin.test', consent: true, sessionIds: [open.id], answers: { accessibilite: ['Boucle magnétique'], dejeuner: true } }),
    );
    const first = await checkIn(organizer, DEMO_EVENT_SLUG, r.registration.joinToken);
    expect(first).toMatchObject({ name: 'Chloé', already: false });
    // What the desk shows: the person's seats and their answers (needs), labelled, in the form's order.
    expect(first.seats).toMatchObject([{ title: open.title, status: 'confirmed' }]);
    expect(first.answers).toEqual([
      { label: 'Déjeunerez-vous sur place ?', value: true },
      { label: 'Besoins d’accessibilité', value: ['Boucle magnétique'] },
    ]);
    const second = await checkIn(organizer, DEMO_EVENT_SLUG, r.registration.joinToken);
    if (first.online || second.online) throw new Error('an on-site seat is checked in');
    expect(second.already).toBe(true);
    expect(second.checkedInAt.getTime()).toBe(first.checkedInAt.getTime());
    await expect(checkIn(organizer, DEMO_EVENT_SLUG, 'not-a-token')).rejects.toMatchObject({ status: 404 });
    await expect(checkIn(stranger, DEMO_EVENT_SLUG, r.registration.joinToken)).rejects.toMatchObject({ status: 403 });
  });

  it('lets admins create an event (whose creator then organizes it), and nobody else', async () => {
    const input = eventInput.parse({ slug: 'forum-2030', title: 'Forum 2030', timeZone: 'Europe/Paris', firstDay: '2030-07-01', lastDay: '2030-07-03' });
    await expect(createEvent(organizer, input)).rejects.toMatchObject({ status: 403 });
    const event = await createEvent(admin, input);
    expect((await getEventProgramme('forum-2030'))!.days.map((d) => d.date)).toEqual(['2030-07-01', '2030-07-02', '2030-07-03']);
    await expect(createEvent(admin, input)).rejects.toMatchObject({ code: 'slug_taken' });
    await saveSession(admin, 'forum-2030', session({ room: undefined, day: '2030-07-01' }));
    expect(event.slug).toBe('forum-2030');
    // Its organizer edits the details and extends it by a day; the address cannot change.
    await updateEvent(admin, 'forum-2030', { ...input, title: 'Forum 2030 — édition coopérative', lastDay: '2030-07-04' });
    const edited = (await getEventProgramme('forum-2030'))!;
    expect(edited.event.title).toBe('Forum 2030 — édition coopérative');
    expect(edited.days.map((d) => d.date)).toContain('2030-07-04');
    await expect(updateEvent(admin, 'forum-2030', { ...input, slug: 'autre' })).rejects.toMatchObject({ status: 400 });
    await expect(updateEvent(stranger, 'forum-2030', input)).rejects.toMatchObject({ status: 403 });
  });
});
