'use client';

import { type Participant, Track } from 'livekit-client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { StagePinControl } from './RoomView';
import { canPublish, handRaised } from './useRoomRevision';
import { useRefusalText } from '@/components/useRefusalText';

type Action = 'promote' | 'demote' | 'mute' | 'remove' | 'end';

const small = 'rounded border border-stone-300 bg-white px-2 py-1 text-xs hover:bg-stone-50 disabled:opacity-50';

/**
 * Moderators' controls, checked again by the server: bring a raised hand on stage and back, mute,
 * pin on the stage (the sign-language interpreter) and unpin, remove (banned from the session),
 * end the room. Raised hands come first.
 */
export function ModeratorPanel({
  sessionId,
  layout,
  participants,
  stagePin = null,
}: {
  sessionId: string;
  layout: 'stage' | 'grid';
  participants: Participant[];
  stagePin?: StagePinControl | null;
}) {
  const t = useTranslations('video');
  const ti = useTranslations('interpretation');
  const refusal = useRefusalText(['moderation', 'video']);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function act(action: Action, identity?: string, trackSid?: string) {
    setBusy(`${action}:${identity ?? ''}`);
    setError(null);
    try {
      const res = await fetch(`/api/sessions/${sessionId}/room/moderate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action, identity, trackSid }),
      });
      if (!res.ok) {
        const body = await res.json().catch(() => null);
        const code = body?.error?.code;
        setError(t('actionFailed', { message: refusal(code) }));
      }
    } finally {
      setBusy(null);
    }
  }

  async function pin(identity: string | null) {
    if (!stagePin) return;
    setBusy(`pin:${identity ?? ''}`);
    setError(null);
    try {
      const res = await stagePin.pin(identity);
      if (!res.ok) setError(t('actionFailed', { message: refusal(res.code) }));
    } finally {
      setBusy(null);
    }
  }

  const sorted = [...participants].sort((a, b) => Number(handRaised(b)) - Number(handRaised(a)));
  const hands = participants.filter(handRaised).length;
  return (
    <section aria-labelledby="moderation-title" className="rounded-lg border border-stone-200 bg-white p-3" data-testid="moderation">
      <div className="flex items-center justify-between gap-2">
        <h2 id="moderation-title" className="font-semibold">
          {t('moderation')} <span className="text-sm font-normal text-stone-600">· {t('handsRaised', { count: hands })}</span>
        </h2>
        <button
          type="button"
          className={`${small} border-red-300 text-red-800`}
          disabled={busy !== null}
          onClick={() => window.confirm(t('endConfirm')) && void act('end')}
        >
          {t('end')}
        </button>
      </div>
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <ul className="mt-2 divide-y divide-stone-100">
        {sorted.map((p) => {
          const name = p.name || p.identity;
          const onStage = canPublish(p);
          const mic = p.getTrackPublication(Track.Source.Microphone);
          return (
            <li key={p.identity} className="flex flex-wrap items-center gap-2 py-1.5 text-sm" data-testid="moderated" data-identity={p.identity} data-hand={handRaised(p)}>
              <span className="grow">
                {handRaised(p) && <span title={t('handRaised')}>✋ </span>}
                {name}
              </span>
              {layout === 'stage' &&
                (onStage ? (
                  <button type="button" className={small} disabled={busy !== null} onClick={() => void act('demote', p.identity)}>
                    {t('demote')}
                  </button>
                ) : (
                  <button type="button" className={small} disabled={busy !== null} onClick={() => void act('promote', p.identity)}>
                    {t('promote')}
                  </button>
                ))}
              {stagePin &&
                (stagePin.identity === p.identity ? (
                  <button type="button" className={small} disabled={busy !== null} onClick={() => void pin(null)} data-testid="unpin">
                    {ti('unpin')}
                  </button>
                ) : (
                  <button type="button" className={small} disabled={busy !== null} onClick={() => void pin(p.identity)} data-testid="pin">
                    {ti('pin')}
                  </button>
                ))}
              {mic && !mic.isMuted && (
                <button type="button" className={small} disabled={busy !== null} onClick={() => void act('mute', p.identity, mic.trackSid)}>
                  {t('mute')}
                </button>
              )}
              <button
                type="button"
                className={`${small} text-red-800`}
                disabled={busy !== null}
                onClick={() => window.confirm(t('removeConfirm', { name })) && void act('remove', p.identity)}
              >
                {t('remove')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
