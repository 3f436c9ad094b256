'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { RATING_MAX } from '@/lib/domain/polls';
import { type AckError, LIMITS, type Poll, type PollAnswerValue } from '@/lib/realtime/protocol';
import { useAckError } from './AckErrorText';
import { NewPollNotice } from './NewPollNotice';
import { currentOf } from './pollState';
import { PollResultsView } from './PollResultsView';
import type { LiveRoom } from './useLiveRoom';

/** A poll refusal in the reader's language. */
export function usePollError() {
  const t = useTranslations('polls.errors');
  const ackError = useAckError();
  return (error: AckError) => (error.code === 'closed' || error.code === 'conflict' || error.code === 'invalid' ? t(error.code) : ackError(error));
}

/** The session's current poll for participants: the question, their answer, and the results once shown; a new one is announced. */
export function PollPanel({ room, signInHref }: { room: LiveRoom; signInHref: string }) {
  return (
    <>
      <NewPollNotice room={room} />
      <CurrentPoll room={room} signInHref={signInHref} />
    </>
  );
}

function CurrentPoll({ room, signInHref }: { room: LiveRoom; signInHref: string }) {
  const t = useTranslations('polls');
  const tl = useTranslations('live');
  const { polls, you } = room.state;
  const poll = currentOf(polls);
  if (!poll) return null;
  const results = polls.results[poll.id];
  const mine = polls.mine[poll.id] ?? null;
  return (
    <section aria-labelledby="poll-title" className="flex flex-col gap-2 rounded border border-brand/40 bg-brand-soft p-3" data-testid="poll-panel" data-poll-id={poll.id}>
      <p className="text-xs font-semibold text-brand uppercase">{poll.status === 'live' ? t('live') : t('closed')}</p>
      <h3 id="poll-title" tabIndex={-1} className="scroll-mt-4 font-semibold break-words">
        {poll.question}
      </h3>
      {poll.status === 'live' &&
        (!you?.id ? (
          <p className="text-sm">
            {t('signInToAnswer')}{' '}
            <a href={signInHref} className="underline">
              {tl('signIn')}
            </a>
          </p>
        ) : !you.canWrite ? (
          <p className="text-sm">{t('registerToAnswer')}</p>
        ) : (
          <>
            <p className="text-xs text-stone-700" data-testid="poll-anonymity-note">
              {poll.anonymous ? t('anonymousNote') : t('namedNote')} {you.role === 'guest' && t('guestNote')}
            </p>
            <AnswerForm key={`${poll.id}:${JSON.stringify(mine)}`} poll={poll} mine={mine} room={room} />
          </>
        ))}
      {results && (poll.resultsVisible || polls.canRun) ? (
        <PollResultsView poll={poll} results={results} />
      ) : (
        <p className="text-sm text-stone-600">{t('resultsHidden')}</p>
      )}
    </section>
  );
}

function AnswerForm({ poll, mine, room }: { poll: Poll; mine: PollAnswerValue | null; room: LiveRoom }) {
  const t = useTranslations('polls');
  const pollError = usePollError();
  const [picked, setPicked] = useState<number[]>(Array.isArray(mine) ? mine : typeof mine === 'number' ? [mine] : []);
  const [text, setText] = useState(typeof mine === 'string' ? mine : '');
  const [error, setError] = useState<AckError | null>(null);
  const [busy, setBusy] = useState(false);
  const answered = mine !== null;
  const locked = answered && !poll.allowChange;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    const answer: PollAnswerValue = poll.kind === 'rating' ? (picked[0] ?? 0) : poll.kind === 'text' || poll.kind === 'words' ? text : picked;
    const res = await room.actions.answerPoll(poll.id, answer);
    setBusy(false);
    setError(res.ok ? null : res.error);
  }
  const choices = poll.kind === 'rating' ? Array.from({ length: RATING_MAX }, (_, i) => String(i + 1)) : poll.options;
  const multiple = poll.kind === 'multiple';
  return (
    <form onSubmit={submit} className="flex flex-col gap-2" data-testid="poll-form">
      {poll.kind === 'text' || poll.kind === 'words' ? (
        <label className="flex flex-col gap-1 text-sm">
          {poll.kind === 'words' ? t('wordLabel') : t('textLabel')}
          <input
            value={text}
            onChange={(e) => setText(e.target.value)}
            maxLength={poll.kind === 'words' ? LIMITS.pollWordMax : LIMITS.pollTextMax}
            disabled={locked}
            required
            className="rounded border border-stone-300 bg-white p-2"
          />
        </label>
      ) : (
        <fieldset className={poll.kind === 'rating' ? 'flex gap-2' : 'flex flex-col gap-1'} disabled={locked}>
          <legend className="sr-only">{poll.question}</legend>
          {multiple && <p className="text-xs text-stone-600">{t('chooseSeveral')}</p>}
          {choices.map((label, i) => {
            const value = poll.kind === 'rating' ? i + 1 : i;
            const checked = picked.includes(value);
            return (
              <label key={i} className="flex items-center gap-2 rounded bg-white px-2 py-1 text-sm">
                <input
                  type={multiple ? 'checkbox' : 'radio'}
                  name={`poll-${poll.id}`}
                  checked={checked}
                  onChange={() => setPicked(multiple ? (checked ? picked.filter((v) => v !== value) : [...picked, value]) : [value])}
                />
                <span className="break-words">{label}</span>
              </label>
            );
          })}
        </fieldset>
      )}
      <div className="flex flex-wrap items-center gap-2 text-sm">
        {!locked && (
          <button type="submit" disabled={busy} className="rounded bg-brand px-3 py-1 text-white disabled:opacity-50">
            {answered ? t('change') : t('submit')}
          </button>
        )}
        {answered && (
          <span role="status" data-testid="poll-saved">
            {t('saved')} {poll.allowChange && t('changeAllowed')}
          </span>
        )}
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {pollError(error)}
        </p>
      )}
    </form>
  );
}
