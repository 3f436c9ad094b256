'use client';

import { useTranslations } from 'next-intl';
import type { Poll, PollResults } from '@/lib/realtime/protocol';

/**
 * A poll's results: bars (choices, ratings), a word cloud (words), or the answers with their
 * counts (open answers). Answers are rendered as text, never as markup. `big` for the projector.
 */
export function PollResultsView({ poll, results, big = false }: { poll: Poll; results: PollResults; big?: boolean }) {
  const t = useTranslations('polls');
  const counts = results.counts;
  const total = (
    <p className={big ? 'text-2xl text-stone-300' : 'text-sm text-stone-600'} data-testid="poll-total" data-total={results.total}>
      {t('answers', { count: results.total })}
    </p>
  );
  if (Array.isArray(counts)) {
    const labels = poll.kind === 'rating' ? counts.map((_, i) => t('ratingValue', { value: i + 1 })) : poll.options;
    const max = Math.max(1, ...counts);
    return (
      <div className="flex flex-col gap-2" data-testid="poll-bars">
        <ol className="flex flex-col gap-2">
          {labels.map((label, i) => (
            <li key={i} data-testid="poll-bar" data-count={counts[i] ?? 0} className={big ? 'text-3xl' : 'text-sm'}>
              <div className="flex justify-between gap-2">
                <span className="break-words">{label}</span>
                <span className="font-semibold tabular-nums">{counts[i] ?? 0}</span>
              </div>
              <div className={`${big ? 'h-6' : 'h-2'} w-full rounded bg-stone-200/40`} aria-hidden>
                <div className="h-full rounded bg-brand" style={{ width: `${((counts[i] ?? 0) / max) * 100}%` }} />
              </div>
            </li>
          ))}
        </ol>
        {total}
      </div>
    );
  }
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (poll.kind === 'text') {
    return (
      <div className="flex flex-col gap-2">
        <ul className={`flex flex-col gap-1 ${big ? 'text-2xl' : 'text-sm'}`} data-testid="poll-texts">
          {entries.map(([text, n]) => (
            <li key={text} className="break-words">
              {text}
              {n > 1 && <span className="ml-2 font-semibold">×{n}</span>}
            </li>
          ))}
        </ul>
        {total}
      </div>
    );
  }
  const max = Math.max(1, ...entries.map(([, n]) => n));
  return (
    <div className="flex flex-col gap-2">
      <ul className="flex flex-wrap items-baseline justify-center gap-x-4 gap-y-1" data-testid="poll-cloud" aria-label={poll.question}>
        {entries.length === 0 && <li className="text-stone-500">{t('noWords')}</li>}
        {entries.map(([word, n]) => (
          <li
            key={word}
            data-testid="poll-word"
            data-word={word}
            data-count={n}
            style={{ fontSize: `${(big ? 1.5 : 0.9) + (n / max) * (big ? 3 : 1.2)}rem` }}
            className="leading-tight font-semibold"
          >
            {word}
          </li>
        ))}
      </ul>
      {total}
    </div>
  );
}
