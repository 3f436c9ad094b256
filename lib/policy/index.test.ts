import { describe, expect, it } from 'vitest';
import { type Action, type Grant, interpretationOf, may, pathsWhere, RULES, sessionRoleOf, type TargetOf } from '.';

// One event E with sessions S1 (granted) and S2; another event F with session T1. Path P
// (granted) and Q; call C (granted) and D. The session S1 is linked to path P.
const E = 'event-e';
const F = 'event-f';
const S1 = { sessionId: 's1', eventId: E, pathIds: ['path-p'] };
const S2 = { sessionId: 's2', eventId: E, pathIds: ['path-q'] };
const T1 = { sessionId: 't1', eventId: F, pathIds: [] };

/** Each principal holds one grant, scoped to E / S1 / P / C. */
const principals: Record<string, Grant[]> = {
  admin: [{ role: 'admin' }],
  organizer: [{ role: 'organizer', eventId: E }],
  'moderator of S1': [{ role: 'moderator', eventId: E, sessionId: S1.sessionId }],
  'moderator of every session of E': [{ role: 'moderator', eventId: E, sessionId: null }],
  'speaker of S1': [{ role: 'speaker', eventId: E, sessionId: S1.sessionId }],
  'captioner of S1': [{ role: 'captioner', eventId: E, sessionId: S1.sessionId }],
  'interpreter of S1': [{ role: 'interpreter', eventId: E, sessionId: S1.sessionId, lang: 'en' }],
  'coordinator of P': [{ role: 'coordinator', pathId: 'path-p' }],
  'committee of C': [{ role: 'committee', callId: 'call-c' }],
  participant: [],
};
type Who = keyof typeof principals;

/** Per action: the targets to try, by name. */
const targets: { [A in Action]: Record<string, TargetOf<A>> } = {
  'role.grant': { platform: {} },
  'people.merge': { platform: {} },
  'event.create': { platform: {} },
  'event.manage': { E: { eventId: E }, F: { eventId: F } },
  'session.moderate': { S1, S2, T1 },
  'session.publishStage': { S1, S2, T1 },
  'session.runPolls': { S1, S2, T1 },
  'session.caption': { S1, S2, T1 },
  'session.interpret': { S1, S2, T1 },
  'session.readQa': { S1, S2, T1 },
  'session.exportQa': { S1, S2, T1 },
  'replay.editCaptions': { S1, S2, T1 },
  'path.edit': { P: { pathId: 'path-p' }, Q: { pathId: 'path-q' } },
  'path.review': { P: { pathId: 'path-p' }, Q: { pathId: 'path-q' } },
  'call.review': { C: { callId: 'call-c' }, D: { callId: 'call-d' } },
  'badge.issue': { 'issuer of E': { issuerId: 'i-e', eventId: E }, 'issuer of F': { issuerId: 'i-f', eventId: F }, platform: { issuerId: 'i-p', eventId: null } },
};

/** Who runs a session, on which of S1, S2, T1: the base of most session actions. */
const sessionStaff: Partial<Record<Who, string[]>> = {
  admin: ['S1', 'S2', 'T1'],
  organizer: ['S1', 'S2'],
  'moderator of S1': ['S1'],
  'moderator of every session of E': ['S1', 'S2'],
};

/** The table: for each action, who may act on which target (everything not listed is refused). */
const allowed: { [A in Action]: Partial<Record<Who, string[]>> } = {
  'role.grant': { admin: ['platform'] },
  'people.merge': { admin: ['platform'] },
  'event.create': { admin: ['platform'] },
  'event.manage': { admin: ['E', 'F'], organizer: ['E'] },
  'session.moderate': sessionStaff,
  'session.publishStage': { ...sessionStaff, 'speaker of S1': ['S1'] },
  'session.runPolls': { ...sessionStaff, 'speaker of S1': ['S1'] },
  'session.caption': { ...sessionStaff, 'captioner of S1': ['S1'] },
  'session.interpret': { 'interpreter of S1': ['S1'] },
  'session.readQa': {
    ...sessionStaff,
    'speaker of S1': ['S1'],
    'captioner of S1': ['S1'],
    'interpreter of S1': ['S1'],
  },
  'session.exportQa': { ...sessionStaff, 'coordinator of P': ['S1'] },
  'replay.editCaptions': { ...sessionStaff, 'coordinator of P': ['S1'] },
  'path.edit': { admin: ['P', 'Q'], 'coordinator of P': ['P'] },
  'path.review': { admin: ['P', 'Q'], 'coordinator of P': ['P'] },
  'call.review': { 'committee of C': ['C'] },
  'badge.issue': {
    admin: ['issuer of E', 'issuer of F', 'platform'],
    organizer: ['issuer of E'],
    'moderator of S1': ['issuer of E'],
    'moderator of every session of E': ['issuer of E'],
  },
};

const rows = (Object.keys(targets) as Action[]).flatMap((action) =>
  Object.keys(principals).flatMap((who) =>
    Object.entries(targets[action]).map(([name, target]) => ({
      action,
      who,
      name,
      target,
      expected: (allowed[action][who] ?? []).includes(name),
    })),
  ),
);

describe('policy: every role × action × target', () => {
  it('covers every action of the rules', () => {
    expect(Object.keys(targets).sort()).toEqual(Object.keys(RULES).sort());
  });

  it.each(rows)('$who → $action on $name: $expected', ({ action, who, target, expected }) => {
    expect(may(principals[who]!, action, target as never)).toBe(expected);
  });

  it('refuses everything to nobody, and adds up grants', () => {
    expect(rows.filter((r) => may([], r.action, r.target as never))).toEqual([]);
    const both: Grant[] = [...principals['speaker of S1']!, { role: 'speaker', eventId: E, sessionId: S2.sessionId }];
    expect(may(both, 'session.runPolls', S2)).toBe(true);
    expect(may(both, 'session.runPolls', T1)).toBe(false);
  });

  it('does not let a session grant of one event reach a session with the same id claimed under another event', () => {
    expect(may(principals['speaker of S1']!, 'session.publishStage', { sessionId: 's1', eventId: F })).toBe(false);
  });
});

describe('the language an interpreter interprets into', () => {
  it('is the grant’s, on its own session only', () => {
    expect(interpretationOf(principals['interpreter of S1']!, S1)).toBe('en');
    expect(interpretationOf(principals['interpreter of S1']!, S2)).toBeNull();
    expect(interpretationOf(principals['interpreter of S1']!, { sessionId: 's1', eventId: F })).toBeNull();
    expect(interpretationOf(principals['moderator of S1']!, S1)).toBeNull();
  });
});

describe('the role in a live session', () => {
  const table: [Who, typeof S1, string][] = [
    ['admin', T1, 'organizer'],
    ['organizer', S2, 'organizer'],
    ['organizer', T1, 'participant'],
    ['moderator of S1', S1, 'moderator'],
    ['moderator of S1', S2, 'participant'],
    ['moderator of every session of E', S2, 'moderator'],
    ['speaker of S1', S1, 'speaker'],
    ['speaker of S1', S2, 'participant'],
    ['coordinator of P', S1, 'participant'],
    ['participant', S1, 'participant'],
  ];
  it.each(table)('%s in %o is %s', (who, target, role) => {
    expect(sessionRoleOf(principals[who]!, target)).toBe(role);
  });

  it('agrees with may: staff roles are those who take the stage, moderators and organizers those who moderate', () => {
    for (const grants of Object.values(principals)) {
      for (const target of [S1, S2, T1]) {
        const role = sessionRoleOf(grants, target);
        expect(role !== 'participant').toBe(may(grants, 'session.publishStage', target));
        expect(role === 'moderator' || role === 'organizer').toBe(may(grants, 'session.moderate', target));
      }
    }
  });

  it('prefers moderator to organizer to speaker', () => {
    const g: Grant[] = [
      { role: 'speaker', eventId: E, sessionId: 's1' },
      { role: 'organizer', eventId: E },
    ];
    expect(sessionRoleOf(g, S1)).toBe('organizer');
    expect(sessionRoleOf([...g, { role: 'moderator', eventId: E, sessionId: 's1' }], S1)).toBe('moderator');
  });
});

describe('paths listed for path actions', () => {
  it('agrees with may', () => {
    expect(pathsWhere(principals.admin!, 'path.review')).toBe('all');
    expect(pathsWhere(principals.organizer!, 'path.review')).toEqual([]);
    const two: Grant[] = [
      { role: 'coordinator', pathId: 'path-p' },
      { role: 'coordinator', pathId: 'path-q' },
    ];
    expect(pathsWhere(two, 'path.edit')).toEqual(['path-p', 'path-q']);
    for (const pathId of ['path-p', 'path-q']) expect(may(two, 'path.edit', { pathId })).toBe(true);
  });
});
