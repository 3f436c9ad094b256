'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { formerName } from '@/lib/domain/erased';
import { answerText } from '@/lib/exports/qa';
import { type AckError, LIMITS, type Poll, POLL_KINDS, type PollKind, type PollNamedAnswer, type PollResults } from '@/lib/realtime/protocol';
import { usePollError } from './PollPanel';
import { pollList } from './pollState';
import { PollResultsView } from './PollResultsView';
import { type LiveRoom, useLiveRoom } from './useLiveRoom';
import { Section } from '@/components/Section';

/** Moderators and speakers: prepare polls, launch and close them, show their results (also on the projector). */
export function PollManager({ room }: { room: LiveRoom }) {
  const t = useTranslations('polls');
  const pollError = usePollError();
  const [kind, setKind] = useState<PollKind>('single');
  const [question, setQuestion] = useState('');
  const [options, setOptions] = useState('');
  const [anonymous, setAnonymous] = useState(true);
  const [allowChange, setAllowChange] = useState(true);
  const [error, setError] = useState<AckError | null>(null);
  const polls = pollList(room.state.polls);
  const withOptions = kind === 'single' || kind === 'multiple';

  async function create(e: React.FormEvent) {
    e.preventDefault();
    const lines = options
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const res = await room.actions.createPoll({ kind, question, anonymous, allowChange, ...(withOptions ? { options: lines } : {}) });
    setError(res.ok ? null : res.error);
    if (res.ok) {
      setQuestion('');
      setOptions('');
    }
  }
  async function run(p: Poll, step: 'launch' | 'close' | 'show' | 'hide') {
    const res = await room.actions.runPoll(p.id, step);
    setError(res.ok ? null : res.error);
  }

  return (
    <Section headingId="polls-title" title={t('manage.title')} headingClassName="text-lg font-semibold" className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-3" data-testid="poll-manager">
      <form onSubmit={create} className="flex flex-col gap-2 text-sm">
        <p className="font-medium">{t('manage.new')}</p>
        <label className="flex flex-col gap-1">
          {t('manage.kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as PollKind)} className="rounded border border-stone-300 p-1" name="kind">
            {POLL_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          {t('manage.question')}
          <input value={question} onChange={(e) => setQuestion(e.target.value)} maxLength={LIMITS.pollQuestionMax} required className="rounded border border-stone-300 p-1" name="question" />
        </label>
        {withOptions && (
          <label className="flex flex-col gap-1">
            {t('manage.options')}
            <textarea value={options} onChange={(e) => setOptions(e.target.value)} rows={4} required className="rounded border border-stone-300 p-1" name="options" />
          </label>
        )}
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} /> {t('manage.anonymous')}
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={allowChange} onChange={(e) => setAllowChange(e.target.checked)} /> {t('manage.allowChange')}
        </label>
        <button type="submit" className="self-start rounded bg-brand px-3 py-1 text-white">
          {t('manage.create')}
        </button>
      </form>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {pollError(error)}
        </p>
      )}
      {polls.length === 0 ? (
        <p className="text-sm text-stone-600">{t('manage.none')}</p>
      ) : (
        <ol className="flex flex-col gap-2">
          {polls.map((p) => {
            const results = room.state.polls.results[p.id];
            return (
              <li key={p.id} className="flex flex-col gap-2 rounded border border-stone-200 p-2" data-testid="managed-poll" data-poll-id={p.id} data-status={p.status}>
                <p className="flex flex-wrap items-center gap-2 text-xs">
                  <span className={`rounded px-1.5 ${p.status === 'live' ? 'bg-live text-white' : 'bg-stone-200'}`}>{t(`manage.status.${p.status}`)}</span>
                  <span>{t(`kinds.${p.kind}`)}</span>
                  {p.resultsVisible && <span className="rounded bg-brand-soft px-1.5">{t('manage.visible')}</span>}
                  <span className="rounded border border-stone-300 px-1.5" data-testid="poll-anonymity">
                    {p.anonymous ? t('manage.anonymousBadge') : t('manage.namedBadge')}
                  </span>
                </p>
                <p className="font-medium break-words">{p.question}</p>
                {p.status === 'draft' && (
                  <label className="flex items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      checked={p.anonymous}
                      onChange={async (e) => {
                        const res = await room.actions.configurePoll(p.id, e.target.checked);
                        setError(res.ok ? null : res.error);
                      }}
                    />{' '}
                    {t('manage.anonymousToggle')}
                  </label>
                )}
                <div className="flex flex-wrap gap-2 text-sm">
                  {p.status === 'draft' && (
                    <button type="button" className="rounded bg-brand px-2 py-0.5 text-white" onClick={() => run(p, 'launch')}>
                      {t('manage.launch')}
                    </button>
                  )}
                  {p.status === 'live' && (
                    <button type="button" className="rounded border border-stone-400 px-2 py-0.5" onClick={() => run(p, 'close')}>
                      {t('manage.close')}
                    </button>
                  )}
                  <button type="button" className="rounded border border-stone-400 px-2 py-0.5" onClick={() => run(p, p.resultsVisible ? 'hide' : 'show')}>
                    {p.resultsVisible ? t('manage.hide') : t('manage.show')}
                  </button>
                </div>
                {results && p.status !== 'draft' && <PollResultsView poll={p} results={results} />}
                {!p.anonymous && p.status !== 'draft' && <NamedAnswers poll={p} results={results} room={room} />}
              </li>
            );
          })}
        </ol>
      )}
    </Section>
  );
}

/**
 * Who answered what, for a poll that is not anonymous (`poll:answers`, moderators and speakers
 * only): opened on demand, then read again whenever the results change.
 */
function NamedAnswers({ poll, results, room }: { poll: Poll; results: PollResults | undefined; room: LiveRoom }) {
  const t = useTranslations('polls');
  const tPrivacy = useTranslations('privacy');
  const pollError = usePollError();
  const [open, setOpen] = useState(false);
  const [answers, setAnswers] = useState<PollNamedAnswer[] | null>(null);
  const [error, setError] = useState<AckError | null>(null);
  const { pollAnswers } = room.actions;
  const version = results?.version ?? 0;
  useEffect(() => {
    if (!open) return;
    let current = true;
    void pollAnswers(poll.id).then((res) => {
      if (!current) return;
      setError(res.ok ? null : res.error);
      if (res.ok) setAnswers(res.data.answers);
    });
    return () => {
      current = false;
    };
  }, [open, poll.id, version, pollAnswers]);
  const ratingValue = (value: number) => t('ratingValue', { value });
  return (
    <details className="text-sm" onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="poll-named">
      <summary className="cursor-pointer">{t('manage.seeAnswers')}</summary>
      {error && (
        <p role="alert" className="text-red-700">
          {pollError(error)}
        </p>
      )}
      {answers &&
        (answers.length === 0 ? (
          <p className="text-stone-600">{t('manage.noAnswers')}</p>
        ) : (
          <ul aria-label={t('manage.answersTitle')} className="mt-1 flex flex-col gap-0.5">
            {answers.map((a, i) => (
              <li key={i} data-testid="poll-named-answer" className="break-words">
                <span className="font-medium">{formerName(a.name, tPrivacy('formerParticipant'))}</span> — {answerText(poll, a.answer, ratingValue)}
              </li>
            ))}
          </ul>
        ))}
    </details>
  );
}

/** The moderate page for a session's speakers: its polls only (the Q&A queue and chat stay with the moderators). */
export function SpeakerPolls({ sessionId }: { sessionId: string }) {
  const t = useTranslations('polls');
  const pollError = usePollError();
  const room = useLiveRoom(sessionId);
  return (
    <div className="flex flex-col gap-3" data-testid="speaker-polls">
      <p className="rounded bg-brand-soft p-3 text-sm">{t('speakerNote')}</p>
      {room.state.status === 'error' ? (
        <p role="alert" className="text-sm">
          {room.state.error && pollError(room.state.error)}
        </p>
      ) : (
        room.state.polls.canRun && <PollManager room={room} />
      )}
    </div>
  );
}
