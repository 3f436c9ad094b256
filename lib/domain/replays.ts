/**
 * Replays: what a replay page shows beside the video, and when a session may be recorded.
 * Pure rules; the queries are in db/queries/replays.ts, the recording engine in server/media/recording.ts.
 */
import { z } from 'zod';
import { type MediaEmbed, mediaEmbed } from './media-embed';
import { LICENCE_IDS } from './resources';
import type { QuestionStatus } from '@/lib/realtime/protocol';
import { isPublicStatus } from './live';

export const REPLAY_KINDS = ['recording', 'upload', 'link'] as const;
export type ReplayKind = (typeof REPLAY_KINDS)[number];

/** Video files a replay may be (uploads are sniffed from their content, not trusted from the request). */
export const REPLAY_VIDEO_TYPES = ['video/mp4', 'video/webm', 'video/ogg'] as const;
/** Largest uploaded replay (the request gate allows exactly this much: server/http/guard.ts). */
export const MAX_REPLAY_BYTES = 4 * 1024 ** 3;

/** `POST /api/sessions/{id}/recording`. */
export const recordingRequest = z.object({ action: z.enum(['start', 'stop']) }).strict();

const licence = z.enum(LICENCE_IDS).default('all-rights-reserved');
const replayMeta = {
  /** The moment of the session the video starts at (ISO 8601 with an offset), between 1990 and 2200. */
  startedAt: z.iso.datetime({ offset: true }).refine((v) => {
    const year = new Date(v).getUTCFullYear();
    return year >= 1990 && year <= 2200;
  }, { message: 'must be a moment between 1990 and 2200', params: { code: 'date' } }),
  durationSeconds: z.number().int().min(1).max(7 * 24 * 3600).optional(),
  /** Empty: the session's title is shown. */
  title: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => v || undefined),
  licence,
};
/** `POST /api/sessions/{id}/replays`: a link to a video (a host's page or a video file). */
export const linkReplayRequest = z
  .object({
    url: z
      .url({ protocol: /^https?$/, message: 'must be an http(s) address' })
      .max(2000),
    ...replayMeta,
  })
  .strict();
/** `POST /api/sessions/{id}/replays/upload?startedAt=…`: the video itself is the body. */
export const uploadReplayQuery = z.object({
  startedAt: replayMeta.startedAt,
  durationSeconds: z.coerce.number().int().min(1).max(7 * 24 * 3600).optional(),
  title: replayMeta.title,
  licence,
});

/** Seconds from the replay's start to `at`, to the tenth. */
export const offsetSeconds = (at: Date, startedAt: Date) => Math.round((at.getTime() - startedAt.getTime()) / 100) / 10;

export type TimelineQuestion = {
  id: string;
  body: string;
  authorName: string;
  anonymous: boolean;
  status: QuestionStatus;
  withdrawnAt: Date | null;
  votes: number;
  createdAt: Date;
};
export type TimelineMessage = { id: string; body: string; authorName: string; deletedAt: Date | null; createdAt: Date };
/** A question put on air, from the moderation log. */
export type OnAirEntry = { questionId: string; at: Date };

export type TimelineItem = {
  kind: 'question' | 'message';
  id: string;
  offsetSeconds: number;
  at: string;
  /** Null for a question asked anonymously. */
  authorName: string | null;
  body: string;
  votes?: number;
  answered?: boolean;
};
export type Chapter = { offsetSeconds: number; questionId: string; title: string };
export type Timeline = { items: TimelineItem[]; chapters: Chapter[] };

/**
 * The conversation of a session as it appeared during a replay's window (from `startedAt`, for
 * `durationSeconds` when known): questions the audience saw (not pending, dismissed or withdrawn;
 * anonymous ones without their author), chat messages not deleted, in order, with their offsets;
 * and a chapter at each question put on air.
 */
export function buildTimeline(
  replay: { startedAt: Date; durationSeconds: number | null },
  questions: TimelineQuestion[],
  messages: TimelineMessage[],
  onAir: OnAirEntry[],
): Timeline {
  const start = replay.startedAt.getTime();
  const end = replay.durationSeconds === null ? Infinity : start + replay.durationSeconds * 1000;
  const inWindow = (at: Date) => at.getTime() >= start && at.getTime() <= end;
  const shown = new Map(
    questions.filter((q) => isPublicStatus(q.status) && !q.withdrawnAt).map((q) => [q.id, q] as const),
  );
  const items: TimelineItem[] = [
    ...[...shown.values()]
      .filter((q) => inWindow(q.createdAt))
      .map((q) => ({
        kind: 'question' as const,
        id: q.id,
        offsetSeconds: offsetSeconds(q.createdAt, replay.startedAt),
        at: q.createdAt.toISOString(),
        authorName: q.anonymous ? null : q.authorName,
        body: q.body,
        votes: q.votes,
        answered: q.status === 'answered',
      })),
    ...messages
      .filter((m) => !m.deletedAt && inWindow(m.createdAt))
      .map((m) => ({
        kind: 'message' as const,
        id: m.id,
        offsetSeconds: offsetSeconds(m.createdAt, replay.startedAt),
        at: m.createdAt.toISOString(),
        authorName: m.authorName,
        body: m.body,
      })),
  ].sort((a, b) => a.offsetSeconds - b.offsetSeconds || a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  const chapters = onAir
    .filter((e) => shown.has(e.questionId) && inWindow(e.at))
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map((e) => ({ offsetSeconds: offsetSeconds(e.at, replay.startedAt), questionId: e.questionId, title: chapterTitle(shown.get(e.questionId)!.body) }));
  return { items, chapters };
}

const chapterTitle = (body: string) => {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
};

/** The last item at or before `seconds` (the one to highlight while playing), or -1. */
export function currentIndex(items: readonly { offsetSeconds: number }[], seconds: number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.offsetSeconds <= seconds) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * How a replay is played: a video element (files kept by Chemins, and links to a video file),
 * an embedded player of a known host (seeking reloads it at the moment), or a plain link.
 */
export type ReplayPlayer = { kind: 'video'; src: string } | MediaEmbed;

const VIDEO_FILE = /\.(mp4|m4v|webm|ogv|ogg)$/i;

export function replayPlayer(replay: { id: string; kind: ReplayKind; url: string | null }): ReplayPlayer {
  if (replay.kind !== 'link') return { kind: 'video', src: `/api/replays/${replay.id}/media` };
  const embed = mediaEmbed(replay.url);
  if (embed.kind === 'link') {
    try {
      if (VIDEO_FILE.test(new URL(embed.url).pathname)) return { kind: 'video', src: embed.url };
    } catch {
      /* not a URL: shown as a link */
    }
  }
  return embed;
}

/** An embedded player's address starting at `seconds` (YouTube `start`, Vimeo `#t`, PeerTube `start`). */
export function embedAt(embed: Extract<MediaEmbed, { kind: 'iframe' }>, seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const url = new URL(embed.src);
  if (embed.host === 'vimeo') url.hash = `t=${s}s`;
  else url.searchParams.set('start', String(s));
  if (embed.host !== 'vimeo') url.searchParams.set('autoplay', '1');
  return url.toString();
}

/** `1:02:03` or `2:03`. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

export type RecordingRefusal = 'workshop_not_announced';

/**
 * Whether a session may be recorded: a workshop only when its registrants were told at
 * registration (people speak there as participants, not as speakers on a stage).
 */
export function recordingRefusal(session: { kind: string; recordingAnnounced: boolean }): RecordingRefusal | null {
  return session.kind === 'workshop' && !session.recordingAnnounced ? 'workshop_not_announced' : null;
}

/** Where egress writes a session's recording, relative to the replays directory. */
export const recordingFile = (sessionId: string, stamp: Date) =>
  `${sessionId}/${stamp.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}.mp4`;
