'use client';

import { useTranslations } from 'next-intl';
import { type ReactNode, useState } from 'react';
import type { RoomState } from './useLiveRoom';
import { useRefusalText } from '@/components/useRefusalText';

/**
 * The recording indicator everybody in the session sees, and for its moderators the button that
 * starts or stops the recording (LiveKit Egress, `POST /api/sessions/{id}/recording`) and the
 * notice of a recording that failed.
 */
export function RecordingStatus({ sessionId, state }: { sessionId: string; state: Pick<RoomState, 'recordingSince' | 'recordingFailure' | 'you'> }) {
  const t = useTranslations('replays');
  const refusal = useRefusalText(['moderation', 'replays']);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [stopping, setStopping] = useState(false);
  const recording = state.recordingSince !== null;
  const moderator = state.you?.isModerator === true;

  async function act(action: 'start' | 'stop') {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`/api/sessions/${sessionId}/recording`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action }),
      });
      if (!res.ok) {
        const body = await res.json().catch(() => null);
        const code: string | undefined = body?.error?.code;
        setError(refusal(code));
      } else if (action === 'stop') setStopping(true);
      else setStopping(false);
    } finally {
      setBusy(false);
    }
  }

  if (!recording && !moderator) return null;
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="recording-status" data-recording={recording}>
      {recording ? (
        <LiveIndicator tone="red">{t('recordingNow')}</LiveIndicator>
      ) : (
        stopping && <p role="status" className="text-stone-700">{t('stopped')}</p>
      )}
      {moderator && (
        <StartStopButton running={recording} busy={busy} testId="recording" onClick={() => void act(recording ? 'stop' : 'start')}>
          {recording ? t('stop') : t('start')}
        </StartStopButton>
      )}
      {moderator && error && (
        <p role="alert" className="w-full text-red-800">
          {t('refused', { message: error })}
        </p>
      )}
      {moderator && state.recordingFailure && (
        <p role="alert" className="w-full text-red-800" data-testid="recording-failed">
          {t('failed', { error: state.recordingFailure.error })}
        </p>
      )}
    </div>
  );
}

/** The live indicator of an egress (recording red, stream violet, diffusion sky): a pulsing dot and its text. */
const TONES = {
  red: ['bg-red-50 text-red-900', 'bg-red-600'],
  violet: ['bg-violet-50 text-violet-900', 'bg-violet-600'],
  sky: ['bg-sky-50 text-sky-900', 'bg-sky-600'],
} as const;
export function LiveIndicator({ tone, children }: { tone: keyof typeof TONES; children: ReactNode }) {
  return (
    <p role="status" className={`inline-flex items-center gap-1.5 rounded px-2 py-1 font-medium ${TONES[tone][0]}`}>
      <span aria-hidden="true" className={`inline-block size-2.5 rounded-full motion-safe:animate-pulse ${TONES[tone][1]}`} />
      {children}
    </p>
  );
}

/** The moderators' start/stop button of an egress (recording, stream): `{testId}-start` or `{testId}-stop`. */
export function StartStopButton({ running, busy, testId, onClick, children }: { running: boolean; busy: boolean; testId: string; onClick: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      className="rounded border border-stone-300 bg-white px-2 py-1 hover:bg-stone-50 disabled:opacity-50"
      disabled={busy}
      data-testid={running ? `${testId}-stop` : `${testId}-start`}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
