'use client';

import { type TrackReferenceOrPlaceholder, useSpeakingParticipants, useTracks } from '@livekit/components-react';
import { Track } from 'livekit-client';
import { useState } from 'react';
import { stageLayout } from '@/lib/domain/interpretation';
import { isVenueIdentity } from '@/lib/domain/venue-identity';
import { interpretsOnly } from './StageAudio';
import { canPublish } from './useRoomRevision';

/**
 * What the stage shows, for the live room (RoomView) and the composite egress records and streams
 * (CompositeStage) alike: the cameras of those who may publish (everyone's in a grid; never an
 * interpreter who only interprets), the screen shares, and `stageLayout`'s main area, pinned
 * participant and strip — a venue input first while it publishes, the active speaker kept until
 * another speaks.
 */
export function useStage(layout: 'stage' | 'grid', pin: string | null) {
  const tracks = useTracks(
    [
      { source: Track.Source.Camera, withPlaceholder: true },
      { source: Track.Source.ScreenShare, withPlaceholder: false },
    ],
    { onlySubscribed: false },
  );
  const screens = tracks.filter((r) => r.source === Track.Source.ScreenShare);
  const cameras = tracks.filter((r) => r.source === Track.Source.Camera && (layout === 'grid' || canPublish(r.participant)) && !interpretsOnly(r.participant));
  const speaking = useSpeakingParticipants()
    .map((p) => p.identity)
    .filter((id) => id !== pin);
  const [lastSpeaker, setLastSpeaker] = useState<string | null>(null);
  const speakingNow = cameras.find((r) => speaking.includes(r.participant.identity));
  if (speakingNow && speakingNow.participant.identity !== lastSpeaker) setLastSpeaker(speakingNow.participant.identity);
  const venue = cameras.find((r) => isVenueIdentity(r.participant.identity) && r.publication?.track && !r.publication.isMuted) ?? null;
  const placed = stageLayout<TrackReferenceOrPlaceholder>({
    cameras,
    screen: screens[0] ?? null,
    identityOf: (r) => r.participant.identity,
    speaking,
    lastSpeaker,
    pin,
    venue,
  });
  return { cameras, screens, venue, ...placed };
}
