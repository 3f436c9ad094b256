import { describe, expect, it } from 'vitest';
import { attendedMinutes, badgeDecisionSchema, badgeRequestSchema, mayShowPublicly, nextStatus, participated } from './badges';

const at = (min: number) => new Date(Date.UTC(2026, 0, 1, 10, min));

describe('attendedMinutes', () => {
  it('counts overlapping joins once and adds separate ones', () => {
    expect(attendedMinutes([{ joinedAt: at(0), leftAt: at(30) }, { joinedAt: at(5), leftAt: at(20) }], at(59))).toBe(30);
    expect(attendedMinutes([{ joinedAt: at(0), leftAt: at(10) }, { joinedAt: at(20), leftAt: at(40) }], at(59))).toBe(30);
    expect(attendedMinutes([{ joinedAt: at(20), leftAt: at(40) }, { joinedAt: at(0), leftAt: at(25) }], at(59))).toBe(40);
  });
  it('counts a join still open until `until`, and nothing past it', () => {
    expect(attendedMinutes([{ joinedAt: at(0), leftAt: null }], at(45))).toBe(45);
    expect(attendedMinutes([{ joinedAt: at(0), leftAt: at(50) }], at(45))).toBe(45);
    expect(attendedMinutes([{ joinedAt: at(10), leftAt: at(5) }], at(45))).toBe(0);
    expect(attendedMinutes([], at(45))).toBe(0);
  });
});

describe('participated', () => {
  it('takes enough minutes or a check-in on site', () => {
    expect(participated({ minutes: 30, checkedIn: false }, 30)).toBe(true);
    expect(participated({ minutes: 29, checkedIn: false }, 30)).toBe(false);
    expect(participated({ minutes: 0, checkedIn: true }, 30)).toBe(true);
  });
});

describe('nextStatus', () => {
  it('follows request → validate/decline → accept/reject', () => {
    expect(nextStatus(null, 'request')).toBe('requested');
    expect(nextStatus('declined', 'request')).toBe('requested');
    expect(nextStatus('requested', 'request')).toBeNull();
    expect(nextStatus('offered', 'request')).toBeNull();
    expect(nextStatus('requested', 'validate')).toBe('offered');
    expect(nextStatus('requested', 'decline')).toBe('declined');
    expect(nextStatus('offered', 'decline')).toBeNull();
    expect(nextStatus('offered', 'accept')).toBe('accepted');
    expect(nextStatus('rejected', 'accept')).toBe('accepted');
    expect(nextStatus('requested', 'accept')).toBeNull();
    expect(nextStatus('accepted', 'reject')).toBe('rejected');
    expect(nextStatus('offered', 'publish')).toBeNull();
    expect(nextStatus('accepted', 'publish')).toBe('accepted');
  });
  it('shows publicly only accepted, unrevoked badges', () => {
    expect(mayShowPublicly({ status: 'accepted', revokedAt: null })).toBe(true);
    expect(mayShowPublicly({ status: 'accepted', revokedAt: new Date() })).toBe(false);
    expect(mayShowPublicly({ status: 'offered', revokedAt: null })).toBe(false);
  });
});

describe('forms', () => {
  it('a request needs evidence; declining needs a reason', () => {
    const id = '7f0e2a52-1b7c-4c1e-9d1e-3b1c2d3e4f50';
    expect(badgeRequestSchema.safeParse({ achievementId: id, evidence: 'short' }).success).toBe(false);
    expect(badgeRequestSchema.safeParse({ achievementId: id, evidence: 'I wrote the report.' }).success).toBe(true);
    expect(badgeDecisionSchema.safeParse({ awardId: id, decision: 'decline' }).success).toBe(false);
    expect(badgeDecisionSchema.safeParse({ awardId: id, decision: 'decline', reason: 'Missing the link' }).success).toBe(true);
    expect(badgeDecisionSchema.safeParse({ awardId: id, decision: 'validate' }).success).toBe(true);
  });
});
