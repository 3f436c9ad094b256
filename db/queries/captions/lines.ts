import { and, asc, count, desc, eq, gt, gte, lte, max, notLike, sql } from 'drizzle-orm';
import { DomainError } from '@/lib/errors';
import { type CaptionLine, LIMITS } from '@/lib/realtime/protocol';
import { type Db, getDb, type Tx } from '../../client';
import { captionLines } from '../../schema';

// Lines of live captions: stored as the captioner sends them (after the rate limit), read back as
// the running transcript, and between a recording's start and end for its WebVTT.

type Row = typeof captionLines.$inferSelect;

export const captionLineView = (r: Row): CaptionLine => ({
  sessionId: r.sessionId,
  text: r.text,
  lang: r.lang === 'en' ? 'en' : 'fr',
  speaker: r.speaker,
  at: r.at.toISOString(),
  final: r.final,
});

export type NewCaptionLine = { sessionId: string; authorKey: string; text: string; lang: string; speaker: string | null };

/**
 * Store a line, unless its captioner sent `LIMITS.captionCount` lines in the last
 * `LIMITS.rateWindowMs` in this session (`rate_limited`): the chat's limit (db/queries/qa
 * `checkRate`), counted from the rows left, under a transaction-scoped advisory lock per captioner
 * and session, with its own count.
 */
export async function storeCaptionLine(line: NewCaptionLine): Promise<CaptionLine> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${line.sessionId}${line.authorKey}:caption`}))`);
    const [sent] = await tx
      .select({ n: count() })
      .from(captionLines)
      .where(
        and(
          eq(captionLines.sessionId, line.sessionId),
          eq(captionLines.authorKey, line.authorKey),
          gt(captionLines.at, sql`now() - make_interval(secs => ${LIMITS.rateWindowMs / 1000})`),
        ),
      );
    if ((sent?.n ?? 0) >= LIMITS.captionCount) {
      throw new DomainError(409, 'rate_limited', `Slow down: at most ${LIMITS.captionCount} caption lines every ${LIMITS.rateWindowMs / 1000} seconds.`);
    }
    const [row] = await tx.insert(captionLines).values({ ...line, final: true }).returning();
    return captionLineView(row!);
  });
}

/**
 * When a person last typed a caption line in this session (recognised lines, `asr:` authors, left
 * aside): the recognition worker keeps quiet while a captioner types.
 */
export async function lastTypedCaptionAt(sessionId: string): Promise<Date | null> {
  const db = await getDb();
  const [row] = await db
    .select({ at: max(captionLines.at) })
    .from(captionLines)
    .where(and(eq(captionLines.sessionId, sessionId), notLike(captionLines.authorKey, 'asr:%')));
  return row?.at ?? null;
}

/** The running transcript: the last `LIMITS.captionHistory` lines of the session, oldest first. */
export async function recentCaptionLines(sessionId: string): Promise<CaptionLine[]> {
  const db = await getDb();
  const rows = await db
    .select()
    .from(captionLines)
    .where(eq(captionLines.sessionId, sessionId))
    .orderBy(desc(captionLines.at), desc(captionLines.id))
    .limit(LIMITS.captionHistory);
  return rows.reverse().map(captionLineView);
}

/** The final lines said in a session between two instants (a recording), oldest first. */
export async function captionLinesBetween(q: Db | Tx, sessionId: string, from: Date, to: Date | null) {
  return q
    .select({ text: captionLines.text, speaker: captionLines.speaker, at: captionLines.at, lang: captionLines.lang })
    .from(captionLines)
    .where(and(eq(captionLines.sessionId, sessionId), eq(captionLines.final, true), gte(captionLines.at, from), to ? lte(captionLines.at, to) : undefined))
    .orderBy(asc(captionLines.at), asc(captionLines.id));
}
