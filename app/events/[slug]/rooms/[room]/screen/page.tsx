import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import QRCode from 'qrcode';
import { ScreenRefresh } from '@/components/seats/ScreenRefresh';
import { getEventProgramme } from '@/db/queries/events';
import { presenceCounts } from '@/db/queries/room-screen';
import { publicUrl } from '@/lib/config';
import { shortCodeOf } from '@/lib/domain/live';
import { nowAndNext, speakersOf } from '@/lib/domain/room-screen';
import { formatShortDay, formatTime } from '@/lib/format';
import { Section } from '@/components/Section';

export const dynamic = 'force-dynamic';

/** Seconds between two renderings of the screen (by script; by meta refresh without it). */
const REFRESH_SECONDS = 20;

type Params = { slug: string; room: string };

async function load(params: Promise<Params>) {
  const { slug, room: roomKey } = await params;
  const programme = await getEventProgramme(slug);
  const room = programme?.rooms.find((r) => r.key === roomKey);
  if (!programme || !room) return null;
  return { programme, room, ...nowAndNext(programme.sessions, room.key) };
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const found = await load(params);
  const t = await getTranslations('roomScreen');
  return { title: found ? t('title', { room: found.room.name }) : 'Chemins', robots: { index: false } };
}

/**
 * The screen beside a room's door (`/events/{event}/rooms/{room}/screen`, the room by its key): the
 * session now and the next one, how many people are in it on site (checked in with a chair) and
 * online (in its video room), and the QR code to ask questions (`/q/{code}`). Full screen, large
 * type, high contrast, landscape first; public (the programme is), no one named but the speakers.
 * It renders itself again every 20 s (`ScreenRefresh`; a meta refresh without JavaScript).
 */
export default async function RoomScreenPage({ params }: { params: Promise<Params> }) {
  const found = await load(params);
  if (!found) notFound();
  const { programme, room, now, next } = found;
  const [t, locale] = await Promise.all([getTranslations('roomScreen'), getLocale()]);
  const tz = programme.event.timeZone;
  const presence = now ? await presenceCounts(now.id) : null;
  const asked = now ?? next;
  const askUrl = asked ? `${publicUrl()}/q/${shortCodeOf(asked.id)}` : null;
  const qrSvg = askUrl ? await QRCode.toString(askUrl, { type: 'svg', margin: 1 }) : null;
  const when = (s: { startsAt: Date; endsAt: Date }) => `${formatTime(s.startsAt, locale, tz)}–${formatTime(s.endsAt, locale, tz)}`;
  const speakers = (s: { people: { name: string; role: string }[] }) => {
    const names = speakersOf(s.people);
    return names.length ? <p className="mt-2 text-2xl text-stone-200 lg:text-3xl">{t('with', { names: names.join(', ') })}</p> : null;
  };
  return (
    // Scrolls when the screen is small (a phone): reachable by keyboard (tabIndex), as a scrolling region must be.
    <div tabIndex={0} className="fixed inset-0 z-50 overflow-auto bg-stone-950 p-5 text-white lg:p-10" data-testid="room-screen">
      <noscript>
        <meta httpEquiv="refresh" content={String(REFRESH_SECONDS)} />
      </noscript>
      <ScreenRefresh seconds={REFRESH_SECONDS} />
      <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
        <div className="flex min-w-0 flex-col gap-8">
          <h1 className="text-4xl font-bold break-words lg:text-5xl">{room.name}</h1>
          <Section headingId="screen-now" title={t('now')} headingClassName="text-xl font-bold tracking-wide text-amber-200 uppercase lg:text-2xl" className="rounded-2xl border-4 border-amber-300 p-5 lg:p-8" data-testid="screen-now">
            {now ? (
              <>
                <p className="mt-3 text-4xl leading-tight font-semibold break-words lg:text-5xl">{now.title}</p>
                <p className="mt-2 text-2xl tabular-nums lg:text-3xl">{when(now)}</p>
                {speakers(now)}
                <div className="mt-6">
                  <h3 className="text-xl font-semibold text-stone-300">{t('presence')}</h3>
                  <dl className="mt-2 flex flex-wrap gap-x-10 gap-y-2 text-3xl lg:text-5xl" data-testid="screen-presence">
                    <div className="flex items-baseline gap-3">
                      <dt className="order-2 text-2xl text-stone-200 lg:text-3xl">{t('onsite')}</dt>
                      <dd className="order-1 font-bold tabular-nums" data-count="onsite">{presence!.onsite}</dd>
                    </div>
                    <div className="flex items-baseline gap-3">
                      <dt className="order-2 text-2xl text-stone-200 lg:text-3xl">{t('online')}</dt>
                      <dd className="order-1 font-bold tabular-nums" data-count="online">{presence!.online}</dd>
                    </div>
                  </dl>
                </div>
              </>
            ) : (
              <p className="mt-3 text-3xl text-stone-200">{t('nothingNow')}</p>
            )}
          </Section>
          <Section headingId="screen-next" title={t('next')} headingClassName="text-xl font-bold tracking-wide text-stone-300 uppercase lg:text-2xl" data-testid="screen-next">
            {next ? (
              <>
                <p className="mt-2 text-3xl font-semibold break-words lg:text-4xl">{next.title}</p>
                <p className="mt-1 text-2xl tabular-nums text-stone-200">
                  {formatShortDay(next.startsAt, locale, tz)} · {when(next)}
                </p>
                {speakers(next)}
              </>
            ) : (
              <p className="mt-2 text-2xl text-stone-200">{t('nothingNext')}</p>
            )}
          </Section>
        </div>
        {asked && askUrl && qrSvg && (
          <aside aria-labelledby="screen-ask" className="flex flex-col items-center gap-4 self-start rounded-2xl bg-white p-6 text-stone-900" data-testid="screen-ask">
            <h2 id="screen-ask" className="text-center text-3xl font-bold">
              {t('ask')}
            </h2>
            <div className="w-full max-w-72" role="img" aria-label={t('qrAlt', { session: asked.title })} dangerouslySetInnerHTML={{ __html: qrSvg }} />
            <p className="text-center text-xl">{t('askHelp')}</p>
            <p className="text-center text-2xl font-bold break-all" data-testid="screen-ask-url">
              {askUrl.replace(/^https?:\/\//, '')}
            </p>
          </aside>
        )}
      </div>
      <p className="mt-8 text-lg text-stone-300">{t('updated', { time: formatTime(new Date(), locale, tz) })}</p>
    </div>
  );
}
