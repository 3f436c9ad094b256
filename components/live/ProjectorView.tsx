'use client';

import { useTranslations } from 'next-intl';
import { sortQuestions } from '@/lib/domain/live';
import { ProjectorCaptions } from './Captions';
import { ProjectorPoll } from './ProjectorPoll';
import { useLiveRoom } from './useLiveRoom';
import { Section } from '@/components/Section';

/**
 * The room screen at hybrid events: big type, the question on air, the top questions, and how to
 * join the Q&A from a phone (QR code and short URL, rendered by the server page).
 */
export function ProjectorView({
  sessionId,
  title,
  shortUrl,
  qrSvg,
}: {
  sessionId: string;
  title: string;
  shortUrl: string;
  qrSvg: string;
}) {
  const t = useTranslations('live');
  const { state, socket } = useLiveRoom(sessionId);
  const questions = Object.values(state.questions).filter((q) => q.status === 'visible' || q.status === 'answered');
  const onAir = questions.find((q) => q.onAir) ?? null;
  const top = sortQuestions(questions.filter((q) => !q.onAir && q.status === 'visible'), 'votes').slice(0, 5);
  return (
    <div
      className="fixed inset-0 z-50 grid grid-cols-1 gap-8 overflow-auto bg-stone-950 p-8 text-white lg:grid-cols-[1fr_22rem]"
      data-testid="projector"
      // It scrolls when the questions overflow the screen: a keyboard can then scroll it too.
      tabIndex={0}
      role="region"
      aria-label={title}
    >
      <div className="flex flex-col gap-8">
        <h1 className="text-3xl font-semibold text-stone-300">{title}</h1>
        <Section headingId="on-air-title" title={t('onAir')} headingClassName="mb-4 text-2xl font-bold tracking-wide text-red-300 uppercase" className="rounded-2xl border-4 border-live p-8" data-testid="projector-on-air">
          {onAir ? (
            <>
              <p className="text-5xl leading-tight font-semibold break-words">{onAir.body}</p>
              <p className="mt-4 text-2xl text-stone-300">
                {onAir.authorName ?? t('anonymousAuthor')} · {t('votes', { count: onAir.votes })}
              </p>
            </>
          ) : (
            <p className="text-3xl text-stone-400">{state.status === 'connecting' ? t('loading') : t('nothingOnAir')}</p>
          )}
        </Section>
        <ProjectorPoll polls={state.polls} />
        <Section headingId="top-title" title={t('topQuestions')} headingClassName="mb-4 text-2xl font-semibold text-stone-300">
          <ol className="flex flex-col gap-4" data-testid="projector-top">
            {top.map((q) => (
              <li key={q.id} className="flex items-start gap-4 text-3xl">
                <span className="min-w-16 rounded bg-stone-800 px-3 py-1 text-center font-bold">{q.votes}</span>
                <span className="break-words">{q.body}</span>
              </li>
            ))}
            {top.length === 0 && (
              <li className="text-2xl text-stone-500">
                {state.status === 'connecting' ? t('loading') : onAir ? t('noOtherQuestions') : t('noQuestions')}
              </li>
            )}
          </ol>
        </Section>
      </div>
      <aside className="flex flex-col items-center gap-4 self-start rounded-2xl bg-white p-6 text-stone-900">
        <p className="text-center text-2xl font-semibold">{t('joinFromPhone')}</p>
        <div className="w-full" aria-hidden dangerouslySetInnerHTML={{ __html: qrSvg }} />
        <p className="text-center text-2xl font-bold break-all" data-testid="short-url">
          {shortUrl.replace(/^https?:\/\//, '')}
        </p>
        {state.presence && <p className="text-xl">{t('presence', { count: state.presence.count })}</p>}
      </aside>
      <ProjectorCaptions socket={socket} sessionId={sessionId} />
    </div>
  );
}
