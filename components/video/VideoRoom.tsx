'use client';

import { LiveKitRoom } from '@livekit/components-react';
import { DisconnectReason, Room, RoomEvent } from 'livekit-client';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { type JoinChoices, PreJoin } from './PreJoin';
import { RoomView, type StagePinControl } from './RoomView';
import { useRefusalText } from '@/components/useRefusalText';
import { rejoinDelayMs, videoOutOf } from '@/lib/domain/video-reconnect';

export type Grant = {
  serverUrl: string;
  token: string;
  role: 'attendee' | 'speaker' | 'moderator';
  room?: string;
  group?: { id: string; name: string } | null;
  /** The language this person interprets into (their microphone is that channel). */
  interpretation?: string | null;
};

type Phase =
  | { phase: 'prejoin'; busy: boolean; refused?: { code: string; message: string } }
  | { phase: 'room'; grant: Grant; choices: JoinChoices; place: string; attempt: number }
  // The connection was lost for longer than LiveKit's client tries by itself: a fresh token, then in again.
  | { phase: 'rejoining'; choices: JoinChoices; attempt: number }
  | { phase: 'out'; why: Why };

type Why = 'left' | 'removed' | 'ended' | 'disconnected';

/** Rejoins in a row without getting in (lib/domain/video-reconnect `rejoinDelayMs`: about 5 minutes). */
const REJOIN_ATTEMPTS = 30;

const REFUSAL_CODES = new Set(['unauthenticated', 'not_registered', 'not_confirmed', 'removed', 'room_not_open', 'video_not_configured']);

/** Ask the server for a fresh, short-lived token (at every join, so also after a disconnection). */
async function fetchGrant(sessionId: string, visit?: string | null): Promise<{ ok: true; grant: Grant } | { ok: false; code: string; message: string }> {
  try {
    const query = visit ? `?group=${encodeURIComponent(visit)}` : '';
    const res = await fetch(`/api/sessions/${sessionId}/livekit-token${query}`, { method: 'POST', cache: 'no-store' });
    const body = await res.json();
    if (res.ok) return { ok: true, grant: body as Grant };
    return { ok: false, code: body?.error?.code ?? 'other', message: body?.error?.message ?? res.statusText };
  } catch (err) {
    return { ok: false, code: 'other', message: (err as Error).message };
  }
}

/**
 * The session's video room: pre-join, then the stage or the workshop grid, then why you are out.
 * `place`: where the person is during breakout groups (their group's id, or `main`); when it
 * changes, a connected room switches at once to the room the server's new token names (`visit`:
 * the group a moderator visits). `stagePin`: the participant pinned on the stage, from the live
 * room's connection (and, for moderators, how to pin).
 */
export function VideoRoom({
  sessionId,
  layout,
  defaultName,
  recorded = false,
  place = 'main',
  visit = null,
  stagePin = null,
}: {
  sessionId: string;
  layout: 'stage' | 'grid';
  defaultName: string;
  recorded?: boolean;
  place?: string;
  visit?: string | null;
  stagePin?: StagePinControl | null;
}) {
  const t = useTranslations('video');
  const refusal = useRefusalText('video');
  const [state, setState] = useState<Phase>({ phase: 'prejoin', busy: false });
  // The role the server gives (known from the early token): a stage's audience is not asked for devices.
  const [role, setRole] = useState<Grant['role'] | null>(null);
  const [interprets, setInterprets] = useState(false);
  // While the person checks their devices, the token is fetched (and a refusal said) already;
  // "Enter" then connects at once. A token older than a minute is fetched again.
  const early = useRef<{ at: number; answer: Promise<Awaited<ReturnType<typeof fetchGrant>>> } | null>(null);
  const prejoin = state.phase === 'prejoin';
  useEffect(() => {
    if (!prejoin) return;
    const answer = fetchGrant(sessionId);
    early.current = { at: Date.now(), answer };
    let current = true;
    void answer.then((r) => {
      if (current && r.ok) {
        setRole(r.grant.role);
        setInterprets(Boolean(r.grant.interpretation));
      }
      if (current && !r.ok) setState((s) => (s.phase === 'prejoin' && !s.busy ? { ...s, refused: { code: r.code, message: r.message } } : s));
    });
    return () => {
      current = false;
    };
  }, [prejoin, sessionId]);

  async function join(choices: JoinChoices) {
    setState({ phase: 'prejoin', busy: true });
    const prefetched = early.current;
    early.current = null;
    let r = prefetched && Date.now() - prefetched.at < 60_000 ? await prefetched.answer : null;
    if (!r?.ok || visit) r = await fetchGrant(sessionId, visit);
    if (r.ok) setState({ phase: 'room', grant: r.grant, choices, place, attempt: 0 });
    else setState({ phase: 'prejoin', busy: false, refused: { code: r.code, message: r.message } });
  }

  // Breakout groups: a connected person follows their group (or comes back) without a new pre-join.
  const connectedChoices = state.phase === 'room' && state.place !== place ? state.choices : null;
  useEffect(() => {
    if (!connectedChoices) return;
    let current = true;
    void fetchGrant(sessionId, visit).then((r) => {
      if (!current) return;
      if (r.ok) setState({ phase: 'room', grant: r.grant, choices: connectedChoices, place, attempt: 0 });
      else setState({ phase: 'prejoin', busy: false, refused: { code: r.code, message: r.message } });
    });
    return () => {
      current = false;
    };
  }, [place, visit, connectedChoices, sessionId]);

  // Lost (lib/domain/video-reconnect): in again by itself with a fresh token, backing off, until
  // the server refuses for good (the room closed, the person removed…), which is then said.
  const rejoining = state.phase === 'rejoining' ? state : null;
  useEffect(() => {
    if (!rejoining) return;
    let current = true;
    const timer = setTimeout(() => {
      void fetchGrant(sessionId, visit).then((r) => {
        if (!current) return;
        if (r.ok) setState({ phase: 'room', grant: r.grant, choices: rejoining.choices, place, attempt: rejoining.attempt });
        else if (REFUSAL_CODES.has(r.code) && r.code !== 'video_not_configured') setState({ phase: 'prejoin', busy: false, refused: { code: r.code, message: r.message } });
        else setState({ ...rejoining, attempt: rejoining.attempt + 1 });
      });
    }, rejoinDelayMs(rejoining.attempt));
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [rejoining, sessionId, visit, place]);

  if (state.phase === 'room') {
    return (
      <Connected
        key={state.grant.token}
        sessionId={sessionId}
        grant={state.grant}
        choices={state.choices}
        layout={layout}
        stagePin={stagePin}
        onConnected={() => setState((s) => (s.phase === 'room' && s.attempt ? { ...s, attempt: 0 } : s))}
        onOut={(why) =>
          setState((s) =>
            // At most REJOIN_ATTEMPTS in a row (about 5 minutes), then said, with the button to try again.
            why === 'lost' && s.phase === 'room' && s.attempt < REJOIN_ATTEMPTS
              ? { phase: 'rejoining', choices: s.choices, attempt: s.attempt + 1 }
              : { phase: 'out', why: why === 'lost' ? 'disconnected' : why },
          )
        }
      />
    );
  }
  if (state.phase === 'rejoining') {
    return (
      <div className="rounded-lg border border-stone-200 bg-white p-4" data-testid="room-rejoining" data-attempt={state.attempt}>
        <p role="status">{t('reconnecting')}</p>
      </div>
    );
  }
  if (state.phase === 'out') {
    return (
      <div className="space-y-3 rounded-lg border border-stone-200 bg-white p-4" data-testid="room-out" data-why={state.why}>
        <p role="status">{t(state.why)}</p>
        {state.why !== 'removed' && (
          <button type="button" className="rounded bg-brand px-4 py-2 text-white" onClick={() => setState({ phase: 'prejoin', busy: false })}>
            {t('rejoin')}
          </button>
        )}
      </div>
    );
  }
  return (
    <div className="space-y-3">
      {state.refused && (
        <p role="alert" data-testid="room-refused" data-code={state.refused.code} className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">
          {REFUSAL_CODES.has(state.refused.code)
            ? t(`refused.${state.refused.code as 'removed'}`)
            : t('refused.other', { message: refusal(state.refused.code) })}
        </p>
      )}
      <PreJoin
        // A new form once the role is known: the device choices start from what the role calls for.
        key={role ?? 'unknown'}
        defaultName={defaultName}
        busy={state.busy}
        ready={role !== null || Boolean(state.refused)}
        watchOnly={layout === 'stage' && role !== 'speaker' && role !== 'moderator' && !interprets}
        recorded={recorded}
        onJoin={(c) => void join(c)}
      />
    </div>
  );
}

function Connected({
  sessionId,
  grant,
  choices,
  layout,
  stagePin,
  onConnected,
  onOut,
}: {
  sessionId: string;
  grant: Grant;
  choices: JoinChoices;
  layout: 'stage' | 'grid';
  stagePin: StagePinControl | null;
  onConnected: () => void;
  onOut: (why: Why | 'lost') => void;
}) {
  const [room] = useState(() => new Room({ adaptiveStream: true, dynacast: true }));
  useEffect(() => {
    const onDisconnected = (reason?: DisconnectReason) => {
      const out = videoOutOf(reason === undefined ? undefined : DisconnectReason[reason]);
      // Another tab of the same person took the place: said as a disconnection, not taken back.
      onOut(out === 'elsewhere' ? 'disconnected' : out);
    };
    room.on(RoomEvent.Disconnected, onDisconnected);
    room.on(RoomEvent.Connected, onConnected);
    return () => {
      room.off(RoomEvent.Disconnected, onDisconnected);
      room.off(RoomEvent.Connected, onConnected);
    };
  }, [room, onOut, onConnected]);
  useEffect(() => () => void room.disconnect(), [room]);
  return (
    <div data-testid="video-room" data-room={grant.room ?? ''}>
      <LiveKitRoom room={room} serverUrl={grant.serverUrl} token={grant.token} connect audio={false} video={false}>
        {/* A breakout group is a discussion: everyone's camera in a grid. */}
        <RoomView
          sessionId={sessionId}
          role={grant.role}
          layout={grant.group ? 'grid' : layout}
          choices={choices}
          interpretation={grant.group ? null : (grant.interpretation ?? null)}
          stagePin={grant.group ? null : stagePin}
        />
      </LiveKitRoom>
    </div>
  );
}
