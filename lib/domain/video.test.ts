import { describe, expect, it } from 'vitest';
import {
  type AdmissionInput,
  moderationRequest,
  participantPermission,
  roomLayoutOf,
  roomWindow,
  sessionIdOfRoom,
  videoAdmission,
  videoGrant,
  videoRoleOf,
  videoRoomOf,
} from './video';

describe('video grants', () => {
  it('keeps attendees of a stage off the air', () => {
    expect(videoGrant('attendee', 'plenary')).toEqual({
      canSubscribe: true,
      canPublishData: true,
      canPublish: false,
      canUpdateOwnMetadata: false,
      roomAdmin: false,
    });
  });
  it('lets workshop participants speak, and promoted attendees of a stage', () => {
    expect(videoGrant('attendee', 'workshop').canPublish).toBe(true);
    expect(videoGrant('attendee', 'plenary', true).canPublish).toBe(true);
  });
  it('gives moderators room admin and speakers publishing', () => {
    expect(videoGrant('moderator', 'plenary')).toMatchObject({ canPublish: true, roomAdmin: true });
    expect(videoGrant('speaker', 'round_table')).toMatchObject({ canPublish: true, roomAdmin: false });
  });
  it('maps event roles to video roles', () => {
    expect(videoRoleOf('organizer')).toBe('moderator');
    expect(videoRoleOf('speaker')).toBe('speaker');
    expect(videoRoleOf('participant')).toBe('attendee');
  });
  it('always gives the whole permission set (updateParticipant replaces it)', () => {
    const p = participantPermission(true);
    // Brought on stage or not, nobody may rename themself or set their own attributes.
    expect(p).toMatchObject({ canSubscribe: true, canPublish: true, canPublishData: true, canUpdateMetadata: false, hidden: false });
    expect(participantPermission(false).canUpdateMetadata).toBe(false);
    expect(participantPermission(false).canPublish).toBe(false);
  });
  it('a hand is raised by its owner only (no identity); a moderator may lower someone else’s', () => {
    expect(moderationRequest.safeParse({ action: 'raise_hand' }).success).toBe(true);
    expect(moderationRequest.safeParse({ action: 'raise_hand', identity: 'user:0b4c5f7e-1b2a-4c3d-8e9f-0a1b2c3d4e5f' }).success).toBe(false);
    expect(moderationRequest.safeParse({ action: 'lower_hand' }).success).toBe(true);
    expect(moderationRequest.safeParse({ action: 'lower_hand', identity: 'user:0b4c5f7e-1b2a-4c3d-8e9f-0a1b2c3d4e5f' }).success).toBe(true);
  });
  it('names rooms after sessions, and back', () => {
    const id = '0b4c5f7e-1b2a-4c3d-8e9f-0a1b2c3d4e5f';
    expect(sessionIdOfRoom(videoRoomOf(id))).toBe(id);
    expect(sessionIdOfRoom('bench-room')).toBeNull();
    expect(roomLayoutOf('plenary')).toBe('stage');
    expect(roomLayoutOf('workshop')).toBe('grid');
  });
});

describe('video admission', () => {
  const startsAt = new Date('2026-05-01T10:00:00Z');
  const endsAt = new Date('2026-05-01T11:00:00Z');
  const window = roomWindow({ startsAt, endsAt }, 15, 30);
  const during = new Date('2026-05-01T10:30:00Z');
  const base: AdmissionInput = {
    session: { kind: 'plenary', status: 'confirmed', visibility: 'public', capacity: null, confirmedCount: 0, startsAt, endsAt },
    role: 'participant',
    registered: true,
    seat: null,
    bannedAt: null,
  };
  const code = (a: AdmissionInput, now = during) => {
    const r = videoAdmission(a, window, now);
    return r.ok ? r.role : r.code;
  };

  it('opens 15 minutes before the start and closes 30 minutes after the end', () => {
    expect(code(base, new Date('2026-05-01T09:44:59Z'))).toBe('room_not_open');
    expect(code(base, new Date('2026-05-01T09:45:00Z'))).toBe('attendee');
    expect(code(base, new Date('2026-05-01T11:29:59Z'))).toBe('attendee');
    expect(code(base, new Date('2026-05-01T11:30:00Z'))).toBe('room_not_open');
    expect(code({ ...base, role: 'moderator' }, new Date('2026-05-01T09:40:00Z'))).toBe('room_not_open');
  });
  it('refuses guests, cancelled sessions and removed people', () => {
    expect(code({ ...base, role: 'guest' })).toBe('unauthenticated');
    expect(code({ ...base, session: { ...base.session, status: 'cancelled' } })).toBe('room_not_open');
    expect(code({ ...base, role: 'organizer', bannedAt: new Date() })).toBe('removed');
  });
  it('admits staff without registration, others with one', () => {
    expect(code({ ...base, role: 'speaker', registered: false })).toBe('speaker');
    expect(code({ ...base, role: 'organizer', registered: false })).toBe('moderator');
    expect(code({ ...base, registered: false })).toBe('not_registered');
  });
  it('needs a confirmed seat for invitation-only and full sessions', () => {
    const invitation = { ...base, session: { ...base.session, visibility: 'invitation' as const } };
    expect(code(invitation)).toBe('not_confirmed');
    expect(code({ ...invitation, seat: 'waitlisted' })).toBe('not_confirmed');
    expect(code({ ...invitation, seat: 'confirmed' })).toBe('attendee');
    const full = { ...base, session: { ...base.session, capacity: 2, confirmedCount: 2 } };
    expect(code(full)).toBe('not_confirmed');
    expect(code({ ...full, seat: 'confirmed' })).toBe('attendee');
    expect(code({ ...base, session: { ...base.session, capacity: 3, confirmedCount: 2 } })).toBe('attendee');
    // A hybrid session's video room is full when its online seats are: its chairs do not count.
    const hybrid = { ...base, session: { ...base.session, mode: 'hybrid' as const, capacity: 2, confirmedCount: 2, capacityOnline: 5, confirmedOnline: 0 } };
    expect(code(hybrid)).toBe('attendee');
    expect(code({ ...hybrid, session: { ...hybrid.session, confirmedCount: 7, confirmedOnline: 5 } })).toBe('not_confirmed');
  });
});

describe('moderation requests', () => {
  it('needs a target except to end the room, and a track only to mute', () => {
    expect(moderationRequest.safeParse({ action: 'end' }).success).toBe(true);
    expect(moderationRequest.safeParse({ action: 'promote', identity: 'user:abc-1' }).success).toBe(true);
    expect(moderationRequest.safeParse({ action: 'mute', identity: 'registration:x', trackSid: 'TR_abc' }).success).toBe(true);
    expect(moderationRequest.safeParse({ action: 'promote' }).success).toBe(false);
    expect(moderationRequest.safeParse({ action: 'end', identity: 'user:a' }).success).toBe(false);
    expect(moderationRequest.safeParse({ action: 'remove', identity: 'user:a', trackSid: 'TR_a' }).success).toBe(false);
    expect(moderationRequest.safeParse({ action: 'remove', identity: 'admin' }).success).toBe(false);
  });
});
