import { firstValue } from './columns';
import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import { checkAnswer, shapeCounts } from '@/lib/domain/polls';
import { DomainError } from '@/lib/errors';
import type { PollExport } from '@/lib/exports/qa';
import { LIMITS, type Poll, type PollAnswerValue, type PollKind, type PollNamedAnswer, type PollResults } from '@/lib/realtime/protocol';
import { getDb, type Tx } from '../client';
import { moderationLog, pollAnswers, polls } from '../schema';

type PollRow = typeof polls.$inferSelect;

export function pollView(p: PollRow): Poll {
  return {
    id: p.id,
    sessionId: p.sessionId,
    kind: p.kind,
    question: p.question,
    options: p.options,
    anonymous: p.anonymous,
    allowChange: p.allowChange,
    status: p.status,
    resultsVisible: p.resultsVisible,
    createdAt: p.createdAt.toISOString(),
    launchedAt: p.launchedAt?.toISOString() ?? null,
    closedAt: p.closedAt?.toISOString() ?? null,
  };
}

/** Rows of `db.execute`, whichever driver ran it (postgres.js: an array; PGlite: `{ rows }`). */
function rowsOf<T>(res: unknown): T[] {
  return (Array.isArray(res) ? res : ((res as { rows?: T[] }).rows ?? [])) as T[];
}

export type NewPoll = { kind: PollKind; question: string; options?: string[]; anonymous?: boolean; allowChange?: boolean };

/** Prepare a poll (a draft) in a session, logged; at most `LIMITS.pollsMax` per session. */
export async function createPoll(sessionId: string, actorKey: string, input: NewPoll): Promise<Poll> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`polls:${sessionId}`}))`);
    const [existing] = await tx.select({ n: count() }).from(polls).where(eq(polls.sessionId, sessionId));
    if ((existing?.n ?? 0) >= LIMITS.pollsMax) throw new DomainError(409, 'rate_limited', `At most ${LIMITS.pollsMax} polls per session.`);
    const [row] = await tx
      .insert(polls)
      .values({
        sessionId,
        kind: input.kind,
        question: input.question,
        options: input.kind === 'single' || input.kind === 'multiple' ? (input.options ?? []) : [],
        anonymous: input.anonymous ?? true,
        allowChange: input.allowChange ?? true,
        createdBy: actorKey,
      })
      .returning();
    await log(tx, sessionId, actorKey, 'poll:create', row!.id);
    return pollView(row!);
  });
}

const log = (tx: Tx, sessionId: string, actorKey: string, action: string, pollId: string, details: Record<string, unknown> = {}) =>
  tx.insert(moderationLog).values({ sessionId, actorKey, action, details: { pollId, ...details } });

/** The session a poll belongs to, or null. */
export async function sessionOfPoll(pollId: string): Promise<string | null> {
  return (await getPoll(pollId))?.sessionId ?? null;
}

export async function getPoll(pollId: string): Promise<Poll | null> {
  const db = await getDb();
  const [row] = await db.select().from(polls).where(eq(polls.id, pollId));
  return row ? pollView(row) : null;
}

async function lockPoll(tx: Tx, pollId: string): Promise<PollRow> {
  const [p] = await tx.select().from(polls).where(eq(polls.id, pollId)).for('update');
  if (!p) throw new DomainError(404, 'not_found', 'No such poll.');
  return p;
}

/**
 * Open a draft to answers. A poll live in the same session closes at once (one live poll per
 * session, also guarded by a unique index): it is returned in `alsoClosed`.
 */
export async function launchPoll(pollId: string, actorKey: string): Promise<{ poll: Poll; alsoClosed: Poll[] }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const p = await lockPoll(tx, pollId);
    if (p.status !== 'draft') throw new DomainError(409, 'conflict', 'This poll was launched already.');
    const now = new Date();
    const alsoClosed = await tx
      .update(polls)
      .set({ status: 'closed', closedAt: now })
      .where(and(eq(polls.sessionId, p.sessionId), eq(polls.status, 'live'), ne(polls.id, pollId)))
      .returning();
    const [row] = await tx.update(polls).set({ status: 'live', launchedAt: now }).where(eq(polls.id, pollId)).returning();
    await log(tx, p.sessionId, actorKey, 'poll:launch', pollId);
    return { poll: pollView(row!), alsoClosed: alsoClosed.map(pollView) };
  });
}

/** Close a live poll: later answers are refused (`closed`). */
export async function closePoll(pollId: string, actorKey: string): Promise<Poll> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const p = await lockPoll(tx, pollId);
    if (p.status !== 'live') throw new DomainError(409, 'closed', 'This poll is not live.');
    const [row] = await tx.update(polls).set({ status: 'closed', closedAt: new Date() }).where(eq(polls.id, pollId)).returning();
    await log(tx, p.sessionId, actorKey, 'poll:close', pollId);
    return pollView(row!);
  });
}

/** Make a draft anonymous or not: refused once the poll was launched (people answered on that promise). */
export async function configurePoll(pollId: string, actorKey: string, input: { anonymous: boolean }): Promise<Poll> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const p = await lockPoll(tx, pollId);
    if (p.status !== 'draft') throw new DomainError(409, 'conflict', 'Anonymity can be changed only before the poll is launched.');
    const [row] = await tx.update(polls).set({ anonymous: input.anonymous }).where(eq(polls.id, pollId)).returning();
    await log(tx, p.sessionId, actorKey, 'poll:configure', pollId, input);
    return pollView(row!);
  });
}

/**
 * Who answered what, oldest answer first: only for a poll that is not anonymous (the `where`
 * joins the poll and asks it); an anonymous poll gives nothing. The caller checks that the
 * reader runs the session's polls.
 */
export async function namedAnswers(pollId: string): Promise<PollNamedAnswer[]> {
  const db = await getDb();
  const rows = await db
    .select({ name: pollAnswers.name, answer: pollAnswers.value, at: pollAnswers.updatedAt })
    .from(pollAnswers)
    .innerJoin(polls, eq(polls.id, pollAnswers.pollId))
    .where(and(eq(pollAnswers.pollId, pollId), eq(polls.anonymous, false)))
    .orderBy(asc(pollAnswers.updatedAt), asc(pollAnswers.actorKey));
  return rows.map((r) => ({ name: r.name, answer: r.answer, answeredAt: r.at.toISOString() }));
}

/** Show or hide a poll's results to participants and on the projector. */
export async function showPoll(pollId: string, actorKey: string, visible: boolean): Promise<Poll> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const p = await lockPoll(tx, pollId);
    const [row] = await tx.update(polls).set({ resultsVisible: visible }).where(eq(polls.id, pollId)).returning();
    await log(tx, p.sessionId, actorKey, visible ? 'poll:show' : 'poll:hide', pollId);
    return pollView(row!);
  });
}

/**
 * Store a person's answer to a live poll (checked against its kind and options, which never
 * change), or replace it when the poll allows changes: one statement, so one round trip. It
 * reads the poll row `for share` and only while it is live: answers run side by side, closing
 * waits for those under way, and an answer that comes after the close finds it closed. Two
 * answers at once from one person (two tabs) meet on the primary key: one wins whole (or, when
 * changes are off, the other is refused), none is counted twice.
 */
export async function answerPoll(
  poll: Pick<Poll, 'id' | 'sessionId' | 'kind' | 'options' | 'allowChange'>,
  person: { actorKey: string; name: string },
  answer: PollAnswerValue,
): Promise<{ sessionId: string; answer: PollAnswerValue }> {
  const { value, folded } = checkAnswer(poll, answer);
  const db = await getDb();
  const onConflict = poll.allowChange
    ? sql`do update set value = excluded.value, folded = excluded.folded, name = excluded.name,
          revision = ${pollAnswers}.revision + 1, updated_at = now()`
    : sql`do nothing`;
  const res = await db.execute(sql`
    insert into ${pollAnswers} (poll_id, actor_key, name, value, folded)
    select p.id, ${person.actorKey}, ${person.name}, ${JSON.stringify(value)}::jsonb, ${folded}
      from ${polls} p where p.id = ${poll.id} and p.status = 'live' for share
    on conflict (poll_id, actor_key) ${onConflict}
    returning actor_key`);
  if (rowsOf(res).length === 0) {
    const now = await getPoll(poll.id);
    if (now?.status !== 'live') {
      throw new DomainError(409, 'closed', now?.status === 'draft' ? 'This poll is not open yet.' : 'This poll is closed.');
    }
    throw new DomainError(409, 'conflict', 'You already answered this poll.');
  }
  return { sessionId: poll.sessionId, answer: value };
}

/** A person's answer to a poll, or null. */
export async function answerOf(pollId: string, actorKey: string | null): Promise<PollAnswerValue | null> {
  if (!actorKey) return null;
  return firstValue(pollAnswers.value, and(eq(pollAnswers.pollId, pollId), eq(pollAnswers.actorKey, actorKey)));
}

/** The session's polls, oldest first. */
export async function listPolls(sessionId: string): Promise<Poll[]> {
  const db = await getDb();
  const rows = await db.select().from(polls).where(eq(polls.sessionId, sessionId)).orderBy(asc(polls.createdAt), asc(polls.id));
  return rows.map(pollView);
}

/** At most this many words (or open answers) in results, most frequent first. */
const CLOUD_MAX = 200;

/**
 * A poll's results, read from the database in one statement (one snapshot): the counts are
 * exact and the same whichever process reads them; `version` (the sum of the answers'
 * revisions) orders two snapshots.
 */
export async function pollResults(poll: Pick<Poll, 'id' | 'sessionId' | 'kind' | 'options'>): Promise<PollResults> {
  const db = await getDb();
  const keyed =
    poll.kind === 'single' || poll.kind === 'multiple'
      ? sql`select e.key, count(*)::int as n from a cross join jsonb_array_elements_text(a.value) as e(key) group by e.key`
      : poll.kind === 'rating'
        ? sql`select a.value #>> '{}' as key, count(*)::int as n from a group by 1`
        : sql`select a.folded as key, count(*)::int as n from a where a.folded is not null group by 1 order by n desc, key limit ${CLOUD_MAX}`;
  const res = await db.execute(sql`
    with a as (select value, folded, revision from ${pollAnswers} where poll_id = ${poll.id}),
         k as (${keyed})
    select (select count(*)::int from a) as total,
           (select coalesce(sum(revision), 0)::int from a) as version,
           coalesce((select json_agg(json_build_object('key', k.key, 'n', k.n)) from k), '[]'::json) as rows`);
  const [r] = rowsOf<{ total: number; version: number; rows: { key: string; n: number }[] | string }>(res);
  const rows = typeof r?.rows === 'string' ? (JSON.parse(r.rows) as { key: string; n: number }[]) : (r?.rows ?? []);
  return {
    pollId: poll.id,
    sessionId: poll.sessionId,
    total: Number(r?.total ?? 0),
    counts: shapeCounts(poll.kind, poll.options.length, rows),
    version: Number(r?.version ?? 0),
  };
}

/**
 * The session's launched polls with their results, and who answered what for polls that are not
 * anonymous, for the Q&A export (access checked by the caller).
 */
export async function pollsExport(sessionId: string): Promise<PollExport[]> {
  const launched = (await listPolls(sessionId)).filter((p) => p.status !== 'draft');
  return Promise.all(
    launched.map(async (p) => ({ ...p, results: await pollResults(p), ...(p.anonymous ? {} : { answers: await namedAnswers(p.id) }) })),
  );
}
