'use client';

import { Room, RoomEvent } from 'livekit-client';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';

type State = { status: 'idle' | 'connecting' | 'connected' } | { status: 'error'; message: string };

/** Minimal video room connection (the full stage/workshop UI builds on this). */
export function VideoCheck({ sessionId }: { sessionId: string }) {
  const t = useTranslations('session');
  const [state, setState] = useState<State>({ status: 'idle' });
  const room = useRef<Room | null>(null);
  useEffect(() => () => void room.current?.disconnect(), []);

  async function join() {
    setState({ status: 'connecting' });
    try {
      const res = await fetch(`/api/sessions/${sessionId}/livekit-token`, { method: 'POST' });
      const body = await res.json();
      if (!res.ok) throw new Error(body?.error?.message ?? res.statusText);
      const r = new Room();
      r.on(RoomEvent.Disconnected, () => setState({ status: 'idle' }));
      await r.connect(body.serverUrl, body.token);
      room.current = r;
      setState({ status: 'connected' });
    } catch (err) {
      setState({ status: 'error', message: (err as Error).message });
    }
  }

  if (state.status === 'connected') {
    return (
      <p className="text-sm" data-testid="video-state" data-state="connected">
        {t('videoConnected')}{' '}
        <button type="button" className="ml-2 underline" onClick={() => void room.current?.disconnect()}>
          {t('videoLeave')}
        </button>
      </p>
    );
  }
  return (
    <div className="text-sm" data-testid="video-state" data-state={state.status}>
      <button
        type="button"
        disabled={state.status === 'connecting'}
        onClick={() => void join()}
        className="mt-1 rounded bg-brand px-3 py-1.5 text-white disabled:opacity-60"
      >
        {state.status === 'connecting' ? t('videoConnecting') : t('videoTest')}
      </button>
      {state.status === 'error' && <p role="alert" className="mt-2 text-red-700">{t('videoError', { message: state.message })}</p>}
    </div>
  );
}
