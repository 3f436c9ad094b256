'use client';

import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type {
  Ack,
  ActiveSanction,
  AckError,
  ChatMessage,
  ClientToServerEvents,
  JoinData,
  LiveSnapshot,
  ModerationNotice,
  Presence,
  Question,
  QuestionEvent,
  ServerToClientEvents,
  PollAnswerValue,
  Poll,
  PollNamedAnswer,
  StagePin,
  You,
} from '@/lib/realtime/protocol';
import { type PollAction, pollsInitial, type PollsState, reducePolls } from './pollState';

export type ChemSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type RoomState = {
  status: 'connecting' | 'joined' | 'disconnected' | 'error';
  error: AckError | null;
  questions: Record<string, Question>;
  messages: ChatMessage[];
  moreMessages: boolean;
  presence: Presence | null;
  moderation: 'post' | 'pre';
  you: You | null;
  notices: ModerationNotice[];
  /** Mutes and bans in force (moderators only). */
  sanctions: ActiveSanction[];
  polls: PollsState;
  /** Questions and chat are known (joined, or rendered with the page): an empty list means none. */
  known: boolean;
  /** The session is being recorded since then (ISO), or not (null). */
  recordingSince: string | null;
  /** The last recording egress reported as failed (moderators only). */
  recordingFailure: { replayId: string; error: string } | null;
  /** The participant pinned on the stage (`stage:pinned`), by LiveKit identity. */
  stagePin: string | null;
  /** The session is streamed out (RTMP) since then (ISO), or not (null). */
  streamSince: string | null;
  /** The last stream failure egress reported, keys removed (moderators only). */
  streamFailure: string | null;
};

type Action =
  | { type: 'joined'; data: JoinData }
  | { type: 'status'; status: RoomState['status']; error?: AckError }
  | { type: 'question'; q: QuestionEvent }
  | { type: 'question-removed'; id: string }
  | { type: 'message'; m: ChatMessage }
  | { type: 'message-deleted'; id: string }
  | { type: 'older'; messages: ChatMessage[]; more: boolean }
  | { type: 'presence'; p: Presence }
  | { type: 'moderation'; moderation: 'post' | 'pre' }
  | { type: 'notice'; n: ModerationNotice }
  | { type: 'sanctions'; sanctions: ActiveSanction[] }
  | { type: 'poll'; p: PollAction }
  | { type: 'recording'; since: string | null }
  | { type: 'pin'; identity: string | null }
  | { type: 'recording-failed'; failure: { replayId: string; error: string } }
  | { type: 'stream'; since: string | null }
  | { type: 'stream-failed'; error: string };

const initial: RoomState = {
  status: 'connecting',
  error: null,
  questions: {},
  messages: [],
  moreMessages: false,
  presence: null,
  moderation: 'post',
  you: null,
  notices: [],
  sanctions: [],
  polls: pollsInitial,
  known: false,
  recordingSince: null,
  recordingFailure: null,
  stagePin: null,
  streamSince: null,
  streamFailure: null,
};

function reduce(s: RoomState, a: Action): RoomState {
  switch (a.type) {
    case 'joined':
      return {
        ...s,
        status: 'joined',
        known: true,
        error: null,
        questions: Object.fromEntries(a.data.questions.map((q) => [q.id, q])),
        messages: a.data.messages,
        moreMessages: a.data.moreMessages,
        presence: a.data.presence,
        moderation: a.data.moderation,
        you: a.data.you,
        sanctions: a.data.sanctions ?? [],
        polls: reducePolls(s.polls, { type: 'join', data: a.data.polls }),
        recordingSince: a.data.recordingSince,
        stagePin: a.data.stagePin,
        streamSince: a.data.streamSince,
      };
    case 'status':
      return { ...s, status: a.status, error: a.error ?? null };
    case 'question': {
      const prev = s.questions[a.q.id];
      // Broadcasts leave out votedByMe: keep what this person knows.
      const q: Question = { ...a.q, votedByMe: a.q.votedByMe ?? prev?.votedByMe ?? false };
      return { ...s, questions: { ...s.questions, [q.id]: q } };
    }
    case 'question-removed': {
      if (!s.questions[a.id]) return s;
      const { [a.id]: _gone, ...rest } = s.questions;
      return { ...s, questions: rest };
    }
    case 'message': {
      const at = s.messages.findIndex((m) => m.id === a.m.id);
      if (at >= 0) return { ...s, messages: s.messages.map((m) => (m.id === a.m.id ? a.m : m)) };
      return { ...s, messages: [...s.messages, a.m] };
    }
    case 'message-deleted':
      return { ...s, messages: s.messages.filter((m) => m.id !== a.id) };
    case 'older': {
      const known = new Set(s.messages.map((m) => m.id));
      return { ...s, messages: [...a.messages.filter((m) => !known.has(m.id)), ...s.messages], moreMessages: a.more };
    }
    case 'presence':
      return { ...s, presence: { ...a.p, people: a.p.people ?? s.presence?.people } };
    case 'moderation':
      return { ...s, moderation: a.moderation };
    case 'sanctions':
      return { ...s, sanctions: a.sanctions };
    case 'poll':
      return { ...s, polls: reducePolls(s.polls, a.p) };
    case 'recording':
      return { ...s, recordingSince: a.since, ...(a.since ? { recordingFailure: null } : {}) };
    case 'pin':
      return { ...s, stagePin: a.identity };
    case 'recording-failed':
      return { ...s, recordingSince: null, recordingFailure: a.failure };
    case 'stream':
      return { ...s, streamSince: a.since, ...(a.since ? { streamFailure: null } : {}) };
    case 'stream-failed':
      return { ...s, streamFailure: a.error };
    case 'notice': {
      let you = s.you;
      if (you && a.n.kind === 'muted') you = { ...you, mutedUntil: a.n.until };
      if (you && a.n.kind === 'unmuted') you = { ...you, mutedUntil: null };
      return {
        ...s,
        you,
        notices: [...s.notices.slice(-4), a.n],
        ...(a.n.kind === 'banned' ? { status: 'error' as const, error: { code: 'banned' as const, message: a.n.message } } : {}),
      };
    }
  }
}

export type LiveRoom = ReturnType<typeof useLiveRoom>;

/**
 * Ask the server for a guest identity (the signed, httpOnly `chemins-guest` cookie; renewed when
 * this browser already holds one): the realtime handshake reads it. True when issued.
 */
async function getGuestIdentity(): Promise<boolean> {
  try {
    return (await fetch('/api/guest', { method: 'POST', credentials: 'same-origin' })).ok;
  } catch {
    return false;
  }
}

/**
 * One session's live room in the browser: connects to Socket.IO (session cookie or personal-link
 * cookie), joins, keeps questions, chat and presence in step with server events, and resyncs
 * with `session:join` whenever a reconnection could not recover what was missed.
 */
/**
 * One session's live state over the realtime connection. `snapshot`: the questions and chat the
 * server rendered with the page (`liveSnapshot`), shown until the connection answers.
 */
export function useLiveRoom(sessionId: string, snapshot?: LiveSnapshot | null) {
  const [state, dispatch] = useReducer(reduce, snapshot, (snap): RoomState =>
    snap
      ? { ...initial, known: true, questions: Object.fromEntries(snap.questions.map((q) => [q.id, q])), messages: snap.messages, moreMessages: snap.moreMessages }
      : initial,
  );
  const socketRef = useRef<ChemSocket | null>(null);
  // The connection itself, for parts that listen to events of their own (live captions).
  const [socket, setSocket] = useState<ChemSocket | null>(null);

  useEffect(() => {
    const socket: ChemSocket = io({ path: '/socket.io', withCredentials: true });
    socketRef.current = socket;
    // A guest in a session that lets guests write gets an identity from the server, once, and
    // connects again with it (its tabs then count and act as one person).
    let askedGuest = false;
    const identifyGuest = (data: JoinData) => {
      if (askedGuest || data.you.role !== 'guest' || data.you.id !== null || !data.guestsWrite) return;
      askedGuest = true;
      void getGuestIdentity().then((issued) => {
        if (issued && socketRef.current === socket) socket.disconnect().connect();
      });
    };
    const mine = <T extends { sessionId: string }>(f: (p: T) => void) => (p: T) => {
      if (p.sessionId === sessionId) f(p);
    };
    const join = () =>
      socket.emit('session:join', { sessionId }, (res) => {
        if (res.ok) {
          dispatch({ type: 'joined', data: res.data });
          identifyGuest(res.data);
        } else dispatch({ type: 'status', status: 'error', error: res.error });
      });
    socket.on('connect', () => {
      setSocket(socket);
      if (socket.recovered) dispatch({ type: 'status', status: 'joined' });
      else join();
    });
    // Redis was away (docs/architecture.md, "Faults"): what other processes sent meanwhile is read again.
    socket.on('session:resync', ({ withinMs }) => void setTimeout(join, Math.random() * withinMs));
    socket.on('disconnect', (reason) => {
      dispatch({ type: 'status', status: 'disconnected' });
      // The server closes a connection whose identity changed (an unproven personal link whose
      // registration was proven since): connect again, as whoever this browser is now.
      if (reason === 'io server disconnect') socket.connect();
    });
    socket.on('presence:updated', mine((p) => dispatch({ type: 'presence', p })));
    socket.on('question:created', mine((q) => dispatch({ type: 'question', q })));
    socket.on('question:updated', mine((q) => dispatch({ type: 'question', q })));
    socket.on('question:removed', mine((r) => dispatch({ type: 'question-removed', id: r.id })));
    socket.on('qa:configured', mine((c) => dispatch({ type: 'moderation', moderation: c.moderation })));
    socket.on('chat:message', mine((m) => dispatch({ type: 'message', m })));
    socket.on('chat:updated', mine((m) => dispatch({ type: 'message', m })));
    socket.on('chat:deleted', mine((r) => dispatch({ type: 'message-deleted', id: r.id })));
    socket.on('moderation:notice', mine((n) => dispatch({ type: 'notice', n })));
    socket.on('moderation:updated', mine((m) => dispatch({ type: 'sanctions', sanctions: m.sanctions })));
    const poll = (p: Poll) => dispatch({ type: 'poll', p: { type: 'poll', poll: p } });
    for (const e of ['poll:updated', 'poll:launched', 'poll:closed'] as const) socket.on(e, mine(poll));
    socket.on('poll:results', mine((results) => dispatch({ type: 'poll', p: { type: 'results', results } })));
    socket.on('poll:answered', mine((m) => dispatch({ type: 'poll', p: { type: 'mine', pollId: m.pollId, answer: m.answer } })));
    socket.on('recording:updated', mine((r) => dispatch({ type: 'recording', since: r.recording ? r.since : null })));
    socket.on('stage:pinned', mine((p) => dispatch({ type: 'pin', identity: p.identity })));
    socket.on('recording:failed', mine((f) => dispatch({ type: 'recording-failed', failure: { replayId: f.replayId, error: f.error } })));
    socket.on('stream:updated', mine((r) => dispatch({ type: 'stream', since: r.streaming ? r.since : null })));
    socket.on('stream:failed', mine((f) => dispatch({ type: 'stream-failed', error: f.error })));
    return () => {
      socket.disconnect();
      socketRef.current = null;
      setSocket(null);
    };
  }, [sessionId]);

  /** Send a command; resolves with its ack (a refusal is a value, not an exception). */
  const call = useCallback(<T,>(event: keyof ClientToServerEvents, payload: unknown): Promise<Ack<T>> => {
    const socket = socketRef.current;
    if (!socket?.connected) return Promise.resolve({ ok: false, error: { code: 'internal', message: 'offline' } });
    return (socket as unknown as { timeout: (ms: number) => { emitWithAck: (e: string, p: unknown) => Promise<Ack<T>> } })
      .timeout(10_000)
      .emitWithAck(event, payload)
      .catch(() => ({ ok: false, error: { code: 'internal', message: 'timeout' } }) as Ack<T>);
  }, []);

  const actions = useMemo(() => {
    const applyQuestion = async (p: Promise<Ack<Question>>) => {
      const res = await p;
      if (res.ok) dispatch({ type: 'question', q: res.data });
      return res;
    };
    const applyMessage = async (p: Promise<Ack<ChatMessage>>) => {
      const res = await p;
      if (res.ok) dispatch({ type: 'message', m: res.data });
      return res;
    };
    return {
      ask: (body: string, anonymous: boolean) => applyQuestion(call<Question>('question:ask', { sessionId, body, anonymous })),
      vote: (questionId: string, vote: boolean) => applyQuestion(call<Question>('question:vote', { questionId, vote })),
      withdraw: async (questionId: string) => {
        const res = await call<{ id: string }>('question:withdraw', { questionId });
        if (res.ok) dispatch({ type: 'question-removed', id: questionId });
        return res;
      },
      moderate: (questionId: string, action: 'approve' | 'dismiss' | 'answer' | 'on-air' | 'off-air' | 'edit', body?: string) =>
        applyQuestion(call<Question>('question:moderate', { questionId, action, ...(body !== undefined ? { body } : {}) })),
      configure: (moderation: 'post' | 'pre') => call('qa:configure', { sessionId, moderation }),
      send: (body: string, replyTo?: string | null) => applyMessage(call<ChatMessage>('chat:send', { sessionId, body, replyTo: replyTo ?? null })),
      react: (messageId: string, emoji: string) => applyMessage(call<ChatMessage>('chat:react', { messageId, emoji })),
      remove: async (messageId: string) => {
        const res = await call<{ id: string }>('chat:delete', { messageId });
        if (res.ok) dispatch({ type: 'message-deleted', id: messageId });
        return res;
      },
      sanction: (userId: string, action: 'mute' | 'unmute' | 'ban' | 'unban', minutes?: number) =>
        call('chat:moderate', { sessionId, userId, action, ...(minutes ? { minutes } : {}) }),
      createPoll: async (input: { kind: Poll['kind']; question: string; options?: string[]; anonymous?: boolean; allowChange?: boolean }) => {
        const res = await call<Poll>('poll:create', { sessionId, ...input });
        if (res.ok) dispatch({ type: 'poll', p: { type: 'poll', poll: res.data } });
        return res;
      },
      runPoll: async (pollId: string, step: 'launch' | 'close' | 'show' | 'hide') => {
        const res =
          step === 'show' || step === 'hide'
            ? await call<Poll>('poll:show', { pollId, visible: step === 'show' })
            : await call<Poll>(step === 'launch' ? 'poll:launch' : 'poll:close', { pollId });
        if (res.ok) dispatch({ type: 'poll', p: { type: 'poll', poll: res.data } });
        return res;
      },
      /** Make a draft anonymous or not. */
      configurePoll: async (pollId: string, anonymous: boolean) => {
        const res = await call<Poll>('poll:configure', { pollId, anonymous });
        if (res.ok) dispatch({ type: 'poll', p: { type: 'poll', poll: res.data } });
        return res;
      },
      /** Who answered what (staff, polls that are not anonymous). */
      pollAnswers: (pollId: string) => call<{ pollId: string; answers: PollNamedAnswer[] }>('poll:answers', { pollId }),
      answerPoll: async (pollId: string, answer: PollAnswerValue) => {
        const res = await call<{ pollId: string; answer: PollAnswerValue }>('poll:answer', { pollId, answer });
        if (res.ok) dispatch({ type: 'poll', p: { type: 'mine', pollId, answer: res.data.answer } });
        return res;
      },
      /** Moderators: pin a participant on the stage, or unpin (null); the pin comes back as `stage:pinned`. */
      pinOnStage: (identity: string | null) => call<StagePin>('stage:pin', { sessionId, identity }),
      loadOlder: async (before: string) => {
        const res = await call<{ messages: ChatMessage[]; more: boolean }>('chat:history', { sessionId, before });
        if (res.ok) dispatch({ type: 'older', messages: res.data.messages, more: res.data.more });
        return res;
      },
    };
  }, [call, sessionId]);

  // The connection itself, for features that listen on their own (captions, components/breakouts).
  return { state, actions, socket, socketRef, call };
}

