import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { byOf, callInput, callPhase, sessionKindOf, editable, isOverdue, lines, move, needsReason, nextProposalStatus, proposalPath, requireFormat, requireOpen, scheduleInput, textDiff, waiting } from './calls';

const DAY = 86_400_000;
const now = new Date('2026-03-10T12:00:00Z');
const call = { answerBy: new Date('2026-04-01T00:00:00Z'), staleDays: 14 };

describe('proposal status timeline', () => {
  it.each([
    ['submitted', 'review', 'under_review'],
    ['under_review', 'request_changes', 'changes_requested'],
    ['changes_requested', 'revise', 'submitted'],
    ['under_review', 'accept', 'accepted'],
    ['accepted', 'schedule', 'scheduled'],
    ['submitted', 'withdraw', 'withdrawn'],
    ['accepted', 'accept', null],
    ['declined', 'accept', null],
    ['scheduled', 'withdraw', null],
    ['under_review', 'schedule', null],
  ] as const)('moves only along the allowed transitions: %s, %s → %s', (from, action, to) => {
    expect(nextProposalStatus(from, action)).toBe(to);
  });
  it('asks a reason for every decision', () => {
    expect(needsReason('accept')).toBe(true);
    expect(needsReason('decline')).toBe(true);
    expect(needsReason('request_changes')).toBe(true);
    expect(needsReason('review')).toBe(false);
  });
  it('lets the proposer edit until a decision', () => {
    expect(editable('changes_requested')).toBe(true);
    expect(editable('accepted')).toBe(false);
    expect(editable('withdrawn')).toBe(false);
  });
});

describe('overdue', () => {
  it('flags a proposal waiting past the answer date', () => {
    const p = { status: 'under_review' as const, statusChangedAt: new Date(now.getTime() - DAY) };
    expect(isOverdue(p, call, now)).toBe(false);
    expect(isOverdue(p, call, new Date('2026-04-01T00:00:01Z'))).toBe(true);
  });
  it('flags a proposal left without a status change for staleDays days', () => {
    expect(isOverdue({ status: 'submitted', statusChangedAt: new Date(now.getTime() - 14 * DAY + 1000) }, call, now)).toBe(false);
    expect(isOverdue({ status: 'submitted', statusChangedAt: new Date(now.getTime() - 15 * DAY) }, call, now)).toBe(true);
  });
  it('clears on a decision', () => {
    const old = new Date(now.getTime() - 60 * DAY);
    for (const status of ['accepted', 'declined', 'changes_requested', 'scheduled', 'withdrawn'] as const) {
      expect(isOverdue({ status, statusChangedAt: old }, call, new Date('2027-01-01'))).toBe(false);
    }
  });
  it('counts who waits and for how long', () => {
    const list = [
      { status: 'submitted' as const, statusChangedAt: new Date(now.getTime() - 3.5 * DAY) },
      { status: 'under_review' as const, statusChangedAt: new Date(now.getTime() - DAY) },
      { status: 'accepted' as const, statusChangedAt: new Date(now.getTime() - 90 * DAY) },
    ];
    expect(waiting(list, now)).toEqual({ count: 2, oldestDays: 3 });
    expect(waiting([], now)).toEqual({ count: 0, oldestDays: 0 });
  });
});

describe('calls', () => {
  it('knows its phase', () => {
    const c = { opensAt: new Date('2026-03-01'), closesAt: new Date('2026-03-31') };
    expect(callPhase(c, new Date('2026-02-01'))).toBe('upcoming');
    expect(callPhase(c, now)).toBe('open');
    expect(callPhase(c, new Date('2026-03-31'))).toBe('closed');
  });
  it('refuses dates in the wrong order', () => {
    const base = {
      slug: 'appel',
      title: 'Appel',
      opensAt: '2026-03-01T00:00:00Z',
      closesAt: '2026-02-01T00:00:00Z',
      answerBy: '2026-04-01T00:00:00Z',
      formats: ['atelier'],
      slots: 5,
      committeeName: 'Comité',
      committee: [{ email: 'a@chemins.test', name: 'A' }],
    };
    const r = callInput.safeParse(base);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['closesAt']);
    expect(callInput.safeParse({ ...base, closesAt: '2026-03-31T00:00:00Z' }).success).toBe(true);
  });
  it('splits textareas into lines and diffs texts', () => {
    expect(lines(' atelier \r\n\n table ronde ')).toEqual(['atelier', 'table ronde']);
    expect(textDiff({ title: 'A', abstract: 'x' }, { title: 'B', abstract: 'x' })).toEqual([{ field: 'title', before: 'A', after: 'B' }]);
    expect(scheduleInput.safeParse({ title: 'T', abstract: 'A', day: '2026-05-01', start: '15:00', end: '14:00' }).success).toBe(false);
  });
});

describe('sessionKindOf', () => {
  it.each([
    ['Atelier', 'workshop'],
    ['Table ronde', 'round_table'],
    ['Conférence', 'session'],
  ])('maps a call’s format to a programme kind: %s → %s', (format, kind) => {
    expect(sessionKindOf(format)).toBe(kind);
  });
});

describe('the rules the use cases apply', () => {
  const refusal = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e instanceof DomainError ? { status: e.status, code: e.code, fields: e.fields } : e;
    }
    return null;
  };
  it('writes only to an open call, in a format it offers', () => {
    const c = { opensAt: new Date(now.getTime() - DAY), closesAt: new Date(now.getTime() + DAY), formats: ['Atelier'] };
    expect(refusal(() => requireOpen(c, now))).toBeNull();
    expect(refusal(() => requireOpen(c, new Date(now.getTime() - 2 * DAY)))).toMatchObject({ status: 409, code: 'call_not_open' });
    expect(refusal(() => requireOpen(c, new Date(now.getTime() + 2 * DAY)))).toMatchObject({ status: 409, code: 'call_closed' });
    expect(refusal(() => requireFormat(c, 'Atelier'))).toBeNull();
    expect(refusal(() => requireFormat(c, 'Conférence'))).toMatchObject({ status: 400, code: 'invalid', fields: { format: 'not_offered' } });
  });
  it('moves a proposal or refuses the move', () => {
    expect(move({ status: 'submitted' }, 'accept')).toBe('accepted');
    expect(refusal(() => move({ status: 'declined' }, 'accept'))).toMatchObject({ status: 409, code: 'invalid_transition' });
  });
  it('signs a decision with the member’s name only when decisions are named', () => {
    expect(byOf({ namedDecisions: true, committeeName: 'Comité' }, { name: 'Claire' })).toBe('Claire');
    expect(byOf({ namedDecisions: false, committeeName: 'Comité' }, { name: 'Claire' })).toBe('Comité');
  });
  it('names a proposal’s page', () => {
    expect(proposalPath('appel', 'p1')).toBe('/calls/appel/proposals/p1');
  });
});
