import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import QRCode from 'qrcode';
import { formatDay, formatTime } from '@/components/format';
import { getEventProgramme } from '@/db/queries/events';
import { registrationByToken } from '@/db/queries/registrations';
import { publicUrl } from '@/lib/config';
import { isLive, localDate } from '@/lib/domain/time';
import { cancelAction } from './actions';

export const metadata: Metadata = { title: 'Mon inscription', robots: { index: false } };

export default async function PersonalPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await params;
  const sp = await searchParams;
  const [t, locale] = await Promise.all([getTranslations('me'), getLocale()]);
  const reg = await registrationByToken(token);
  if (!reg) {
    return (
      <div>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p role="alert" className="mt-2">{t('notFound')}</p>
      </div>
    );
  }
  const programme = (await getEventProgramme(reg.eventSlug))!;
  const tz = programme.event.timeZone;
  const seat = new Map(reg.seats.map((s) => [s.sessionId, s.status]));
  const mine = programme.sessions.filter((s) => seat.has(s.id));
  const link = `${publicUrl()}/r/${token}`;
  const qr = await QRCode.toString(link, { type: 'svg', margin: 1, width: 180 });
  const cancelWith = cancelAction.bind(null, token);
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="mt-1">
          {t('hello', { name: reg.name })} — {t('event')} : <Link href={`/events/${reg.eventSlug}`}>{programme.event.title}</Link>
        </p>
      </header>
      {(sp.new || sp.done) && reg.status === 'active' && (
        <p role="status" className="rounded bg-green-50 p-3 text-green-900">
          {sp.new ? t('new') : t('done')}
        </p>
      )}
      {reg.status === 'cancelled' ? (
        <p role="status" className="rounded bg-stone-100 p-3" data-testid="registration-cancelled">
          {t('cancelled')}
        </p>
      ) : (
        <>
          <section aria-labelledby="my-sessions">
            <h2 id="my-sessions" className="text-lg font-semibold">
              {t('sessions')}
            </h2>
            {mine.length === 0 ? (
              <p className="text-stone-600">{t('none')}</p>
            ) : (
              <ul className="mt-2 divide-y divide-stone-200 rounded bg-white" data-testid="my-seats">
                {mine.map((s) => (
                  <li key={s.id} className="flex flex-wrap items-center gap-3 p-3" data-seat={seat.get(s.id)}>
                    <div className="min-w-0 flex-1">
                      <Link href={`/events/${reg.eventSlug}/sessions/${s.slug}`} className="font-medium">
                        {s.title}
                      </Link>
                      <p className="text-sm text-stone-600">
                        {formatDay(localDate(s.startsAt, tz), locale, tz)}, {formatTime(s.startsAt, locale, tz)} ·{' '}
                        {seat.get(s.id) === 'confirmed' ? t('confirmed') : t('waitlisted')}
                      </p>
                    </div>
                    {s.mode !== 'onsite' && s.endsAt > new Date() && (
                      <a
                        href={`/api/join?token=${encodeURIComponent(token)}&next=${encodeURIComponent(`/events/${reg.eventSlug}/sessions/${s.slug}`)}`}
                        className="rounded bg-brand px-3 py-1 text-sm text-white no-underline hover:no-underline"
                      >
                        {isLive(s) ? t('joinLive') : t('joinRoom')}
                      </a>
                    )}
                    <form action={cancelWith}>
                      <input type="hidden" name="sessionId" value={s.id} />
                      <button type="submit" className="text-sm text-red-700 underline">
                        {t('cancelSeat')}
                      </button>
                    </form>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <p>
            <a href={`/api/me/calendar.ics?token=${encodeURIComponent(token)}`}>{t('calendar')}</a>
          </p>
          <section aria-labelledby="qr-title">
            <h2 id="qr-title" className="text-lg font-semibold">
              {t('qr')}
            </h2>
            <div className="mt-2 inline-block rounded bg-white p-2" role="img" aria-label={t('qr')} dangerouslySetInnerHTML={{ __html: qr }} />
          </section>
          <form action={cancelWith}>
            <button type="submit" className="rounded border border-red-700 px-3 py-1.5 text-red-700">
              {t('cancelAll')}
            </button>
          </form>
        </>
      )}
    </div>
  );
}
