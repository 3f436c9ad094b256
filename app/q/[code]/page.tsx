import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { RoomEntryForm } from '@/components/live/RoomEntryForm';
import { sessionAccess, sessionByShortCode } from '@/db/queries/live';
import { config } from '@/lib/config';
import { mayWrite, roomAdmitsGuests } from '@/lib/domain/live';
import { currentParticipant } from '@/server/auth/current';
import { GUEST_COOKIE, GUEST_NAME_MAX, guestSecret, verifyGuestToken } from '@/server/auth/guest';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('roomQr'))('metaTitle') };
}

/**
 * The room's QR code, shown on the projector: `/q/<code>`. Whoever may already take part in the
 * session (a registrant, its staff, a browser the room admitted before) goes straight to its live
 * part. Otherwise, where the room admits guests (lib/domain/live.ts `roomAdmitsGuests`), one tap
 * (an optional first name, « Participer ») admits this browser as a guest of this session only
 * (`POST /api/guest` with the code); where the session asks for registration, the way to register.
 */
export default async function RoomEntry({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const found = await sessionByShortCode(code);
  if (!found) notFound();
  const sessionPath = `/events/${found.eventSlug}/sessions/${found.slug}`;
  const target = `${sessionPath}#live-title`;
  const [t, who, jar] = await Promise.all([getTranslations('roomQr'), currentParticipant(), cookies()]);
  const guest = verifyGuestToken(jar.get(GUEST_COOKIE)?.value, guestSecret(config()));
  const admitsRoom = roomAdmitsGuests(found);
  if (who) {
    const access = await sessionAccess(who, found.id, { key: null, rooms: guest?.rooms });
    if (access && mayWrite(access)) redirect(target);
  } else if (admitsRoom && guest?.rooms?.includes(found.id)) {
    redirect(target);
  }
  return (
    <div className="mx-auto flex max-w-md flex-col gap-4" data-testid="room-entry" data-path={admitsRoom ? 'guest' : 'registration'}>
      <p className="text-sm text-stone-600">{t('eyebrow')}</p>
      <h1 className="text-2xl font-bold break-words">{found.title}</h1>
      {admitsRoom ? (
        <>
          <p>{who ? t('introSignedIn', { name: who.name }) : t('intro')}</p>
          <RoomEntryForm code={code.toLowerCase()} target={target} askName={!who} nameMax={GUEST_NAME_MAX} />
          <p className="text-sm text-stone-600">{t('guestNote')}</p>
        </>
      ) : (
        <>
          <p>{t('registrationRequired')}</p>
          <p className="flex flex-col gap-2 sm:flex-row">
            <Link href={`/events/${found.eventSlug}/register`} className="rounded bg-brand px-4 py-3 text-center font-semibold text-white" data-testid="room-register">
              {t('register')}
            </Link>
            {!who && (
              <Link href={`/signin?callbackUrl=${encodeURIComponent(`/q/${code}`)}`} className="rounded border border-stone-300 px-4 py-3 text-center">
                {t('signIn')}
              </Link>
            )}
          </p>
        </>
      )}
      <p className="text-sm">
        <Link href={target} className="underline">
          {t('followOnly')}
        </Link>
      </p>
    </div>
  );
}
