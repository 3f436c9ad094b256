'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { EMBED_ALLOW, EMBED_SANDBOX } from '@/lib/domain/media-embed';
import { type Chapter, clock, currentIndex, embedAt, type ReplayPlayer as Player, type TimelineItem } from '@/lib/domain/replays';

/**
 * A replay with the session's conversation beside it: the list follows the playback (the item
 * playing now is marked and kept in view), and choosing an item or a chapter seeks there.
 * Without JavaScript every time is a link (`?t=`) that reloads the page at that moment. A
 * video host's player cannot be followed: choosing a moment reloads it there.
 */
export function ReplayPlayer({
  player,
  items,
  chapters,
  start,
  title,
  captions,
}: {
  player: Player;
  items: TimelineItem[];
  chapters: Chapter[];
  start: number;
  title: string;
  /** The replay's captions (WebVTT, `GET /api/replays/{id}/captions.vtt`), offered as the video's track. */
  captions?: { src: string; lang: string; label: string } | null;
}) {
  const t = useTranslations('replays');
  const video = useRef<HTMLVideoElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const [now, setNow] = useState(start);
  const [frameAt, setFrameAt] = useState(start);
  const [follow, setFollow] = useState(true);
  const playing = player.kind === 'video' ? currentIndex(items, now) : -1;

  useEffect(() => {
    if (!follow || playing < 0) return;
    const el = list.current?.querySelector<HTMLElement>(`[data-index="${playing}"]`);
    const box = list.current;
    if (!el || !box) return;
    const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    box.scrollTo({ top: el.offsetTop - box.offsetTop - box.clientHeight / 3, behavior: reduce ? 'auto' : 'smooth' });
  }, [playing, follow]);

  function seek(seconds: number, e: React.MouseEvent) {
    e.preventDefault();
    if (player.kind === 'video' && video.current) {
      video.current.currentTime = seconds;
      setNow(seconds);
      void video.current.play().catch(() => {});
      video.current.focus();
    } else if (player.kind === 'iframe') {
      setFrameAt(seconds);
    }
    history.replaceState(null, '', `?t=${Math.floor(seconds)}`);
  }

  const at = (seconds: number, children: React.ReactNode, label: string) => (
    <a href={`?t=${Math.floor(seconds)}`} onClick={(e) => seek(seconds, e)} aria-label={label} className="font-mono text-xs text-stone-600 underline">
      {children}
    </a>
  );

  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="space-y-3">
        {player.kind === 'video' ? (
          <video
            ref={video}
            controls
            preload="metadata"
            className="aspect-video w-full rounded bg-black"
            src={start > 0 ? `${player.src}#t=${start}` : player.src}
            onTimeUpdate={(e) => setNow(e.currentTarget.currentTime)}
            onSeeked={(e) => setNow(e.currentTarget.currentTime)}
            data-testid="replay-video"
            aria-label={title}
          >
            {captions && <track kind="captions" src={captions.src} srcLang={captions.lang} label={captions.label} default data-testid="replay-captions" />}
          </video>
        ) : player.kind === 'iframe' ? (
          <iframe
            key={frameAt}
            src={frameAt > 0 ? embedAt(player, frameAt) : player.src}
            title={title}
            sandbox={EMBED_SANDBOX}
            allow={EMBED_ALLOW}
            className="aspect-video w-full rounded bg-black"
            referrerPolicy="strict-origin-when-cross-origin"
          />
        ) : player.kind === 'link' ? (
          <p>
            <a href={player.url} rel="noopener noreferrer nofollow">
              {t('watchElsewhere')}
            </a>
          </p>
        ) : null}
        {chapters.length > 0 && (
          <nav aria-labelledby="chapters-title">
            <h2 id="chapters-title" className="font-semibold">
              {t('chapters')}
            </h2>
            <ol className="mt-1 space-y-1 text-sm" data-testid="replay-chapters">
              {chapters.map((c) => (
                <li key={`${c.questionId}-${c.offsetSeconds}`} className="flex gap-2">
                  {at(c.offsetSeconds, clock(c.offsetSeconds), t('goTo', { time: clock(c.offsetSeconds) }))}
                  <span>{c.title}</span>
                </li>
              ))}
            </ol>
          </nav>
        )}
      </div>
      <section aria-labelledby="conversation-title" className="rounded-lg border border-stone-200 bg-white p-3">
        <div className="flex items-center justify-between gap-2">
          <h2 id="conversation-title" className="font-semibold">
            {t('conversation')}
          </h2>
          {player.kind === 'video' && (
            <label className="flex items-center gap-1 text-xs text-stone-700">
              <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} /> {t('follow')}
            </label>
          )}
        </div>
        {items.length === 0 ? (
          <p className="mt-2 text-sm text-stone-600">{t('noConversation')}</p>
        ) : (
          <ol ref={list} className="relative mt-2 max-h-[32rem] space-y-2 overflow-y-auto pr-1 text-sm" data-testid="replay-timeline">
            {items.map((item, i) => (
              <li
                key={item.id}
                data-index={i}
                data-kind={item.kind}
                aria-current={i === playing ? 'true' : undefined}
                className={`rounded p-2 ${i === playing ? 'bg-amber-50 ring-1 ring-amber-300' : item.kind === 'question' ? 'bg-stone-50' : ''}`}
              >
                <p className="flex flex-wrap items-baseline gap-x-2">
                  {at(item.offsetSeconds, clock(item.offsetSeconds), t('goTo', { time: clock(item.offsetSeconds) }))}
                  <span className="font-medium">
                    {item.kind === 'question' ? t('question') : ''}
                    {item.authorName ?? t('anonymous')}
                  </span>
                  {item.kind === 'question' && item.answered && <span className="text-xs text-green-800">{t('answered')}</span>}
                </p>
                <p className="whitespace-pre-line break-words">{item.body}</p>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
