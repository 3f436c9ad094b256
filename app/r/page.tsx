import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import QRCode from 'qrcode';
import { ConfirmAction } from '@/components/ConfirmAction';
import { formatDay, formatTime } from '@/lib/format';
import { getEventProgramme } from '@/db/queries/events';
import { registrationsOfPerson } from '@/db/queries/my-registrations';
import { seatCounts } from '@/db/queries/registrations';
import { mailState, publicUrl } from '@/lib/config';
import { type CatalogueTranslator, refusalText } from '@/lib/refusal';
import { isLive, localDate } from '@/lib/domain/time';
import { currentLinkRegistrationId, currentUser } from '@/server/auth/current';
import { AfterSessionToggle } from '@/components/feedback/AfterSessionToggle';
import { addSessionsAction, afterSessionMailsAction, cancelAction, changeModeAction, forgetAction, renewCalendarAction } from './actions';

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
  const [t, tAll, tSeats, linkRegistrationId, user] = await Promise.all([
    getTranslations('me'),
    getTranslations(),
    getTranslations('seats'),
    currentLinkRegistrationId(),
    currentUser(),
  ]);
  const mine = await registrationsOfPerson({ linkRegistrationId, userId: user?.id ?? null });
  const error = typeof sp.error === 'string' ? sp.error : null;
  // Just registered: by the signed-in owner of the address (theirs and proven: no mail to wait
  // for), or by someone whose mail may not leave this server.
  const newText = sp.new === 'account' ? t('newSignedIn') : mailState() === 'unavailable' ? t('newNoMail') : t('new');
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
      {error && (
        <div role="alert" className="rounded bg-red-50 p-3 text-red-900">
          {!error.startsWith('mode_') && <p>{t('addError')}</p>}
          <p>{error === 'none_chosen' ? t('addNoneChosen') : refusalText(tAll as unknown as CatalogueTranslator, error, ['register', 'seats'])}</p>
        </div>
      )}
      {(sp.mode === 'onsite' || sp.mode === 'online') && (
        <p role="status" className="rounded bg-green-50 p-3 text-green-900">
          {tSeats('changed', { mode: tSeats(`mode.${sp.mode}`) })}
        </p>
      )}
      {(sp.new || sp.done || sp.added) && mine.some((r) => r.status === 'active') && (
        <p role="status" className="rounded bg-green-50 p-3 text-green-900">
          {sp.new ? newText : sp.added ? t('added') : t('done')}
        </p>
      )}
      {mine.length === 0 ? (
        user && !linkRegistrationId ? (
          // Signed in: their registrations are found by their account, there is nothing to sign in to.
          <p>
            {t('noneSignedIn', { email: user.email })} <Link href="/">{t('browseEvents')}</Link>
          </p>
        ) : (
          <p>{t('openLink')}</p>
        )
      ) : (
        mine.map((reg) => <RegistrationBlock key={reg.id} reg={reg} saved={sp.afterSession === reg.id} />)
      )}
      {linkRegistrationId && (
        <form action={forgetAction} className="border-t border-stone-200 pt-4">
          <button type="submit" className="text-sm underline">
            {t('forget')}
          </button>
          <p className="text-sm text-stone-600">{t(mailState() === 'unavailable' ? 'forgetHelpNoMail' : 'forgetHelp')}</p>
        </form>
      )}
    </div>
  );
}

async function RegistrationBlock({ reg, saved }: { reg: Registration; saved: boolean }) {
  const [t, tc, tSeats, locale] = await Promise.all([getTranslations('me'), getTranslations('confirm'), getTranslations('seats'), getLocale()]);
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
                        {s.mode === 'hybrid' && (
                          <p className="text-sm" data-testid="my-mode" data-mode={mySeat.mode}>
                            {tSeats('yourMode', { mode: tSeats(`mode.${mySeat.mode}`) })}
                          </p>
                        )}
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
                        {s.mode === 'hybrid' && s.endsAt > new Date() && (
                          <form action={changeModeAction}>
                            <input type="hidden" name="registrationId" value={reg.id} />
                            <input type="hidden" name="sessionId" value={s.id} />
                            <input type="hidden" name="mode" value={mySeat.mode === 'onsite' ? 'online' : 'onsite'} />
                            <button type="submit" className="text-sm underline">
                              {tSeats(`switchTo.${mySeat.mode === 'onsite' ? 'online' : 'onsite'}`)}
                            </button>
                          </form>
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
          <AddSessions reg={reg} programme={programme} held={seat} />
          <p>
            <a href={`/api/me/calendar.ics?token=${encodeURIComponent(reg.calendarToken)}`}>{t('calendar')}</a>
          </p>
          <form action={renewCalendarAction}>
            <input type="hidden" name="registrationId" value={reg.id} />
            <button type="submit" className="text-sm underline">
              {t('calendarRenew')}
            </button>
          </form>
          <AfterSessionToggle action={afterSessionMailsAction} registrationId={reg.id} on={reg.afterSessionMails} saved={saved} />
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

/**
 * The sessions of the event the person may still ask for (not held, not cancelled, not over), to
 * add to their registration: the registration's rules apply (`addSessionsAction`).
 */
async function AddSessions({
  reg,
  programme,
  held,
}: {
  reg: Registration;
  programme: NonNullable<Awaited<ReturnType<typeof getEventProgramme>>>;
  held: Map<string, unknown>;
}) {
  const [t, locale, counts] = await Promise.all([getTranslations('me'), getLocale(), seatCounts(programme.event.id)]);
  const tz = programme.event.timeZone;
  const now = new Date();
  const open = programme.sessions.filter((s) => !held.has(s.id) && s.status !== 'cancelled' && s.endsAt > now);
  const headingId = `add-${reg.id}`;
  return (
    <section aria-labelledby={headingId} data-testid="add-sessions">
      <h3 id={headingId} className="text-lg font-semibold">
        {t('add')}
      </h3>
      {open.length === 0 ? (
        <p className="text-stone-600">{t('addNone')}</p>
      ) : (
        <form action={addSessionsAction} className="mt-2 grid gap-3">
          <input type="hidden" name="registrationId" value={reg.id} />
          <ul className="divide-y divide-stone-200 rounded bg-white">
            {open.map((s) => {
              const confirmed = counts.get(s.id)?.confirmed ?? 0;
              const free = s.capacity === null ? null : Math.max(0, s.capacity - confirmed);
              return (
                <li key={s.id}>
                  <label className="flex min-h-11 items-start gap-3 p-3">
                    <input type="checkbox" name="sessionIds" value={s.id} className="mt-1 size-5 shrink-0" />
                    <span className="min-w-0">
                      <span className="font-medium break-words">{s.title}</span>
                      <span className="block text-sm text-stone-600">
                        {formatDay(localDate(s.startsAt, tz), locale, tz)}, {formatTime(s.startsAt, locale, tz)}
                        {free !== null && ` · ${free === 0 ? t('full') : t('seats', { free })}`}
                        {s.visibility === 'invitation' && ` · ${t('byInvitation')}`}
                      </span>
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
          {open.some((s) => s.visibility === 'invitation') && (
            <label className="flex flex-col gap-1">
              <span className="font-medium">{t('invitationCode')}</span>
              <input name="invitationCode" className="rounded border border-stone-300 bg-white px-3 py-2" />
            </label>
          )}
          <button type="submit" className="justify-self-start rounded bg-brand px-4 py-2 text-white">
            {t('addSubmit')}
          </button>
        </form>
      )}
    </section>
  );
}
