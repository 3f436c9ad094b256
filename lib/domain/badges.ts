import { z } from 'zod';

/**
 * Open Badges rules, as pure functions: who earns a built-in achievement from the event's records,
 * how a badge moves from request to acceptance, and what the badge forms accept.
 */

/** Built-in kinds are awarded from records; `request` ones when a moderator validates a request. */
export const ACHIEVEMENT_KINDS = ['participated', 'facilitated', 'contributed', 'request'] as const;
export type AchievementKind = (typeof ACHIEVEMENT_KINDS)[number];
export const BUILT_IN_KINDS = ['participated', 'facilitated', 'contributed'] as const satisfies readonly AchievementKind[];

/**
 * requested → declined (with a reason) | offered (signed, waiting for its recipient) → accepted |
 * rejected (the recipient declined it). Awards from records start at `offered`.
 */
export const BADGE_STATUSES = ['requested', 'declined', 'offered', 'accepted', 'rejected'] as const;
export type BadgeStatus = (typeof BADGE_STATUSES)[number];

/** Session roles (`session_people`) that earn *facilitated*. */
export const FACILITATOR_ROLES = ['speaker', 'facilitator', 'moderator'] as const;
/** Event role grants that earn *facilitated* too. */
export const FACILITATOR_GRANTS = ['speaker', 'moderator'] as const;

/** Default threshold of *participated*, in minutes of live sessions. */
export const DEFAULT_MIN_MINUTES = 30;

export type Interval = { joinedAt: Date; leftAt: Date | null };

/**
 * Minutes a person spent in live rooms: overlapping joins (two tabs, a reconnect) count once; a
 * join still open counts until `until` (now, or the session's end if earlier).
 */
export function attendedMinutes(intervals: Interval[], until: Date): number {
  const spans = intervals
    .map((i) => [i.joinedAt.getTime(), Math.min((i.leftAt ?? until).getTime(), until.getTime())] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let [start, end] = [Number.NaN, Number.NaN];
  for (const [a, b] of spans) {
    if (Number.isNaN(start) || a > end) {
      if (!Number.isNaN(start)) total += end - start;
      [start, end] = [a, b];
    } else end = Math.max(end, b);
  }
  if (!Number.isNaN(start)) total += end - start;
  return Math.floor(total / 60_000);
}

/** *participated*: enough minutes in the event's live sessions, or checked in on site. */
export function participated(p: { minutes: number; checkedIn: boolean }, minMinutes: number): boolean {
  return p.checkedIn || p.minutes >= minMinutes;
}

export type BadgeAction = 'request' | 'validate' | 'decline' | 'accept' | 'reject' | 'publish' | 'unpublish';

/** The status after `action`, or null when the action does not apply to a badge in `from`. */
export function nextStatus(from: BadgeStatus | null, action: BadgeAction): BadgeStatus | null {
  switch (action) {
    case 'request':
      return from === null || from === 'declined' ? 'requested' : null;
    case 'validate':
      return from === 'requested' ? 'offered' : null;
    case 'decline':
      return from === 'requested' ? 'declined' : null;
    case 'accept':
      return from === 'offered' || from === 'rejected' ? 'accepted' : null;
    case 'reject':
      return from === 'offered' || from === 'accepted' ? 'rejected' : null;
    case 'publish':
    case 'unpublish':
      return from === 'accepted' ? 'accepted' : null;
  }
}

/** Badges are held by e-mail address, compared trimmed and in lower case. */
export const normalEmail = (email: string) => email.trim().toLowerCase();

/** Someone a badge goes to, or who asks for or endorses one. */
export type Person = { email: string; name: string };
export type Recipient = Person & { evidence?: string | null };

/** Why a badge use case did nothing. */
export type BadgeRefusal = { ok: false; code: 'not_found' | 'forbidden' | 'invalid_transition' };

/** Only an accepted, unrevoked badge can be shown publicly. */
export const mayShowPublicly = (b: { status: BadgeStatus; revokedAt: Date | null }) => b.status === 'accepted' && !b.revokedAt;

const text = (max: number) => z.string().trim().min(1).max(max);

export const badgeRequestSchema = z.object({
  achievementId: z.uuid(),
  evidence: z.string().trim().min(10).max(4000),
});

export const badgeDecisionSchema = z
  .object({
    awardId: z.uuid(),
    decision: z.enum(['validate', 'decline']),
    reason: z.string().trim().max(2000).optional().default(''),
  })
  .refine((d) => d.decision === 'validate' || d.reason.length >= 3, { path: ['reason'], message: 'a reason is required to decline', params: { code: 'reason_required' } });

export const achievementSchema = z.object({
  kind: z.enum(ACHIEVEMENT_KINDS),
  name: text(120),
  description: text(1000),
  criteria: text(2000),
  minMinutes: z.coerce.number().int().min(1).max(10_000).optional(),
});

export const endorsementSchema = z.object({
  achievementId: z.uuid(),
  comment: text(1000),
});

/** `POST /api/credentials/verify`: a credential, as JSON (an object with a proof to check). */
export const verifyRequestSchema = z.object({
  credential: z.record(z.string(), z.unknown()).describe('the credential to check, as issued (JSON-LD)'),
});
