import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executePrepared } from '@/db/client';
import { createInvitationCode } from '@/db/queries/registrations';
import { invitationCodes, newToken, programmeSessions } from '@/db/schema';
import { DEMO_EVENT_SLUG } from '@/db/seed/data/demo';
import { seededDemo } from './factories';
import type { Driver } from './support';

// `register_people` runs the rules set-based over a batch (db/functions/30_registrations.sql,
// `register_set`): these cases call it as the queue does, one batch per call, to check what a
// loop person by person did by construction — arrival order within a batch for seats (per mode)
// and invitation uses, the same e-mail twice in one batch, and two batches on the same session at
// once (two connections) never overselling either capacity.

type Person = { email: string; sessions: string[]; modes?: Record<string, 'onsite' | 'online'>; invitationCode?: string; provenEmail?: string };
type Outcome = { ok?: { created: boolean; mailed?: boolean; id: string; sessions: { sessionId: string; status: string; mode: string }[] }; error?: { status: number; code: string } };

describe.each<Driver>(['postgres', 'pglite'])('register_people, set-based, on %s', (driver) => {
  let db: Awaited<ReturnType<typeof seededDemo>>['db'];
  let handle: typeof db.handle;
  let eventId: string;
  let clock = Date.now() * 1000;

  async function newSession(slug: string, values: Partial<typeof programmeSessions.$inferInsert> = {}) {
    const [s] = await handle.db
      .insert(programmeSessions)
      .values({ eventId, slug, title: slug, kind: 'workshop', startsAt: new Date(Date.now() + 86_400_000), endsAt: new Date(Date.now() + 90_000_000), ...values })
      .returning();
    return s!.id;
  }

  /** One call of register_people, as the queue makes it: arrival times in order, microseconds apart. */
  async function batch(people: Person[]): Promise<Outcome[]> {
    const payload = people.map((p) => {
      clock += 1;
      const at = `${new Date(Math.floor(clock / 1000)).toISOString().slice(0, -1)}${String(clock % 1000).padStart(3, '0')}Z`;
      return { name: p.email.split('@')[0], answers: {}, modes: {}, at, token: newToken(), locale: 'fr', holder: null, provenEmail: null, ...p };
    });
    const [row] = await executePrepared<{ outcomes: string | Outcome[] }>(
      handle.db,
      sql`select register_people(${DEMO_EVENT_SLUG}, ${JSON.stringify(payload)}::jsonb) as outcomes`,
    );
    const outcomes = row!.outcomes;
    return typeof outcomes === 'string' ? (JSON.parse(outcomes) as Outcome[]) : outcomes;
  }

  /** Confirmed and waitlisted e-mails of a session per mode, in the waiting list's order; and whether the kept counters match. */
  async function seatsOf(sessionId: string) {
    const rows = await executePrepared<{ email: string; status: string; mode: string }>(handle.db, sql`
      select g.email, rs.status, rs.mode from registration_sessions rs join registrations g on g.id = rs.registration_id
       where rs.session_id = ${sessionId} order by rs.requested_at`);
    const pick = (status: string, mode: string) => rows.filter((r) => r.status === status && r.mode === mode).map((r) => r.email);
    const [kept] = await executePrepared<{ total: number; online: number }>(handle.db, sql`
      select confirmed_count as total, confirmed_online as online from programme_sessions where id = ${sessionId}`);
    expect(kept).toEqual({ total: pick('confirmed', 'onsite').length + pick('confirmed', 'online').length, online: pick('confirmed', 'online').length });
    return {
      onsite: pick('confirmed', 'onsite'),
      online: pick('confirmed', 'online'),
      waitOnsite: pick('waitlisted', 'onsite'),
      waitOnline: pick('waitlisted', 'online'),
    };
  }

  beforeAll(async () => {
    ({ db, handle, eventId } = await seededDemo(driver));
  });
  afterAll(async () => {
    await db?.close();
  });

  it('one batch gives seats per session and mode in arrival order, each mode its own waiting list', async () => {
    const hybrid = await newSession('batch-hybrid', { mode: 'hybrid', capacity: 1, capacityOnline: 2 });
    const small = await newSession('batch-small', { capacity: 1 });
    const out = await batch([
      { email: 'a@batch.test', sessions: [hybrid], modes: { [hybrid]: 'onsite' } },
      { email: 'b@batch.test', sessions: [hybrid, small] },
      { email: 'c@batch.test', sessions: [hybrid], modes: { [hybrid]: 'onsite' } },
      { email: 'd@batch.test', sessions: [small, hybrid], modes: { [hybrid]: 'online' } },
      { email: 'e@batch.test', sessions: [hybrid] },
      { email: 'f@batch.test', sessions: [small], modes: { [small]: 'online' } },
    ]);
    expect(out.slice(0, 5).every((o) => o.ok?.created)).toBe(true);
    expect(out[5]).toMatchObject({ error: { status: 400, code: 'mode_not_offered' } });
    expect(await seatsOf(hybrid)).toEqual({
      onsite: ['a@batch.test'],
      online: ['b@batch.test', 'd@batch.test'],
      waitOnsite: ['c@batch.test'],
      waitOnline: ['e@batch.test'],
    });
    expect(await seatsOf(small)).toEqual({ onsite: ['b@batch.test'], online: [], waitOnsite: ['d@batch.test'], waitOnline: [] });
    // Each person's new seats come by session id.
    const ids = [hybrid, small].sort();
    expect(out[1]!.ok!.sessions.map((s) => s.sessionId)).toEqual(ids);
  });

  it('counts an invitation code’s uses in arrival order within a batch; those past its limit are refused and spend nothing', async () => {
    const invited = await newSession('batch-invited', { visibility: 'invitation' });
    await handle.db.transaction((tx) => createInvitationCode(tx, { eventId, sessionId: invited, code: 'BATCH-TWO', maxUses: 2 }));
    const out = await batch([
      { email: 'i1@batch.test', sessions: [invited], invitationCode: 'BATCH-TWO' },
      { email: 'i2@batch.test', sessions: [invited], invitationCode: 'NOPE' },
      { email: 'i3@batch.test', sessions: [invited], invitationCode: 'BATCH-TWO' },
      { email: 'i4@batch.test', sessions: [invited], invitationCode: 'BATCH-TWO' },
      { email: 'i5@batch.test', sessions: [invited] },
    ]);
    expect(out.map((o) => o.error?.code ?? 'ok')).toEqual(['ok', 'invitation_invalid', 'ok', 'invitation_used_up', 'invitation_required']);
    const [code] = await handle.db.select().from(invitationCodes).where(eq(invitationCodes.code, 'BATCH-TWO'));
    expect(code!.uses).toBe(2);
    expect(await seatsOf(invited)).toMatchObject({ onsite: ['i1@batch.test', 'i3@batch.test'] });
  });

  it('the same e-mail twice in one batch: the second sees the first, and seats keep the arrival order', async () => {
    const small = await newSession('batch-twice-small', { capacity: 2 });
    const open = await newSession('batch-twice-open');
    const out = await batch([
      { email: 'twice@batch.test', sessions: [small] },
      { email: 'other@batch.test', sessions: [small] },
      // Its owner, signed in, asks for one more session.
      { email: 'twice@batch.test', sessions: [small, open], provenEmail: 'twice@batch.test' },
      // Someone else types the same address: nothing changes, its owner is mailed.
      { email: 'twice@batch.test', sessions: [open] },
      { email: 'late@batch.test', sessions: [small] },
    ]);
    expect(out[0]!.ok).toMatchObject({ created: true });
    expect(out[2]!.ok).toMatchObject({ created: false, id: out[0]!.ok!.id });
    expect(out[2]!.ok!.sessions).toEqual([
      { sessionId: small, status: 'confirmed', mode: 'onsite' },
      { sessionId: open, status: 'confirmed', mode: 'onsite' },
    ]);
    expect(out[3]!.ok).toMatchObject({ created: false, mailed: true, sessions: [] });
    expect(await seatsOf(small)).toMatchObject({ onsite: ['twice@batch.test', 'other@batch.test'], waitOnsite: ['late@batch.test'] });
    const [mails] = await executePrepared<{ n: number }>(handle.db, sql`
      select count(*)::int as n from mail_outbox where registration_id = ${out[0]!.ok!.id}::uuid and kind = 'confirmation'`);
    expect(mails).toEqual({ n: 3 });
  });

  it('two batches on the same session at once never oversell either capacity', async () => {
    const hybrid = await newSession('batch-race', { mode: 'hybrid', capacity: 5, capacityOnline: 7 });
    const people = (tag: string) =>
      Array.from({ length: 30 }, (_, i): Person => ({ email: `${tag}${i}@race.test`, sessions: [hybrid], modes: { [hybrid]: i % 2 ? 'online' : 'onsite' } }));
    const [one, two] = await Promise.all([batch(people('x')), batch(people('y'))]);
    expect([...one, ...two].every((o) => o.ok?.created)).toBe(true);
    const seats = await seatsOf(hybrid);
    expect(seats.onsite).toHaveLength(5);
    expect(seats.online).toHaveLength(7);
    expect(seats.waitOnsite).toHaveLength(25);
    expect(seats.waitOnline).toHaveLength(23);
  });
});
