import { z } from 'zod';
import '../zod-browser';
import { uuidSchema } from '../validation';
import { BREAKOUT_LIMITS } from '../domain/breakouts';
import { participantIdentitySchema } from '../domain/video';

/**
 * The realtime protocol, declared once and imported by the server (server/realtime) and the
 * browser (components/live). Client commands are `noun:verb` and always acked with `Ack<T>`;
 * server events are past tense. Socket.IO runs at the default path `/socket.io`.
 *
 * Authentication (handshake): the next-auth session cookie, or `auth: { token }` with a
 * registration join token. Anyone else connects as a guest: with the server-issued guest cookie
 * (`POST /api/guest`) as `guest:<id>`, who may write where the session lets guests write; without
 * it, read only. Either way a person has one id (`user:<id>` once they have an account, else
 * `registration:<id>`): see docs/api.md.
 */

/** Cookie set by `/r/{token}` and `/api/join`: the secret of a link session (never the link's token), accepted like a sign-in. */
export const JOIN_COOKIE = 'chemins-join';

export type AckError = { code: ErrorCode; message: string };
export type Ack<T> = { ok: true; data: T } | { ok: false; error: AckError };

export type ErrorCode =
  | 'invalid'
  | 'unauthenticated'
  /** Signed in (or personal link) but not registered to the event: read-only. */
  | 'not_registered'
  | 'forbidden'
  | 'not_found'
  /** Already done (voting twice). */
  | 'conflict'
  | 'muted'
  | 'banned'
  | 'rate_limited'
  /** A caption for a session that is not live (lib/domain/time `isLive`). */
  | 'not_live'
  /** The poll is not open to answers (not launched yet, or closed). */
  | 'closed'
  /** The database cannot be reached for a moment (docs/architecture.md, "Faults"): retry shortly. */
  | 'unavailable'
  | 'internal';

/** Limits, shared by the server (enforced) and the browser (counters, messages). */
export const LIMITS = {
  questionMax: 500,
  chatMax: 1000,
  /** Messages (chat and questions) per person and session in `rateWindowMs`. */
  rateCount: 5,
  /** Reaction toggles per person and session in `rateWindowMs`. */
  reactCount: 10,
  rateWindowMs: 10_000,
  historyPage: 100,
  muteMinutesMax: 24 * 60,
  pollQuestionMax: 300,
  pollOptionMax: 200,
  pollOptionsMin: 2,
  pollOptionsMax: 12,
  /** An open answer; a word cloud answer is much shorter. */
  pollTextMax: 500,
  pollWordMax: 40,
  /** Polls per session. */
  pollsMax: 50,
  /** At most one `poll:results` per poll and process in this time (the last one always goes out). */
  pollResultsEveryMs: 250,
  /** A line of live captions, and the speaker's name the captioner may give it. */
  captionMax: 500,
  captionSpeakerMax: 80,
  /** Caption lines per captioner and session in `rateWindowMs` (a fast typist sends a line every second or two). */
  captionCount: 20,
  /** Lines of the running transcript sent on `caption:history`. */
  captionHistory: 200,
} as const;

/** Reactions offered in the chat (anything else is refused). */
export const REACTIONS = ['👍', '❤️', '😂', '🎉', '🤔', '👏'] as const;

const uuid = uuidSchema;
const text = (max: number) =>
  z
    .string()
    .transform((v) => v.trim())
    .pipe(z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`));

export const sessionRef = z.object({ sessionId: uuid }).strict();
export const pingPayload = z.object({ sentAt: z.number().int().nonnegative() }).strict();
export const questionAsk = z.object({ sessionId: uuid, body: text(LIMITS.questionMax), anonymous: z.boolean().optional() }).strict();
export const questionVote = z.object({ questionId: uuid, vote: z.boolean() }).strict();
export const questionRef = z.object({ questionId: uuid }).strict();
export const questionModerate = z
  .object({
    questionId: uuid,
    action: z.enum(['approve', 'dismiss', 'answer', 'on-air', 'off-air', 'edit']),
    body: text(LIMITS.questionMax).optional(),
  })
  .strict()
  .refine((v) => v.action !== 'edit' || v.body !== undefined, { message: 'edit needs a body', path: ['body'] });
export const qaConfigure = z.object({ sessionId: uuid, moderation: z.enum(['post', 'pre']) }).strict();
export const chatSend = z.object({ sessionId: uuid, body: text(LIMITS.chatMax), replyTo: uuid.nullish() }).strict();
export const chatReact = z.object({ messageId: uuid, emoji: z.enum(REACTIONS) }).strict();
export const chatRef = z.object({ messageId: uuid }).strict();
export const chatModerate = z
  .object({
    sessionId: uuid,
    userId: z.string().min(1).max(200),
    action: z.enum(['mute', 'unmute', 'ban', 'unban']),
    minutes: z.number().int().min(1).max(LIMITS.muteMinutesMax).optional(),
  })
  .strict();
export const chatHistory = z.object({ sessionId: uuid, before: uuid }).strict();
/** Moderators: pin a participant of the stage (by LiveKit identity) as the sign-language interpreter, or unpin (null). */
export const stagePin = z.object({ sessionId: uuid, identity: participantIdentitySchema.nullable() }).strict();
/** The participant pinned on a session's stage (`stage:pin`), kept large beside the active speaker; null: none. */
export type StagePin = { sessionId: string; identity: string | null };
export const CAPTION_LANGS = ['fr', 'en'] as const;
export const captionSend = z
  .object({
    sessionId: uuid,
    text: text(LIMITS.captionMax),
    lang: z.enum(CAPTION_LANGS).optional(),
    /** Who speaks, chosen on the captioner page (an extension beside the contract's keys). */
    speaker: z.string().trim().max(LIMITS.captionSpeakerMax, `must be at most ${LIMITS.captionSpeakerMax} characters`).nullish(),
  })
  .strict();

export const POLL_KINDS = ['single', 'multiple', 'rating', 'text', 'words'] as const;
export type PollKind = (typeof POLL_KINDS)[number];
export const pollCreate = z
  .object({
    sessionId: uuid,
    kind: z.enum(POLL_KINDS),
    question: text(LIMITS.pollQuestionMax),
    options: z.array(text(LIMITS.pollOptionMax)).max(LIMITS.pollOptionsMax).optional(),
    anonymous: z.boolean().optional(),
    /** May people change their answer while the poll is live (default: yes). */
    allowChange: z.boolean().optional(),
  })
  .strict()
  .refine((v) => (v.kind === 'single' || v.kind === 'multiple') === (v.options !== undefined && v.options.length >= LIMITS.pollOptionsMin), {
    message: `single and multiple polls take ${LIMITS.pollOptionsMin} to ${LIMITS.pollOptionsMax} options; other kinds take none`,
    path: ['options'],
  });
export const pollRef = z.object({ pollId: uuid }).strict();
export const pollShow = z.object({ pollId: uuid, visible: z.boolean() }).strict();
/** Whether answers are anonymous to the staff too: set while the poll is a draft only. */
export const pollConfigure = z.object({ pollId: uuid, anonymous: z.boolean() }).strict();
/** The answer's shape is checked against the poll's kind by the server (lib/domain/polls.ts). */
export const pollAnswer = z
  .object({
    pollId: uuid,
    answer: z.union([
      z.array(z.number().int()).max(LIMITS.pollOptionsMax),
      z.number(),
      z.string().max(LIMITS.pollTextMax * 4, `must be at most ${LIMITS.pollTextMax} characters`),
    ]),
  })
  .strict();

/** Breakout groups (lib/domain/breakouts.ts): a round's start, a person's choice, a broadcast. */
export const breakoutStart = z
  .object({
    sessionId: uuid,
    groups: z.number().int().min(BREAKOUT_LIMITS.groupsMin).max(BREAKOUT_LIMITS.groupsMax),
    minutes: z.number().int().min(BREAKOUT_LIMITS.minutesMin).max(BREAKOUT_LIMITS.minutesMax),
    /** `random` (default), `choice` (people choose, `breakout:choose`), or `{ actorKey: groupIndex }` (0-based). */
    assign: z
      .union([z.literal('random'), z.literal('choice'), z.record(z.string().min(1).max(200), z.number().int().min(0).max(BREAKOUT_LIMITS.groupsMax - 1))])
      .optional(),
  })
  .strict();
export const breakoutChoose = z.object({ sessionId: uuid, groupId: uuid }).strict();
export const breakoutBroadcast = z.object({ sessionId: uuid, text: text(BREAKOUT_LIMITS.messageMax) }).strict();

export type BreakoutGroupRef = { id: string; name: string };
export type BreakoutMember = { id: string; name: string };
export type BreakoutGroup = BreakoutGroupRef & { position: number; room: string; members: BreakoutMember[] };
export type BreakoutRound = {
  id: string;
  sessionId: string;
  minutes: number;
  mode: 'random' | 'choice' | 'assigned';
  startedAt: string;
  endsAt: string;
  groups: BreakoutGroup[];
};
/** A person's view of the open round (`breakout:sync`): the groups, theirs, and whether they may choose. */
export type BreakoutView = {
  sessionId: string;
  round: { id: string; mode: BreakoutRound['mode']; endsAt: string; groups: BreakoutGroupRef[] } | null;
  mine: BreakoutGroupRef | null;
  /** Moderators: the whole round, members included. */
  state?: BreakoutRound | null;
};
export type BreakoutStarted = { sessionId: string; round: NonNullable<BreakoutView['round']> };
export type BreakoutAssigned = { sessionId: string; groupId: string; name: string; endsAt: string };
export type BreakoutMessage = { sessionId: string; roundId: string; text: string; authorName: string; at: string };
export type BreakoutEnded = { sessionId: string; roundId: string; by: 'timer' | 'moderator' };

export type PollStatus = 'draft' | 'live' | 'closed';
export type PollAnswerValue = number[] | number | string;
export type Poll = {
  id: string;
  sessionId: string;
  kind: PollKind;
  question: string;
  options: string[];
  anonymous: boolean;
  allowChange: boolean;
  status: PollStatus;
  /** Results are shown to participants and on the projector. */
  resultsVisible: boolean;
  createdAt: string;
  launchedAt: string | null;
  closedAt: string | null;
};
/**
 * A poll's counts, from the database: one number per option (single, multiple), per rating value
 * 1–5 (rating), or `{ word: count }` (words: folded words; text: the answers as written).
 * `version` grows with every stored answer or change: a client keeps the highest it has seen.
 */
export type PollResults = {
  pollId: string;
  sessionId: string;
  total: number;
  counts: number[] | Record<string, number>;
  version: number;
};
/** One answer with the name of who gave it: for moderators and speakers, on polls that are not anonymous. */
export type PollNamedAnswer = { name: string; answer: PollAnswerValue; answeredAt: string };
export type PollJoin = {
  /** The live poll, else the last closed one whose results are shown; null if none. */
  current: Poll | null;
  /** This person's answer to `current`, if any. */
  mine: PollAnswerValue | null;
  /** Results of `current`, when this person may see them. */
  results: PollResults | null;
  /** Moderators and speakers: all the session's polls, drafts included. */
  all?: Poll[];
  /** Moderators and speakers may create, launch, close and show polls. */
  canRun: boolean;
};

export type Role = 'guest' | 'participant' | 'speaker' | 'moderator' | 'organizer';
export type QuestionStatus = 'pending' | 'visible' | 'answered' | 'dismissed';

/**
 * A question as a given person sees it. `authorName` is null when anonymous, except for
 * moderators and the author. `authorId` (the author's actor key) is given to moderators, to the
 * author, and for questions that are not anonymous.
 */
export type Question = {
  id: string;
  sessionId: string;
  body: string;
  authorName: string | null;
  authorId: string | null;
  anonymous: boolean;
  votes: number;
  votedByMe: boolean;
  status: QuestionStatus;
  onAir: boolean;
  createdAt: string;
};

/**
 * `question:created` / `question:updated` broadcasts go to many people at once, so they carry
 * `votedByMe` only when sent to the person concerned; otherwise it is absent and clients keep the
 * value they had (from `session:join` or their own `question:vote` ack).
 */
export type QuestionEvent = Omit<Question, 'votedByMe'> & { votedByMe?: boolean };

export type ChatMessage = {
  id: string;
  sessionId: string;
  body: string;
  authorName: string;
  /** The author's actor key (what `chat:moderate` takes as `userId`). */
  authorId: string;
  replyTo: string | null;
  reactions: Record<string, number>;
  /** The message calls the moderators (`@modération`, `@moderators`…). */
  mentionsModerators: boolean;
  createdAt: string;
};

export type Presence = {
  sessionId: string;
  count: number;
  /** Who is there: sent to moderators only. */
  people?: { id: string; name: string; role: Role }[];
};

export type You = {
  role: Role;
  /** Actor key; null for guests, except issued guests where the session lets guests write (`guest:<id>`). */
  id: string | null;
  name: string | null;
  /** May ask, vote and chat (registered to the event, or staff, and not banned). */
  canWrite: boolean;
  isModerator: boolean;
  mutedUntil: string | null;
};

export type JoinData = {
  questions: Question[];
  messages: ChatMessage[];
  /** More chat history before the first message (`chat:history`). */
  moreMessages: boolean;
  presence: Presence;
  moderation: 'post' | 'pre';
  you: You;
  /** Mutes and bans in force: moderators only. */
  sanctions?: ActiveSanction[];
  polls?: PollJoin;
  /** The session is being recorded since this moment (null: it is not). */
  recordingSince: string | null;
  /** The participant pinned on the stage (the sign-language interpreter), by LiveKit identity; null: none. */
  stagePin: string | null;
  /** The session is streamed out (RTMP) since this moment (null: it is not). */
  streamSince: string | null;
  /**
   * The session lets guests write. A guest without an identity (`you.id` null) gets one with
   * `POST /api/guest` and connects again to take part.
   */
  guestsWrite: boolean;
};
/** The part of `session:join`'s answer a session page renders before its connection (`liveSnapshot`). */
export type LiveSnapshot = Pick<JoinData, 'questions' | 'messages' | 'moreMessages'>;
/** A line of live captions, as everyone in the session receives it (`caption:line`). */
export type CaptionLine = {
  sessionId: string;
  text: string;
  lang: (typeof CAPTION_LANGS)[number];
  /** Who speaks, or null. */
  speaker: string | null;
  /** ISO instant the server received it. */
  at: string;
  /** Recognised lines may come as partial, then final; typed lines are final. */
  final: boolean;
};
export type PingData = { sentAt: number; serverAt: number; user: { name: string; kind: 'user' | 'registration' } };
export type ModerationNotice = {
  sessionId: string;
  kind: 'muted' | 'unmuted' | 'banned' | 'unbanned' | 'question-dismissed' | 'message-deleted';
  until: string | null;
  message: string;
};
/** A mute or ban in force (moderators' view). */
export type ActiveSanction = { userId: string; name: string; kind: 'mute' | 'ban'; until: string | null };
export type Sanction = { sessionId: string; userId: string; action: 'mute' | 'unmute' | 'ban' | 'unban'; until: string | null };

type Cmd<P, T> = (payload: P, ack: (res: Ack<T>) => void) => void;

export interface ClientToServerEvents {
  'session:join': Cmd<z.input<typeof sessionRef>, JoinData>;
  'session:leave': Cmd<z.input<typeof sessionRef>, { sessionId: string }>;
  'question:ask': Cmd<z.input<typeof questionAsk>, Question>;
  'question:vote': Cmd<z.input<typeof questionVote>, Question>;
  'question:withdraw': Cmd<z.input<typeof questionRef>, { id: string; sessionId: string }>;
  'question:moderate': Cmd<z.input<typeof questionModerate>, Question>;
  /** Moderators: switch the session's Q&A between post- and pre-moderation. */
  'qa:configure': Cmd<z.input<typeof qaConfigure>, { sessionId: string; moderation: 'post' | 'pre' }>;
  'chat:send': Cmd<z.input<typeof chatSend>, ChatMessage>;
  /** Toggles the person's reaction. */
  'chat:react': Cmd<z.input<typeof chatReact>, ChatMessage>;
  'chat:delete': Cmd<z.input<typeof chatRef>, { id: string; sessionId: string }>;
  'chat:moderate': Cmd<z.input<typeof chatModerate>, Sanction>;
  /** Older messages (oldest first), those before the message `before` (an id). */
  'chat:history': Cmd<z.input<typeof chatHistory>, { messages: ChatMessage[]; more: boolean }>;
  /** Moderators and speakers: prepare a poll (a draft). */
  'poll:create': Cmd<z.input<typeof pollCreate>, Poll>;
  /** Open a draft to answers; a poll already live in the session closes. */
  'poll:launch': Cmd<z.input<typeof pollRef>, Poll>;
  'poll:close': Cmd<z.input<typeof pollRef>, Poll>;
  /** Show or hide the results to participants and on the projector. */
  'poll:show': Cmd<z.input<typeof pollShow>, Poll>;
  /** Make a draft anonymous or not (refused with `conflict` once launched). */
  'poll:configure': Cmd<z.input<typeof pollConfigure>, Poll>;
  /**
   * Moderators and speakers: who answered what, on a poll that is not anonymous (`forbidden`
   * for anyone else, and for anonymous polls).
   */
  'poll:answers': Cmd<z.input<typeof pollRef>, { pollId: string; answers: PollNamedAnswer[] }>;
  /** Answer (or change one's answer to) the live poll. */
  'poll:answer': Cmd<z.input<typeof pollAnswer>, { pollId: string; answer: PollAnswerValue }>;
  /** The session's captioners (`session.caption`): send a line of live captions to everyone in the session. */
  'caption:send': Cmd<z.input<typeof captionSend>, CaptionLine>;
  /**
   * The running transcript: the last `LIMITS.captionHistory` lines, oldest first (whoever may read
   * the session); `canCaption`: this person may send captions (a link to the captioner page).
   */
  'caption:history': Cmd<z.input<typeof sessionRef>, { lines: CaptionLine[]; canCaption: boolean }>;
  /** Moderators: split the people in the live room into groups for `minutes` (`conflict` while a round is open). */
  'breakout:start': Cmd<z.input<typeof breakoutStart>, { groups: BreakoutGroupRef[] }>;
  /** A person chooses (or changes) their group, in a round where people choose. */
  'breakout:choose': Cmd<z.input<typeof breakoutChoose>, BreakoutAssigned>;
  /** Moderators: a message to everyone in the session, every group included. */
  'breakout:broadcast': Cmd<z.input<typeof breakoutBroadcast>, BreakoutMessage>;
  /** Moderators: call everyone back to the main room now. */
  'breakout:end': Cmd<z.input<typeof sessionRef>, BreakoutEnded>;
  /**
   * The open round as this person sees it, after `session:join`: someone arriving during a round
   * (not a moderator, in a round not by choice) is put in the smallest group.
   */
  'breakout:sync': Cmd<z.input<typeof sessionRef>, BreakoutView>;
  /** Moderators: pin a participant on the stage for everyone (the sign-language interpreter), or unpin; others `forbidden`. */
  'stage:pin': Cmd<z.input<typeof stagePin>, StagePin>;
  /** Authenticated round trip: refused for guests. */
  ping: Cmd<z.input<typeof pingPayload>, PingData>;
}

export interface ServerToClientEvents {
  'presence:updated': (presence: Presence) => void;
  'question:created': (question: QuestionEvent) => void;
  'question:updated': (question: QuestionEvent) => void;
  'question:removed': (ref: { id: string; sessionId: string }) => void;
  'qa:configured': (settings: { sessionId: string; moderation: 'post' | 'pre' }) => void;
  'chat:message': (message: ChatMessage) => void;
  'chat:updated': (message: ChatMessage) => void;
  'chat:deleted': (ref: { id: string; sessionId: string }) => void;
  'moderation:notice': (notice: ModerationNotice) => void;
  /** To moderators, after any mute, ban or lift. */
  'moderation:updated': (state: { sessionId: string; sanctions: ActiveSanction[] }) => void;
  /** Drafts go to moderators and speakers only; the rest to everyone in the session. */
  'poll:updated': (poll: Poll) => void;
  'poll:launched': (poll: Poll) => void;
  'poll:closed': (poll: Poll) => void;
  /** Throttled (`LIMITS.pollResultsEveryMs`); to everyone once shown, else to moderators and speakers. */
  'poll:results': (results: PollResults) => void;
  /** To the person's other connections (tabs) after they answer. */
  'poll:answered': (mine: { pollId: string; sessionId: string; answer: PollAnswerValue }) => void;
  /** To everyone in the session: a line of live captions. */
  'caption:line': (line: CaptionLine) => void;
  /** To everyone in the session: a participant pinned on the stage, or unpinned (`identity` null). */
  'stage:pinned': (pin: StagePin) => void;
  /** To everyone in the session: recording started (`since`) or stopped. */
  'recording:updated': (state: RecordingState) => void;
  /** To moderators: egress reported the recording as failed. */
  'recording:failed': (failure: { sessionId: string; replayId: string; error: string }) => void;
  /**
   * Redis came back after an outage (docs/architecture.md, "Faults"): what other processes sent
   * meanwhile did not reach this one. Join again (`session:join`, read from Postgres) at a random
   * moment within `withinMs`, so that the audience does not ask all at once.
   */
  'session:resync': (p: { withinMs: number }) => void;
  /** To everyone in the session: the stream out started (`since`) or stopped (docs/streaming.md). */
  'stream:updated': (state: { sessionId: string; streaming: boolean; since: string | null }) => void;
  /** To moderators: egress reported the stream, or one of its destinations, as failed (keys removed). */
  'stream:failed': (failure: { sessionId: string; error: string }) => void;
  /** To everyone in the session: a round started (in a round by choice, people then choose with `breakout:choose`). */
  'breakout:started': (started: BreakoutStarted) => void;
  /** To each person put in a group (all their connections). */
  'breakout:assigned': (assigned: BreakoutAssigned) => void;
  /** To the session's moderators: the open round and its members (null once it ends). */
  'breakout:state': (state: { sessionId: string; round: BreakoutRound | null }) => void;
  /** To everyone in the session: a moderator's message to all groups. */
  'breakout:message': (message: BreakoutMessage) => void;
  /** To everyone in the session: back to the main room (once per round, whichever process ends it). */
  'breakout:ended': (ended: BreakoutEnded) => void;
}

export type RecordingState = { sessionId: string; recording: boolean; since: string | null };

/** Socket.IO room of everyone in a programme session (presence). */
export const roomOf = (sessionId: string) => `session:${sessionId}`;
/** The session's moderators (see authors of anonymous questions, pending questions, who is there). */
export const modsRoomOf = (sessionId: string) => `session:${sessionId}:mods`;
/** All connections of one person (actor key). */
export const actorRoomOf = (actorKey: string) => `actor:${actorKey}`;
/** The session's moderators and speakers (run polls, see results before they are shown). */
export const pollStaffRoomOf = (sessionId: string) => `session:${sessionId}:polls`;
