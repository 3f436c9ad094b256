'use client';

import { useEffect, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, JoinData, ServerToClientEvents } from '@/lib/realtime/protocol';

export type LiveState =
  | { status: 'connecting' }
  | { status: 'joined'; presence: number; you: JoinData['you'] }
  | { status: 'disconnected'; presence?: number }
  | { status: 'error'; message: string };

/** Connect to the realtime server, join one session's room and follow its presence count. */
export function useLiveSession(sessionId: string): LiveState {
  const [state, setState] = useState<LiveState>({ status: 'connecting' });
  useEffect(() => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({ path: '/socket.io', withCredentials: true });
    const join = () =>
      socket.emit('session:join', { sessionId }, (res) => {
        if (res.ok) setState({ status: 'joined', presence: res.data.presence.count, you: res.data.you });
        else setState({ status: 'error', message: res.error.message });
      });
    socket.on('connect', join);
    socket.on('disconnect', () => setState((s) => ({ status: 'disconnected', presence: s.status === 'joined' ? s.presence : undefined })));
    socket.on('presence:updated', (p) => {
      if (p.sessionId !== sessionId) return;
      setState((s) => (s.status === 'joined' ? { ...s, presence: p.count } : s));
    });
    return () => {
      socket.disconnect();
    };
  }, [sessionId]);
  return state;
}
