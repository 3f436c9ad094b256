import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEventProgramme } from '@/db/queries/events';
import { listPaths } from '@/server/paths/list-paths';
import { getOrganization, getPerson, mergePeople, PERSON_REFERENCES } from '@/db/queries/people';
import { invitationCodes, pathCoordinators, people, sessionPeople } from '@/db/schema';
import { seed } from '@/db/seed';
import { NEC_2018_SLUG } from '@/db/seed/data/nec-2018';
import { ORGANIZATIONS } from '@/db/seed/data/organizations';
import { identityKey } from '@/lib/domain/people';
import { localDate } from '@/lib/domain/time';
import { NEC_2018_INVITATION_ONLY, NEC_2018_PRINTED } from '../fixtures/seeds/nec-2018-sessions';
import { type Driver, useFreshDatabase } from './support';

/** A title compared loosely: case, accents, ligatures, apostrophes and punctuation folded. */
const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const rowsOf = <T>(r: unknown): T[] => (Array.isArray(r) ? (r as T[]) : (r as { rows: T[] }).rows);

describe.each<Driver>(['postgres', 'pglite'])('people and organizations on %s', (driver) => {
  let ctx: Awaited<ReturnType<typeof useFreshDatabase>>;

  beforeAll(async () => {
    ctx = await useFreshDatabase(driver);
    await seed(ctx.handle.db);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('finds every session of the printed NEC 2018 programme on its programme, at its printed time where one is printed', async () => {
    const p = (await getEventProgramme(NEC_2018_SLUG))!;
    const tz = p.event.timeZone;
    const missing: string[] = [];
    for (const printed of NEC_2018_PRINTED) {
      const found = p.sessions.filter((s) => norm(s.title).includes(norm(printed.title)));
      if (!found.length) {
        missing.push(`${printed.section}: ${printed.title}`);
        continue;
      }
      if (printed.day && printed.start) {
        const at = found.map((s) => `${localDate(s.startsAt, tz)} ${new Intl.DateTimeFormat('fr', { hour: '2-digit', minute: '2-digit', timeZone: tz }).format(s.startsAt)}`);
        expect(at, printed.title).toContain(`${printed.day} ${printed.start}`);
      }
    }
    expect(missing).toEqual([]);
    expect(p.sessions.length).toBeGreaterThanOrEqual(NEC_2018_PRINTED.length);
  });

  it('holds NEC 2018’s rooms, a track per workshop room, its formats and partner programmes', async () => {
    const p = (await getEventProgramme(NEC_2018_SLUG))!;
    expect(p.rooms.map((r) => r.name)).toEqual(expect.arrayContaining(['Stereolux', 'Amphi150', 'Auditorium', 'Espace 1', 'Espace 5', 'Espace 7', 'Forum']));
    for (const [room, track] of [
      ['espace-1', 'donnees-personnelles'],
      ['espace-4', 'communs-numeriques'],
      ['espace-5', 'inclusion-numerique'],
      ['forum', 'tiers-lieux-hybrides'],
    ]) {
      const workshops = p.sessions.filter((s) => s.room?.key === room && s.kind === 'workshop');
      expect(workshops.length, room).toBeGreaterThanOrEqual(4);
      expect(new Set(workshops.map((s) => s.track?.key))).toEqual(new Set([track]));
    }
    const duos = p.sessions.filter((s) => s.format === 'regards_croises');
    expect(duos).toHaveLength(13);
    expect(duos.every((s) => s.endsAt.getTime() - s.startsAt.getTime() === 3_600_000 && s.people.length >= 2)).toBe(true);
    const talks = p.sessions.filter((s) => s.format === 'vingt_minutes');
    expect(talks).toHaveLength(21);
    expect(talks.every((s) => s.room?.key === 'espace-7' && s.endsAt.getTime() - s.startsAt.getTime() === 20 * 60_000)).toBe(true);
    expect(p.sessions.filter((s) => s.programme?.key === 'inno3')).toHaveLength(6);
    expect(p.sessions.filter((s) => s.programme?.key === 'pop-up').length).toBeGreaterThanOrEqual(6);
    // The medialab: a standing, hybrid session (reporters on site and remote) each day.
    const medialab = p.sessions.filter((s) => s.title === 'Medialab');
    expect(medialab.map((s) => [s.format, s.mode])).toEqual([
      ['standing', 'hybrid'],
      ['standing', 'hybrid'],
    ]);
  });

  it('says so where the text gives no time, instead of inventing one silently', async () => {
    const nec = (await getEventProgramme(NEC_2018_SLUG))!;
    const outreMer = nec.sessions.find((s) => s.slug === 'off-societe-numerique-outre-mer')!;
    expect(outreMer.scheduleNote).toMatch(/ni heures/);
    const forum = (await getEventProgramme('forum-usages-cooperatifs-2018'))!;
    const libre = forum.sessions.find((s) => s.title === 'Soirée libre à Brest')!;
    expect(localDate(libre.startsAt, 'Europe/Paris')).toBe('2018-07-05');
    expect(libre.scheduleNote).toMatch(/sans heure/);
    // Wednesday: the 19:00 reception and the 20:00 evening are two slots.
    const wednesdayEvening = forum.sessions
      .filter((s) => s.kind === 'social' && localDate(s.startsAt, 'Europe/Paris') === '2018-07-04')
      .map((s) => s.startsAt.toISOString());
    expect(wednesdayEvening).toEqual(['2018-07-04T17:00:00.000Z', '2018-07-04T18:00:00.000Z']);
    // Every session with a placeholder time says so, and only the ones with a reason.
    expect(nec.sessions.filter((s) => s.scheduleNote).every((s) => s.scheduleNote!.length > 20)).toBe(true);
  });

  it('makes the invitation-only offs invitation-only, each with its invitation code', async () => {
    const p = (await getEventProgramme(NEC_2018_SLUG))!;
    const invitation = p.sessions.filter((s) => s.visibility === 'invitation');
    expect(invitation.map((s) => norm(s.title)).sort()).toEqual(
      NEC_2018_INVITATION_ONLY.map((t) => p.sessions.find((s) => norm(s.title).includes(norm(t)))!.title)
        .map(norm)
        .sort(),
    );
    const codes = await ctx.handle.db.select().from(invitationCodes).where(sql`${invitationCodes.eventId} = ${p.event.id}`);
    expect(codes.map((c) => c.sessionId).sort()).toEqual(invitation.map((s) => s.id).sort());
  });

  it('closes the Forum 2018 gaps: the Open Badges talk has its speaker and content; supporters, partners and the graphic facilitation are organizations and a person', async () => {
    const forum = (await getEventProgramme('forum-usages-cooperatifs-2018'))!;
    const badges = forum.sessions.find((s) => s.title.includes('les badges'))!;
    expect(badges.people.map((x) => x.name)).toContain('Serge Ravet');
    expect(badges.description).toMatch(/émetteur, un récepteur, des critères, des preuves/);
    expect(forum.organizations.filter((o) => o.role === 'organizer').map((o) => o.key)).toEqual(['ville-de-brest', 'imt-atlantique']);
    expect(forum.organizations.filter((o) => o.role === 'supporter')).toHaveLength(6);
    expect(forum.organizations.filter((o) => o.role === 'partner')).toHaveLength(15);
    expect(forum.credits).toEqual([{ key: 'julie-boiveau', name: 'Julie Boiveau', role: 'graphic_facilitation' }]);
  });

  it('never shows an organization as a person: no person row bears a known organization’s name or key', async () => {
    const rows = await ctx.handle.db.select({ key: people.key, name: people.name }).from(people);
    const orgKeys = new Set(ORGANIZATIONS.map((o) => o.key));
    const orgNames = new Set(ORGANIZATIONS.map((o) => identityKey(o.name)));
    const offenders = rows.filter((r) => orgKeys.has(r.key!) || orgNames.has(identityKey(r.name)));
    expect(offenders).toEqual([]);
    // The networks that used to be stored as people coordinate as organizations.
    const paths = await listPaths();
    const coordinators = paths.flatMap((p) => p.coordinators);
    for (const name of ['Réseau Prof@brest', 'Réseau des Fab Cities', 'Rennes métropole']) {
      expect(coordinators.filter((c) => c.name === name).every((c) => c.kind === 'organization'), name).toBe(true);
    }
    const nec = (await getEventProgramme(NEC_2018_SLUG))!;
    const publicAction = nec.sessions.find((s) => s.slug === 'table-ronde-action-publique')!;
    expect(publicAction.people.map((x) => x.name)).not.toContain('Mission Société Numérique');
    expect(publicAction.organizations).toEqual([{ key: 'mission-societe-numerique', name: 'Mission Société Numérique', role: 'moderator' }]);
  });

  it('gives every person one identity: two spellings of one person are one record, no two records share a key', async () => {
    const rows = await ctx.handle.db.select({ key: people.key, name: people.name }).from(people);
    expect(rows.every((r) => r.key)).toBe(true);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => identityKey(r.name))).size).toBe(rows.length);
    for (const spelling of ['JF Marchandise', 'Jacques François Marchandise', 'JM Gilliot', 'H. Aubin', 'Louis Julien de la Bouere', 'Hervé Groleas']) {
      expect(rows.map((r) => r.name), spelling).not.toContain(spelling);
    }
    const jfm = (await getPerson('jacques-francois-marchandise'))!;
    expect(jfm.name).toBe('Jacques-François Marchandise');
    // Forum 2018 (workshop), NEC 2018 (duo and workshop), and the 2020 path he coordinates.
    expect(new Set(jfm.sessions.map((s) => s.event.slug))).toEqual(new Set(['forum-usages-cooperatifs-2018', NEC_2018_SLUG]));
    expect(jfm.paths.map((p) => p.slug)).toEqual(['circuits-courts-et-autonomie-alimentaire']);
    expect(jfm.affiliations.map((a) => a.key)).toContain('fing');
    const groleas = (await getPerson('herve-groleas'))!;
    expect(groleas.sessions).toHaveLength(2);
    expect((await getPerson('antoinette-rouvroy'))!.bio).toMatch(/FNRS/);
  });

  it('lists an organization’s sessions across events: its own, its people’s for it, its programme’s', async () => {
    const fing = (await getOrganization('fing'))!;
    expect(fing.kind).toBe('association');
    expect(new Set(fing.sessions.map((s) => s.event.slug))).toEqual(new Set(['forum-usages-cooperatifs-2018', NEC_2018_SLUG]));
    expect(fing.sessions.some((s) => s.role === 'programme')).toBe(true);
    expect(fing.events).toContainEqual({ slug: 'forum-usages-cooperatifs-2018', title: expect.any(String), role: 'partner' });
    expect(fing.people.map((p) => p.key)).toContain('jacques-francois-marchandise');
    expect(await getOrganization('nothing-here')).toBeNull();
    expect(await getPerson('nothing-here')).toBeNull();
  });

  it('merges two records of one person keeping every session, role, coordination and the account link, in one transaction', async () => {
    const db = ctx.handle.db;
    // Two records of one person, as an organizer may find them (a second spelling typed by hand).
    const [dup] = await db.insert(people).values({ key: 'norbert-friant-2', name: 'N. Friant' }).returning();
    const [user] = rowsOf<{ id: string }>(await db.execute(sql`insert into users (id, email, name) values (gen_random_uuid()::text, 'nf@chemins.test', 'NF') returning id`));
    await db.update(people).set({ userId: user!.id, bio: 'Bio gardée.' }).where(sql`${people.id} = ${dup!.id}`);
    const nec = (await getEventProgramme(NEC_2018_SLUG))!;
    const debate = nec.sessions.find((s) => s.slug === 'debat-ouvert-travail')!;
    const labfab = nec.sessions.find((s) => s.slug === '20-minutes-avec-labfab')!;
    await db.insert(sessionPeople).values([
      { sessionId: debate.id, personId: dup!.id, role: 'moderator', position: 0 },
      // The same session and role as the kept record: kept once.
      { sessionId: labfab.id, personId: dup!.id, role: 'speaker', position: 0 },
    ]);
    const [path] = rowsOf<{ id: string }>(await db.execute(sql`select id from paths where slug = 'climat-et-biodiversite'`));
    await db.insert(pathCoordinators).values({ pathId: path!.id, personId: dup!.id, position: 9 });
    const before = (await getPerson('norbert-friant'))!;

    const merged = await mergePeople(db, { from: 'norbert-friant-2', into: 'norbert-friant' });
    expect(merged.key).toBe('norbert-friant');
    const after = (await getPerson('norbert-friant'))!;
    expect(after.sessions.map((s) => `${s.slug}:${s.role}`).sort()).toEqual(
      [...before.sessions.map((s) => `${s.slug}:${s.role}`), 'debat-ouvert-travail:moderator'].sort(),
    );
    expect(after.paths.map((p) => p.slug)).toContain('climat-et-biodiversite');
    expect(after.bio).toMatch(/Bretagne créative/);
    expect(await getPerson('norbert-friant-2')).toBeNull();
    const [row] = await db.select().from(people).where(sql`${people.key} = 'norbert-friant'`);
    expect(row!.userId).toBe(user!.id);

    // Refusals leave everything as it was.
    await expect(mergePeople(db, { from: 'norbert-friant', into: 'norbert-friant' })).rejects.toMatchObject({ code: 'invalid' });
    await expect(mergePeople(db, { from: 'personne-inconnue', into: 'norbert-friant' })).rejects.toMatchObject({ code: 'not_found' });
    const [other] = rowsOf<{ id: string }>(await db.execute(sql`insert into users (id, email, name) values (gen_random_uuid()::text, 'other@chemins.test', 'O') returning id`));
    await db.update(people).set({ userId: other!.id }).where(sql`${people.key} = 'serge-ravet'`);
    await expect(mergePeople(db, { from: 'serge-ravet', into: 'norbert-friant' })).rejects.toMatchObject({ code: 'two_accounts' });
    expect((await getPerson('serge-ravet'))!.sessions).toHaveLength(1);
    expect((await getPerson('norbert-friant'))!.sessions).toHaveLength(after.sessions.length);
  });

  it('folds every table that points at a person (a new one must be added to mergePeople)', async () => {
    const refs = rowsOf<{ table_name: string }>(
      await ctx.handle.db.execute(sql`
        select distinct tc.table_name from information_schema.table_constraints tc
        join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
        where tc.constraint_type = 'FOREIGN KEY' and ccu.table_name = 'people' and tc.table_name <> 'people'`),
    ).map((r) => r.table_name);
    expect(refs.sort()).toEqual([...PERSON_REFERENCES].sort());
  });

  it('migrates older rows (custom migration 0016_people_data, re-runnable): keys for people without one, networks stored as people become organizations', async () => {
    const db = ctx.handle.db;
    const [p1] = await db.insert(people).values({ name: 'Lucie Bouere' }).returning();
    const [p2] = await db.insert(people).values({ name: 'Lucie Bouëre' }).returning();
    const [net] = await db.insert(people).values({ name: 'Réseau Ancien Test' }).returning();
    const [pathRow] = rowsOf<{ id: string }>(await db.execute(sql`select id from paths where slug = 'climat-et-biodiversite'`));
    await db.insert(pathCoordinators).values({ pathId: pathRow!.id, personId: net!.id, position: 5, kind: 'organization' });
    const migration = readFileSync(path.join(process.cwd(), 'db/migrations/0016_people_data.sql'), 'utf8');
    for (const statement of migration.split('--> statement-breakpoint')) await db.execute(sql.raw(statement));
    const rows = await db.select({ id: people.id, key: people.key }).from(people).where(sql`${people.id} in (${p1!.id}, ${p2!.id}, ${net!.id})`);
    const keyOf = (id: string) => rows.find((r) => r.id === id)?.key;
    expect(keyOf(p1!.id)).toMatch(/^lucie-bouere/);
    expect(keyOf(p2!.id)).toMatch(/^lucie-bouere/);
    expect(keyOf(p1!.id)).not.toBe(keyOf(p2!.id));
    // The network is an organization coordinating the path, and no longer a person.
    expect(keyOf(net!.id)).toBeUndefined();
    const climate = (await listPaths()).find((p) => p.slug === 'climat-et-biodiversite')!;
    expect(climate.coordinators).toContainEqual({ name: 'Réseau Ancien Test', organization: null, kind: 'organization', key: 'reseau-ancien-test' });
    // The two spellings are then one person by a merge.
    await mergePeople(db, { from: keyOf(p2!.id)!, into: keyOf(p1!.id)! });
    expect(await db.select().from(people).where(sql`${people.name} like 'Lucie Bou%'`)).toHaveLength(1);
  });
});
