'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { ConfirmAction } from '@/components/ConfirmAction';
import { sortQuestions } from '@/lib/domain/live';
import type { AckError, Question, QuestionStatus } from '@/lib/realtime/protocol';
import { useAckError } from './AckErrorText';
import { ChatPanel } from './ChatPanel';
import { PollManager } from './PollManager';
import { DiffusionStatus } from './DiffusionStatus';
import { RecordingStatus } from './RecordingStatus';
import { StreamStatus } from './StreamStatus';
import { useClock } from './useClock';
import { useLiveRoom } from './useLiveRoom';
import { Section } from '@/components/Section';

type Filter = QuestionStatus | 'all';
const FILTERS: Filter[] = ['pending', 'visible', 'answered', 'dismissed', 'all'];

/**
 * The moderator's queue, usable on a phone: filters, one-key actions on the selected question
 * (j/k to move, a approve, o on air, r answered, d dismiss, e edit), the room's people and chat.
 * On a laptop (lg, 1024 px and up) questions, chat and people stand side by side in one screen,
 * each column scrolling on its own; polls follow below.
 */
export function ModeratorView({ sessionId, sessionPath }: { sessionId: string; sessionPath: string }) {
  const t = useTranslations('live');
  const tc = useTranslations('confirm');
  const tm = useTranslations('moderation');
  const clock = useClock();
  const ackError = useAckError('moderation');
  const room = useLiveRoom(sessionId);
  const { state, actions } = room;
  // Anonymous visitors are counted, not listed one by one.
  const people = state.presence?.people ?? [];
  const named = people.filter((p) => !p.id.startsWith('guest:'));
  const guests = people.length - named.length;
  // "Rétablir la parole" only for those muted now (the active sanctions the server sends).
  const mutedNow = new Map(state.sanctions.filter((x) => x.kind === 'mute').map((x) => [x.userId, x]));
  const [filter, setFilter] = useState<Filter>('visible');
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ id: string; body: string } | null>(null);
  const [error, setError] = useState<AckError | null>(null);
  const [peopleError, setPeopleError] = useState<AckError | null>(null);
  const all = Object.values(state.questions);
  const shown = sortQuestions(filter === 'all' ? all : all.filter((q) => q.status === filter), 'votes');
  const count = (f: Filter) => (f === 'all' ? all.length : all.filter((q) => q.status === f).length);
  const current = shown.find((q) => q.id === selected) ?? shown[0] ?? null;
  const onAir = all.find((q) => q.onAir) ?? null;

  async function sanction(userId: string, action: 'mute' | 'unmute' | 'unban', minutes?: number) {
    const res = await actions.sanction(userId, action, minutes);
    setPeopleError(res.ok ? null : res.error);
  }

  async function act(q: Question, action: 'approve' | 'dismiss' | 'answer' | 'on-air' | 'off-air' | 'edit', body?: string) {
    const res = await actions.moderate(q.id, action, body);
    setError(res.ok ? null : res.error);
    if (res.ok && action === 'edit') setEditing(null);
  }

  // One-key actions act only while the focus is in the queue (WCAG 2.1.4): they never fire while
  // the moderator types elsewhere or reads the page with a screen reader.
  const queue = useRef<HTMLOListElement>(null);
  const select = (id: string | null | undefined) => {
    setSelected(id ?? null);
    if (id) queue.current?.querySelector<HTMLElement>(`[data-question-id="${id}"]`)?.focus();
  };
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const target = e.target as HTMLElement | null;
      if (!queue.current?.contains(target)) return;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable)) return;
      if (e.metaKey || e.ctrlKey || e.altKey) return;
      const i = current ? shown.findIndex((q) => q.id === current.id) : -1;
      if (e.key === 'j' || e.key === 'ArrowDown') select(shown[Math.min(i + 1, shown.length - 1)]?.id);
      else if (e.key === 'k' || e.key === 'ArrowUp') select(shown[Math.max(i - 1, 0)]?.id);
      else if (!current) return;
      else if (e.key === 'a') void act(current, 'approve');
      else if (e.key === 'o') void act(current, current.onAir ? 'off-air' : 'on-air');
      else if (e.key === 'r') void act(current, 'answer');
      else if (e.key === 'd') void act(current, 'dismiss');
      else if (e.key === 'e') setEditing({ id: current.id, body: current.body });
      else return;
      e.preventDefault();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (state.status === 'error') {
    return (
      <p role="alert" className="rounded bg-red-50 p-3">
        {state.error ? ackError(state.error) : t('errors.forbidden')}
      </p>
    );
  }
  if (state.you && !state.you.isModerator) {
    return (
      <p role="alert" className="rounded bg-red-50 p-3">
        {t('moderatorsOnly')}
      </p>
    );
  }

  return (
    <div className="flex flex-col gap-3" data-testid="moderator-view">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
        <RecordingStatus sessionId={sessionId} state={state} />
        <StreamStatus sessionId={sessionId} state={state} />
        <DiffusionStatus sessionId={sessionId} moderator={state.you?.isModerator === true} />
        <span role="status" data-testid="presence">
          {state.presence ? t('presence', { count: state.presence.count }) : t('connecting')}
        </span>
        <label className="flex items-center gap-1">
          <input
            type="checkbox"
            checked={state.moderation === 'pre'}
            onChange={(e) => void actions.configure(e.target.checked ? 'pre' : 'post')}
          />{' '}
          {t('preModeration')}
        </label>
        <a href={`${sessionPath}/projector`} className="underline">
          {t('projectorView')}
        </a>
        <a href={`/api/sessions/${sessionId}/qa.md`} className="underline">
          {t('exportMarkdown')}
        </a>
        <a href={`/api/sessions/${sessionId}/qa.csv`} className="underline">
          {t('exportCsv')}
        </a>
      </div>
      {onAir && (
        <p className="rounded border-2 border-live p-2" data-testid="on-air">
          <span className="mr-2 rounded bg-live px-1.5 text-xs text-white">{t('onAir')}</span>
          {onAir.body}
        </p>
      )}
      <div className="grid gap-4 lg:h-[calc(100dvh-18rem)] lg:min-h-[24rem] lg:grid-cols-[minmax(0,1fr)_19rem_13rem]" data-testid="moderation-columns">
      <Section headingId="questions-title" title={tm('questions')} headingClassName="text-base font-semibold" className="flex min-h-0 flex-col gap-2" data-testid="questions-column">
      <div role="tablist" aria-label={t('filters')} className="flex flex-wrap gap-1">
        {FILTERS.map((f) => (
          <button
            key={f}
            role="tab"
            type="button"
            aria-selected={filter === f}
            onClick={() => setFilter(f)}
            className="rounded border border-stone-300 px-2 py-1 text-sm aria-selected:bg-stone-800 aria-selected:text-white"
          >
            {t(`filter.${f}`)} ({count(f)})
          </button>
        ))}
      </div>
      <p className="hidden text-xs text-stone-500 md:block">{t('keysHelp')}</p>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {ackError(error)}
        </p>
      )}
      <ol ref={queue} className="flex min-h-0 flex-col gap-2 lg:flex-1 lg:overflow-y-auto lg:p-1" aria-label={t('queue')}>
        {shown.length === 0 && <li className="text-sm text-stone-600">{t('queueEmpty')}</li>}
        {shown.map((q) => (
          <li
            key={q.id}
            data-testid="mod-question"
            data-question-id={q.id}
            data-status={q.status}
            // Roving focus: Tab enters the queue on the selected question, j/k or the arrows move.
            tabIndex={current?.id === q.id ? 0 : -1}
            aria-current={current?.id === q.id || undefined}
            onClick={() => setSelected(q.id)}
            className={`rounded border p-2 ${current?.id === q.id ? 'border-brand ring-2 ring-brand/30' : 'border-stone-200'} ${q.onAir ? 'bg-red-50' : 'bg-white'}`}
          >
            <div className="flex items-start justify-between gap-2">
              <div className="flex-1">
                {editing?.id === q.id ? (
                  <form
                    onSubmit={(e) => {
                      e.preventDefault();
                      void act(q, 'edit', editing.body);
                    }}
                    className="flex flex-col gap-1"
                  >
                    <label htmlFor={`edit-${q.id}`} className="sr-only">
                      {t('edit')}
                    </label>
                    <textarea
                      id={`edit-${q.id}`}
                      value={editing.body}
                      maxLength={500}
                      onChange={(e) => setEditing({ id: q.id, body: e.target.value })}
                      className="rounded border border-stone-300 p-1"
                      autoFocus
                    />
                    <span className="flex gap-2 text-sm">
                      <button type="submit" className="rounded bg-brand px-2 text-white">
                        {t('save')}
                      </button>
                      <button type="button" onClick={() => setEditing(null)} className="underline">
                        {t('cancel')}
                      </button>
                    </span>
                  </form>
                ) : (
                  <p className="break-words whitespace-pre-wrap">{q.body}</p>
                )}
                <p className="text-xs text-stone-600">
                  {q.authorName}
                  {q.anonymous && ` · ${t('anonymousToOthers')}`} · {t('votes', { count: q.votes })} · {t(`status.${q.status}`)}
                </p>
              </div>
            </div>
            <div className="mt-2 flex flex-wrap gap-1 text-sm">
              {q.status === 'pending' && <ModButton onClick={() => act(q, 'approve')} label={t('approve')} k="a" />}
              {q.status !== 'dismissed' && (
                <ModButton onClick={() => act(q, q.onAir ? 'off-air' : 'on-air')} label={q.onAir ? t('offAir') : t('putOnAir')} k="o" />
              )}
              {q.status !== 'answered' && q.status !== 'dismissed' && (
                <ModButton onClick={() => act(q, 'answer')} label={t('markAnswered')} k="r" />
              )}
              {q.status !== 'dismissed' && <ModButton onClick={() => act(q, 'dismiss')} label={t('dismiss')} k="d" />}
              {q.status === 'dismissed' && <ModButton onClick={() => act(q, 'approve')} label={t('restore')} k="a" />}
              <ModButton onClick={async () => setEditing({ id: q.id, body: q.body })} label={t('edit')} k="e" />
            </div>
          </li>
        ))}
      </ol>
      </Section>
      {/* On a laptop the chat fills its column (its list grows instead of its usual 24rem). */}
      <div className="flex min-h-0 flex-col lg:[&>section]:h-full lg:[&>section>ol]:max-h-none lg:[&>section>ol]:flex-1" data-testid="chat-column">
        <ChatPanel room={room} signInHref={`/signin?callbackUrl=${encodeURIComponent(`${sessionPath}/moderate`)}`} />
      </div>
      <div className="flex min-h-0 flex-col gap-4 lg:overflow-y-auto" data-testid="people-column">
      <Section headingId="people-title" title={t('whoIsHere')} headingClassName="text-base font-semibold">
        {peopleError && (
          <p role="alert" className="text-sm text-red-700">
            {ackError(peopleError)}
          </p>
        )}
        <ul className="mt-1 flex flex-col gap-1 text-sm" data-testid="people">
          {guests > 0 && (
            <li data-testid="guests" data-count={guests}>
              {t('guests', { count: guests })}
            </li>
          )}
          {named.map((p) => (
            <li key={p.id} className="flex flex-wrap items-center gap-2">
              <span>
                {p.name} <span className="text-stone-500">({t(`role.${p.role}`)})</span>
                {mutedNow.has(p.id) && <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-900">{tm('mutedTag')}</span>}
              </span>
              {p.id !== state.you?.id && (
                <>
                  {mutedNow.has(p.id) ? (
                    <button type="button" className="underline" onClick={() => void sanction(p.id, 'unmute')}>
                      {t('unmute')}
                    </button>
                  ) : (
                    <button type="button" className="underline" onClick={() => void sanction(p.id, 'mute', 10)}>
                      {t('mute10')}
                    </button>
                  )}
                  <ConfirmAction
                    onConfirm={() => actions.sanction(p.id, 'ban')}
                    trigger={t('ban')}
                    title={tc('exclude.title', { name: p.name })}
                    description={tc('exclude.body')}
                    confirm={tc('exclude.confirm')}
                    cancel={tc('back')}
                    triggerClassName="text-red-700 underline"
                  />
                </>
              )}
            </li>
          ))}
        </ul>
      </Section>
      <Section headingId="sanctions-title" title={t('sanctionsTitle')} headingClassName="text-base font-semibold">
        {state.sanctions.length === 0 ? (
          <p className="text-sm text-stone-600">{t('noSanctions')}</p>
        ) : (
          <ul className="mt-1 flex flex-col gap-1 text-sm" data-testid="sanctions">
            {state.sanctions.map((x) => (
              <li key={`${x.userId}:${x.kind}`} className="flex flex-wrap items-center gap-2">
                <span>
                  {x.name} —{' '}
                  {x.kind === 'ban'
                    ? t('bannedLabel')
                    : t('mutedLabel', { time: x.until ? clock(new Date(x.until)) : '' })}
                </span>
                <button type="button" className="underline" onClick={() => void sanction(x.userId, x.kind === 'ban' ? 'unban' : 'unmute')}>
                  {x.kind === 'ban' ? t('unban') : t('unmute')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </Section>
      </div>
      </div>
      <PollManager room={room} />
    </div>
  );
}

function ModButton({ onClick, label, k }: { onClick: () => Promise<void>; label: string; k: string }) {
  return (
    <button
      type="button"
      onClick={(e) => {
        e.stopPropagation();
        void onClick();
      }}
      aria-keyshortcuts={k}
      className="rounded border border-stone-300 px-2 py-1 hover:bg-stone-100"
    >
      {label} <kbd className="hidden text-xs text-stone-400 md:inline">{k}</kbd>
    </button>
  );
}
