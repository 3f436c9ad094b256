'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useState } from 'react';
import { LiveIndicator, StartStopButton } from './RecordingStatus';
import type { RoomState } from './useLiveRoom';
import { useRefusalText } from '@/components/useRefusalText';

/**
 * The stream out (RTMP, docs/streaming.md): the indicator everybody in the session sees while it is
 * streamed, and for its moderators the destinations (saved ones shown masked: their keys are never
 * shown again), start and stop (`POST /api/sessions/{id}/stream`) and egress's failures.
 */
export function StreamStatus({ sessionId, state }: { sessionId: string; state: Pick<RoomState, 'streamSince' | 'streamFailure' | 'you'> }) {
  const t = useTranslations('streaming');
  const refusal = useRefusalText(['streaming']);
  const fieldId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string[]>([]);
  const [urls, setUrls] = useState('');
  const streaming = state.streamSince !== null;
  const moderator = state.you?.isModerator === true;

  useEffect(() => {
    if (!moderator) return;
    let stale = false;
    void fetch(`/api/sessions/${sessionId}/stream`)
      .then((res) => (res.ok ? res.json() : null))
      .then((body: { destinations: { url: string }[] } | null) => {
        if (!stale && body) setSaved(body.destinations.map((d) => d.url));
      })
      .catch(() => {});
    return () => {
      stale = true;
    };
  }, [moderator, sessionId, streaming]);

  async function act(action: 'start' | 'stop') {
    setBusy(true);
    setError(null);
    const lines = urls
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    try {
      const res = await fetch(`/api/sessions/${sessionId}/stream`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(action === 'start' && lines.length > 0 ? { action, destinations: lines.map((url) => ({ url })) } : { action }),
      });
      if (!res.ok) {
        const body = await res.json().catch(() => null);
        setError(refusal(body?.error?.code));
      } else if (action === 'start') setUrls('');
    } finally {
      setBusy(false);
    }
  }

  if (!streaming && !moderator) return null;
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="stream-status" data-streaming={streaming}>
      {streaming && (
<LiveIndicator tone="violet">{t('live')}</LiveIndicator>
      )}
      {moderator && !streaming && (
        // Folded until a moderator opens it: the moderation view keeps its columns in one window.
        <details className="w-full">
          <summary className="cursor-pointer font-medium text-stone-800" data-testid="stream-open">
            {t('destinations')}
          </summary>
          <div className="mt-1 flex w-full flex-col gap-1">
            <label htmlFor={fieldId} className="sr-only">
              {t('destinations')}
            </label>
            {saved.length > 0 && (
              <ul className="text-stone-700" data-testid="stream-saved">
                {saved.map((url) => (
                  <li key={url} className="font-mono text-xs break-all">
                    {url}
                  </li>
                ))}
              </ul>
            )}
            <textarea
              id={fieldId}
              rows={2}
              className="w-full rounded border border-stone-300 px-2 py-1 font-mono text-xs"
              placeholder={t('placeholder')}
              autoComplete="off"
              spellCheck={false}
              value={urls}
              onChange={(e) => setUrls(e.target.value)}
              aria-describedby={`${fieldId}-help`}
              data-testid="stream-urls"
            />
            <p id={`${fieldId}-help`} className="text-xs text-stone-600">
              {saved.length > 0 ? t('helpSaved') : t('help')}
            </p>
            <div>
              <StartStopButton running={false} busy={busy} testId="stream" onClick={() => void act('start')}>
                {t('start')}
              </StartStopButton>
            </div>
          </div>
        </details>
      )}
      {moderator && streaming && (
        <StartStopButton running busy={busy} testId="stream" onClick={() => void act('stop')}>
          {t('stop')}
        </StartStopButton>
      )}
      {moderator && (error || state.streamFailure) && (
        <div role="alert" className="w-full text-red-800">
          {error && <p>{t('refused', { message: error })}</p>}
          {state.streamFailure && <p data-testid="stream-failed">{t('failed', { error: state.streamFailure })}</p>}
        </div>
      )}
    </div>
  );
}
