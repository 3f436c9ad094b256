import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { type EngagementKind, engagementBuckets, type SessionMoment, type TopQuestion } from '@/lib/domain/report-moments';
import { executePrepared, getDb } from '../../client';
import { moderationLog, polls, questions } from '../../schema';
import { listPolls, pollResults } from '../polls';

/**
 * What the session report shows beside its figures (server/report's `sessionReport`): the moments
 * marked on the attendance curve, the engagement timeline, the top questions and the polls'
 * results. Counts and public text only: no author, no answer of a person (access is the caller's).
 */
export async function sessionMoments(session: { id: string; startsAt: Date; endsAt: Date }, minutes = 5) {
  const db = await getDb();
  const step = minutes * 60;
  const [activity, onAir, launched, top, sessionPolls] = await Promise.all([
    executePrepared<{ bucket: number; kind: EngagementKind; n: number }>(
      db,
      sql`
with e as (
  select q.created_at as at, 'questions' as kind from questions q where q.session_id = ${session.id}
  union all
  select v.created_at, 'votes' from question_votes v join questions q on q.id = v.question_id where q.session_id = ${session.id}
  union all
  select m.created_at, 'messages' from chat_messages m where m.session_id = ${session.id} and m.deleted_at is null
  union all
  select a.created_at, 'pollAnswers' from poll_answers a join polls p on p.id = a.poll_id where p.session_id = ${session.id}
)
select floor(extract(epoch from (e.at - ${session.startsAt.toISOString()}::timestamptz)) / ${step})::int as bucket, e.kind, count(*)::int as n
from e group by 1, 2 order by 1`,
    ),
    db
      .select({ at: moderationLog.createdAt, body: questions.body, withdrawnAt: questions.withdrawnAt })
      .from(moderationLog)
      .leftJoin(questions, sql`${questions.id}::text = ${moderationLog.details} ->> 'questionId'`)
      .where(and(eq(moderationLog.sessionId, session.id), eq(moderationLog.action, 'question:on-air')))
      .orderBy(asc(moderationLog.createdAt)),
    db
      .select({ at: polls.launchedAt, question: polls.question })
      .from(polls)
      .where(and(eq(polls.sessionId, session.id), isNotNull(polls.launchedAt)))
      .orderBy(asc(polls.launchedAt)),
    db
      .select({ id: questions.id, body: questions.body, votes: questions.votes, status: questions.status })
      .from(questions)
      .where(and(eq(questions.sessionId, session.id), inArray(questions.status, ['visible', 'answered']), isNull(questions.withdrawnAt)))
      .orderBy(desc(questions.votes), asc(questions.createdAt))
      .limit(5),
    listPolls(session.id),
  ]);
  const moments: SessionMoment[] = [
    ...onAir.map((m) => ({ at: m.at.toISOString(), kind: 'question' as const, label: m.body && !m.withdrawnAt ? m.body : null })),
    ...launched.map((p) => ({ at: p.at!.toISOString(), kind: 'poll' as const, label: p.question })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  const topQuestions: TopQuestion[] = top.map((q) => ({ id: q.id, body: q.body, votes: q.votes, answered: q.status === 'answered' }));
  const launchedPolls = sessionPolls.filter((p) => p.status !== 'draft');
  const results = await Promise.all(launchedPolls.map((p) => pollResults(p)));
  return {
    moments,
    engagement: engagementBuckets(activity, session, minutes),
    topQuestions,
    polls: launchedPolls.map((p, i) => ({ id: p.id, question: p.question, kind: p.kind, options: p.options, total: results[i]!.total, counts: results[i]!.counts })),
  };
}

export type SessionMoments = Awaited<ReturnType<typeof sessionMoments>>;
