import { sql } from 'drizzle-orm';
import { type EngagementKind, engagementBuckets } from '@/lib/domain/report-engagement';
import { executePrepared, getDb } from '../../client';

/**
 * A session's engagement timeline for its report page: questions asked, votes cast, chat messages
 * (those not deleted) and poll answers, counted per slice of `minutes` from its start (slices before
 * and after the scheduled span where there was activity). Counts only (access is the caller's).
 */
export async function sessionEngagement(session: { id: string; startsAt: Date; endsAt: Date }, minutes = 5) {
  const rows = await executePrepared<{ bucket: number; kind: EngagementKind; n: number }>(
    await getDb(),
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
select floor(extract(epoch from (e.at - ${session.startsAt.toISOString()}::timestamptz)) / ${minutes * 60})::int as bucket, e.kind, count(*)::int as n
from e group by 1, 2 order by 1`,
  );
  return engagementBuckets(rows, session, minutes);
}
