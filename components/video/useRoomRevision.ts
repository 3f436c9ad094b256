'use client';

import { useRoomContext } from '@livekit/components-react';
import { type Participant, RoomEvent } from 'livekit-client';
import { useEffect, useState } from 'react';

const EVENTS = [
  RoomEvent.ParticipantConnected,
  RoomEvent.ParticipantDisconnected,
  RoomEvent.ParticipantAttributesChanged,
  RoomEvent.ParticipantNameChanged,
  RoomEvent.ParticipantPermissionsChanged,
  RoomEvent.TrackPublished,
  RoomEvent.TrackUnpublished,
  RoomEvent.TrackSubscribed,
  RoomEvent.TrackUnsubscribed,
  RoomEvent.TrackMuted,
  RoomEvent.TrackUnmuted,
  RoomEvent.LocalTrackPublished,
  RoomEvent.LocalTrackUnpublished,
  RoomEvent.ConnectionStateChanged,
] as const;

/**
 * Every participant of the room (local first), re-read whenever someone comes or goes, raises a
 * hand (attributes), is promoted (permissions) or publishes.
 */
export function useRoomParticipants(): { participants: Participant[]; revision: number } {
  const room = useRoomContext();
  const [revision, setRevision] = useState(0);
  useEffect(() => {
    const bump = () => setRevision((r) => r + 1);
    for (const e of EVENTS) room.on(e, bump);
    return () => {
      for (const e of EVENTS) room.off(e, bump);
    };
  }, [room]);
  return { participants: [room.localParticipant, ...room.remoteParticipants.values()], revision };
}

export const handRaised = (p: Participant) => p.attributes.hand === 'up';
export const canPublish = (p: Participant) => Boolean(p.permissions?.canPublish);
