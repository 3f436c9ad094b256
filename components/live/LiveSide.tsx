'use client';

import { useTranslations } from 'next-intl';
import type { LiveSnapshot } from '@/lib/realtime/protocol';
import { useAckError } from './AckErrorText';
import { Captions } from './Captions';
import { ChatPanel } from './ChatPanel';
import { DiffusionStatus } from './DiffusionStatus';
import { PollPanel } from './PollPanel';
import { QAPanel } from './QAPanel';
import { RecordingStatus } from './RecordingStatus';
import { StreamStatus } from './StreamStatus';
import { type LiveRoom, useLiveRoom } from './useLiveRoom';

/** Where the room page puts the caption area: under the stage (the side column's captions move there). */
export const CAPTIONS_STAGE_SLOT = 'captions-stage';

/** Q&A and chat beside the video (the room page's side column). */
export function LiveSide({ sessionId, sessionPath, snapshot }: { sessionId: string; sessionPath: string; snapshot?: LiveSnapshot | null }) {
  return <LiveSideView room={useLiveRoom(sessionId, snapshot)} sessionId={sessionId} sessionPath={sessionPath} />;
}

/** The same, over a connection the page already holds (components/breakouts/RoomWithBreakouts.tsx). */
export function LiveSideView({ room, sessionId, sessionPath }: { room: LiveRoom; sessionId: string; sessionPath: string }) {
  const t = useTranslations('live');
  const ackError = useAckError();
  const tp = useTranslations('polls');
  const signInHref = `/signin?callbackUrl=${encodeURIComponent(`${sessionPath}/room`)}`;
  return (
    <div className="flex flex-col gap-4">
      <RecordingStatus sessionId={sessionId} state={room.state} />
      <StreamStatus sessionId={sessionId} state={room.state} />
      <DiffusionStatus sessionId={sessionId} moderator={room.state.you?.isModerator === true} />
      <p role="status" className="text-sm text-stone-600" data-testid="side-presence">
        {room.state.presence ? t('presence', { count: room.state.presence.count }) : t('connecting')}
      </p>
      {room.state.status === 'error' ? (
        <p role="alert" className="text-sm">
          {room.state.error && ackError(room.state.error)}
        </p>
      ) : (
        <>
          <Captions socket={room.socket} sessionId={sessionId} sessionPath={sessionPath} stageSlot={CAPTIONS_STAGE_SLOT} />
          <PollPanel room={room} signInHref={signInHref} />
          <QAPanel room={room} signInHref={signInHref} />
          <ChatPanel room={room} signInHref={signInHref} />
        </>
      )}
      {(room.state.you?.isModerator || room.state.polls.canRun) && (
        <a href={`${sessionPath}/moderate`} className="text-sm underline">
          {room.state.you?.isModerator ? t('moderatorView') : tp('speakerLink')}
        </a>
      )}
    </div>
  );
}
