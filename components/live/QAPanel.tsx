'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { sortQuestions } from '@/lib/domain/live';
import { type AckError, LIMITS, type Question } from '@/lib/realtime/protocol';
import { useAckError } from './AckErrorText';
import { LiveAnnouncer } from './LiveAnnouncer';
import type { LiveRoom } from './useLiveRoom';
import { WriteGate } from './WriteGate';

/** Q&A for participants: ask (anonymously if they wish), vote, withdraw their own; sorted by votes or time. */
export function QAPanel({ room, signInHref }: { room: LiveRoom; signInHref: string }) {
  const t = useTranslations('live');
  const ackError = useAckError();
  const { state, actions } = room;
  const [by, setBy] = useState<'votes' | 'time'>('votes');
  const [body, setBody] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [error, setError] = useState<AckError | null>(null);
  const [busy, setBusy] = useState(false);
  const all = Object.values(state.questions).filter((q) => q.status !== 'dismissed');
  const open = sortQuestions(all.filter((q) => q.status !== 'answered'), by);
  const answered = sortQuestions(all.filter((q) => q.status === 'answered'), by);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    const res = await actions.ask(body, anonymous);
    setBusy(false);
    if (res.ok) {
      setBody('');
      setError(null);
    } else setError(res.error);
  }

  return (
    <section aria-labelledby="qa-title" className="flex flex-col gap-3" data-testid="qa">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="qa-title" className="text-base font-semibold">
          {t('qaTitle')} <span className="text-stone-500">({all.length})</span>
        </h3>
        <div role="group" aria-label={t('sortLabel')} className="flex gap-1 text-sm">
          {(['votes', 'time'] as const).map((k) => (
            <button
              key={k}
              type="button"
              aria-pressed={by === k}
              onClick={() => setBy(k)}
              className="rounded border border-stone-300 px-2 py-0.5 aria-pressed:bg-stone-800 aria-pressed:text-white"
            >
              {t(k === 'votes' ? 'sortVotes' : 'sortTime')}
            </button>
          ))}
        </div>
      </div>

      <LiveAnnouncer
        items={all}
        ready={state.known}
        own={(q) => state.you?.id != null && q.authorId === state.you.id}
        one={(q) => t('announceQuestion', { body: q.body.slice(0, 200) })}
        many={(count) => t('announceQuestions', { count })}
      />
      <WriteGate room={room} signInHref={signInHref}>
        <form onSubmit={submit} className="flex flex-col gap-2">
          <label htmlFor="qa-body" className="text-sm font-medium">
            {t('askLabel')}
          </label>
          <textarea
            id="qa-body"
            value={body}
            onChange={(e) => setBody(e.target.value)}
            maxLength={LIMITS.questionMax}
            rows={2}
            required
            className="rounded border border-stone-300 p-2"
            aria-describedby="qa-count"
          />
          <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
            <label className="flex items-center gap-1">
              <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} /> {t('anonymous')}
            </label>
            <span id="qa-count" className="text-stone-500">
              {body.length}/{LIMITS.questionMax}
            </span>
            <button type="submit" disabled={busy || !body.trim()} className="rounded bg-brand px-3 py-1 text-white disabled:opacity-50">
              {t('askSubmit')}
            </button>
          </div>
          {state.moderation === 'pre' && <p className="text-sm text-stone-600">{t('preModerationNote')}</p>}
          {error && (
            <p role="alert" className="text-sm text-red-700">
              {ackError(error)}
            </p>
          )}
        </form>
      </WriteGate>

      {open.length === 0 && answered.length === 0 ? (
        <p className="text-sm text-stone-600">{room.state.known ? t('noQuestions') : t('loading')}</p>
      ) : (
        <ol className="flex flex-col gap-2" aria-label={t('qaTitle')}>
          {open.map((q) => (
            <QuestionItem key={q.id} q={q} room={room} />
          ))}
        </ol>
      )}
      {answered.length > 0 && (
        <details>
          <summary className="cursor-pointer text-sm font-medium">{t('answeredCount', { count: answered.length })}</summary>
          <ol className="mt-2 flex flex-col gap-2">
            {answered.map((q) => (
              <QuestionItem key={q.id} q={q} room={room} />
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}

function QuestionItem({ q, room }: { q: Question; room: LiveRoom }) {
  const t = useTranslations('live');
  const ackError = useAckError();
  const { state, actions } = room;
  const [error, setError] = useState<AckError | null>(null);
  const mine = state.you?.id != null && q.authorId === state.you.id;
  const canVote = Boolean(state.you?.canWrite) && q.status === 'visible';
  return (
    <li
      className={`rounded border p-2 ${q.onAir ? 'border-live bg-red-50' : 'border-stone-200 bg-white'}`}
      data-testid="question"
      data-question-id={q.id}
      data-status={q.status}
      data-on-air={q.onAir || undefined}
    >
      <div className="flex items-start gap-2">
        <button
          type="button"
          disabled={!canVote}
          aria-pressed={q.votedByMe}
          onClick={async () => {
            const res = await actions.vote(q.id, !q.votedByMe);
            setError(res.ok ? null : res.error);
          }}
          className="flex min-w-12 flex-col items-center rounded border border-stone-300 px-2 py-1 text-sm aria-pressed:border-brand aria-pressed:bg-brand aria-pressed:text-white disabled:opacity-60"
        >
          {/* The name holds the count that is shown (WCAG 2.5.3): "Voter pour cette question, 1 vote". */}
          <span className="sr-only">{q.votedByMe ? t('unvote') : t('vote')}, </span>
          <span aria-hidden>▲</span>
          <span data-testid="votes">{q.votes}</span>
          <span className="sr-only"> {t('voteUnit', { count: q.votes })}</span>
        </button>
        <div className="flex-1">
          <p className="flex flex-wrap gap-1 text-xs">
            {q.onAir && <span className="rounded bg-live px-1.5 text-white">{t('onAir')}</span>}
            {q.status === 'answered' && <span className="rounded bg-green-700 px-1.5 text-white">{t('answered')}</span>}
            {q.status === 'pending' && <span className="rounded bg-amber-200 px-1.5">{t('pending')}</span>}
          </p>
          <p className="break-words whitespace-pre-wrap">{q.body}</p>
          <p className="text-xs text-stone-600">
            {q.authorName ?? t('anonymousAuthor')}
            {q.anonymous && q.authorName && ` · ${t('anonymousToOthers')}`}
          </p>
          {mine && (
            <button
              type="button"
              className="mt-1 text-xs underline"
              onClick={async () => {
                const res = await actions.withdraw(q.id);
                if (!res.ok) setError(res.error);
              }}
            >
              {t('withdraw')}
            </button>
          )}
          {error && (
            <p role="alert" className="text-xs text-red-700">
              {ackError(error)}
            </p>
          )}
        </div>
      </div>
    </li>
  );
}
