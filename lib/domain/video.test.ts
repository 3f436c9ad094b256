import { describe, expect, it } from 'vitest';
import { videoGrant, videoRoleOf } from './video';

describe('video grants', () => {
  it('keeps attendees of a stage off the air', () => {
    expect(videoGrant('attendee', 'plenary')).toEqual({ canSubscribe: true, canPublishData: true, canPublish: false, roomAdmin: false });
  });
  it('lets workshop participants speak', () => {
    expect(videoGrant('attendee', 'workshop').canPublish).toBe(true);
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
});
