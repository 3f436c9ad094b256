import { and, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSessionsForPerson, cancelForPerson, type Person, registrationsOfPerson } from '@/db/queries/my-registrations';
import { createInvitationCode, register } from '@/db/queries/registrations';
import { events, programmeSessions, registrationSessions, registrations, users } from '@/db/schema';
import { seed } from '@/db/seed';
import { DEMO_EVENT_SLUG } from '@/db/seed/data/demo';
import { DomainError } from '@/lib/errors';
import { type Driver, useFreshDatabase } from './support';

/**
 * Known people (issue 34, item 7): a registration made by the signed-in owner of its address is
 * theirs at once, and the personal page (`/r`) adds sessions to a registration with the rules of a
 * registration (`addSessionsForPerson` → `register_set`: capacity, waiting list, invitation
 * codes), for its holder only. Real Postgres, then PGlite.
 */
describe.each<Driver>(['postgres', 'pglite'])('the personal page adds and leaves sessions (%s)', (driver) => {
  let db: Awaited<ReturnType<typeof useFreshDatabase>>;
  let eventId: string;
  let n = 0;

  const newSession = async (opts: { capacity?: number | null; visibility?: 'public' | 'invitation'; status?: 'confirmed' | 'cancelled'; event?: string } = {}) => {
    const [row] = await db.handle.db
      .insert(programmeSessions)
      .values({
        eventId: opts.event ?? eventId,
        slug: `personal-${driver}-${++n}`,
        title: `Personal ${n}`,
        kind: 'workshop',
        capacity: opts.capacity ?? null,
        visibility: opts.visibility ?? 'public',
        status: opts.status ?? 'confirmed',
        startsAt: new Date(Date.now() + 86_400_000),
        endsAt: new Date(Date.now() + 90_000_000),
      })
      .returning();
    return row!.id;
  };
  /** Someone who registered with the form and holds their registration in this browser. */
  const holderOf = async (name: string, sessionIds: string[] = []) => {
    const r = await register(DEMO_EVENT_SLUG, { name, email: `${name}-${driver}-${++n}@personal.test`, sessionIds, answers: {}, consent: true });
    return { id: r.registration.id, person: { linkRegistrationId: r.registration.id, userId: null } satisfies Person };
  };
  const seats = async (registrationId: string) =>
    Object.fromEntries(
      (
        await db.handle.db
          .select({ sessionId: registrationSessions.sessionId, status: registrationSessions.status })
          .from(registrationSessions)
          .where(and(eq(registrationSessions.registrationId, registrationId), ne(registrationSessions.status, 'cancelled')))
      ).map((s) => [s.sessionId, s.status]),
    );
  const refusal = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof DomainError ? e.code : String(e)));

  beforeAll(async () => {
    db = await useFreshDatabase(driver);
    await seed(db.handle.db);
    const [event] = await db.handle.db.select().from(events).where(eq(events.slug, DEMO_EVENT_SLUG));
    eventId = event!.id;
  }, 120_000);
  afterAll(async () => {
    await db.close();
  });

  it('a registration by the signed-in owner of the address is theirs and proven at once; a stranger typing it gets nothing', async () => {
    const email = `known-${driver}@personal.test`;
    const [user] = await db.handle.db.insert(users).values({ email, name: 'Known' }).returning();
    const session = await newSession();
    const r = await register(DEMO_EVENT_SLUG, { name: 'Known', email, sessionIds: [session], answers: {}, consent: true }, 'fr', { provenEmail: email });
    expect(r.created).toBe(true);
    const [row] = await db.handle.db.select().from(registrations).where(eq(registrations.id, r.registration.id));
    expect(row!.userId).toBe(user!.id);
    expect(row!.emailProvenAt).not.toBeNull();
    // "Mon inscription" of the signed-in person: found by their account, no link needed.
    const mine = await registrationsOfPerson({ linkRegistrationId: null, userId: user!.id });
    expect(mine.map((m) => m.id)).toEqual([r.registration.id]);
    expect(mine[0]!.seats.map((s) => s.sessionId)).toEqual([session]);

    // Someone else types the same address (signed in with another one, or not at all): nothing changes.
    const other = await newSession();
    const stranger = await register(DEMO_EVENT_SLUG, { name: 'Intruder', email, sessionIds: [other], answers: {}, consent: true }, 'fr', { provenEmail: 'someone-else@personal.test' });
    expect(stranger.mailed).toBe(true);
    expect(stranger.registration.joinToken).toBe('');
    expect(await seats(r.registration.id)).toEqual({ [session]: 'confirmed' });
    const [after] = await db.handle.db.select().from(registrations).where(eq(registrations.id, r.registration.id));
    expect(after!.name).toBe('Known');

    // The account adds a session from its personal page (no personal link in this browser).
    const added = await addSessionsForPerson({ linkRegistrationId: null, userId: user!.id }, r.registration.id, { sessionIds: [other] }, 'fr');
    expect(added?.newSeats).toEqual([{ sessionId: other, status: 'confirmed', mode: 'onsite' }]);
    expect(await seats(r.registration.id)).toEqual({ [session]: 'confirmed', [other]: 'confirmed' });
  });

  it('a registration without sessions gets some: a free seat, then the waiting list when full', async () => {
    const small = await newSession({ capacity: 1 });
    const ana = await holderOf('ana');
    const bea = await holderOf('bea');
    expect(await seats(ana.id)).toEqual({});
    const a = await addSessionsForPerson(ana.person, ana.id, { sessionIds: [small] }, 'fr');
    expect(a?.newSeats).toEqual([{ sessionId: small, status: 'confirmed', mode: 'onsite' }]);
    const b = await addSessionsForPerson(bea.person, bea.id, { sessionIds: [small] }, 'en');
    expect(b?.newSeats).toEqual([{ sessionId: small, status: 'waitlisted', mode: 'onsite' }]);
    const [session] = await db.handle.db.select().from(programmeSessions).where(eq(programmeSessions.id, small));
    expect(session!.confirmedCount).toBe(1);

    // Adding a session already held changes nothing of it.
    const again = await addSessionsForPerson(ana.person, ana.id, { sessionIds: [small] }, 'fr');
    expect(again?.newSeats).toEqual([]);
    expect(await seats(ana.id)).toEqual({ [small]: 'confirmed' });

    // Leaving it (the page's "leave this session") gives the seat to the waiting list, and the
    // one who left may ask again: they queue behind.
    await cancelForPerson(ana.person, ana.id, small);
    expect(await seats(bea.id)).toEqual({ [small]: 'confirmed' });
    const back = await addSessionsForPerson(ana.person, ana.id, { sessionIds: [small] }, 'fr');
    expect(back?.newSeats).toEqual([{ sessionId: small, status: 'waitlisted', mode: 'onsite' }]);
  });

  it('a session by invitation needs its code, as at registration; a refusal writes nothing', async () => {
    const invited = await newSession({ visibility: 'invitation', capacity: 10 });
    const open = await newSession();
    await db.handle.db.transaction((tx) => createInvitationCode(tx, { eventId, sessionId: invited, code: `PERSONAL-${driver}`, maxUses: 1 }));
    const cleo = await holderOf('cleo');
    expect(await refusal(addSessionsForPerson(cleo.person, cleo.id, { sessionIds: [open, invited] }, 'fr'))).toBe('invitation_required');
    expect(await refusal(addSessionsForPerson(cleo.person, cleo.id, { sessionIds: [invited], invitationCode: 'WRONG' }, 'fr'))).toBe('invitation_invalid');
    expect(await seats(cleo.id)).toEqual({});
    const ok = await addSessionsForPerson(cleo.person, cleo.id, { sessionIds: [open, invited], invitationCode: `PERSONAL-${driver}` }, 'fr');
    expect(ok?.newSeats.map((s) => s.status)).toEqual(['confirmed', 'confirmed']);
    // The code was for one use: the next person is refused.
    const dan = await holderOf('dan');
    expect(await refusal(addSessionsForPerson(dan.person, dan.id, { sessionIds: [invited], invitationCode: `PERSONAL-${driver}` }, 'fr'))).toBe('invitation_used_up');
    expect(await seats(dan.id)).toEqual({});
  });

  it('cancelled sessions and those of another event are refused', async () => {
    const cancelled = await newSession({ status: 'cancelled' });
    const [elsewhere] = await db.handle.db.select().from(events).where(ne(events.id, eventId)).limit(1);
    const foreign = await newSession({ event: elsewhere!.id });
    const eve = await holderOf('eve');
    expect(await refusal(addSessionsForPerson(eve.person, eve.id, { sessionIds: [cancelled] }, 'fr'))).toBe('session_cancelled');
    expect(await refusal(addSessionsForPerson(eve.person, eve.id, { sessionIds: [foreign] }, 'fr'))).toBe('session_not_found');
    expect(await seats(eve.id)).toEqual({});
  });

  it('only the holder adds: another registrant, another account or nobody gets nothing, and a cancelled registration stays cancelled', async () => {
    const session = await newSession();
    const fay = await holderOf('fay');
    const gus = await holderOf('gus');
    const [stranger] = await db.handle.db.insert(users).values({ email: `stranger-${driver}@personal.test` }).returning();
    expect(await addSessionsForPerson(gus.person, fay.id, { sessionIds: [session] }, 'fr')).toBeNull();
    expect(await addSessionsForPerson({ linkRegistrationId: null, userId: stranger!.id }, fay.id, { sessionIds: [session] }, 'fr')).toBeNull();
    expect(await addSessionsForPerson({ linkRegistrationId: null, userId: null }, fay.id, { sessionIds: [session] }, 'fr')).toBeNull();
    expect(await seats(fay.id)).toEqual({});

    await cancelForPerson(fay.person, fay.id);
    expect(await addSessionsForPerson(fay.person, fay.id, { sessionIds: [session] }, 'fr')).toBeNull();
    const [row] = await db.handle.db.select().from(registrations).where(eq(registrations.id, fay.id));
    expect(row!.status).toBe('cancelled');
  });
});
