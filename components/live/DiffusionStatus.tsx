'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { LiveIndicator, StartStopButton } from './RecordingStatus';
import { useRefusalText } from '@/components/useRefusalText';

type Overview = { diffusion: boolean; status: 'idle' | 'starting' | 'live' };

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

  useEffect(() => {
    if (!moderator) return;
    let stale = false;
    void fetch(`/api/sessions/${sessionId}/diffusion`, { cache: 'no-store' })
      .then((res) => (res.ok ? res.json() : null))
      .then((body: Overview | null) => {
        if (!stale && body) setOverview(body);
      })
      .catch(() => {});
    return () => {
      stale = true;
    };
  }, [moderator, sessionId]);

  async function act(action: 'start' | 'stop') {
    setBusy(true);
    setError(null);
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
  const running = overview.status !== 'idle';
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="diffusion-status" data-running={running}>
      {running && (
<LiveIndicator tone="sky">{t('live')}</LiveIndicator>
      )}
      <StartStopButton running={running} busy={busy} testId="diffusion" onClick={() => void act(running ? 'stop' : 'start')}>
        {running ? t('stop') : t('start')}
      </StartStopButton>
      {error && (
        <p role="alert" className="w-full text-red-800">
          {t('refused', { message: error })}
        </p>
      )}
    </div>
  );
}
