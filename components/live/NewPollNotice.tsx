'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { currentOf } from './pollState';
import type { LiveRoom } from './useLiveRoom';

/**
 * Tells the room that a poll was just launched: a visible notice (fixed at the bottom of a phone's
 * screen, with a link to the poll) and a polite live region read by screen readers. The poll live
 * when the person arrived, one they answered or dismissed, and those they run say nothing.
 */
export function NewPollNotice({ room }: { room: LiveRoom }) {
  const t = useTranslations('polls');
  const { polls, status } = room.state;
  const poll = currentOf(polls);
  // The live poll when the room was first joined is not news (null until joined).
  const [atJoin, setAtJoin] = useState<string | null | undefined>(undefined);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const liveId = poll?.status === 'live' ? poll.id : null;
  // Noted while rendering (React's pattern for state that follows other state), not in an effect.
  if (status === 'joined' && atJoin === undefined) setAtJoin(liveId);
  const fresh = atJoin !== undefined && poll && liveId && liveId !== atJoin && liveId !== dismissed && !(liveId in polls.mine) && !polls.canRun ? poll : null;

  function go(e: React.MouseEvent) {
    const title = document.getElementById('poll-title');
    if (!title) return;
    e.preventDefault();
    title.scrollIntoView({ block: 'start' });
    title.focus();
    setDismissed(liveId);
  }

  return (
    <div role="status" className="fixed inset-x-3 bottom-3 z-30 md:inset-x-auto md:right-4 md:max-w-sm">
      {fresh && (
        <div data-testid="new-poll-notice" className="flex items-center gap-3 rounded-lg border border-brand bg-white p-3 text-sm shadow-lg">
          <p className="min-w-0 flex-1 break-words">
            <strong>{t('newPoll')}</strong> {fresh.question}
          </p>
          <a href="#poll-title" onClick={go} className="shrink-0 rounded bg-brand px-3 py-2 text-white">
            {t('newPollGo')}
          </a>
          <button type="button" onClick={() => setDismissed(liveId)} aria-label={t('newPollDismiss')} className="shrink-0 rounded px-2 py-1 text-lg leading-none">
            ×
          </button>
        </div>
      )}
    </div>
  );
}
