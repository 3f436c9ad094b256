import { getTranslations } from 'next-intl/server';
import { CaptionsDesk } from '@/components/live/CaptionsDesk';
import { captionLangOf } from '@/lib/domain/captions';
import { mayCaption } from '@/server/captions/send-caption';
import { SignInNotice } from '../SignInNotice';
import { type SessionParams, staffSession, titledAfterSession } from '../session';

export const dynamic = 'force-dynamic';

export const generateMetadata = titledAfterSession('captions.page', 'title');

/** The captioner's page: type what is said, line by line, for everyone following the session (`session.caption`). */
export default async function CaptionsPage({ params }: { params: Promise<SessionParams> }) {
  const { session, path, access } = await staffSession(params);
  const t = await getTranslations('captions.page');
  const speakers = [...new Set(session.people.map((p) => p.name))];
  return (
    <article className="flex max-w-3xl flex-col gap-4">
      <p className="text-sm">
        <a href={path}>← {t('back')}</a>
      </p>
      <h1 className="text-2xl font-semibold">
        {t('title')} <span className="block text-base font-normal text-stone-600">{session.title}</span>
      </h1>
      {!access?.actorKey ? (
        <SignInNotice text={t('captionersOnly')} signIn={t('signIn')} back={`${path}/captions`} />
      ) : !mayCaption(access) ? (
        <p role="alert" className="rounded bg-red-50 p-3" data-testid="captions-forbidden">
          {t('captionersOnly')}
        </p>
      ) : (
        <>
          <p>{t('intro')}</p>
          <CaptionsDesk sessionId={session.id} speakers={speakers} defaultLang={captionLangOf(session.language)} />
        </>
      )}
    </article>
  );
}
