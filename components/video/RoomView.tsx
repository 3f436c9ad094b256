'use client';

import {
  type TrackReferenceOrPlaceholder,
  StartAudio,
  useConnectionQualityIndicator,
  useConnectionState,
  useLocalParticipant,
  useRoomContext,
  VideoTrack,
} from '@livekit/components-react';
import { ConnectionQuality, ConnectionState, type RemoteTrackPublication, Track } from 'livekit-client';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef, useState } from 'react';
import { interpretationTrackName, languageName } from '@/lib/domain/interpretation';
import { ModeratorPanel } from './ModeratorPanel';
import { LanguageChooser } from './LanguageChooser';
import { interpretsOnly, StageAudio } from './StageAudio';
import { type DeviceProblem, deviceProblemOf, DeviceProblemNotice, type JoinChoices } from './PreJoin';
import { canPublish, handRaised, useRoomParticipants } from './useRoomRevision';
import { useStage } from './useStage';
import { isVenueIdentity } from '@/lib/domain/venue-identity';

const button = 'rounded border border-stone-300 bg-white px-3 py-1.5 text-sm hover:bg-stone-50 disabled:opacity-50';

/** The stage's pinned participant (a moderator's `stage:pin`, from the live room's connection). */
export type StagePinControl = { identity: string | null; pin: (identity: string | null) => Promise<{ ok: true } | { ok: false; code: string }> };

/**
 * Inside the connected room: the stage or the grid, the controls, and the moderators' panel.
 * `interpretation`: the language this person interprets into (their microphone is that channel);
 * `stagePin`: the participant kept large beside the active speaker.
 */
export function RoomView({
  sessionId,
  role,
  layout,
  choices,
  interpretation = null,
  stagePin = null,
}: {
  sessionId: string;
  role: 'attendee' | 'speaker' | 'moderator';
  layout: 'stage' | 'grid';
  choices: JoinChoices;
  interpretation?: string | null;
  stagePin?: StagePinControl | null;
}) {
  const t = useTranslations('video');
  const ti = useTranslations('interpretation');
  const locale = useLocale();
  const room = useRoomContext();
  const state = useConnectionState();
  const { localParticipant, isCameraEnabled, isMicrophoneEnabled, isScreenShareEnabled } = useLocalParticipant();
  const { participants, revision } = useRoomParticipants();
  const [lowBandwidth, setLowBandwidth] = useState(choices.lowBandwidth);
  const [problem, setProblem] = useState<DeviceProblem | null>(null);
  const [suggestionDismissed, setSuggestionDismissed] = useState(false);
  const { quality } = useConnectionQualityIndicator({ participant: localParticipant });
  const mayPublish = canPublish(localParticipant);
  // An interpreter's microphone is their channel (a track named after its language); one who only
  // interprets publishes nothing else.
  const micPublish = useMemo(() => (interpretation ? { name: interpretationTrackName(interpretation) } : undefined), [interpretation]);
  const audioOnly = interpretsOnly(localParticipant);
  const connected = state === ConnectionState.Connected;

  const run = (p: Promise<unknown>) =>
    p.catch((err: unknown) => {
      setProblem(deviceProblemOf(err));
    });

  // Once connected: what was chosen before joining is published.
  const published = useRef(false);
  useEffect(() => {
    if (!connected) return;
    // Only what the person may publish on arrival; someone brought on stage later chooses when.
    if (published.current) return;
    published.current = true;
    if (!mayPublish) return;
    if (choices.audioEnabled) void run(localParticipant.setMicrophoneEnabled(true, { deviceId: choices.audioDeviceId }, micPublish));
    if (choices.videoEnabled && !lowBandwidth && !audioOnly) void run(localParticipant.setCameraEnabled(true, { deviceId: choices.videoDeviceId }));
  }, [connected, mayPublish, choices, localParticipant, lowBandwidth, micPublish, audioOnly]);

  // Data saver: no camera video in or out; audio and screen shares stay, and so does the pinned
  // participant's video (the sign-language interpreter is what some follow).
  const pinned = stagePin?.identity ?? null;
  useEffect(() => {
    for (const p of room.remoteParticipants.values()) {
      for (const pub of p.trackPublications.values()) {
        if (pub.source === Track.Source.Camera) (pub as RemoteTrackPublication).setSubscribed(!lowBandwidth || p.identity === pinned);
      }
    }
    if (lowBandwidth && isCameraEnabled) void localParticipant.setCameraEnabled(false);
  }, [room, lowBandwidth, revision, isCameraEnabled, localParticipant, pinned]);

  // The stage: a venue input, else a screen share, else the active speaker (kept until another
  // speaks) in the main area; the pinned participant large beside it; the others in a strip.
  const { cameras, screens, venue, main, pinned: pinnedTile, strip } = useStage(layout, pinned);
  // A venue input (the room's own camera) is never the audience, even while it is not publishing.
  const audience = layout === 'stage' ? participants.filter((p) => !canPublish(p) && !isVenueIdentity(p.identity)).length : 0;
  const grid = venue ? [venue, ...cameras.filter((r) => r !== venue)] : cameras;
  const label = (r: TrackReferenceOrPlaceholder) => `${r.participant.name || r.participant.identity}${r.participant.isLocal ? ` (${t('you')})` : ''}`;
  const poor = quality === ConnectionQuality.Poor || quality === ConnectionQuality.Lost;

  return (
    <div className="space-y-3" data-testid="room" data-layout={layout} data-role={role} data-can-publish={mayPublish} data-connected={connected}>
      <StageAudio />
      <StartAudio label={t('startAudio')} className={button} />
      <LanguageChooser />
      {interpretation && (
        <p role="status" className="rounded border border-sky-300 bg-sky-50 p-2 text-sm" data-testid="interpreting" data-lang={interpretation}>
          {ti('interpreting', { language: languageName(interpretation, locale) })}
        </p>
      )}
      {state === ConnectionState.Reconnecting && <p role="status">{t('reconnecting')}</p>}
      {state === ConnectionState.Connecting && <p role="status">{t('joining')}</p>}
      {poor && !lowBandwidth && !suggestionDismissed && (
        <p role="status" data-testid="poor-connection" className="flex flex-wrap items-center gap-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm">
          {t('poorConnection')}
          <button type="button" className={button} onClick={() => setLowBandwidth(true)}>
            {t('switchLowBandwidth')}
          </button>
          <button type="button" className={button} onClick={() => setSuggestionDismissed(true)}>
            {t('dismiss')}
          </button>
        </p>
      )}
      {lowBandwidth && <p className="text-sm text-stone-600" data-testid="low-bandwidth-on">{t('lowBandwidthOn')}</p>}
      <DeviceProblemNotice problem={problem} />
      {layout === 'stage' && role === 'attendee' && !interpretation && (
        <p role="status" data-testid="stage-status" className="text-sm">
          {mayPublish ? t('onStage') : t('watching')}
        </p>
      )}

      {layout === 'stage' && role === 'attendee' && mayPublish && !audioOnly && !isMicrophoneEnabled && !isCameraEnabled && (
        <p className="flex flex-wrap items-center gap-2 rounded border border-green-300 bg-green-50 p-2 text-sm" data-testid="stage-invite">
          {t('invitedOnStage')}
          <button
            type="button"
            className={button}
            onClick={() => {
              void run(localParticipant.setMicrophoneEnabled(true, { deviceId: choices.audioDeviceId }));
              if (!lowBandwidth) void run(localParticipant.setCameraEnabled(true, { deviceId: choices.videoDeviceId }));
            }}
          >
            {t('turnOnDevices')}
          </button>
        </p>
      )}

      {layout === 'stage' ? (
        !main ? (
          <p className="rounded-lg bg-stone-100 p-6 text-center text-stone-600">{t('noSpeakers')}</p>
        ) : (
          <div className="space-y-2" data-testid="stage" data-pinned={pinnedTile?.participant.identity}>
            <div className={pinnedTile ? 'grid grid-cols-[3fr_2fr] items-start gap-2' : undefined}>
              {main.source === Track.Source.ScreenShare ? (
                <Tile trackRef={main} large main label={t('screenOf', { name: main.participant.name || main.participant.identity })} />
              ) : (
                <Tile trackRef={main} large main showVideo={!lowBandwidth || main.participant.isLocal} label={label(main)} hand={handRaised(main.participant)} />
              )}
              {pinnedTile && (
                <Tile trackRef={pinnedTile} large pinned label={ti('pinnedLabel', { name: label(pinnedTile) })} hand={handRaised(pinnedTile.participant)} />
              )}
            </div>
            {strip.length > 0 && (
              <ul className="flex gap-2 overflow-x-auto pb-1" aria-label={t('speakers')} data-testid="stage-strip">
                {strip.map((r) => (
                  <li key={`${r.participant.identity}-${r.source}`} className="w-36 shrink-0 sm:w-44">
                    {r.source === Track.Source.ScreenShare ? (
                      <Tile trackRef={r} label={t('screenOf', { name: r.participant.name || r.participant.identity })} />
                    ) : (
                      <Tile trackRef={r} showVideo={!lowBandwidth || r.participant.isLocal} label={label(r)} hand={handRaised(r.participant)} />
                    )}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )
      ) : (
        <>
          {screens.map((r) => (
            <Tile key={`${r.participant.identity}-screen`} trackRef={r} large label={t('screenOf', { name: r.participant.name || r.participant.identity })} />
          ))}
          <div className="grid grid-cols-2 gap-2 md:grid-cols-3">
            {grid.map((r) => (
              <Tile key={r.participant.identity} trackRef={r} showVideo={!lowBandwidth || r.participant.isLocal} label={label(r)} hand={handRaised(r.participant)} />
            ))}
          </div>
        </>
      )}
      <p className="text-sm text-stone-600" data-testid="audience">
        {layout === 'stage' ? t('audience', { count: audience }) : t('participants', { count: participants.length })}
      </p>

      <div className="flex flex-wrap gap-2" role="toolbar">
        {mayPublish && (
          <>
            <button type="button" className={button} onClick={() => void run(localParticipant.setMicrophoneEnabled(!isMicrophoneEnabled, { deviceId: choices.audioDeviceId }, micPublish))}>
              {isMicrophoneEnabled ? t('micOff') : t('micOn')}
            </button>
          </>
        )}
        {mayPublish && !audioOnly && (
          <>
            <button
              type="button"
              className={button}
              disabled={lowBandwidth}
              onClick={() => void run(localParticipant.setCameraEnabled(!isCameraEnabled, { deviceId: choices.videoDeviceId }))}
            >
              {isCameraEnabled ? t('cameraOff') : t('cameraOn')}
            </button>
            <button type="button" className={button} onClick={() => void run(localParticipant.setScreenShareEnabled(!isScreenShareEnabled))}>
              {isScreenShareEnabled ? t('stopShare') : t('shareScreen')}
            </button>
          </>
        )}
        {!mayPublish && (
          <button
            type="button"
            className={button}
            aria-pressed={handRaised(localParticipant)}
            // The server sets the hand in LiveKit (nobody sets their own attributes): not before the room is connected.
            disabled={!connected}
            onClick={() =>
              void fetch(`/api/sessions/${sessionId}/room/moderate`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ action: handRaised(localParticipant) ? 'lower_hand' : 'raise_hand' }),
              }).catch(() => {})
            }
          >
            {handRaised(localParticipant) ? t('lowerHand') : t('raiseHand')}
          </button>
        )}
        <label className={`${button} flex items-center gap-2`}>
          <input type="checkbox" checked={lowBandwidth} onChange={(e) => setLowBandwidth(e.target.checked)} />
          {t('lowBandwidth')}
        </label>
        <button type="button" className={`${button} border-red-300 text-red-800`} onClick={() => void room.disconnect()}>
          {t('leave')}
        </button>
      </div>

      {role === 'moderator' && <ModeratorPanel sessionId={sessionId} layout={layout} participants={participants.filter((p) => !p.isLocal)} stagePin={layout === 'stage' ? stagePin : null} />}
    </div>
  );
}

function Tile({
  trackRef,
  label,
  large = false,
  main = false,
  pinned = false,
  showVideo = true,
  hand = false,
}: {
  trackRef: TrackReferenceOrPlaceholder;
  label: string;
  large?: boolean;
  /** The stage's main area. */
  main?: boolean;
  /** The pinned participant beside it. */
  pinned?: boolean;
  showVideo?: boolean;
  hand?: boolean;
}) {
  const t = useTranslations('video');
  const pub = trackRef.publication;
  const visible = showVideo && pub && pub.track && !pub.isMuted;
  return (
    <figure
      className={`relative overflow-hidden rounded-lg bg-stone-900 ${large ? 'aspect-video w-full' : 'aspect-video'}`}
      data-testid="tile"
      data-identity={trackRef.participant.identity}
      data-source={trackRef.source}
      data-local={trackRef.participant.isLocal}
      data-main={main || undefined}
      data-pinned={pinned || undefined}
      data-venue={isVenueIdentity(trackRef.participant.identity) || undefined}
    >
      {visible ? (
        <VideoTrack trackRef={trackRef as Parameters<typeof VideoTrack>[0]['trackRef']} className={`h-full w-full ${large ? 'object-contain' : 'object-cover'}`} />
      ) : (
        <div className="flex h-full items-center justify-center text-3xl font-bold text-stone-400" aria-hidden>
          {label.slice(0, 1).toUpperCase()}
        </div>
      )}
      {/* One line at most, so that a long name never covers a sign-language interpreter's hands. */}
      <figcaption className="absolute bottom-1 left-1 max-w-[calc(100%-0.5rem)] truncate rounded bg-black/60 px-2 py-0.5 text-xs text-white" title={label}>
        {hand && <span title={t('handRaised')}>✋ </span>}
        {label}
      </figcaption>
    </figure>
  );
}
