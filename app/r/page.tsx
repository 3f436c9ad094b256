import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import QRCode from 'qrcode';
import { ConfirmAction } from '@/components/ConfirmAction';
import { formatDay, formatTime } from '@/components/format';
import { getEventProgramme } from '@/db/queries/events';
import { registrationsOfPerson } from '@/db/queries/my-registrations';
import { publicUrl } from '@/lib/config';
import { isLive, localDate } from '@/lib/domain/time';
import { currentLinkRegistrationId, currentUser } from '@/server/auth/current';
import { cancelAction, forgetAction, renewCalendarAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meta'))('myRegistration'), robots: { index: false } };
}

type Registration = Awaited<ReturnType<typeof registrationsOfPerson>>[number];

/**
 * The personal page: the registration whose personal link this browser opened (`/r/{token}`),
 * and those of the signed-in account.
 */
export default async function PersonalPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const [t, linkRegistrationId, user] = await Promise.all([getTranslations('me'), currentLinkRegistrationId(), currentUser()]);
  const mine = await registrationsOfPerson({ linkRegistrationId, userId: user?.id ?? null });
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      {sp.invalid && (
        <p role="alert" className="rounded bg-red-50 p-3 text-red-900">
          {t('notFound')}
        </p>
      )}
      {sp.forgotten && (
        <p role="status" className="rounded bg-stone-100 p-3">
          {t('forgotten')}
        </p>
      )}
      {(sp.new || sp.done) && mine.some((r) => r.status === 'active') && (
        <p role="status" className="rounded bg-green-50 p-3 text-green-900">
          {sp.new ? t('new') : t('done')}
        </p>
      )}
      {mine.length === 0 ? (
        <p>{t('openLink')}</p>
      ) : (
        mine.map((reg) => <RegistrationBlock key={reg.id} reg={reg} />)
      )}
      {linkRegistrationId && (
        <form action={forgetAction} className="border-t border-stone-200 pt-4">
          <button type="submit" className="text-sm underline">
            {t('forget')}
          </button>
          <p className="text-sm text-stone-600">{t('forgetHelp')}</p>
        </form>
      )}
    </div>
  );
}

async function RegistrationBlock({ reg }: { reg: Registration }) {
  const [t, tc, locale] = await Promise.all([getTranslations('me'), getTranslations('confirm'), getLocale()]);
  const programme = (await getEventProgramme(reg.eventSlug))!;
  const tz = programme.event.timeZone;
  const seat = new Map(reg.seats.map((s) => [s.sessionId, s]));
  const sessions = programme.sessions.filter((s) => seat.has(s.id));
  // The QR code carries the personal link: it is what the check-in desk scans.
  const qr = await QRCode.toString(`${publicUrl()}/r/${reg.joinToken}`, { type: 'svg', margin: 1, width: 180 });
  const headingId = `reg-${reg.id}`;
  return (
    <section aria-labelledby={headingId} className="space-y-6" data-testid="registration">
      <header>
        <h2 id={headingId} className="text-xl font-semibold">
          <Link href={`/events/${reg.eventSlug}`}>{programme.event.title}</Link>
        </h2>
        <p className="mt-1">{t('hello', { name: reg.name })}</p>
      </header>
      {reg.status === 'cancelled' ? (
        <p role="status" className="rounded bg-stone-100 p-3" data-testid="registration-cancelled">
          {t('cancelled')}
        </p>
      ) : (
        <>
          <div>
            <h3 className="text-lg font-semibold">{t('sessions')}</h3>
            {sessions.length === 0 ? (
              <p className="text-stone-600">{t('none')}</p>
            ) : (
              <ul className="mt-2 divide-y divide-stone-200 rounded bg-white" data-testid="my-seats">
                {sessions.map((s) => {
                  const mySeat = seat.get(s.id)!;
                  return (
                    <li key={s.id} className="flex flex-col gap-2 p-3 sm:flex-row sm:items-center sm:gap-3" data-seat={mySeat.status}>
                      <div className="min-w-0 flex-1">
                        <Link href={`/events/${reg.eventSlug}/sessions/${s.slug}`} className="font-medium break-words">
                          {s.title}
                        </Link>
                        <p className="text-sm text-stone-600">
                          {formatDay(localDate(s.startsAt, tz), locale, tz)}, {formatTime(s.startsAt, locale, tz)} ·{' '}
                          {mySeat.status === 'confirmed' ? t('confirmed') : t('waitlistedAt', { position: mySeat.position ?? 1 })}
                        </p>
                      </div>
                      <div className="flex flex-wrap items-center gap-3">
                        {s.mode !== 'onsite' && s.endsAt > new Date() && (
                          <Link
                            href={`/events/${reg.eventSlug}/sessions/${s.slug}`}
                            className="rounded bg-brand px-3 py-1 text-sm whitespace-nowrap text-white no-underline hover:no-underline"
                          >
                            {isLive(s) ? t('joinLive') : t('joinRoom')}
                          </Link>
                        )}
                        <form action={cancelAction}>
                          <input type="hidden" name="registrationId" value={reg.id} />
                          <input type="hidden" name="sessionId" value={s.id} />
                          <button type="submit" className="text-sm text-red-700 underline">
                            {t('cancelSeat')}
                          </button>
                        </form>
                      </div>
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
          <p>
            <a href={`/api/me/calendar.ics?token=${encodeURIComponent(reg.calendarToken)}`}>{t('calendar')}</a>
          </p>
          <form action={renewCalendarAction}>
            <input type="hidden" name="registrationId" value={reg.id} />
            <button type="submit" className="text-sm underline">
              {t('calendarRenew')}
            </button>
          </form>
          <div>
            <h3 className="text-lg font-semibold">{t('qr')}</h3>
            <div className="mt-2 inline-block rounded bg-white p-2" role="img" aria-label={t('qr')} dangerouslySetInnerHTML={{ __html: qr }} />
          </div>
          <ConfirmAction
            action={cancelAction}
            fields={{ registrationId: reg.id }}
            trigger={t('cancelAll')}
            title={tc('cancelAll.title', { event: programme.event.title })}
            description={tc('cancelAll.body')}
            confirm={tc('cancelAll.confirm')}
            cancel={tc('back')}
            triggerClassName="rounded border border-red-700 px-3 py-1.5 text-red-700"
            testId="cancel-all"
          />
        </>
      )}
    </section>
  );
}
