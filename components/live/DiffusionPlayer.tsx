'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';

/** How often the player asks again for a playlist not served yet (the diffusion not started). */
const RETRY_MS = 4000;

/**
 * The overflow audience's player (issue 28, docs/diffusion.md): the session's HLS diffusion
 * (`/api/sessions/{id}/hls/index.m3u8`), played with hls.js, loaded only here and only when
 * needed (its light build, in its own chunk), or natively where the browser plays HLS (Safari).
 * Until the playlist is served, the player says so and asks again every few seconds; a diffusion
 * that stops is waited for the same way. Muted at first (browsers refuse sound before a gesture):
 * the controls unmute.
 */
export function DiffusionPlayer({ sessionId }: { sessionId: string }) {
  const t = useTranslations('diffusion');
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<'waiting' | 'playing' | 'unsupported'>('waiting');
  // How far behind the stage the picture is: now minus the wall-clock time egress stamped on the
  // frame playing (the playlist's EXT-X-PROGRAM-DATE-TIME), in ms; null where unknown.
  const [latency, setLatency] = useState<number | null>(null);
  const playlist = `/api/sessions/${sessionId}/hls/index.m3u8`;

  useEffect(() => {
    const el = video.current;
    if (!el) return;
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let hls: { destroy(): void } | null = null;
    let clock: ReturnType<typeof setInterval> | undefined;

    const served = async () => {
      const res = await fetch(playlist, { cache: 'no-store' }).catch(() => null);
      return res?.ok === true;
    };
    const again = () => {
      clearInterval(clock);
      setLatency(null);
      hls?.destroy();
      hls = null;
      if (!stopped) {
        setState('waiting');
        retry = setTimeout(() => void start(), RETRY_MS);
      }
    };
    async function start() {
      if (stopped) return;
      if (!(await served())) return again();
      const { default: Hls } = await import('hls.js/light');
      if (stopped || !el) return;
      if (Hls.isSupported()) {
        // Live: three segments (3 s) behind the live edge, room for a late segment on a slow network
        // (two stalled often on a loaded machine); after a stall hls.js adds a second to that,
        // and plays up to 1.25× faster to get back to it (a viewer hears it barely); more than ten
        // segments behind, it jumps. A fatal error (the diffusion stopped) waits for the next one.
        // Measured by bench/media-latency (docs/diffusion.md, "Latency").
        const player = new Hls({ liveSyncDurationCount: 3, maxLiveSyncPlaybackRate: 1.25, liveMaxLatencyDurationCount: 10, lowLatencyMode: false });
        hls = player;
        player.on(Hls.Events.ERROR, (_e, data) => {
          if (data.fatal) again();
        });
        player.loadSource(playlist);
        player.attachMedia(el);
        clearInterval(clock);
        clock = setInterval(() => {
          const at = player.playingDate?.getTime();
          setLatency(at ? Date.now() - at : null);
        }, 1000);
      } else if (el.canPlayType('application/vnd.apple.mpegurl')) {
        el.src = playlist;
      } else {
        setState('unsupported');
        return;
      }
      setState('playing');
      void el.play().catch(() => {});
    }
    void start();
    return () => {
      stopped = true;
      clearTimeout(retry);
      clearInterval(clock);
      hls?.destroy();
    };
  }, [playlist]);

  return (
    <div className="space-y-2" data-testid="diffusion-player" data-state={state} data-latency-ms={latency ?? undefined}>
      <div className="overflow-hidden rounded-lg bg-stone-900">
        {/* Captions are shown under the player by the live panel (components/live/Captions.tsx). */}
        <video ref={video} className="aspect-video w-full" controls muted autoPlay playsInline aria-label={t('title')} data-testid="diffusion-video" />
      </div>
      <p role="status" className="text-sm text-stone-700">
        {state === 'waiting' ? t('waiting') : state === 'unsupported' ? t('unsupported') : t('watching')}
      </p>
    </div>
  );
}
