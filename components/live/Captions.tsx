'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import { addCaptionLine, announcedCaptionLines } from '@/lib/domain/caption-lines';
import type { CaptionLine } from '@/lib/realtime/protocol';
import { captionLinesFor } from '@/lib/domain/interpretation';
import { useListening } from '@/components/video/listening';
import type { ChemSocket } from './useLiveRoom';
import { Section } from '@/components/Section';

// Live captions (issue 29) over the live room's connection: the last lines under the stage (or at
// the top of the live panel), on the projector, and the running transcript in the side panel.
// Viewers switch them on or off and choose their size, kept in this browser; they are on by
// default (WCAG 1.2.4, captions of live audio).

/** Lines kept in memory: the transcript shows them all (the server sends the last 200 on joining). */
const KEEP = 500;

/**
 * The session's caption lines: the last ones on (re)connecting, then each `caption:line`; and
 * whether this person may caption the session.
 */
export function useCaptionLines(socket: ChemSocket | null, sessionId: string): { lines: CaptionLine[]; canCaption: boolean } {
  const [lines, setLines] = useState<CaptionLine[]>([]);
  const [canCaption, setCanCaption] = useState(false);
  useEffect(() => {
    if (!socket) return;
    const load = () =>
      socket.emit('caption:history', { sessionId }, (res) => {
        if (!res.ok) return;
        setLines(res.data.lines);
        setCanCaption(res.data.canCaption);
      });
    const onLine = (line: CaptionLine) => {
      if (line.sessionId === sessionId) setLines((all) => addCaptionLine(all, line, KEEP));
    };
    socket.on('caption:line', onLine);
    socket.on('connect', load);
    if (socket.connected) load();
    return () => {
      socket.off('caption:line', onLine);
      socket.off('connect', load);
    };
  }, [socket, sessionId]);
  return { lines, canCaption };
}

// ---------------------------------------------------------------- the viewer's settings

export const CAPTION_SIZES = ['s', 'm', 'l'] as const;
type Size = (typeof CAPTION_SIZES)[number];
type Settings = { on: boolean; size: Size };
const KEY = 'chemins-captions';
const DEFAULT: Settings = { on: true, size: 'm' };
const listeners = new Set<() => void>();
let cached: { raw: string | null; value: Settings } = { raw: null, value: DEFAULT };

function readSettings(): Settings {
  let raw: string | null = null;
  try {
    raw = window.localStorage.getItem(KEY);
  } catch {
    /* storage refused: defaults */
  }
  if (raw === cached.raw) return cached.value;
  let value = DEFAULT;
  try {
    const v = JSON.parse(raw ?? '{}') as Partial<Settings>;
    value = { on: typeof v.on === 'boolean' ? v.on : DEFAULT.on, size: CAPTION_SIZES.includes(v.size as Size) ? (v.size as Size) : DEFAULT.size };
  } catch {
    /* unreadable: defaults */
  }
  cached = { raw, value };
  return value;
}

function writeSettings(next: Settings) {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    /* storage refused: this page only */
    cached = { raw: cached.raw, value: next };
  }
  for (const l of listeners) l();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

/** Captions on or off and their size, kept in this browser (the same in every tab). */
export function useCaptionSettings(): [Settings, (next: Partial<Settings>) => void] {
  const settings = useSyncExternalStore(subscribe, readSettings, () => DEFAULT);
  return [settings, (next) => writeSettings({ ...settings, ...next })];
}

const SIZE_CLASS: Record<Size, string> = { s: 'text-base', m: 'text-xl', l: 'text-3xl' };

// ---------------------------------------------------------------- views

/**
 * One line: the speaker's name in bold, then what they say. A recognised line under way (partial,
 * replaced in place by its next version: lib/domain/caption-lines) is lighter and in italics.
 */
function Said({ line }: { line: CaptionLine }) {
  const t = useTranslations('captions');
  return (
    <>
      {line.speaker && <strong className="font-bold">{t('speaker', { name: line.speaker })} </strong>}
      <span lang={line.lang} className={line.final ? undefined : 'italic opacity-75'} data-partial={line.final ? undefined : ''}>
        {line.text}
      </span>
      {!line.final && <span className="sr-only"> ({t('partial')})</span>}
    </>
  );
}

/**
 * The last two lines as they are seen, partial ones included; a screen reader is told of the final
 * lines only, politely, in a live region of their own (the lines seen are hidden from it).
 */
function LastLines({ lines, className }: { lines: CaptionLine[]; className: string }) {
  return (
    <>
      <div aria-hidden className={className} data-testid="captions-lines">
        {lines.slice(-2).map((l, i) => (
          // By place: a partial line replaced by its next version stays the same paragraph.
          <p key={i}>
            <Said line={l} />
          </p>
        ))}
      </div>
      <div aria-live="polite" aria-relevant="additions" className="sr-only" data-testid="captions-announced">
        {announcedCaptionLines(lines, 2).map((l) => (
          <p key={`${l.at}-${l.speaker}-${l.text}`}>
            <Said line={l} />
          </p>
        ))}
      </div>
    </>
  );
}

/** The caption area with its switch and size (under the stage, or atop the live panel). */
export function CaptionsBar({ lines }: { lines: CaptionLine[] }) {
  const t = useTranslations('captions');
  const [settings, set] = useCaptionSettings();
  if (!lines.length) return null;
  return (
    <section aria-label={t('title')} className="flex flex-col gap-2 rounded-lg bg-stone-900 p-3 text-white" data-testid="captions">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={settings.on} onChange={(e) => set({ on: e.target.checked })} data-testid="captions-toggle" />
          {t('show')}
        </label>
        <fieldset className="flex items-center gap-2" disabled={!settings.on}>
          <legend className="sr-only">{t('size')}</legend>
          <span aria-hidden>{t('size')}</span>
          {CAPTION_SIZES.map((s) => (
            <label key={s} className="flex items-center gap-1">
              <input type="radio" name="captions-size" value={s} checked={settings.size === s} onChange={() => set({ size: s })} data-testid={`captions-size-${s}`} />
              {t(`sizes.${s}`)}
            </label>
          ))}
        </fieldset>
      </div>
      {settings.on && <LastLines lines={lines} className={`${SIZE_CLASS[settings.size]} leading-snug break-words`} />}
    </section>
  );
}

/** The running transcript: every line received, scrollable back, following the end while the reader is there. */
export function CaptionsTranscript({ lines }: { lines: CaptionLine[] }) {
  const t = useTranslations('captions');
  const box = useRef<HTMLOListElement>(null);
  const atEnd = useRef(true);
  useEffect(() => {
    const el = box.current;
    if (el && atEnd.current) el.scrollTop = el.scrollHeight;
  }, [lines]);
  if (!lines.length) return null;
  return (
    <Section headingId="transcript-title" title={t('transcript')} level={3} headingClassName="font-semibold" className="flex flex-col gap-2" data-testid="captions-transcript">
      <ol
        ref={box}
        tabIndex={0}
        aria-labelledby="transcript-title"
        onScroll={(e) => {
          const el = e.currentTarget;
          atEnd.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
        }}
        className="flex max-h-64 flex-col gap-1 overflow-y-auto rounded border border-stone-200 p-2 text-sm"
      >
        {lines.map((l) => (
          <li key={`${l.at}-${l.text}`}>
            <Said line={l} />
          </li>
        ))}
      </ol>
    </Section>
  );
}

/**
 * Captions in a live panel: the caption area (moved under the stage when the page has a place for
 * it, `stageSlot`: the id of an element there), the transcript, and for the session's captioners a
 * link to their page (`sessionPath`/captions).
 */
export function Captions({ socket, sessionId, sessionPath, stageSlot }: { socket: ChemSocket | null; sessionId: string; sessionPath: string; stageSlot?: string }) {
  const t = useTranslations('captions');
  const { lines: all, canCaption } = useCaptionLines(socket, sessionId);
  // The lines of the interpretation language chosen on the stage, when there are some.
  const { chosen, channels } = useListening();
  const lines = captionLinesFor(all, chosen, channels);
  const slot = useSyncExternalStore(
    noSubscription,
    () => (stageSlot ? document.getElementById(stageSlot) : null),
    () => null,
  );
  const bar = <CaptionsBar lines={lines} />;
  return (
    <>
      {slot ? createPortal(bar, slot) : bar}
      {canCaption && (
        <a href={`${sessionPath}/captions`} className="text-sm underline" data-testid="captions-desk-link">
          {t('deskLink')}
        </a>
      )}
      <CaptionsTranscript lines={lines} />
    </>
  );
}
const noSubscription = () => () => {};

/** On the projector: always on, large, the last two lines at the bottom of the screen. */
export function ProjectorCaptions({ socket, sessionId }: { socket: ChemSocket | null; sessionId: string }) {
  const t = useTranslations('captions');
  const { lines } = useCaptionLines(socket, sessionId);
  if (!lines.length) return null;
  return (
    <section aria-label={t('title')} className="sticky bottom-0 col-span-full rounded-2xl bg-black/90 p-6" data-testid="projector-captions">
      <LastLines lines={lines} className="text-4xl leading-tight font-semibold break-words" />
    </section>
  );
}
