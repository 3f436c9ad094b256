import { eng, fra } from 'stopword';
import { DomainError } from '@/lib/errors';
import { LIMITS, type Poll, type PollAnswerValue, type PollKind } from '@/lib/realtime/protocol';
import { type Grant, may } from '../policy';

/** Ratings go from 1 to RATING_MAX. */
export const RATING_MAX = 5;

/** Lower case, accents stripped (NFD then combining marks removed), typographic apostrophes made plain. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’ʼ`]/g, "'");
}

/** French and English stop words, folded like the answers they are compared with. */
const STOP_WORDS = new Set([...fra, ...eng, "c'", "d'", "j'", "l'", "m'", "n'", "qu'", "s'", "t'"].map(fold));

/**
 * What a word cloud counts for one answer: its words folded (case, accents), punctuation dropped,
 * French and English stop words left out (`l'écoute` → `ecoute`), joined by one space. Null when
 * nothing is left.
 */
export function foldWords(answer: string): string | null {
  const words = fold(answer)
    .split(/[^\p{L}\p{N}'-]+/u)
    .flatMap((w) => {
      const elided = /^([a-z]')(.+)$/.exec(w);
      return elided ? [elided[2]!] : [w];
    })
    .map((w) => w.replace(/^['-]+|['-]+$/g, ''))
    .filter((w) => w && !STOP_WORDS.has(w));
  return words.length ? words.join(' ') : null;
}

/** Who runs polls in a session: `session.runPolls` (its moderators and speakers, its event's organizers, admins). */
export const mayRunPolls = (a: { grants: readonly Grant[]; session: { id: string; eventId: string } }) =>
  may(a.grants, 'session.runPolls', { sessionId: a.session.id, eventId: a.session.eventId });

/**
 * Check an answer against its poll: option indexes that exist (one for `single`, distinct ones
 * for `multiple`), a whole rating 1–5, a non-empty text within its length. Returns what is stored
 * and what is counted (`folded`, for text and words); throws `invalid` otherwise.
 */
export function checkAnswer(poll: { kind: PollKind; options: string[] }, answer: PollAnswerValue): { value: PollAnswerValue; folded: string | null } {
  const bad = (message: string) => new DomainError(400, 'invalid', message);
  switch (poll.kind) {
    case 'single':
    case 'multiple': {
      if (!Array.isArray(answer)) throw bad('Choose among the options.');
      const picked = [...new Set(answer)].sort((x, y) => x - y);
      if (picked.length !== answer.length) throw bad('An option is chosen twice.');
      if (picked.length === 0) throw bad('Choose at least one option.');
      if (poll.kind === 'single' && picked.length > 1) throw bad('Choose one option only.');
      if (picked.some((i) => !Number.isInteger(i) || i < 0 || i >= poll.options.length)) throw bad('This answer is not among the options.');
      return { value: picked, folded: null };
    }
    case 'rating':
      if (typeof answer !== 'number' || !Number.isInteger(answer) || answer < 1 || answer > RATING_MAX) {
        throw bad(`Give a whole rating from 1 to ${RATING_MAX}.`);
      }
      return { value: answer, folded: null };
    case 'text':
    case 'words': {
      if (typeof answer !== 'string') throw bad('Write your answer.');
      const value = answer.trim().replace(/\s+/g, ' ');
      const max = poll.kind === 'words' ? LIMITS.pollWordMax : LIMITS.pollTextMax;
      if (!value) throw bad('Write your answer.');
      if (value.length > max) throw bad(`Your answer must be at most ${max} characters.`);
      if (poll.kind === 'text') return { value, folded: value };
      const folded = foldWords(value);
      if (!folded) throw bad('Give a word that means something (not only “le”, “the”…).');
      return { value, folded };
    }
  }
}

/** Counts as sent: one per option, one per rating value, or by word/answer. */
export function shapeCounts(kind: PollKind, optionCount: number, rows: { key: string; n: number }[]): number[] | Record<string, number> {
  if (kind === 'text' || kind === 'words') return Object.fromEntries(rows.map((r) => [r.key, r.n]));
  const counts = new Array<number>(kind === 'rating' ? RATING_MAX : optionCount).fill(0);
  for (const r of rows) {
    const i = kind === 'rating' ? Number(r.key) - 1 : Number(r.key);
    if (i >= 0 && i < counts.length) counts[i] = r.n;
  }
  return counts;
}

/** The poll people see now: the live one, else the last closed one whose results are shown. */
export function currentPoll<P extends Pick<Poll, 'status' | 'resultsVisible' | 'closedAt'>>(polls: P[]): P | null {
  const live = polls.find((p) => p.status === 'live');
  if (live) return live;
  const shown = polls.filter((p) => p.status === 'closed' && p.resultsVisible);
  return shown.sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''))[0] ?? null;
}

/** Whether a poll is seen by participants (drafts are staff only). */
export const isPublicPoll = (p: Pick<Poll, 'status'>) => p.status !== 'draft';
