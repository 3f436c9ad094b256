'use client';

import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useAckError } from '@/components/live/AckErrorText';
import { notesDocumentName } from '@/lib/domain/notes';
import type { AckError } from '@/lib/realtime/protocol';
import { TimeLeft } from './TimeLeft';

// The editor (Tiptap, Yjs) loads only once the person is in a group.
const NotesEditor = dynamic(() => import('@/components/notes/NotesEditor').then((m) => m.NotesEditor), { ssr: false });
import type { Breakouts } from './useBreakouts';
import { Section } from '@/components/Section';

/**
 * A participant during breakout groups: their group's name and time left (then the return
 * countdown), a choice of group where people choose, the moderators' messages (read out), and the
 * group's own notes. After the round: « Retour en plénière ».
 */
export function BreakoutBanner({ breakouts, sessionId, userName, moderator }: { breakouts: Breakouts; sessionId: string; userName: string; moderator: boolean }) {
  const t = useTranslations('breakouts');
  const ackError = useAckError('breakouts');
  const [error, setError] = useState<AckError | null>(null);
  const { state, actions } = breakouts;
  const { round, mine, messages, ended } = state;
  const last = messages.at(-1);
  return (
    <div className="space-y-3">
      {/* Read out as they come: moderators' messages, and the return to the main room. */}
      <div aria-live="polite" className="space-y-2" data-testid="breakout-messages">
        {round && last && (
          <p className="rounded border border-amber-300 bg-amber-50 p-2 text-sm">
            {t('message', { name: last.authorName, text: last.text })}
          </p>
        )}
        {!round && ended && (
          <p className="rounded bg-stone-100 p-2 text-sm" data-testid="breakout-back">
            {t('back')}
          </p>
        )}
      </div>
      {round && !moderator && (
        <Section headingId="breakout-mine" title={mine ? t('inGroup', { name: mine.name }) : t('chooseTitle')} headingClassName="font-semibold" className="space-y-2 rounded-lg border border-brand/40 bg-white p-3" data-testid="breakout-banner" data-group={mine?.name ?? ''}>
          <p className="text-sm" role="status">
            <TimeLeft endsAt={round.endsAt} />
          </p>
          {error && (
            <p role="alert" className="text-sm text-red-800">
              {ackError(error)}
            </p>
          )}
          {round.mode === 'choice' && (
            <ul className="flex flex-wrap gap-2">
              {round.groups.map((g) => (
                <li key={g.id}>
                  <button
                    type="button"
                    aria-pressed={mine?.id === g.id}
                    className="rounded border border-stone-400 px-3 py-1 text-sm aria-pressed:bg-brand aria-pressed:text-white"
                    onClick={() => void actions.choose(g.id).then((res) => setError(res.ok ? null : res.error))}
                  >
                    {t('group', { name: g.name })}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {mine && (
            <div data-testid="breakout-notes">
              <h3 className="text-sm font-semibold">{t('notes', { name: mine.name })}</h3>
              <NotesEditor key={mine.id} sessionId={sessionId} documentName={notesDocumentName(sessionId, mine.id)} userName={userName} />
            </div>
          )}
        </Section>
      )}
    </div>
  );
}
