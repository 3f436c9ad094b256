'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import type { BreakoutAssigned, BreakoutEnded, BreakoutStarted, BreakoutGroupRef, BreakoutMessage, BreakoutRound, BreakoutView } from '@/lib/realtime/protocol';
import type { LiveRoom } from '@/components/live/useLiveRoom';

export type BreakoutsState = {
  /** The open round as this person sees it (null: none). */
  round: BreakoutView['round'];
  /** This person's group. */
  mine: BreakoutGroupRef | null;
  /** Moderators: the whole round with its members. */
  full: BreakoutRound | null;
  /** Moderators' messages to all groups, in this round. */
  messages: BreakoutMessage[];
  /** The last round that ended while the page was open. */
  ended: BreakoutEnded | null;
};

const none: BreakoutsState = { round: null, mine: null, full: null, messages: [], ended: null };

/**
 * Breakout groups over the live room's connection: the open round (asked with `breakout:sync`
 * once joined, which also places a late comer), this person's group, the moderators' view,
 * messages, the end; and the commands.
 */
export function useBreakouts(room: LiveRoom, sessionId: string) {
  const [state, setState] = useState<BreakoutsState>(none);
  const joined = room.state.status === 'joined' && room.state.you !== null;
  const { call, socketRef } = room;

  const sync = useCallback(
    () =>
      call<BreakoutView>('breakout:sync', { sessionId }).then((res) => {
        if (res.ok) setState((s) => ({ ...s, round: res.data.round, mine: res.data.mine, full: res.data.state ?? null, messages: res.data.round ? s.messages : [] }));
      }),
    [call, sessionId],
  );

  // Once joined (and after every new join): the open round, and a place in it for a late comer.
  useEffect(() => {
    if (joined) void sync();
  }, [joined, sync]);

  useEffect(() => {
    const socket = socketRef.current;
    if (!socket) return;
    const mine = <T extends { sessionId: string }>(f: (p: T) => void) => (p: T) => {
      if (p.sessionId === sessionId) f(p);
    };
    const onAssigned = mine((a: BreakoutAssigned) => {
      setState((s) => ({ ...s, mine: { id: a.groupId, name: a.name }, ended: null }));
      // The round itself (its groups, its end) as this person sees it.
      void sync();
    });
    const onStarted = mine((p: BreakoutStarted) => setState((s) => ({ ...s, round: p.round, messages: [], ended: null })));
    const onState = mine((p: { sessionId: string; round: BreakoutRound | null }) => setState((s) => ({ ...s, full: p.round })));
    const onMessage = mine((m: BreakoutMessage) => setState((s) => ({ ...s, messages: [...s.messages.slice(-19), m] })));
    const onEnded = mine((e: BreakoutEnded) => setState(() => ({ ...none, ended: e })));
    socket.on('breakout:started', onStarted);
    socket.on('breakout:assigned', onAssigned);
    socket.on('breakout:state', onState);
    socket.on('breakout:message', onMessage);
    socket.on('breakout:ended', onEnded);
    return () => {
      socket.off('breakout:started', onStarted);
      socket.off('breakout:assigned', onAssigned);
      socket.off('breakout:state', onState);
      socket.off('breakout:message', onMessage);
      socket.off('breakout:ended', onEnded);
    };
  }, [socketRef, sessionId, sync, joined]);

  const actions = useMemo(
    () => ({
      start: async (input: { groups: number; minutes: number; assign: 'random' | 'choice' }) => {
        const res = await call<{ groups: BreakoutGroupRef[] }>('breakout:start', { sessionId, ...input });
        if (res.ok) await sync();
        return res;
      },
      choose: async (groupId: string) => {
        const res = await call<BreakoutAssigned>('breakout:choose', { sessionId, groupId });
        if (res.ok) setState((s) => ({ ...s, mine: { id: res.data.groupId, name: res.data.name } }));
        return res;
      },
      broadcast: (text: string) => call<BreakoutMessage>('breakout:broadcast', { sessionId, text }),
      end: () => call<BreakoutEnded>('breakout:end', { sessionId }),
    }),
    [call, sessionId, sync],
  );

  return { state, actions };
}

export type Breakouts = ReturnType<typeof useBreakouts>;
