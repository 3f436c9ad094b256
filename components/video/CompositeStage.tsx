'use client';

import { LiveKitRoom, type TrackReferenceOrPlaceholder, useConnectionState, useDataChannel, useRoomContext, useRoomInfo, VideoTrack } from '@livekit/components-react';
import { ConnectionState, DisconnectReason, type RemoteTrackPublication, Room, RoomEvent } from 'livekit-client';
import { useEffect, useRef, useState } from 'react';
import { addCaptionLine } from '@/lib/domain/caption-lines';
import { CAPTION_TOPIC, captionOfPacket, stagePinOfMetadata } from '@/lib/domain/composite';
import { captionLinesFor } from '@/lib/domain/interpretation';
import type { CaptionLine } from '@/lib/realtime/protocol';
import { useListening } from './listening';
import { StageAudio } from './StageAudio';
import { useRoomParticipants } from './useRoomRevision';
import { useStage } from './useStage';

/** Egress's signals (its web source watches the page's console): start writing, and the room ended. */
const START = 'START_RECORDING';
const END = 'END_RECORDING';
/** A track that never arrives does not hold the recording back longer than this. */
const START_AT_LATEST_MS = 10_000;

/** `speaker` has `{name}` where the speaker's name goes ("{name} :"). */
export type CompositeLabels = { pinned: string; waiting: string; speaker: string };

/**
 * The composite egress records and streams (app/media/layout): the stage as the live room lays it out
 * (`useStage`: the venue input first while it publishes, else a screen share, else the active
 * speaker; the pinned sign-language interpreter large beside it whoever speaks; the others in a
 * strip), the session's title, a lower third with the name of who is in the main area, and
 * everyone's original audio (`StageAudio`: interpretation channels are not mixed in) and the live
 * captions of the original (`CompositeCaptions`). Connects
 * with egress's hidden recorder token; says START_RECORDING once every wanted track is subscribed,
 * END_RECORDING when the room ends. Strings come translated from the server (no catalogue here).
 */
export function CompositeStage(props: {
  url: string;
  token: string;
  title: string;
  eventTitle: string;
  layout: 'stage' | 'grid';
  initialPin: string | null;
  labels: CompositeLabels;
}) {
  // Full quality for the recording: no adaptive stream (it would pick layers by tile size).
  const [room] = useState(() => new Room({ adaptiveStream: false, dynacast: false }));
  // The room's end (deleted, or egress removed) ends the recording; anything else is said in egress's log.
  useEffect(() => {
    const ended = (reason?: DisconnectReason) => {
      if (reason === DisconnectReason.ROOM_DELETED || reason === DisconnectReason.PARTICIPANT_REMOVED) console.log(END);
      else toEgressLog(`the layout page was disconnected from LiveKit: ${reason === undefined ? 'unknown' : DisconnectReason[reason]}`);
    };
    room.on(RoomEvent.Disconnected, ended);
    return () => {
      room.off(RoomEvent.Disconnected, ended);
    };
  }, [room]);
  return (
    <LiveKitRoom
      room={room}
      serverUrl={props.url}
      token={props.token}
      connect
      audio={false}
      video={false}
      onError={(err) => toEgressLog(`the layout page could not connect to LiveKit: ${err.message}`)}
    >
      <Composite {...props} />
    </LiveKitRoom>
  );
}

/** Egress logs the page's uncaught exceptions (`chrome exception`), not its console: what goes wrong is said there. */
function toEgressLog(message: string) {
  setTimeout(() => {
    throw new Error(message);
  });
}

function Composite({ title, eventTitle, layout, initialPin, labels }: Parameters<typeof CompositeStage>[0]) {
  const { metadata } = useRoomInfo();
  // A moderator's pin as the server wrote it into the room (a pin or null), else as stored when the page loaded.
  const fromRoom = stagePinOfMetadata(metadata);
  const pin = fromRoom === undefined ? initialPin : fromRoom;
  const { main, pinned, strip } = useStage(layout, pin);
  useStartSignal();
  return (
    <div className="fixed inset-0 z-50 flex flex-col gap-3 bg-stone-950 p-4 text-white" data-testid="composite" data-pinned={pinned?.participant.identity}>
      <header className="flex flex-wrap items-baseline gap-x-3">
        <h1 className="line-clamp-2 text-2xl font-bold" data-testid="composite-title">
          {title}
        </h1>
        <span className="truncate text-lg text-stone-300">{eventTitle}</span>
      </header>
      {main ? (
        <div className={`grid min-h-0 flex-1 gap-3 ${pinned ? 'grid-cols-[3fr_2fr] portrait:grid-cols-1 portrait:grid-rows-2' : 'grid-cols-1'}`}>
          <Tile trackRef={main} lowerThird={nameOf(main)} main />
          {pinned && <Tile trackRef={pinned} lowerThird={nameOf(pinned)} role={labels.pinned} />}
        </div>
      ) : (
        <p className="flex flex-1 items-center justify-center text-3xl text-stone-300">{labels.waiting}</p>
      )}
      <CompositeCaptions speakerLabel={labels.speaker} />
      {strip.length > 0 && (
        <ul className="flex h-28 shrink-0 gap-3" data-testid="composite-strip">
          {strip.slice(0, 6).map((r) => (
            <li key={`${r.participant.identity}-${r.source}`} className="aspect-video h-full">
              <Tile trackRef={r} lowerThird={nameOf(r)} small />
            </li>
          ))}
        </ul>
      )}
      <StageAudio />
    </div>
  );
}

/**
 * The last two caption lines of the original (typed or recognised; a recognised line under way is
 * lighter and replaced in place), as the stage shows them, from the data packets the server sends
 * into the room (`captionToComposite`). Nothing while there are none.
 */
function CompositeCaptions({ speakerLabel }: { speakerLabel: string }) {
  const [lines, setLines] = useState<CaptionLine[]>([]);
  const { channels } = useListening();
  useDataChannel(CAPTION_TOPIC, (msg) => {
    const line = captionOfPacket(msg.payload);
    if (line) setLines((all) => addCaptionLine(all, line, 20));
  });
  const shown = captionLinesFor(lines, null, channels).slice(-2);
  if (!shown.length) return null;
  return (
    <div className="shrink-0 rounded-lg bg-black/85 px-5 py-3 text-3xl leading-snug font-semibold" data-testid="composite-captions">
      {shown.map((l, i) => (
        <p key={i}>
          {l.speaker && <strong className="font-bold">{speakerLabel.replace('{name}', l.speaker)} </strong>}
          <span lang={l.lang} className={l.final ? undefined : 'italic opacity-75'} data-partial={l.final ? undefined : ''}>
            {l.text}
          </span>
        </p>
      ))}
    </div>
  );
}

const nameOf = (r: TrackReferenceOrPlaceholder) => r.participant.name || r.participant.identity;

/** `role` (the pinned interpreter's) goes on a line of its own under the name: a long name and role are not cut. */
function Tile({ trackRef, lowerThird, role, main = false, small = false }: { trackRef: TrackReferenceOrPlaceholder; lowerThird: string; role?: string; main?: boolean; small?: boolean }) {
  const pub = trackRef.publication;
  const visible = pub?.track && !pub.isMuted;
  return (
    <figure className="relative h-full min-h-0 overflow-hidden rounded-lg bg-stone-900" data-testid="composite-tile" data-identity={trackRef.participant.identity} data-main={main || undefined}>
      {visible ? (
        <VideoTrack
          trackRef={trackRef as Parameters<typeof VideoTrack>[0]['trackRef']}
          // Large tiles show the whole picture (an interpreter's hands, a slide); the strip fills its tiles.
          className={`h-full w-full ${small ? 'object-cover' : 'object-contain'}`}
        />
      ) : (
        <div className="flex h-full items-center justify-center text-6xl font-bold text-stone-500" aria-hidden>
          {lowerThird.slice(0, 1).toUpperCase()}
        </div>
      )}
      <figcaption
        className={`absolute bottom-3 left-3 max-w-[calc(100%-1.5rem)] truncate rounded bg-black/70 font-semibold ${small ? 'px-2 py-0.5 text-sm' : 'px-4 py-2 text-xl'}`}
        data-testid={main ? 'lower-third' : undefined}
      >
        {lowerThird}
        {role && <span className="block truncate text-base font-normal text-stone-200">{role}</span>}
      </figcaption>
    </figure>
  );
}

/**
 * START_RECORDING once connected and every track the page wants (not the interpretation channels it
 * leaves unsubscribed) is subscribed, or START_AT_LATEST_MS after connecting; once.
 */
function useStartSignal() {
  const room = useRoomContext();
  const state = useConnectionState();
  const { revision } = useRoomParticipants();
  const sent = useRef(false);
  const connected = state === ConnectionState.Connected;
  useEffect(() => {
    if (!connected) return;
    const pubs = [...room.remoteParticipants.values()].flatMap((p) => [...p.trackPublications.values()]) as RemoteTrackPublication[];
    if (!sent.current && pubs.every((p) => !p.isDesired || p.isSubscribed)) {
      sent.current = true;
      console.log(START);
    }
  }, [room, connected, revision]);
  useEffect(() => {
    if (!connected) return;
    const timer = setTimeout(() => {
      if (sent.current) return;
      sent.current = true;
      console.log(START);
    }, START_AT_LATEST_MS);
    return () => clearTimeout(timer);
  }, [connected]);
}
