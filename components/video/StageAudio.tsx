'use client';

import { AudioTrack, type TrackReference, useTracks } from '@livekit/components-react';
import { type Participant, type RemoteTrackPublication, Track } from 'livekit-client';
import { useEffect } from 'react';
import { audioPlan, INTERPRETATION_ATTRIBUTE, interpretationLangOf } from '@/lib/domain/interpretation';
import { setListening, useListening } from './listening';

const AUDIO_SOURCES = [Track.Source.Microphone, Track.Source.ScreenShareAudio, Track.Source.Unknown];

/** The interpretation language of a published track, or null for the original (lib/domain/interpretation.ts). */
const langOf = (pub: { trackName: string }, p: Participant) => interpretationLangOf(pub.trackName, p.attributes);

/** Someone who only interprets (their token lets them publish their microphone only): no speaker tile. */
export const interpretsOnly = (p: Participant) => Boolean(p.attributes[INTERPRETATION_ATTRIBUTE]) && (p.permissions?.canPublishSources?.length ?? 0) > 0;

/**
 * The room's audio in place of LiveKit's `RoomAudioRenderer`: every speaker, and the interpretation
 * channel the listener chose (the others are not even subscribed); with a language chosen, the
 * original is heard quietly underneath (`audioPlan`). No translation here: the composite egress
 * records (CompositeStage) plays it without the catalogue (the chooser is LanguageChooser.tsx).
 */
export function StageAudio() {
  const { chosen } = useListening();
  const tracks = useTracks(AUDIO_SOURCES, { updateOnlyOn: [], onlySubscribed: false }).filter(
    (r): r is TrackReference => !r.participant.isLocal && Boolean(r.publication) && r.publication!.kind === Track.Kind.Audio,
  );
  const planned = tracks.map((r) => ({ ref: r, lang: langOf(r.publication, r.participant) })).map((x) => ({ ...x, plan: audioPlan(x.lang, chosen) }));
  const channels = [...new Set(planned.flatMap((x) => (x.lang ? [x.lang] : [])))].sort();
  const channelKey = channels.join();
  useEffect(() => {
    setListening({ channels: channelKey ? channelKey.split(',') : [] });
  }, [channelKey]);
  // A channel that went away: back to the original.
  useEffect(() => {
    if (chosen && !channelKey.split(',').includes(chosen)) setListening({ chosen: null });
  }, [chosen, channelKey]);
  useEffect(() => {
    for (const { ref, plan } of planned) {
      const pub = ref.publication as RemoteTrackPublication;
      if (pub.isDesired !== plan.subscribe) pub.setSubscribed(plan.subscribe);
    }
  });
  return (
    <div style={{ display: 'none' }}>
      {planned
        .filter((x) => x.plan.subscribe)
        .map(({ ref, lang, plan }) => (
          <AudioTrack
            key={`${ref.participant.identity}-${ref.publication.trackSid}`}
            trackRef={ref}
            volume={plan.volume}
            data-testid="stage-audio"
            data-channel={lang ?? 'original'}
            data-identity={ref.participant.identity}
          />
        ))}
    </div>
  );
}
