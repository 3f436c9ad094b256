import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatShortDay, formatTime } from '@/lib/format';
import { RegisterForm } from '@/components/RegisterForm';
import { getEventProgramme } from '@/db/queries/events';
import { getDb } from '@/db/client';
import { registrationsOfPerson } from '@/db/queries/my-registrations';
import { NO_SEATS, questionsOf, seatCounts } from '@/db/queries/registrations';
import { seatsByMode } from '@/lib/domain/seats';
import { mailState } from '@/lib/config';
import { currentUser } from '@/server/auth/current';
import { registerAction } from './actions';
import { isLive } from '@/lib/domain/time';
import { isRegistrationSource, VIA_PARAM } from '@/lib/domain/registration-source';
import { localTimeTemplate } from '@/components/local-time-template';
import { BackLink } from '@/components/BackLink';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meta'))('register') };
}

export default async function RegisterPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const sp = await searchParams;
  const programme = await getEventProgramme(slug);
  if (!programme) notFound();
  const [t, locale, counts, questions, user, localTime] = await Promise.all([
    getTranslations('register'),
    getLocale(),
    seatCounts(programme.event.id),
    getDb().then((db) => questionsOf(db, programme.event.id)),
    currentUser(),
    localTimeTemplate(),
  ]);
  // A signed-in person is known: their address (proven by the sign-in) and name fill the form.
  const known = user
    ? { email: user.email, name: user.name ?? (await registrationsOfPerson({ linkRegistrationId: null, userId: user.id }))[0]?.name ?? '' }
    : undefined;
  const intro = user ? 'introSignedIn' : mailState() === 'unavailable' ? 'introNoMail' : 'intro';
  const tz = programme.event.timeZone;
  const now = new Date();
  const options = programme.sessions
    .filter((s) => s.status !== 'cancelled' && s.endsAt > now)
    .map((s) => {
      const c = counts.get(s.id) ?? NO_SEATS;
      // A hybrid session's chairs and online seats are said beside each mode's choice (SessionChoices).
      const modes = s.mode === 'hybrid' ? seatsByMode(s, c) : null;
      const confirmed = c.confirmed;
      const full = modes ? modes.every((m) => m.full) : s.capacity !== null && confirmed >= s.capacity;
      const day = formatShortDay(s.startsAt, locale, tz);
      const seats = modes || s.capacity === null ? '' : ` · ${full ? t('full') : t('seats', { free: s.capacity - confirmed })}`;
      // Told at registration: a recorded session says so (a workshop is recorded only then).
      const recorded = s.recordingAnnounced || s.autoRecord ? ` · ${t('recorded')}` : '';
      return {
        id: s.id,
        label: s.title,
        detail: `${day} ${formatTime(s.startsAt, locale, tz)}${seats}${recorded}`,
        full,
        invitation: s.visibility === 'invitation',
        live: isLive(s, now),
        mode: s.mode,
        ...(modes ? { modes: modes.map(({ mode, free, full }) => ({ mode, free, full })) } : {}),
        startsAt: s.startsAt,
        endsAt: s.endsAt,
      };
    });
  const preselected = [sp.session].flat().filter((x): x is string => Boolean(x));
  const via = sp[VIA_PARAM];
  return (
    <div>
      <BackLink href={`/events/${slug}`}>{programme.event.title}</BackLink>
      <h1 className="mt-2 text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 max-w-2xl">{t(intro)}</p>
      <RegisterForm
        action={registerAction.bind(null, slug)}
        sessions={options}
        preselected={preselected}
        questions={questions}
        known={known}
        timeZone={tz}
        localTime={localTime}
        event={slug}
        source={isRegistrationSource(via) ? via : undefined}
      />
    </div>
  );
}
