import { randomBytes, randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { createList } from '@digitalbazaar/vc-bitstring-status-list';
import { badgeKeySecret, publicUrl } from '@/lib/config';
import {
  type AchievementKind,
  attendedMinutes,
  type BadgeAction,
  type BadgeStatus,
  DEFAULT_MIN_MINUTES,
  FACILITATOR_GRANTS,
  FACILITATOR_ROLES,
  mayShowPublicly,
  nextStatus,
  participated,
} from '@/lib/domain/badges';
import {
  type AchievementFacts,
  achievementCredential,
  achievementDocument,
  badgeUrls,
  endorsementCredential,
  type IssuerFacts,
  issuerProfile,
  keyDocument,
  STATUS_LIST_LENGTH,
  statusListCredential,
} from '@/lib/badges/documents';
import { achievementImage } from '@/lib/badges/image';
import { newIssuerKey } from '@/lib/badges/keys';
import { signerFor } from '@/lib/badges/sign';
import { type Db, getDb, type Tx } from '../client';
import { userMay } from './grants';
import {
  achievements,
  attendance,
  badgeAwards,
  badgeEndorsements,
  badgeIssuers,
  events,
  people,
  proposals,
  programmeSessions,
  registrations,
  resources,
  roleGrants,
  sessionPeople,
  users,
} from '../schema';

type Q = Db | Tx;
export type IssuerRow = typeof badgeIssuers.$inferSelect;
export type AchievementRow = typeof achievements.$inferSelect;

/** The platform's own issuer (paths, contributions, endorsements). */
export const PLATFORM_ISSUER_SLUG = 'chemins';
const PLATFORM_NAME = 'Chemins';

export const normalEmail = (email: string) => email.trim().toLowerCase();

// ---------------------------------------------------------------- issuers and achievements

/** Default built-in achievements of a new issuer (editable by its organizers afterwards). */
const BUILT_INS: Record<'event' | 'platform', { kind: AchievementKind; name: string; description: string; criteria: string; minMinutes?: number }[]> = {
  event: [
    {
      kind: 'participated',
      name: 'A participé',
      description: 'A pris part aux sessions en direct de l’événement, en ligne ou sur place.',
      criteria: `Au moins ${DEFAULT_MIN_MINUTES} minutes dans les sessions en direct (présence enregistrée par la salle vidéo), ou un passage à l’accueil sur place.`,
      minMinutes: DEFAULT_MIN_MINUTES,
    },
    {
      kind: 'facilitated',
      name: 'A animé',
      description: 'A fait vivre une session : intervention, animation ou modération.',
      criteria: 'Intervenant·e, animateur·rice ou modérateur·rice d’une session du programme.',
    },
  ],
  platform: [
    {
      kind: 'contributed',
      name: 'A contribué',
      description: 'A partagé une ressource publiée sur un chemin de la coopération.',
      criteria: 'Une ressource publiée sur un chemin (ou une proposition acceptée).',
    },
  ],
};

async function createIssuer(q: Q, values: { slug: string; name: string; eventId: string | null }): Promise<void> {
  const id = randomUUID();
  const key = await newIssuerKey(badgeKeySecret(), id);
  const [row] = await q
    .insert(badgeIssuers)
    .values({ id, ...values, ...key })
    .onConflictDoNothing()
    .returning({ id: badgeIssuers.id });
  if (!row) return; // made meanwhile (or the slug is taken: see ensureEventIssuer)
  const defaults = BUILT_INS[values.eventId ? 'event' : 'platform'];
  await q
    .insert(achievements)
    .values(defaults.map((a) => ({ ...a, issuerId: id, image: achievementImage(a.kind, a.name), minMinutes: a.minMinutes ?? null })))
    .onConflictDoNothing();
}

/** The platform's issuer, made (with its key and built-in achievements) on first use. */
export async function ensurePlatformIssuer(q?: Q): Promise<IssuerRow> {
  const db = q ?? (await getDb());
  const find = () => db.select().from(badgeIssuers).where(and(isNull(badgeIssuers.eventId), eq(badgeIssuers.slug, PLATFORM_ISSUER_SLUG)));
  const [found] = await find();
  if (found) return found;
  await createIssuer(db, { slug: PLATFORM_ISSUER_SLUG, name: PLATFORM_NAME, eventId: null });
  return (await find())[0]!;
}

/** An event's issuer (slug: the event's), made on first use. */
export async function ensureEventIssuer(eventId: string, q?: Q): Promise<IssuerRow> {
  const db = q ?? (await getDb());
  const find = () => db.select().from(badgeIssuers).where(eq(badgeIssuers.eventId, eventId));
  const [found] = await find();
  if (found) return found;
  const [event] = await db.select({ slug: events.slug, title: events.title }).from(events).where(eq(events.id, eventId));
  if (!event) throw new Error(`No event ${eventId}`);
  const [taken] = await db.select({ id: badgeIssuers.id }).from(badgeIssuers).where(eq(badgeIssuers.slug, event.slug));
  await createIssuer(db, { slug: taken ? `${event.slug}-${eventId.slice(0, 8)}` : event.slug, name: event.title, eventId });
  return (await find())[0]!;
}

function issuerFacts(issuer: IssuerRow, base: string): IssuerFacts {
  return { slug: issuer.slug, name: issuer.name, url: issuer.eventId ? `${base}/events/${issuer.slug}` : base };
}

function achievementFacts(a: AchievementRow): AchievementFacts {
  return { id: a.id, name: a.name, description: a.description, criteria: a.criteria, image: a.image, kind: a.kind };
}

export async function issuerBySlug(slug: string): Promise<IssuerRow | null> {
  const db = await getDb();
  const [row] = await db.select().from(badgeIssuers).where(eq(badgeIssuers.slug, slug));
  return row ?? null;
}

/** `GET /api/issuers`. */
export async function listIssuers() {
  const db = await getDb();
  const rows = await db.select({ slug: badgeIssuers.slug, name: badgeIssuers.name }).from(badgeIssuers).orderBy(asc(badgeIssuers.slug));
  const u = badgeUrls(publicUrl());
  return rows.map((r) => ({ id: u.issuer(r.slug), slug: r.slug, name: r.name }));
}

/** The issuer's public documents: its Profile (also its key's controller document) and its key. */
export async function issuerDocument(slug: string, which: 'profile' | 'key') {
  const issuer = await issuerBySlug(slug);
  if (!issuer) return null;
  const base = publicUrl();
  return which === 'profile' ? issuerProfile(base, issuerFacts(issuer, base), issuer.publicKeyMultibase) : keyDocument(base, issuer.slug, issuer.publicKeyMultibase);
}

async function signerOf(issuer: IssuerRow) {
  return signerFor(
    { keyUrl: badgeUrls(publicUrl()).key(issuer.slug), publicKeyMultibase: issuer.publicKeyMultibase, secretKeyEncrypted: issuer.secretKeyEncrypted, issuerId: issuer.id },
    badgeKeySecret(),
  );
}

/**
 * `GET /api/issuers/{issuer}/status/{list}`: the revocation list. Signing (JSON-LD canonicalisation
 * and Ed25519) is the costly part, and the list is public: it is signed when what it says changes
 * (a revocation, however written: the issuer's managers, an erasure, the seed) or the public URL
 * does, and kept on the issuer's row; every other GET returns the same signed document. What is
 * compared is the encoded bitstring itself, read at each GET, so no writer has to remember it.
 */
export async function statusListDocument(slug: string, list: string) {
  const issuer = await issuerBySlug(slug);
  if (!issuer || list !== '1') return null;
  const db = await getDb();
  const revoked = await db
    .select({ index: badgeAwards.statusIndex })
    .from(badgeAwards)
    .where(and(eq(badgeAwards.issuerId, issuer.id), isNotNull(badgeAwards.revokedAt), isNotNull(badgeAwards.statusIndex)));
  const bits = await createList({ length: STATUS_LIST_LENGTH });
  for (const r of revoked) bits.setStatus(r.index!, true);
  const encoded = await bits.encode();
  const base = publicUrl();
  const source = `${base} ${encoded}`;
  if (issuer.statusListSigned && issuer.statusListSource === source) return issuer.statusListSigned;
  const sign = await signerOf(issuer);
  const signed = await sign(statusListCredential(base, issuerFacts(issuer, base), encoded, new Date()));
  await db.update(badgeIssuers).set({ statusListSigned: signed, statusListSource: source }).where(eq(badgeIssuers.id, issuer.id));
  return signed;
}

/** `GET /api/issuers/{issuer}/achievements`: with the recipients who show theirs publicly. */
export async function achievementsOfIssuer(slug: string) {
  const issuer = await issuerBySlug(slug);
  if (!issuer) return null;
  const db = await getDb();
  const list = await db.select().from(achievements).where(eq(achievements.issuerId, issuer.id)).orderBy(asc(achievements.createdAt), asc(achievements.name));
  const shown = await publicRecipients(list.map((a) => a.id));
  const base = publicUrl();
  const u = badgeUrls(base);
  return list.map((a) => ({
    id: u.achievement(a.id),
    name: a.name,
    description: a.description,
    criteria: { narrative: a.criteria },
    image: a.image,
    recipients: (shown.get(a.id) ?? []).map((r) => ({ name: r.name, credentialUrl: u.credentialPage(r.id) })),
  }));
}

async function publicRecipients(achievementIds: string[]) {
  const out = new Map<string, { id: string; name: string }[]>();
  if (!achievementIds.length) return out;
  const db = await getDb();
  const rows = await db
    .select({ id: badgeAwards.id, achievementId: badgeAwards.achievementId, name: badgeAwards.recipientName })
    .from(badgeAwards)
    .where(and(inArray(badgeAwards.achievementId, achievementIds), eq(badgeAwards.isPublic, true), eq(badgeAwards.status, 'accepted'), isNull(badgeAwards.revokedAt)))
    .orderBy(asc(badgeAwards.acceptedAt));
  for (const r of rows) out.set(r.achievementId, [...(out.get(r.achievementId) ?? []), { id: r.id, name: r.name }]);
  return out;
}

/** May this user manage an issuer's badges (`badge.issue`: admins, the organizers and moderators of its event)? */
export async function mayManageIssuer(userId: string, issuer: Pick<IssuerRow, 'id' | 'eventId'>, q?: Q): Promise<boolean> {
  return userMay(userId, 'badge.issue', { issuerId: issuer.id, eventId: issuer.eventId }, q);
}

/** A new achievement of an event's issuer (organizers): a request-based one, or a built-in kind not yet defined. */
export async function createAchievement(
  userId: string,
  eventSlug: string,
  input: { kind: AchievementKind; name: string; description: string; criteria: string; minMinutes?: number },
): Promise<{ ok: true; id: string } | { ok: false; code: 'not_found' | 'forbidden' | 'exists' }> {
  const eventId = await eventIdOf(eventSlug);
  if (!eventId) return { ok: false, code: 'not_found' };
  const issuer = await ensureEventIssuer(eventId);
  if (!(await mayManageIssuer(userId, issuer))) return { ok: false, code: 'forbidden' };
  const db = await getDb();
  const [row] = await db
    .insert(achievements)
    .values({
      issuerId: issuer.id,
      kind: input.kind,
      name: input.name,
      description: input.description,
      criteria: input.criteria,
      image: achievementImage(input.kind, input.name),
      minMinutes: input.kind === 'participated' ? (input.minMinutes ?? DEFAULT_MIN_MINUTES) : null,
    })
    .onConflictDoNothing()
    .returning({ id: achievements.id });
  return row ? { ok: true, id: row.id } : { ok: false, code: 'exists' };
}

// ---------------------------------------------------------------- issuing

export type Recipient = { email: string; name: string; evidence?: string | null };

/**
 * Hands out `n` positions in the issuer's revocation list, in a statement of its own (never held
 * while signing); a position left unused by a failed run is only a gap.
 */
async function statusIndexes(q: Q, issuerId: string, n: number): Promise<number> {
  const [row] = await q
    .update(badgeIssuers)
    .set({ nextStatusIndex: sql`${badgeIssuers.nextStatusIndex} + ${n}` })
    .where(eq(badgeIssuers.id, issuerId))
    .returning({ next: badgeIssuers.nextStatusIndex });
  if (row!.next > STATUS_LIST_LENGTH) throw new Error(`The revocation list of issuer ${issuerId} is full`);
  return row!.next - n;
}

/** Signs the credential of one award (its row's id, e-mail and position in the list). */
async function signAward(
  sign: Awaited<ReturnType<typeof signerOf>>,
  issuer: IssuerRow,
  achievement: AchievementRow,
  award: { id: string; email: string; evidence?: string | null; statusIndex: number; issuedAt: Date },
) {
  const base = publicUrl();
  const credential = achievementCredential(base, issuerFacts(issuer, base), achievementFacts(achievement), {
    id: award.id,
    email: award.email,
    salt: randomBytes(12).toString('base64url'),
    issuedAt: award.issuedAt,
    statusIndex: award.statusIndex,
    evidence: award.evidence ? { narrative: award.evidence } : null,
  });
  return sign(credential, award.issuedAt);
}

const INSERT_BATCH = 250;

/**
 * Issues an achievement to people who have no badge for it yet (any status: a declined or
 * rejected badge is not offered again): signs each credential, then inserts them, a unique
 * constraint making concurrent or repeated runs harmless. Returns how many were issued.
 */
export async function issueAwards(achievement: AchievementRow, recipients: Recipient[], q?: Q): Promise<number> {
  const db = q ?? (await getDb());
  const unique = new Map(recipients.map((r) => [normalEmail(r.email), r]));
  if (!unique.size) return 0;
  const existing = await db
    .select({ email: badgeAwards.recipientEmail })
    .from(badgeAwards)
    .where(and(eq(badgeAwards.achievementId, achievement.id), inArray(badgeAwards.recipientEmail, [...unique.keys()])));
  for (const e of existing) unique.delete(e.email);
  if (!unique.size) return 0;
  const [issuer] = await db.select().from(badgeIssuers).where(eq(badgeIssuers.id, achievement.issuerId));
  const sign = await signerOf(issuer!);
  const first = await statusIndexes(db, issuer!.id, unique.size);
  const issuedAt = new Date();
  let inserted = 0;
  let batch: (typeof badgeAwards.$inferInsert)[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const rows = await db.insert(badgeAwards).values(batch).onConflictDoNothing().returning({ id: badgeAwards.id });
    inserted += rows.length;
    batch = [];
  };
  let i = 0;
  for (const [email, r] of unique) {
    const id = randomUUID();
    const statusIndex = first + i++;
    const credential = await signAward(sign, issuer!, achievement, { id, email, evidence: r.evidence, statusIndex, issuedAt });
    batch.push({
      id,
      achievementId: achievement.id,
      issuerId: issuer!.id,
      recipientEmail: email,
      recipientName: r.name,
      status: 'offered',
      evidence: r.evidence ?? null,
      credential,
      statusIndex,
      issuedAt,
    });
    if (batch.length >= INSERT_BATCH) await flush();
  }
  await flush();
  return inserted;
}

// ---------------------------------------------------------------- who earned what, from records

type Person = { email: string; name: string };

/** Who the attendance key `user:…` / `registration:…` is (e-mail and name). */
async function peopleOfKeys(q: Q, keys: string[]): Promise<Map<string, Person>> {
  const userIds = keys.filter((k) => k.startsWith('user:')).map((k) => k.slice(5));
  const regIds = keys.filter((k) => k.startsWith('registration:')).map((k) => k.slice(13));
  const out = new Map<string, Person>();
  for (let i = 0; i < userIds.length; i += 1000) {
    const rows = await q.select({ id: users.id, email: users.email, name: users.name }).from(users).where(inArray(users.id, userIds.slice(i, i + 1000)));
    for (const u of rows) out.set(`user:${u.id}`, { email: u.email, name: u.name ?? u.email.split('@')[0]! });
  }
  for (let i = 0; i < regIds.length; i += 1000) {
    // Badges go to proven addresses only (docs/security.md): an unproven registration earns none.
    const rows = await q
      .select({ id: registrations.id, email: registrations.email, name: registrations.name })
      .from(registrations)
      .where(and(inArray(registrations.id, regIds.slice(i, i + 1000)), isNotNull(registrations.emailProvenAt)));
    for (const r of rows) out.set(`registration:${r.id}`, { email: r.email, name: r.name });
  }
  return out;
}

/** *participated*: minutes in the event's live rooms (LiveKit attendance), or a check-in on site. */
export async function participants(eventId: string, minMinutes: number, now = new Date(), q?: Q): Promise<Person[]> {
  const db = q ?? (await getDb());
  const rows = await db
    .select({ actorKey: attendance.actorKey, joinedAt: attendance.joinedAt, leftAt: attendance.leftAt, endsAt: programmeSessions.endsAt })
    .from(attendance)
    .innerJoin(programmeSessions, eq(programmeSessions.id, attendance.sessionId))
    .where(eq(programmeSessions.eventId, eventId));
  const who = await peopleOfKeys(db, [...new Set(rows.map((r) => r.actorKey))]);
  const byEmail = new Map<string, { person: Person; spans: { joinedAt: Date; leftAt: Date | null }[] }>();
  for (const r of rows) {
    const person = who.get(r.actorKey);
    if (!person) continue; // guests
    const key = normalEmail(person.email);
    const entry = byEmail.get(key) ?? { person, spans: [] };
    // A join still open counts until now, and never past its session's end.
    entry.spans.push({ joinedAt: r.joinedAt, leftAt: r.leftAt ?? new Date(Math.min(now.getTime(), r.endsAt.getTime())) });
    byEmail.set(key, entry);
  }
  const checkedIn = await db
    .select({ email: registrations.email, name: registrations.name })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), eq(registrations.status, 'active'), isNotNull(registrations.checkedInAt), isNotNull(registrations.emailProvenAt)));
  const out = new Map<string, Person>();
  for (const p of checkedIn) if (participated({ minutes: 0, checkedIn: true }, minMinutes)) out.set(normalEmail(p.email), p);
  for (const [email, e] of byEmail) {
    if (participated({ minutes: attendedMinutes(e.spans, now), checkedIn: false }, minMinutes)) out.set(email, e.person);
  }
  return [...out.values()];
}

/** *facilitated*: speakers, facilitators and moderators of the event's sessions (with an account), and its speaker and moderator grants. */
export async function facilitators(eventId: string, q?: Q): Promise<Person[]> {
  const db = q ?? (await getDb());
  const fromSessions = await db
    .select({ email: users.email, name: sql<string>`coalesce(${users.name}, ${people.name})` })
    .from(sessionPeople)
    .innerJoin(programmeSessions, eq(programmeSessions.id, sessionPeople.sessionId))
    .innerJoin(people, eq(people.id, sessionPeople.personId))
    .innerJoin(users, eq(users.id, people.userId))
    .where(and(eq(programmeSessions.eventId, eventId), inArray(sessionPeople.role, [...FACILITATOR_ROLES])));
  const fromGrants = await db
    .select({ email: users.email, name: sql<string>`coalesce(${users.name}, split_part(${users.email}, '@', 1))` })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(roleGrants.eventId, eventId), inArray(roleGrants.role, [...FACILITATOR_GRANTS])));
  return [...fromSessions, ...fromGrants];
}

/**
 * *contributed*: authors of published resources on paths (who created or proposed them), and
 * proposers of proposals a call's committee accepted (accepted or scheduled, docs/calls.md).
 */
export async function contributors(q?: Q): Promise<Person[]> {
  const db = q ?? (await getDb());
  const [fromResources, fromProposals] = await Promise.all([
    db
      .select({
        email: sql<string | null>`coalesce(${resources.proposerEmail}, ${users.email})`,
        name: sql<string | null>`coalesce(${resources.proposerName}, ${users.name}, split_part(${users.email}, '@', 1))`,
      })
      .from(resources)
      .leftJoin(users, eq(users.id, sql`coalesce(${resources.proposerUserId}, ${resources.createdBy})`))
      .where(eq(resources.status, 'published')),
    db
      .select({ email: proposals.proposerEmail, name: proposals.proposerName })
      .from(proposals)
      .where(inArray(proposals.status, ['accepted', 'scheduled'])),
  ]);
  return [...fromResources, ...fromProposals].filter((r): r is Person => !!r.email && !!r.name);
}

/**
 * The award job: issues every built-in achievement to whoever earned it from the records and has
 * no badge for it yet. Idempotent (unique per achievement and recipient), so it is safe to run at
 * every tick, after a restart, or from several processes. Returns how many badges were issued.
 */
export async function awardFromRecords(opts: { eventId?: string; now?: Date } = {}): Promise<number> {
  const db = await getDb();
  const now = opts.now ?? new Date();
  const eventIds = opts.eventId
    ? [opts.eventId]
    : (await db.select({ id: events.id }).from(events).where(lte(events.startsAt, now))).map((e) => e.id);
  let issued = 0;
  for (const eventId of eventIds) {
    const issuer = await ensureEventIssuer(eventId);
    const list = await db.select().from(achievements).where(and(eq(achievements.issuerId, issuer.id), inArray(achievements.kind, ['participated', 'facilitated'])));
    for (const a of list) {
      const people = a.kind === 'participated' ? await participants(eventId, a.minMinutes ?? DEFAULT_MIN_MINUTES, now) : await facilitators(eventId);
      issued += await issueAwards(a, people);
    }
  }
  if (!opts.eventId) {
    const platform = await ensurePlatformIssuer();
    const [contributed] = await db.select().from(achievements).where(and(eq(achievements.issuerId, platform.id), eq(achievements.kind, 'contributed')));
    if (contributed) issued += await issueAwards(contributed, await contributors());
  }
  return issued;
}

// ---------------------------------------------------------------- requests, decisions, the recipient's choices

export type BadgeRefusal = { ok: false; code: 'not_found' | 'forbidden' | 'invalid_transition' };

/** A participant asks for a request-based achievement, with evidence (again after a decline). */
export async function requestBadge(
  person: Person,
  input: { achievementId: string; evidence: string },
): Promise<{ ok: true; id: string } | BadgeRefusal> {
  const db = await getDb();
  const [a] = await db.select().from(achievements).where(eq(achievements.id, input.achievementId));
  if (!a || a.kind !== 'request') return { ok: false, code: 'not_found' };
  const email = normalEmail(person.email);
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: badgeAwards.id, status: badgeAwards.status })
      .from(badgeAwards)
      .where(and(eq(badgeAwards.achievementId, a.id), eq(badgeAwards.recipientEmail, email)))
      .for('update');
    if (!nextStatus(existing?.status ?? null, 'request')) return { ok: false, code: 'invalid_transition' } as const;
    if (existing) {
      await tx
        .update(badgeAwards)
        .set({ status: 'requested', evidence: input.evidence, decisionReason: null, decidedAt: null, decidedBy: null })
        .where(eq(badgeAwards.id, existing.id));
      return { ok: true, id: existing.id } as const;
    }
    const [row] = await tx
      .insert(badgeAwards)
      .values({ achievementId: a.id, issuerId: a.issuerId, recipientEmail: email, recipientName: person.name, status: 'requested', evidence: input.evidence })
      .onConflictDoNothing()
      .returning({ id: badgeAwards.id });
    return row ? ({ ok: true, id: row.id } as const) : ({ ok: false, code: 'invalid_transition' } as const);
  });
}

/** A moderator or organizer validates (signs and offers) or declines (with a reason) a request. */
export async function decideRequest(
  userId: string,
  input: { awardId: string; decision: 'validate' | 'decline'; reason: string },
): Promise<{ ok: true; status: BadgeStatus } | BadgeRefusal> {
  const db = await getDb();
  const [row] = await db
    .select({ award: badgeAwards, achievement: achievements, issuer: badgeIssuers })
    .from(badgeAwards)
    .innerJoin(achievements, eq(achievements.id, badgeAwards.achievementId))
    .innerJoin(badgeIssuers, eq(badgeIssuers.id, badgeAwards.issuerId))
    .where(eq(badgeAwards.id, input.awardId));
  if (!row) return { ok: false, code: 'not_found' };
  if (!(await mayManageIssuer(userId, row.issuer))) return { ok: false, code: 'forbidden' };
  const to = nextStatus(row.award.status, input.decision);
  if (!to) return { ok: false, code: 'invalid_transition' };
  const decided = { decidedBy: userId, decidedAt: new Date(), decisionReason: input.reason || null };
  if (to === 'declined') {
    const done = await db
      .update(badgeAwards)
      .set({ status: 'declined', ...decided })
      .where(and(eq(badgeAwards.id, row.award.id), eq(badgeAwards.status, 'requested')))
      .returning({ id: badgeAwards.id });
    return done.length ? { ok: true, status: 'declined' } : { ok: false, code: 'invalid_transition' };
  }
  const statusIndex = await statusIndexes(db, row.issuer.id, 1);
  const issuedAt = new Date();
  const credential = await signAward(await signerOf(row.issuer), row.issuer, row.achievement, {
    id: row.award.id,
    email: row.award.recipientEmail,
    evidence: row.award.evidence,
    statusIndex,
    issuedAt,
  });
  const done = await db
    .update(badgeAwards)
    .set({ status: 'offered', credential, statusIndex, issuedAt, ...decided })
    .where(and(eq(badgeAwards.id, row.award.id), eq(badgeAwards.status, 'requested')))
    .returning({ id: badgeAwards.id });
  return done.length ? { ok: true, status: 'offered' } : { ok: false, code: 'invalid_transition' };
}

/** The recipient accepts or declines a badge offered to them, or shows or hides it publicly. */
export async function respondToBadge(
  email: string,
  awardId: string,
  action: Extract<BadgeAction, 'accept' | 'reject' | 'publish' | 'unpublish'>,
): Promise<{ ok: true } | BadgeRefusal> {
  const db = await getDb();
  const [award] = await db
    .select({ status: badgeAwards.status, revokedAt: badgeAwards.revokedAt })
    .from(badgeAwards)
    .where(and(eq(badgeAwards.id, awardId), eq(badgeAwards.recipientEmail, normalEmail(email))));
  if (!award) return { ok: false, code: 'not_found' };
  const to = nextStatus(award.status, action);
  if (!to || (action === 'publish' && !mayShowPublicly(award))) return { ok: false, code: 'invalid_transition' };
  const set =
    action === 'accept'
      ? { status: to, acceptedAt: new Date() }
      : action === 'reject'
        ? { status: to, isPublic: false }
        : { isPublic: action === 'publish' };
  await db
    .update(badgeAwards)
    .set(set)
    .where(and(eq(badgeAwards.id, awardId), eq(badgeAwards.status, award.status)));
  return { ok: true };
}

/** Revoke an issued badge (its issuer's managers): it then verifies as revoked. */
export async function revokeBadge(userId: string, awardId: string): Promise<{ ok: true } | BadgeRefusal> {
  const db = await getDb();
  const [row] = await db
    .select({ award: badgeAwards, issuer: badgeIssuers })
    .from(badgeAwards)
    .innerJoin(badgeIssuers, eq(badgeIssuers.id, badgeAwards.issuerId))
    .where(eq(badgeAwards.id, awardId));
  if (!row) return { ok: false, code: 'not_found' };
  if (!(await mayManageIssuer(userId, row.issuer))) return { ok: false, code: 'forbidden' };
  if (!row.award.credential) return { ok: false, code: 'invalid_transition' };
  await markRevoked(db, awardId);
  return { ok: true };
}

async function markRevoked(q: Q, awardId: string): Promise<void> {
  await q
    .update(badgeAwards)
    .set({ revokedAt: new Date(), isPublic: false })
    .where(and(eq(badgeAwards.id, awardId), isNull(badgeAwards.revokedAt)));
}

/** A holder of an accepted badge endorses its achievement (an EndorsementCredential, signed by the platform). */
export async function endorseAchievement(
  person: Person,
  input: { achievementId: string; comment: string },
  q?: Q,
): Promise<{ ok: true; id: string } | BadgeRefusal> {
  const db = q ?? (await getDb());
  const email = normalEmail(person.email);
  const [held] = await db
    .select({ id: badgeAwards.id })
    .from(badgeAwards)
    .where(and(eq(badgeAwards.achievementId, input.achievementId), eq(badgeAwards.recipientEmail, email), eq(badgeAwards.status, 'accepted'), isNull(badgeAwards.revokedAt)));
  if (!held) return { ok: false, code: 'forbidden' };
  const [existing] = await db
    .select({ id: badgeEndorsements.id })
    .from(badgeEndorsements)
    .where(and(eq(badgeEndorsements.achievementId, input.achievementId), eq(badgeEndorsements.endorserEmail, email)));
  if (existing) return { ok: false, code: 'invalid_transition' };
  const platform = await ensurePlatformIssuer(db);
  const id = randomUUID();
  const base = publicUrl();
  const issuedAt = new Date();
  const credential = await (await signerOf(platform))(
    endorsementCredential(base, issuerFacts(platform, base), { id, achievementId: input.achievementId, endorserName: person.name, comment: input.comment, issuedAt }),
    issuedAt,
  );
  const [row] = await db
    .insert(badgeEndorsements)
    .values({ id, achievementId: input.achievementId, endorserEmail: email, endorserName: person.name, comment: input.comment, credential })
    .onConflictDoNothing()
    .returning({ id: badgeEndorsements.id });
  return row ? { ok: true, id } : { ok: false, code: 'invalid_transition' };
}

// ---------------------------------------------------------------- reading

/** The signed credential of a badge (issued, whatever became of it since), or null. */
export async function credentialOf(awardId: string) {
  const db = await getDb();
  const [row] = await db
    .select({
      credential: badgeAwards.credential,
      status: badgeAwards.status,
      revokedAt: badgeAwards.revokedAt,
      recipientName: badgeAwards.recipientName,
      kind: achievements.kind,
      name: achievements.name,
      achievementId: achievements.id,
      issuerName: badgeIssuers.name,
      issuerSlug: badgeIssuers.slug,
    })
    .from(badgeAwards)
    .innerJoin(achievements, eq(achievements.id, badgeAwards.achievementId))
    .innerJoin(badgeIssuers, eq(badgeIssuers.id, badgeAwards.issuerId))
    .where(eq(badgeAwards.id, awardId));
  return row?.credential ? { ...row, credential: row.credential } : null;
}

export async function endorsementOf(id: string) {
  const db = await getDb();
  const [row] = await db.select({ credential: badgeEndorsements.credential }).from(badgeEndorsements).where(eq(badgeEndorsements.id, id));
  return row?.credential ?? null;
}

/** A person's badges and requests, newest first (the portfolio). */
export async function badgesOf(email: string) {
  const db = await getDb();
  return db
    .select({
      id: badgeAwards.id,
      status: badgeAwards.status,
      isPublic: badgeAwards.isPublic,
      revokedAt: badgeAwards.revokedAt,
      evidence: badgeAwards.evidence,
      decisionReason: badgeAwards.decisionReason,
      issuedAt: badgeAwards.issuedAt,
      createdAt: badgeAwards.createdAt,
      achievementId: achievements.id,
      name: achievements.name,
      kind: achievements.kind,
      image: achievements.image,
      issuerName: badgeIssuers.name,
    })
    .from(badgeAwards)
    .innerJoin(achievements, eq(achievements.id, badgeAwards.achievementId))
    .innerJoin(badgeIssuers, eq(badgeIssuers.id, badgeAwards.issuerId))
    .where(eq(badgeAwards.recipientEmail, normalEmail(email)))
    .orderBy(desc(badgeAwards.createdAt));
}

/** Endorsements a person gave (the portfolio's "given" list). */
export async function endorsementsBy(email: string) {
  const db = await getDb();
  return db
    .select({ id: badgeEndorsements.id, comment: badgeEndorsements.comment, achievementId: achievements.id, name: achievements.name, createdAt: badgeEndorsements.createdAt })
    .from(badgeEndorsements)
    .innerJoin(achievements, eq(achievements.id, badgeEndorsements.achievementId))
    .where(eq(badgeEndorsements.endorserEmail, normalEmail(email)))
    .orderBy(desc(badgeEndorsements.createdAt));
}

/** An achievement's public page: what it is, who shows it, its endorsements. */
export async function achievementPage(id: string, viewerEmail?: string | null) {
  const db = await getDb();
  const [row] = await db
    .select({ achievement: achievements, issuer: badgeIssuers, eventSlug: events.slug })
    .from(achievements)
    .innerJoin(badgeIssuers, eq(badgeIssuers.id, achievements.issuerId))
    .leftJoin(events, eq(events.id, badgeIssuers.eventId))
    .where(eq(achievements.id, id));
  if (!row) return null;
  const endorsements = await db
    .select({ id: badgeEndorsements.id, name: badgeEndorsements.endorserName, comment: badgeEndorsements.comment, createdAt: badgeEndorsements.createdAt })
    .from(badgeEndorsements)
    .where(eq(badgeEndorsements.achievementId, id))
    .orderBy(asc(badgeEndorsements.createdAt));
  const mine = viewerEmail
    ? (
        await db
          .select({ id: badgeAwards.id, status: badgeAwards.status, revokedAt: badgeAwards.revokedAt })
          .from(badgeAwards)
          .where(and(eq(badgeAwards.achievementId, id), eq(badgeAwards.recipientEmail, normalEmail(viewerEmail))))
      )[0] ?? null
    : null;
  const endorsedByMe = viewerEmail ? endorsements.length > 0 && (await db.select({ id: badgeEndorsements.id }).from(badgeEndorsements).where(and(eq(badgeEndorsements.achievementId, id), eq(badgeEndorsements.endorserEmail, normalEmail(viewerEmail))))).length > 0 : false;
  const base = publicUrl();
  return {
    achievement: row.achievement,
    document: achievementDocument(base, row.issuer.slug, row.issuer.name, achievementFacts(row.achievement)),
    issuer: { slug: row.issuer.slug, name: row.issuer.name, eventSlug: row.eventSlug },
    recipients: (await publicRecipients([id])).get(id) ?? [],
    endorsements,
    mine,
    endorsedByMe,
  };
}

/** An event's achievements for its badges page, with the viewer's own badge of each. */
export async function eventAchievements(eventSlug: string, viewerEmail?: string | null) {
  const db = await getDb();
  const [event] = await db.select({ id: events.id, title: events.title, slug: events.slug }).from(events).where(eq(events.slug, eventSlug));
  if (!event) return null;
  const issuer = await ensureEventIssuer(event.id);
  const list = await db.select().from(achievements).where(eq(achievements.issuerId, issuer.id)).orderBy(asc(achievements.createdAt));
  const mine = viewerEmail
    ? await db
        .select({ achievementId: badgeAwards.achievementId, id: badgeAwards.id, status: badgeAwards.status, decisionReason: badgeAwards.decisionReason })
        .from(badgeAwards)
        .where(and(eq(badgeAwards.issuerId, issuer.id), eq(badgeAwards.recipientEmail, normalEmail(viewerEmail))))
    : [];
  const byAchievement = new Map(mine.map((m) => [m.achievementId, m]));
  return { event, issuer, achievements: list.map((a) => ({ ...a, mine: byAchievement.get(a.id) ?? null })) };
}

/** Requests waiting for a decision, and issued badges, of an event (its organizers and moderators). */
export async function eventBadgeAdmin(userId: string, eventSlug: string) {
  const eventId = await eventIdOf(eventSlug);
  if (!eventId) return null;
  const issuer = await ensureEventIssuer(eventId);
  if (!(await mayManageIssuer(userId, issuer))) return null;
  const db = await getDb();
  const rows = await db
    .select({
      id: badgeAwards.id,
      status: badgeAwards.status,
      recipientName: badgeAwards.recipientName,
      recipientEmail: badgeAwards.recipientEmail,
      evidence: badgeAwards.evidence,
      decisionReason: badgeAwards.decisionReason,
      revokedAt: badgeAwards.revokedAt,
      createdAt: badgeAwards.createdAt,
      name: achievements.name,
    })
    .from(badgeAwards)
    .innerJoin(achievements, eq(achievements.id, badgeAwards.achievementId))
    .where(eq(badgeAwards.issuerId, issuer.id))
    .orderBy(desc(badgeAwards.createdAt), desc(badgeAwards.id))
    .limit(500);
  // Decided badges oldest first: the award job issues new ones every minute, and they come at the end
  // of the list, so a row never moves under an organizer's finger between two loads (issue 34).
  return { pending: rows.filter((r) => r.status === 'requested'), decided: rows.filter((r) => r.status !== 'requested').reverse() };
}

export { markRevoked as revokeAwardForSeed };

/**
 * The documents this platform publishes under its public URL, by URL: issuer profiles, keys and
 * status lists (what the verifier resolves); null for any other URL.
 */
export async function publishedDocument(url: string): Promise<unknown | null> {
  const base = publicUrl();
  if (!url.startsWith(`${base}/api/issuers/`)) return null;
  const [slug, what, list, ...rest] = url.slice(`${base}/api/issuers/`.length).split('#')[0]!.split('/');
  if (!slug || rest.length) return null;
  if (what === undefined) return issuerDocument(slug, 'profile');
  if (what === 'key' && list === undefined) return issuerDocument(slug, 'key');
  if (what === 'status' && list) return statusListDocument(slug, list);
  return null;
}

/** An event's id by its slug, or null. */
export async function eventIdOf(slug: string): Promise<string | null> {
  const db = await getDb();
  const [row] = await db.select({ id: events.id }).from(events).where(eq(events.slug, slug));
  return row?.id ?? null;
}

/** "Award now" on the organizer page: the award job for one event, for its managers only. */
export async function awardNow(userId: string, eventSlug: string): Promise<{ ok: true; issued: number } | BadgeRefusal> {
  const eventId = await eventIdOf(eventSlug);
  if (!eventId) return { ok: false, code: 'not_found' };
  if (!(await mayManageIssuer(userId, await ensureEventIssuer(eventId)))) return { ok: false, code: 'forbidden' };
  return { ok: true, issued: await awardFromRecords({ eventId }) };
}
