import { getTranslations } from 'next-intl/server';
import { VenueDesk } from '@/components/video/VenueDesk';
import { takesVenueInput } from '@/lib/domain/venue-inputs';
import { livekitSettings } from '@/server/media/livekit';
import { venueInputsOf } from '@/server/media/venue-inputs';
import { SignInNotice } from '../SignInNotice';
import { type SessionParams, staffSession, titledAfterSession } from '../session';

export const dynamic = 'force-dynamic';

export const generateMetadata = titledAfterSession('venue', 'title');

/**
 * The régie (control desk) of a session's venue inputs, for its moderators and organizers
 * (docs/api.md "Venue inputs"): the venue's camera, mixer or OBS comes onto the online stage.
 */
export default async function VenuePage({ params }: { params: Promise<SessionParams> }) {
  const [{ session, path, access, who }, t] = await Promise.all([staffSession(params), getTranslations('venue')]);
  const notice = (text: string, tone = 'bg-stone-100') => (
    <p role="alert" className={`rounded p-3 ${tone}`}>
      {text}
    </p>
  );
  return (
    <article className="flex flex-col gap-4">
      <header className="flex flex-col gap-4">
        <a className="w-fit text-sm" href={path}>
          ← {session.title}
        </a>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
      </header>
      {!access?.actorKey ? (
        <SignInNotice text={t('moderatorsOnly')} signIn={t('signIn')} back={`${path}/venue`} />
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
