import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { VenueDesk } from '@/components/video/VenueDesk';
import { sessionAccess } from '@/db/queries/live';
import { takesVenueInput } from '@/lib/domain/venue-inputs';
import { currentParticipant } from '@/server/auth/current';
import { livekitSettings } from '@/server/media/livekit';
import { venueInputsOf } from '@/server/media/venue-inputs';
import { loadSession, type SessionParams } from '../session';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<SessionParams> }): Promise<Metadata> {
  const found = await loadSession(params);
  const t = await getTranslations('venue');
  return { title: found ? `${t('title')} — ${found.session.title}` : 'Chemins' };
}

/**
 * The régie (control desk) of a session's venue inputs, for its moderators and organizers
 * (docs/video.md "Venue inputs"): the venue's camera, mixer or OBS comes onto the online stage.
 */
export default async function VenuePage({ params }: { params: Promise<SessionParams> }) {
  const found = await loadSession(params);
  if (!found) notFound();
  const { event, session } = found;
  const t = await getTranslations('venue');
  const path = `/events/${event.slug}/sessions/${session.slug}`;
  const who = await currentParticipant();
  const access = await sessionAccess(who, session.id);
  const notice = (text: string, tone = 'bg-stone-100') => (
    <p role="alert" className={`rounded p-3 ${tone}`}>
      {text}
    </p>
  );
  return (
    <article className="flex flex-col gap-4">
      <p className="text-sm">
        <a href={path}>← {session.title}</a>
      </p>
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      {!access?.actorKey ? (
        <p role="alert" className="rounded bg-stone-100 p-3">
          {t('moderatorsOnly')}{' '}
          <a className="underline" href={`/signin?callbackUrl=${encodeURIComponent(`${path}/venue`)}`}>
            {t('signIn')}
          </a>
        </p>
      ) : !access.isModerator ? (
        notice(t('moderatorsOnly'), 'bg-red-50')
      ) : !takesVenueInput(session.mode) ? (
        notice(t('onsiteOnly'))
      ) : !livekitSettings() ? (
        notice(t('videoOff'))
      ) : (
        <>
          <p className="text-sm text-stone-700">{t('intro')}</p>
          <VenueDesk sessionId={session.id} initial={(await venueInputsOf(who, session.id)).map(({ id, name }) => ({ id, name }))} />
        </>
      )}
    </article>
  );
}
