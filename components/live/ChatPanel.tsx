'use client';

import { useTranslations } from 'next-intl';
import { useLayoutEffect, useRef, useState } from 'react';
import { linkParts } from '@/lib/domain/live';
import { type AckError, type ChatMessage, LIMITS, REACTIONS } from '@/lib/realtime/protocol';
import { useAckError } from './AckErrorText';
import { LiveAnnouncer } from './LiveAnnouncer';
import { useClock } from './useClock';
import type { LiveRoom } from './useLiveRoom';
import { WriteGate } from './WriteGate';
import { Section } from '@/components/Section';

/** Plain text with http(s) links; React escapes everything, nothing is rendered as HTML. */
export function LinkedText({ text }: { text: string }) {
  return (
    <>
      {linkParts(text).map((p, i) =>
        p.kind === 'link' ? (
          <a key={i} href={p.href} target="_blank" rel="noopener noreferrer nofollow ugc" className="break-all underline">
            {p.text}
          </a>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

/** Room chat: history (older on scroll), replies, reactions, mentions of moderators, deletes and sanctions. */
export function ChatPanel({ room, signInHref }: { room: LiveRoom; signInHref: string }) {
  const t = useTranslations('live');
  const clock = useClock();
  const ackError = useAckError();
  const { state, actions } = room;
  const [body, setBody] = useState('');
  const [replyTo, setReplyTo] = useState<ChatMessage | null>(null);
  const [error, setError] = useState<AckError | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const stick = useRef(true);
  const loadingOlder = useRef(false);
  const byId = new Map(state.messages.map((m) => [m.id, m]));
  const mod = Boolean(state.you?.isModerator);

  // Follow new messages when the reader is at the bottom.
  useLayoutEffect(() => {
    const el = list.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [state.messages.length]);

  async function older() {
    const first = state.messages[0];
    if (!first || loadingOlder.current) return;
    loadingOlder.current = true;
    const el = list.current;
    const before = el ? el.scrollHeight - el.scrollTop : 0;
    await actions.loadOlder(first.id);
    loadingOlder.current = false;
    requestAnimationFrame(() => {
      if (el) el.scrollTop = el.scrollHeight - before;
    });
  }

  async function submit(e?: React.FormEvent) {
    e?.preventDefault();
    if (!body.trim()) return;
    const res = await actions.send(body, replyTo?.id);
    if (res.ok) {
      setBody('');
      setReplyTo(null);
      setError(null);
      stick.current = true;
    } else setError(res.error);
  }

  return (
    <Section headingId="chat-title" title={t('chatTitle')} level={3} headingClassName="text-base font-semibold" className="flex min-h-0 flex-col gap-2" data-testid="chat">
      <LiveAnnouncer
        items={state.messages}
        ready={state.known}
        appendOnly
        own={(m) => state.you?.id != null && m.authorId === state.you.id}
        one={(m) => t('announceMessage', { name: m.authorName, body: m.body.slice(0, 200) })}
        many={(count) => t('announceMessages', { count })}
      />
      <ol
        ref={list}
        aria-labelledby="chat-title"
        tabIndex={0}
        className="flex max-h-96 min-h-32 flex-col gap-1 overflow-y-auto rounded border border-stone-200 bg-white p-2"
        onScroll={(e) => {
          const el = e.currentTarget;
          stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
          if (el.scrollTop < 20 && state.moreMessages) void older();
        }}
      >
        {state.moreMessages && (
          <li>
            <button type="button" className="text-xs underline" onClick={() => void older()}>
              {t('olderMessages')}
            </button>
          </li>
        )}
        {state.messages.length === 0 && <li className="text-sm text-stone-600">{state.known ? t('noMessages') : t('loading')}</li>}
        {state.messages.map((m) => {
          const parent = m.replyTo ? byId.get(m.replyTo) : undefined;
          return (
            <li
              key={m.id}
              data-testid="chat-message"
              className={`group rounded px-1 py-0.5 ${mod && m.mentionsModerators ? 'bg-amber-100' : ''}`}
            >
              {m.replyTo && (
                <p className="border-l-2 border-stone-300 pl-1 text-xs text-stone-500">
                  {parent ? `${parent.authorName} : ${parent.body.slice(0, 80)}` : t('replyToOlder')}
                </p>
              )}
              <p className="text-sm break-words whitespace-pre-wrap">
                <span className="font-semibold">{m.authorName}</span>{' '}
                <time dateTime={m.createdAt} className="text-xs text-stone-500">
                  {clock(new Date(m.createdAt))}
                </time>{' '}
                {mod && m.mentionsModerators && <span className="text-xs font-semibold text-amber-800">{t('callsModerators')} </span>}
                <span data-testid="chat-body">
                  <LinkedText text={m.body} />
                </span>
              </p>
              <MessageActions m={m} room={room} onReply={() => setReplyTo(m)} onError={setError} />
            </li>
          );
        })}
      </ol>
      <WriteGate room={room} signInHref={signInHref}>
        <form onSubmit={submit} className="flex flex-col gap-1">
          {replyTo && (
            <p className="flex items-center justify-between rounded bg-stone-100 px-2 py-1 text-xs">
              <span>{t('replyingTo', { name: replyTo.authorName })}</span>
              <button type="button" onClick={() => setReplyTo(null)} className="underline">
                {t('cancel')}
              </button>
            </p>
          )}
          <label htmlFor="chat-body" className="sr-only">
            {t('chatLabel')}
          </label>
          <div className="flex gap-2">
            <textarea
              id="chat-body"
              value={body}
              rows={1}
              maxLength={LIMITS.chatMax}
              placeholder={t('chatPlaceholder')}
              onChange={(e) => setBody(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.shiftKey) {
                  e.preventDefault();
                  void submit();
                }
              }}
              className="flex-1 rounded border border-stone-300 p-2"
            />
            <button type="submit" disabled={!body.trim()} className="rounded bg-brand px-3 text-white disabled:opacity-50">
              {t('send')}
            </button>
          </div>
          <p className="text-xs text-stone-500">{t('chatHint')}</p>
        </form>
      </WriteGate>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {ackError(error)}
        </p>
      )}
    </Section>
  );
}

function MessageActions({
  m,
  room,
  onReply,
  onError,
}: {
  m: ChatMessage;
  room: LiveRoom;
  onReply: () => void;
  onError: (e: AckError | null) => void;
}) {
  const t = useTranslations('live');
  const { state, actions } = room;
  const you = state.you;
  const mine = you?.id != null && you.id === m.authorId;
  const run = async (p: Promise<{ ok: boolean; error?: AckError }>) => {
    const res = await p;
    onError(res.ok ? null : (res.error ?? null));
  };
  return (
    <div className="flex flex-wrap items-center gap-1 text-xs [&_button]:min-h-6 [&_button]:min-w-6">
      {Object.entries(m.reactions).map(([emoji, n]) => (
        <button
          key={emoji}
          type="button"
          disabled={!you?.canWrite}
          onClick={() => void run(actions.react(m.id, emoji))}
          className="rounded-full border border-stone-300 px-1.5"
          aria-label={t('reactionCount', { emoji, count: n })}
        >
          {emoji} {n}
        </button>
      ))}
      {you?.canWrite && (
        <>
          <details className="relative">
            <summary className="flex min-h-6 min-w-6 cursor-pointer list-none items-center justify-center rounded px-1 text-stone-600 hover:bg-stone-100" aria-label={t('react')}>
              ☺+
            </summary>
            <div className="absolute z-10 flex gap-1 rounded border border-stone-200 bg-white p-1 shadow">
              {REACTIONS.map((emoji) => (
                <button key={emoji} type="button" onClick={() => void run(actions.react(m.id, emoji))} aria-label={emoji}>
                  {emoji}
                </button>
              ))}
            </div>
          </details>
          <button type="button" onClick={onReply} className="text-stone-500 underline">
            {t('reply')}
          </button>
        </>
      )}
      {(mine || you?.isModerator) && (
        <button type="button" onClick={() => void run(actions.remove(m.id))} className="text-stone-500 underline">
          {t('delete')}
        </button>
      )}
      {you?.isModerator && !mine && (
        <>
          <button type="button" onClick={() => void run(actions.sanction(m.authorId, 'mute', 10))} className="text-stone-500 underline">
            {t('mute10')}
          </button>
          <button type="button" onClick={() => void run(actions.sanction(m.authorId, 'ban'))} className="text-red-700 underline">
            {t('ban')}
          </button>
        </>
      )}
    </div>
  );
}
