import type { CaptionLine } from '@/lib/realtime/protocol';

/**
 * What Next's route handlers may ask of the realtime server running in the same process, without
 * importing Socket.IO into the Next bundle: the realtime server installs these on start-up.
 */
export type RealtimeHooks = {
  /** Someone was removed from a session (video moderation): apply it to its live Q&A and chat. */
  ban: (sessionId: string, actorKey: string) => Promise<void>;
  /** A person signed in, their registrations linked to the account: their open connections follow. */
  linked: (userId: string, registrationIds: string[]) => Promise<void>;
  /** A session's recording started or stopped: everyone in it sees the indicator. */
  recording: (sessionId: string, state: { recording: boolean; since: string | null }) => void;
  /** A recording failed (egress said so): its moderators are told. */
  recordingFailed: (sessionId: string, failure: { replayId: string; error: string }) => void;
  /** A session's stream out started or stopped: everyone in it sees the indicator (docs/streaming.md). */
  stream: (sessionId: string, state: { streaming: boolean; since: string | null }) => void;
  /** A stream failed, or one of its destinations (egress said so, keys removed): its moderators are told. */
  streamFailed: (sessionId: string, failure: { error: string }) => void;
  /** A line of live captions (typed or recognised, server/captions/publish.ts): to everyone in the session. */
  caption: (line: CaptionLine) => void;
};

const g = globalThis as unknown as { __cheminsRealtimeHooks?: RealtimeHooks };

export function installRealtimeHooks(hooks: RealtimeHooks | undefined): void {
  g.__cheminsRealtimeHooks = hooks;
}

export function realtimeHooks(): RealtimeHooks | undefined {
  return g.__cheminsRealtimeHooks;
}
