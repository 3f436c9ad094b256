'use client';

import { useTranslations } from 'next-intl';
import type { LiveSnapshot } from '@/lib/realtime/protocol';
import { useAckError } from './AckErrorText';
import { Captions } from './Captions';
import { ChatPanel } from './ChatPanel';
import { useClock } from './useClock';
import { PollPanel } from './PollPanel';
import { QAPanel } from './QAPanel';
import { RecordingStatus } from './RecordingStatus';
import { StreamStatus } from './StreamStatus';
import { useLiveRoom } from './useLiveRoom';

/** The live part of a session page: presence, polls, Q&A and chat, over one realtime connection (the video is on the room page). */
export function LivePanel({
  sessionId,
  sessionPath,
  snapshot,
}: {
  sessionId: string;
  /** `/events/{event}/sessions/{session}`: base of the moderator and projector views. */
  sessionPath: string;
  /** Questions and chat rendered with the page (`liveSnapshot`), until the connection answers. */
  snapshot?: LiveSnapshot | null;
}) {
  const t = useTranslations('session');
  const tl = useTranslations('live');
  const ackError = useAckError();
  const clock = useClock();
  const tp = useTranslations('polls');
  const room = useLiveRoom(sessionId, snapshot);
  const { state } = room;
  const notice = state.notices.at(-1);
  const signInHref = `/signin?callbackUrl=${encodeURIComponent(sessionPath)}`;
  return (
    <section aria-labelledby="live-title" className="flex flex-col gap-4 rounded-lg border border-stone-200 bg-white p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="live-title" className="flex items-center gap-2 text-lg font-semibold">
          <span className="inline-block h-2.5 w-2.5 rounded-full bg-live" aria-hidden /> {t('liveTitle')}
        </h2>
        <RecordingStatus sessionId={sessionId} state={state} />
        <StreamStatus sessionId={sessionId} state={state} />
        <p className="flex gap-3 text-sm">
          {state.you?.isModerator ? (
            <a href={`${sessionPath}/moderate`} className="underline">
              {tl('moderatorView')}
            </a>
          ) : (
            state.polls.canRun && (
              <a href={`${sessionPath}/moderate`} className="underline">
                {tp('speakerLink')}
              </a>
            )
          )}
          <a href={`${sessionPath}/projector`} className="underline">
            {tl('projectorView')}
          </a>
        </p>
      </div>
      <noscript>
        <p className="rounded bg-amber-100 p-2 text-sm" data-testid="needs-js">
          {t('needsJs')}
        </p>
      </noscript>
      {/* The connection's state is announced; the presence count is not (it changes with every arrival). */}
      <p data-testid="presence">
        {state.status === 'joined' && state.presence && (
          <span data-count={state.presence.count}>{t('presence', { count: state.presence.count })}</span>
        )}
        <span role="status">
          {state.status === 'connecting' && t('connecting')}
          {state.status === 'disconnected' && t('disconnected')}
          {state.status === 'error' && state.error && ackError(state.error)}
        </span>
      </p>
      {notice && (
        <p role="alert" className="rounded bg-amber-100 p-2 text-sm">
          {tl(`notice.${notice.kind}`, { time: notice.until ? clock(new Date(notice.until)) : '' })}
        </p>
      )}
      {state.status !== 'error' && <Captions socket={room.socket} sessionId={sessionId} sessionPath={sessionPath} />}
      {state.status !== 'error' && <PollPanel room={room} signInHref={signInHref} />}
      {state.status !== 'error' && (
        <div className="grid gap-6 md:grid-cols-2">
          <QAPanel room={room} signInHref={signInHref} />
          <ChatPanel room={room} signInHref={signInHref} />
        </div>
      )}
    </section>
  );
}
