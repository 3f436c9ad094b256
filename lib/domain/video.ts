/** Video roles and LiveKit grants, by the person's role on the event and the session's kind. */
export type VideoRole = 'attendee' | 'speaker' | 'moderator';
export type EventRole = 'organizer' | 'moderator' | 'speaker' | 'participant';
export type SessionKind = 'plenary' | 'session' | 'workshop' | 'round_table' | 'short_talk' | 'side_event' | 'social';

/** Kinds held as discussion rooms, where every admitted participant may speak. */
const DISCUSSION_KINDS: ReadonlySet<SessionKind> = new Set(['workshop', 'side_event', 'social']);

export function videoRoleOf(eventRole: EventRole): VideoRole {
  if (eventRole === 'moderator' || eventRole === 'organizer') return 'moderator';
  if (eventRole === 'speaker') return 'speaker';
  return 'attendee';
}

export function videoGrant(role: VideoRole, kind: SessionKind) {
  const canPublish = role !== 'attendee' || DISCUSSION_KINDS.has(kind);
  return {
    canSubscribe: true,
    canPublishData: true,
    canPublish,
    roomAdmin: role === 'moderator',
  };
}

/** The LiveKit room name of a programme session. */
export const videoRoomOf = (sessionId: string) => `session-${sessionId}`;
