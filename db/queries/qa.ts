import { firstValue, pick } from './columns';
import { and, asc, count, eq, gt, isNull, lte, ne, sql } from 'drizzle-orm';
import { canSee, type QuestionRow, questionView, type Viewer, withVote } from '@/lib/domain/live';
import { DomainError } from '@/lib/errors';
import type { QaExportData } from '@/lib/exports/qa';
import type { Question } from '@/lib/realtime/protocol';
import { LIMITS } from '@/lib/realtime/protocol';
import { getDb, type Tx } from '../client';
import { chatMessages, events, moderationLog, pathSessions, programmeSessions, questions, questionVotes, rateHits } from '../schema';
import { userMay } from './grants';
import { personKey } from './identity';

const rowColumns = {
  id: questions.id,
  sessionId: questions.sessionId,
  body: questions.body,
  authorKey: questions.authorKey,
  authorName: questions.authorName,
  anonymous: questions.anonymous,
  status: questions.status,
  onAir: questions.onAir,
  votes: questions.votes,
  createdAt: questions.createdAt,
};

/** The session's questions this viewer may see, oldest first, with their own votes. */
export async function listQuestions(sessionId: string, viewer: Viewer): Promise<Question[]> {
  const db = await getDb();
  const rows = await db
    .select({ ...rowColumns, votedByMe: sql<boolean>`${questionVotes.voterKey} is not null` })
    .from(questions)
    .leftJoin(
      questionVotes,
      and(eq(questionVotes.questionId, questions.id), eq(questionVotes.voterKey, viewer.actorKey ?? '')),
    )
    .where(and(eq(questions.sessionId, sessionId), isNull(questions.withdrawnAt)))
    .orderBy(asc(questions.createdAt), asc(questions.id));
  return rows
    .filter((q) => canSee(q, viewer))
    .map(({ votedByMe, ...q }) => withVote(questionView(q, viewer), Boolean(votedByMe)));
}

/**
 * Refuse a person's action in a session over its rate limit: messages and questions together
 * (`post`, counted from the rows they leave), reaction toggles (`react`, counted in `rate_hits`,
 * as a toggle leaves no row). One counter per person: the key is the person's key now
 * (`personKey`), returned for the writes that follow. A transaction-scoped advisory lock
 * serialises one person's actions of a kind, across processes.
 */
export async function checkRate(tx: Tx, sessionId: string, actorKey: string, kind: 'post' | 'react' = 'post'): Promise<string> {
  const key = await personKey(tx, actorKey, { lock: true });
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${sessionId + key + (kind === 'post' ? '' : `:${kind}`)}))`);
  const since = sql`now() - make_interval(secs => ${LIMITS.rateWindowMs / 1000})`;
  const seconds = LIMITS.rateWindowMs / 1000;
  if (kind === 'react') {
    const mine = and(eq(rateHits.sessionId, sessionId), eq(rateHits.actorKey, key), eq(rateHits.kind, kind));
    await tx.delete(rateHits).where(and(mine, lte(rateHits.at, since)));
    const [hits] = await tx.select({ n: count() }).from(rateHits).where(mine);
    if ((hits?.n ?? 0) >= LIMITS.reactCount) {
      throw new DomainError(409, 'rate_limited', `Slow down: at most ${LIMITS.reactCount} reactions every ${seconds} seconds.`);
    }
    await tx.insert(rateHits).values({ sessionId, actorKey: key, kind });
    return key;
  }
  const [chat] = await tx
    .select({ n: count() })
    .from(chatMessages)
    .where(and(eq(chatMessages.sessionId, sessionId), eq(chatMessages.authorKey, key), gt(chatMessages.createdAt, since)));
  const [asked] = await tx
    .select({ n: count() })
    .from(questions)
    .where(and(eq(questions.sessionId, sessionId), eq(questions.authorKey, key), gt(questions.createdAt, since)));
  if ((chat?.n ?? 0) + (asked?.n ?? 0) >= LIMITS.rateCount) {
    throw new DomainError(409, 'rate_limited', `Slow down: at most ${LIMITS.rateCount} messages every ${seconds} seconds.`);
  }
  return key;
}

export type Author = { sessionId: string; actorKey: string; name: string };

/** The author columns of a new question or chat message, once its author is under the rate limit (`checkRate`). */
export async function postedBy(tx: Tx, author: Author): Promise<{ sessionId: string; authorKey: string; authorName: string }> {
  const authorKey = await checkRate(tx, author.sessionId, author.actorKey);
  return { sessionId: author.sessionId, authorKey, authorName: author.name };
}

/** Store a question (pending under pre-moderation), after the rate limit. */
export async function askQuestion(author: Author, body: string, anonymous: boolean): Promise<QuestionRow> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const by = await postedBy(tx, author);
    const [session] = await tx
      .select({ moderation: programmeSessions.qaModeration })
      .from(programmeSessions)
      .where(eq(programmeSessions.id, author.sessionId));
    if (!session) throw new DomainError(404, 'not_found', 'No such session.');
    const [row] = await tx
      .insert(questions)
      .values({
        ...by,
        body,
        anonymous,
        status: session.moderation === 'pre' ? 'pending' : 'visible',
      })
      .returning(rowColumns);
    return row!;
  });
}

/** The session of a live question (not withdrawn), or null. */
export async function sessionOfQuestion(questionId: string): Promise<string | null> {
  return firstValue(questions.sessionId, and(eq(questions.id, questionId), isNull(questions.withdrawnAt)));
}

/**
 * Vote (or take back a vote) for a question the person can see and that is open to votes.
 * One vote per person (the key is the person's key now, `personKey`, and the primary key of
 * `question_votes` holds it under concurrency): voting twice, or un-voting without a vote, is refused.
 */
export async function voteQuestion(questionId: string, viewer: Viewer & { actorKey: string }, vote: boolean): Promise<QuestionRow> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const voterKey = await personKey(tx, viewer.actorKey, { lock: true });
    const [q] = await tx
      .select(rowColumns)
      .from(questions)
      .where(and(eq(questions.id, questionId), isNull(questions.withdrawnAt), eq(questions.status, 'visible')))
      .for('update');
    if (!q) throw new DomainError(404, 'not_found', 'No such question open to votes.');
    if (vote) {
      const inserted = await tx
        .insert(questionVotes)
        .values({ questionId, voterKey })
        .onConflictDoNothing()
        .returning({ k: questionVotes.voterKey });
      if (inserted.length === 0) throw new DomainError(409, 'conflict', 'You already voted for this question.');
    } else {
      const deleted = await tx
        .delete(questionVotes)
        .where(and(eq(questionVotes.questionId, questionId), eq(questionVotes.voterKey, voterKey)))
        .returning({ k: questionVotes.voterKey });
      if (deleted.length === 0) throw new DomainError(409, 'conflict', 'You have not voted for this question.');
    }
    const [row] = await tx
      .update(questions)
      .set({ votes: sql`${questions.votes} + ${vote ? 1 : -1}`, updatedAt: new Date() })
      .where(eq(questions.id, questionId))
      .returning(rowColumns);
    return row!;
  });
}

export async function hasVoted(questionId: string, actorKey: string | null): Promise<boolean> {
  if (!actorKey) return false;
  const db = await getDb();
  const rows = await db
    .select({ k: questionVotes.voterKey })
    .from(questionVotes)
    .where(and(eq(questionVotes.questionId, questionId), eq(questionVotes.voterKey, actorKey)));
  return rows.length > 0;
}

/** The author withdraws their own question (kept for the record, shown to nobody). */
export async function withdrawQuestion(questionId: string, actorKey: string): Promise<QuestionRow> {
  const db = await getDb();
  const [row] = await db
    .update(questions)
    .set({ withdrawnAt: new Date(), onAir: false, updatedAt: new Date() })
    .where(and(eq(questions.id, questionId), eq(questions.authorKey, actorKey), isNull(questions.withdrawnAt)))
    .returning(rowColumns);
  if (!row) throw new DomainError(403, 'forbidden', 'Only the author can withdraw this question.');
  return row;
}

export type ModerationAction = 'approve' | 'dismiss' | 'answer' | 'on-air' | 'off-air' | 'edit';

/**
 * A moderator's action on a question, written to the moderation log in the same transaction.
 * Putting a question on air takes any other one of the session off air: those are returned in
 * `alsoChanged` so that everybody sees the change.
 */
export async function moderateQuestion(
  questionId: string,
  moderatorKey: string,
  action: ModerationAction,
  body?: string,
): Promise<{ question: QuestionRow; before: QuestionRow; alsoChanged: QuestionRow[] }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select(rowColumns)
      .from(questions)
      .where(and(eq(questions.id, questionId), isNull(questions.withdrawnAt)))
      .for('update');
    if (!before) throw new DomainError(404, 'not_found', 'No such question.');
    const now = new Date();
    let alsoChanged: QuestionRow[] = [];
    const patch: Partial<typeof questions.$inferInsert> = { updatedAt: now };
    switch (action) {
      case 'approve':
        patch.status = 'visible';
        break;
      case 'dismiss':
        Object.assign(patch, { status: 'dismissed', onAir: false });
        break;
      case 'answer':
        Object.assign(patch, { status: 'answered', onAir: false });
        break;
      case 'on-air':
        if (before.status === 'dismissed') throw new DomainError(409, 'invalid', 'A dismissed question cannot go on air.');
        alsoChanged = await tx
          .update(questions)
          .set({ onAir: false, updatedAt: now })
          .where(and(eq(questions.sessionId, before.sessionId), eq(questions.onAir, true), ne(questions.id, questionId)))
          .returning(rowColumns);
        Object.assign(patch, { onAir: true, status: before.status === 'pending' ? 'visible' : before.status });
        break;
      case 'off-air':
        patch.onAir = false;
        break;
      case 'edit':
        patch.body = body!;
        break;
    }
    const [question] = await tx.update(questions).set(patch).where(eq(questions.id, questionId)).returning(rowColumns);
    await tx.insert(moderationLog).values({
      sessionId: before.sessionId,
      actorKey: moderatorKey,
      action: `question:${action}`,
      targetKey: before.authorKey,
      details: action === 'edit' ? { questionId, from: before.body, to: body } : { questionId },
    });
    return { question: question!, before, alsoChanged };
  });
}

/** Switch the session's Q&A between post- and pre-moderation (logged). */
export async function setQaModeration(sessionId: string, moderatorKey: string, moderation: 'post' | 'pre'): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.update(programmeSessions).set({ qaModeration: moderation }).where(eq(programmeSessions.id, sessionId));
    await tx.insert(moderationLog).values({ sessionId, actorKey: moderatorKey, action: `qa:${moderation}-moderation` });
  });
}


/**
 * Whether the user may export a session's Q&A and turn it into a meeting report
 * (`session.exportQa`: admins, the organizers of its event, its moderators, and the coordinators
 * of a path the session is linked to).
 */
export async function mayExportQa(userId: string, session: { id: string; eventId: string }): Promise<boolean> {
  const db = await getDb();
  const links = await db.select({ pathId: pathSessions.pathId }).from(pathSessions).where(eq(pathSessions.sessionId, session.id));
  return userMay(userId, 'session.exportQa', { sessionId: session.id, eventId: session.eventId, pathIds: links.map((l) => l.pathId) });
}

/**
 * A session's Q&A for the export (authors shown, withdrawn and dismissed questions left out, by
 * votes), for those who may (`mayExportQa`); null when
 * the session does not exist, `forbidden` for anyone else.
 */
export async function qaExport(userId: string, sessionId: string): Promise<QaExportData | null> {
  const db = await getDb();
  const [found] = await db
    .select({
      session: pick(programmeSessions, 'id', 'slug', 'title', 'startsAt', 'endsAt'),
      eventId: programmeSessions.eventId,
      event: pick(events, 'slug', 'title', 'timeZone'),
    })
    .from(programmeSessions)
    .innerJoin(events, eq(events.id, programmeSessions.eventId))
    .where(eq(programmeSessions.id, sessionId));
  if (!found) return null;
  if (!(await mayExportQa(userId, { id: found.session.id, eventId: found.eventId }))) {
    throw new DomainError(403, 'forbidden', 'Only the event’s organizers, the session’s moderators, and the coordinators of its paths, can export its Q&A.');
  }
  const rows = await db
    .select(rowColumns)
    .from(questions)
    .where(and(eq(questions.sessionId, sessionId), isNull(questions.withdrawnAt), ne(questions.status, 'dismissed')))
    .orderBy(sql`${questions.votes} desc`, asc(questions.createdAt));
  return { session: found.session, event: found.event, questions: rows };
}
