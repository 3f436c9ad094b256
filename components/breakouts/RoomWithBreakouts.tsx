'use client';

import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { DiffusionPlayer } from '@/components/live/DiffusionPlayer';
import { CAPTIONS_STAGE_SLOT, LiveSideView } from '@/components/live/LiveSide';
import { useLiveRoom } from '@/components/live/useLiveRoom';
import { VideoRoom } from '@/components/video/VideoRoom';
import { mayChooseDiffusion, watchesDiffusion } from '@/lib/domain/diffusion';
import type { LiveSnapshot } from '@/lib/realtime/protocol';
import { BreakoutBanner } from './BreakoutBanner';
import { BreakoutPanel } from './BreakoutPanel';
import { useBreakouts } from './useBreakouts';

type Props = {
  sessionId: string;
  sessionPath: string;
  snapshot: LiveSnapshot | null;
  /** The video room's props, when the person may ask for it (null: the page says why not). */
  video: { layout: 'stage' | 'grid'; defaultName: string; recorded: boolean } | null;
  /** What the page shows instead of the video (not configured, sign in). */
  noVideo: React.ReactNode;
  /** The session's shared notes, under the side column (rendered on the server). */
  notes?: React.ReactNode;
  /** A diffusion session's switch-over (`programme_sessions.diffusion_above`; null: none). */
  diffusionAbove?: number | null;
};

/**
 * The room page's live part: one connection for the video's breakout groups, Q&A and chat. During
 * breakout groups, a participant's video is their group's room (and its notes); a moderator's is
 * the main room or the group they visit.
 */
export function RoomWithBreakouts({ sessionId, sessionPath, snapshot, video, noVideo, notes, diffusionAbove = null }: Props) {
  const t = useTranslations('video');
  const room = useLiveRoom(sessionId, snapshot);
  const breakouts = useBreakouts(room, sessionId);
  const moderator = Boolean(room.state.you?.isModerator);
  const [visiting, setVisiting] = useState<string | null>(null);
  const [diffusion, chooseDiffusion] = useDiffusionChoice(diffusionAbove, room.state);
  const tDiffusion = useTranslations('diffusion');
  const open = breakouts.state.round !== null;
  const visit = open && moderator ? visiting : null;
  const place = moderator ? (visit ?? 'main') : open ? (breakouts.state.mine?.id ?? 'main') : 'main';
  // The stage's pinned participant, and the moderators' pin (refused by the server to anyone else).
  const pinned = room.state.stagePin;
  const { pinOnStage } = room.actions;
  const stagePin = useMemo(
    () => ({ identity: pinned, pin: async (identity: string | null) => { const res = await pinOnStage(identity); return res.ok ? ({ ok: true } as const) : ({ ok: false, code: res.error.code } as const); } }),
    [pinned, pinOnStage],
  );
  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <section aria-label={t('title')} className="space-y-3">
        <BreakoutBanner breakouts={breakouts} sessionId={sessionId} userName={room.state.you?.name ?? video?.defaultName ?? ''} moderator={moderator} />
        {!diffusion && room.state.you && mayChooseDiffusion(diffusionAbove, room.state.you.role) && (
          <p className="text-sm">
            <button type="button" className="underline" onClick={chooseDiffusion} data-testid="diffusion-choose">
              {tDiffusion('choose')}
            </button>
          </p>
        )}
        {diffusion ? (
          <DiffusionPlayer sessionId={sessionId} />
        ) : video ? (
          <VideoRoom
            sessionId={sessionId}
            layout={video.layout}
            defaultName={video.defaultName}
            recorded={video.recorded}
            place={place}
            visit={visit}
            stagePin={stagePin}
          />
        ) : (
          noVideo
        )}
        {/* The live captions, under the stage (components/live/Captions.tsx, from the side column's connection). */}
        <div id={CAPTIONS_STAGE_SLOT} />
        {moderator && <BreakoutPanel breakouts={breakouts} visiting={visit} onVisit={setVisiting} />}
      </section>
      <aside data-slot="live-side" aria-labelledby="live-side-title" className="rounded-lg border border-stone-200 bg-white p-3">
        <h2 id="live-side-title" className="sr-only">
          {t('sideTitle')}
        </h2>
        <LiveSideView room={room} sessionId={sessionId} sessionPath={sessionPath} />
        {notes}
      </aside>
    </div>
  );
}

/**
 * Whether this person watches the diffusion (HLS) rather than the stage: decided once, when the live
 * room first says who they are and how many follow it (lib/domain/diffusion.ts, the one rule), so
 * that nobody is moved while watching. False until then and outside a diffusion session; the
 * audience may also choose it (`mayChooseDiffusion`), with the returned function.
 */
function useDiffusionChoice(diffusionAbove: number | null, state: { you: { role: string } | null; presence: { count: number } | null }): [boolean, () => void] {
  const [choice, setChoice] = useState<boolean | null>(null);
  const role = state.you?.role ?? null;
  const count = state.presence?.count ?? null;
  if (choice === null && diffusionAbove !== null && role !== null && count !== null) {
    // Set while rendering (React's pattern for state derived once): the presence counts this person too, the room "holds" the others.
    setChoice(watchesDiffusion(diffusionAbove, { role, inRoom: Math.max(0, count - 1) }));
  }
  return [choice === true, () => setChoice(true)];
}
