'use client';

import { useTranslations } from 'next-intl';
import { currentOf, type PollsState } from './pollState';
import { PollResultsView } from './PollResultsView';

/** The projector's poll: the current question, and its results live once the team shows them. */
export function ProjectorPoll({ polls }: { polls: PollsState }) {
  const t = useTranslations('polls');
  const poll = currentOf(polls);
  if (!poll) return null;
  const results = poll.resultsVisible ? polls.results[poll.id] : undefined;
  return (
    <section aria-labelledby="projector-poll-title" className="rounded-2xl border-4 border-brand p-8" data-testid="projector-poll" data-poll-id={poll.id}>
      <p className="mb-2 text-xl font-bold tracking-wide text-emerald-300 uppercase">{poll.status === 'live' ? t('live') : t('closed')}</p>
      <h2 id="projector-poll-title" className="mb-6 text-4xl leading-tight font-semibold break-words">
        {poll.question}
      </h2>
      {results ? <PollResultsView poll={poll} results={results} big /> : <p className="text-2xl text-stone-400">{t('resultsHidden')}</p>}
    </section>
  );
}
