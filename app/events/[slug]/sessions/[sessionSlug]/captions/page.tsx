import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { CaptionsDesk } from '@/components/live/CaptionsDesk';
import { sessionAccess } from '@/db/queries/live';
import { captionLangOf } from '@/lib/domain/captions';
import { currentParticipant } from '@/server/auth/current';
import { mayCaption } from '@/server/captions/send-caption';
import { loadSession, type SessionParams } from '../session';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<SessionParams> }): Promise<Metadata> {
  const found = await loadSession(params);
  const t = await getTranslations('captions.page');
  return { title: found ? `${t('title')} — ${found.session.title}` : 'Chemins' };
}

/** The captioner's page: type what is said, line by line, for everyone following the session (`session.caption`). */
export default async function CaptionsPage({ params }: { params: Promise<SessionParams> }) {
  const found = await loadSession(params);
  if (!found) notFound();
  const { event, session } = found;
  const t = await getTranslations('captions.page');
  const path = `/events/${event.slug}/sessions/${session.slug}`;
  const access = await sessionAccess(await currentParticipant(), session.id);
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
        <p role="alert" className="rounded bg-stone-100 p-3">
          {t('captionersOnly')}{' '}
          <a className="underline" href={`/signin?callbackUrl=${encodeURIComponent(`${path}/captions`)}`}>
            {t('signIn')}
          </a>
        </p>
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
