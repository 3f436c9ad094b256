import { currentPoll } from '@/lib/domain/polls';
import type { Poll, PollAnswerValue, PollJoin, PollResults } from '@/lib/realtime/protocol';

/** The polls part of a live room in the browser (kept by useLiveRoom). */
export type PollsState = {
  byId: Record<string, Poll>;
  /** Latest results per poll (the highest `version` seen). */
  results: Record<string, PollResults>;
  /** This person's answers, by poll. */
  mine: Record<string, PollAnswerValue>;
  canRun: boolean;
};

export type PollAction =
  | { type: 'join'; data: PollJoin | undefined }
  | { type: 'poll'; poll: Poll }
  | { type: 'results'; results: PollResults }
  | { type: 'mine'; pollId: string; answer: PollAnswerValue };

export const pollsInitial: PollsState = { byId: {}, results: {}, mine: {}, canRun: false };

export function reducePolls(s: PollsState, a: PollAction): PollsState {
  switch (a.type) {
    case 'join': {
      const d = a.data;
      if (!d) return pollsInitial;
      const list = [...(d.all ?? []), ...(d.current ? [d.current] : [])];
      return {
        byId: Object.fromEntries(list.map((p) => [p.id, p])),
        results: d.results ? { [d.results.pollId]: d.results } : {},
        mine: d.current && d.mine !== null ? { [d.current.id]: d.mine } : {},
        canRun: d.canRun,
      };
    }
    case 'poll': {
      const results = { ...s.results };
      // Results hidden again: participants forget them.
      if (!s.canRun && !a.poll.resultsVisible) delete results[a.poll.id];
      return { ...s, byId: { ...s.byId, [a.poll.id]: a.poll }, results };
    }
    case 'results': {
      const prev = s.results[a.results.pollId];
      if (prev && prev.version > a.results.version) return s;
      return { ...s, results: { ...s.results, [a.results.pollId]: a.results } };
    }
    case 'mine':
      return { ...s, mine: { ...s.mine, [a.pollId]: a.answer } };
  }
}

/** The poll shown to participants and on the projector now. */
export const currentOf = (s: PollsState) => currentPoll(Object.values(s.byId));
/** All polls, oldest first (moderators' list). */
export const pollList = (s: PollsState) => Object.values(s.byId).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
