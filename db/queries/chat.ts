import { firstValue } from './columns';
import { uniqueBy } from '@/lib/lists';
import { and, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { type ChatRow, chatView, mentionsModerators } from '@/lib/domain/live';
import { DomainError } from '@/lib/errors';
import { type ActiveSanction, type ChatMessage, LIMITS } from '@/lib/realtime/protocol';
import { getDb } from '../client';
import { chatMessages, chatReactions, moderationLog, questions, registrations, roomSanctions, users } from '../schema';
import { personKey } from './identity';
import { type Author, checkRate, postedBy } from './qa';

const rowColumns = {
  id: chatMessages.id,
  sessionId: chatMessages.sessionId,
  body: chatMessages.body,
  authorKey: chatMessages.authorKey,
  authorName: chatMessages.authorName,
  replyTo: chatMessages.replyTo,
  mentionsModerators: chatMessages.mentionsModerators,
  createdAt: chatMessages.createdAt,
};

async function reactionsOf(messageIds: string[]): Promise<Map<string, Record<string, number>>> {
  const out = new Map<string, Record<string, number>>();
  if (messageIds.length === 0) return out;
  const db = await getDb();
  const rows = await db
    .select({ messageId: chatReactions.messageId, emoji: chatReactions.emoji, n: sql<number>`count(*)::int` })
    .from(chatReactions)
    .where(inArray(chatReactions.messageId, messageIds))
    .groupBy(chatReactions.messageId, chatReactions.emoji);
  for (const r of rows) {
    const m = out.get(r.messageId) ?? {};
    m[r.emoji] = Number(r.n);
    out.set(r.messageId, m);
  }
  return out;
}

async function withReactions(rows: ChatRow[]): Promise<ChatMessage[]> {
  const reactions = await reactionsOf(rows.map((r) => r.id));
  return rows.map((r) => chatView(r, reactions.get(r.id) ?? {}));
}

/**
 * The latest messages of a session (oldest first), or those before message `before`; `more` says
 * whether older ones remain.
 */
export async function listMessages(
  sessionId: string,
  opts: { before?: string; limit?: number } = {},
): Promise<{ messages: ChatMessage[]; more: boolean }> {
  const db = await getDb();
  const limit = opts.limit ?? LIMITS.historyPage;
  let cursor = undefined;
  if (opts.before) {
    const [b] = await db
      .select({ createdAt: chatMessages.createdAt, id: chatMessages.id })
      .from(chatMessages)
      .where(and(eq(chatMessages.id, opts.before), eq(chatMessages.sessionId, sessionId)));
    if (!b) throw new DomainError(404, 'not_found', 'No such message in this session.');
    cursor = or(lt(chatMessages.createdAt, b.createdAt), and(eq(chatMessages.createdAt, b.createdAt), lt(chatMessages.id, b.id)));
  }
  const rows = await db
    .select(rowColumns)
    .from(chatMessages)
    .where(and(eq(chatMessages.sessionId, sessionId), isNull(chatMessages.deletedAt), cursor))
    .orderBy(desc(chatMessages.createdAt), desc(chatMessages.id))
    .limit(limit + 1);
  const more = rows.length > limit;
  return { messages: await withReactions(rows.slice(0, limit).reverse()), more };
}

/** Store a chat message after the rate limit; a reply must answer a message of the same session. */
export async function sendMessage(author: Author, body: string, replyTo: string | null): Promise<ChatMessage> {
  const db = await getDb();
  const row = await db.transaction(async (tx) => {
    const by = await postedBy(tx, author);
    if (replyTo) {
      const [parent] = await tx
        .select({ id: chatMessages.id })
        .from(chatMessages)
        .where(and(eq(chatMessages.id, replyTo), eq(chatMessages.sessionId, author.sessionId), isNull(chatMessages.deletedAt)));
      if (!parent) throw new DomainError(404, 'not_found', 'The message you reply to does not exist (or was deleted).');
    }
    const [inserted] = await tx
      .insert(chatMessages)
      .values({ ...by, body, replyTo: replyTo ?? null, mentionsModerators: mentionsModerators(body) })
      .returning(rowColumns);
    return inserted!;
  });
  return chatView(row, {});
}

/** The session of a message that is not deleted, or null. */
export async function sessionOfMessage(messageId: string): Promise<string | null> {
  return firstValue(chatMessages.sessionId, and(eq(chatMessages.id, messageId), isNull(chatMessages.deletedAt)));
}

/**
 * Toggle one person's reaction on a message, after the rate limit (each toggle is broadcast);
 * returns the message with its new counts.
 */
export async function toggleReaction(messageId: string, person: string, emoji: string): Promise<ChatMessage> {
  const db = await getDb();
  const row = await db.transaction(async (tx) => {
    const [m] = await tx.select(rowColumns).from(chatMessages).where(and(eq(chatMessages.id, messageId), isNull(chatMessages.deletedAt)));
    if (!m) throw new DomainError(404, 'not_found', 'No such message.');
    const actorKey = await checkRate(tx, m.sessionId, person, 'react');
    const removed = await tx
      .delete(chatReactions)
      .where(and(eq(chatReactions.messageId, messageId), eq(chatReactions.actorKey, actorKey), eq(chatReactions.emoji, emoji)))
      .returning({ e: chatReactions.emoji });
    if (removed.length === 0) await tx.insert(chatReactions).values({ messageId, actorKey, emoji }).onConflictDoNothing();
    return m;
  });
  return (await withReactions([row]))[0]!;
}

/**
 * Delete a message: its author may, and the session's moderators (`asModerator`, logged).
 * The row stays (deleted_at) for the record; nobody sees it any more.
 */
export async function deleteMessage(messageId: string, actorKey: string, asModerator: boolean): Promise<{ id: string; sessionId: string; authorKey: string }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(chatMessages)
      .set({ deletedAt: new Date(), deletedBy: actorKey })
      .where(
        and(
          eq(chatMessages.id, messageId),
          isNull(chatMessages.deletedAt),
          asModerator ? undefined : eq(chatMessages.authorKey, actorKey),
        ),
      )
      .returning({ id: chatMessages.id, sessionId: chatMessages.sessionId, authorKey: chatMessages.authorKey });
    if (!row) throw new DomainError(403, 'forbidden', 'Only its author or a moderator can delete this message.');
    if (asModerator && row.authorKey !== actorKey) {
      await tx.insert(moderationLog).values({
        sessionId: row.sessionId,
        actorKey,
        action: 'chat:delete',
        targetKey: row.authorKey,
        details: { messageId },
      });
    }
    return row;
  });
}

/**
 * Mute (for `minutes`, default 10), unmute, ban or unban a person in a session, logged in the
 * same transaction. Lifting ends every sanction of that kind in force. The sanction is on the
 * person (`personKey`: a registration's key names its account once linked), returned as `targetKey`.
 */
export async function sanction(
  sessionId: string,
  moderatorKey: string,
  target: string,
  action: 'mute' | 'unmute' | 'ban' | 'unban',
  minutes?: number,
): Promise<{ until: Date | null; targetKey: string }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const targetKey = await personKey(tx, target, { lock: true });
    if (targetKey === moderatorKey) throw new DomainError(400, 'invalid', 'You cannot sanction yourself.');
    const kind = action === 'mute' || action === 'unmute' ? 'mute' : 'ban';
    let until: Date | null = null;
    if (action === 'mute' || action === 'ban') {
      until = action === 'mute' ? new Date(Date.now() + (minutes ?? 10) * 60_000) : minutes ? new Date(Date.now() + minutes * 60_000) : null;
      await tx.insert(roomSanctions).values({ sessionId, targetKey, kind, until, createdBy: moderatorKey });
    } else {
      await tx
        .update(roomSanctions)
        .set({ liftedAt: new Date() })
        .where(and(eq(roomSanctions.sessionId, sessionId), eq(roomSanctions.targetKey, targetKey), eq(roomSanctions.kind, kind), isNull(roomSanctions.liftedAt)));
    }
    await tx.insert(moderationLog).values({
      sessionId,
      actorKey: moderatorKey,
      action: `chat:${action}`,
      targetKey,
      details: until ? { until: until.toISOString() } : {},
    });
    return { until, targetKey };
  });
}

/** Mutes and bans in force in a session, newest first, with the person's last known name. */
export async function activeSanctions(sessionId: string): Promise<ActiveSanction[]> {
  const db = await getDb();
  const rows = await db
    .select({
      userId: roomSanctions.targetKey,
      kind: roomSanctions.kind,
      until: roomSanctions.until,
      name: sql<string | null>`coalesce(
        (select m.author_name from ${chatMessages} m where m.session_id = ${sessionId} and m.author_key = ${roomSanctions.targetKey} order by m.created_at desc limit 1),
        (select q.author_name from ${questions} q where q.session_id = ${sessionId} and q.author_key = ${roomSanctions.targetKey} order by q.created_at desc limit 1),
        -- Someone who never wrote here: the registration's or the account's name (never the key itself).
        (select r.name from ${registrations} r where 'registration:' || r.id::text = ${roomSanctions.targetKey}),
        (select u.name from ${users} u where 'user:' || u.id = ${roomSanctions.targetKey}))`,
    })
    .from(roomSanctions)
    .where(
      and(
        eq(roomSanctions.sessionId, sessionId),
        isNull(roomSanctions.liftedAt),
        or(isNull(roomSanctions.until), sql`${roomSanctions.until} > now()`),
      ),
    )
    .orderBy(desc(roomSanctions.createdAt));
  // Newest first: the sanction in force of each kind is the first one seen.
  const inForce = uniqueBy(rows, (r) => `${r.userId}:${r.kind}`);
  return inForce.map((r) => ({ ...r, until: r.until?.toISOString() ?? null, name: r.name ?? r.userId }));
}
