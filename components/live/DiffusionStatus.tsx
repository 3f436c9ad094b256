'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { LiveIndicator, StartStopButton } from './RecordingStatus';
import { useRefusalText } from '@/components/useRefusalText';

type Overview = { diffusion: boolean; status: 'idle' | 'starting' | 'live' };

/** How often a running diffusion's state is asked again. */
const POLL_MS = 10_000;

/**
 * The diffusion (HLS for the overflow audience, docs/diffusion.md) for a diffusion session's
 * moderators: whether it runs, start and stop (`POST /api/sessions/{id}/diffusion`). Nothing for
 * anyone else, nor for a session that is not a diffusion.
 */
export function DiffusionStatus({ sessionId, moderator }: { sessionId: string; moderator: boolean }) {
  const t = useTranslations('diffusion');
  const refusal = useRefusalText(['diffusion']);
  const [overview, setOverview] = useState<Overview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [interrupted, setInterrupted] = useState(false);
  // A stop asked here: its end is not an interruption.
  const stoppedHere = useRef(false);

  const running = overview !== null && overview.status !== 'idle';
  useEffect(() => {
    if (!moderator) return;
    let stale = false;
    const load = () =>
      fetch(`/api/sessions/${sessionId}/diffusion`, { cache: 'no-store' })
        .then((res) => (res.ok ? res.json() : null))
        .then((body: Overview | null) => {
          if (stale || !body) return;
          // Ended while it ran, not by a moderator's stop here: egress stopped or failed it (said until the next start or stop).
          if (running && body.status === 'idle' && !stoppedHere.current) setInterrupted(true);
          setOverview(body);
        })
        .catch(() => {});
    void load();
    // While it runs, its state is asked again now and then (egress's webhooks move it on the server).
    const timer = running ? setInterval(() => void load(), POLL_MS) : undefined;
    return () => {
      stale = true;
      clearInterval(timer);
    };
  }, [moderator, sessionId, running]);

  async function act(action: 'start' | 'stop') {
    setBusy(true);
    setError(null);
    setInterrupted(false);
    stoppedHere.current = action === 'stop';
    try {
      const res = await fetch(`/api/sessions/${sessionId}/diffusion`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action }) });
      const body = await res.json().catch(() => null);
      if (!res.ok) setError(refusal(body?.error?.code));
      else setOverview((o) => (o ? { ...o, status: action === 'start' ? 'starting' : 'idle' } : o));
    } finally {
      setBusy(false);
    }
  }

  if (!moderator || !overview?.diffusion) return null;
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="diffusion-status" data-running={running}>
      {running && (
<LiveIndicator tone="sky">{t('live')}</LiveIndicator>
      )}
      <StartStopButton running={running} busy={busy} testId="diffusion" onClick={() => void act(running ? 'stop' : 'start')}>
        {running ? t('stop') : t('start')}
      </StartStopButton>
      {(error || interrupted) && (
        <p role="alert" className="w-full text-red-800" data-testid="diffusion-failed">
          {error ? t('refused', { message: error }) : t('interrupted')}
        </p>
      )}
    </div>
  );
}
