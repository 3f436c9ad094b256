import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatDay, formatTime } from '@/lib/format';
import { LivePanel } from '@/components/live/LivePanel';
import { NotesSection } from '@/components/notes/NotesSection';
import { LocalTime } from '@/components/LocalTime';
import { localTimeTemplate } from '@/components/local-time-template';
import { SessionBadges } from '@/components/SessionBadges';
import { Contributors } from '@/components/people/Contributors';
import { proposalsOfSessions } from '@/server/calls/list-session-proposals';
import { getProgrammeSession } from '@/db/queries/events';
import { ProposedBy } from '@/components/calls/ProposedBy';
import { liveSnapshot, sessionAccess } from '@/db/queries/live';
import { mySeats } from '@/db/queries/my-registrations';
import { sessionReplays } from '@/db/queries/replays';
import { clock } from '@/lib/domain/replays';
import { mayRunPolls } from '@/lib/domain/polls';
import { seatCounts } from '@/db/queries/registrations';
import { formerNames } from '@/lib/domain/erased';
import { isLive, localDate } from '@/lib/domain/time';
import { currentParticipant } from '@/server/auth/current';
import { livekitSettings } from '@/server/media/livekit';
import { KeepSource } from '@/components/RegistrationSource';
import { Section } from '@/components/Section';
import { BackLink } from '@/components/BackLink';

type Params = { slug: string; sessionSlug: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const found = await getProgrammeSession(await params);
  return { title: found ? `${found.session.title} — ${found.event.title}` : 'Chemins' };
}

export default async function SessionPage({ params }: { params: Promise<Params> }) {
  const found = await getProgrammeSession(await params);
  if (!found) notFound();
  const { event, session } = found;
  const [locale, t, tKind, tMode, tFormat, tEvent, tReg, user, counts] = await Promise.all([
    getLocale(),
    getTranslations('session'),
    getTranslations('kind'),
    getTranslations('mode'),
    getTranslations('format'),
    getTranslations('event'),
    getTranslations('register'),
    currentParticipant(),
    seatCounts(event.id),
  ]);
  const mySeat = (await mySeats(user, event.id)).get(session.id);
  const confirmed = counts.get(session.id)?.confirmed ?? 0;
  const full = session.capacity !== null && confirmed >= session.capacity;
  const tz = event.timeZone;
  const live = isLive(session);
  // Staff roles come with a sign-in only.
  const staff = !live && user?.kind === 'user' ? await sessionAccess(user, session.id) : null;
  const [tLive, tPolls, tCalls, proposed, tPrivacy, localTime] = await Promise.all([
    getTranslations('live'),
    getTranslations('polls'),
    getTranslations('calls'),
    proposalsOfSessions([found.session.id]),
    getTranslations('privacy'),
    localTimeTemplate(),
  ]);
  const proposal = proposed.get(found.session.id);
  // Questions and chat come with the page: no false "no question yet" before the connection, nor without JavaScript.
  const snapshot = live ? await liveSnapshot(user, session.id) : null;
  const [tReplays, tOff] = await Promise.all([getTranslations('replays'), getTranslations('videoOff')]);
  // Without video on this server, the session is followed by its questions and chat: said before any click.
  const video = livekitSettings() !== null;
  const replays = await sessionReplays(user, session.id)
    .then((r) => r.replays.filter((x) => x.status === 'ready'))
    .catch(() => []);
  return (
    <article className="space-y-6">
      <KeepSource event={event.slug} />
      <BackLink href={`/events/${event.slug}`}>{t('backToProgramme')}</BackLink>
      <header>
        <p className="text-sm uppercase tracking-wide text-stone-500">
          {session.format ? tFormat(session.format as 'standing') : tKind(session.kind)} · {tMode(session.mode)}
          {session.track ? ` · ${session.track.name}` : ''}
        </p>
        {session.programme && (
          <p className="text-sm" data-testid="programme-by">
            <Link href={`/organizations/${session.programme.key}`} className="link-target">{tEvent('programmeBy', { name: session.programme.name })}</Link>
          </p>
        )}
        <h1 className="text-2xl font-bold">
          {session.title} <SessionBadges session={session} full={full} />
        </h1>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="font-medium">{t('when')}</dt>
          <dd className="first-letter:uppercase">
            {formatDay(localDate(session.startsAt, tz), locale, tz)}, {formatTime(session.startsAt, locale, tz)}–
            {formatTime(session.endsAt, locale, tz)} ({tz})
            <LocalTime start={session.startsAt} end={session.endsAt} timeZone={tz} locale={locale} template={localTime} />
            {session.scheduleNote && (
              <span className="block text-xs text-amber-800" data-testid="schedule-note">
                {tEvent('scheduleNote', { note: session.scheduleNote })}
              </span>
            )}
          </dd>
          {session.room && (
            <>
              <dt className="font-medium">{t('where')}</dt>
              <dd>{session.room.name}</dd>
            </>
          )}
        </dl>
      </header>
      {session.visibility === 'invitation' && !mySeat && session.status !== 'cancelled' && (
        <p className="max-w-3xl rounded bg-indigo-50 p-3 text-sm text-indigo-950" data-testid="invitation-notice">
          {t('invitationNotice')}{' '}
          {session.endsAt > new Date() ? (
            <Link href={`/events/${event.slug}/register?session=${session.id}`}>{t('invitationRegister')}</Link>
          ) : (
            t('invitationClosed')
          )}
        </p>
      )}
      {mySeat ? (
        <p data-testid="my-seat" data-seat={mySeat.status}>
          <Link href="/r" className="inline-block rounded bg-green-50 px-4 py-2 font-medium text-green-900 no-underline">
            {tReg('registered')}
          </Link>{' '}
          <span className="text-sm text-stone-700">({tReg('myPlace', { status: mySeat.status, position: mySeat.position ?? 1 })})</span>
        </p>
      ) : session.status !== 'cancelled' && session.endsAt > new Date() && (
        <p>
          <Link
            href={`/events/${event.slug}/register?session=${session.id}`}
            className="inline-block rounded bg-brand px-4 py-2 text-white no-underline hover:no-underline"
          >
            {tReg('cta')}
          </Link>
          {session.capacity !== null && (
            <span className="ml-3 text-sm text-stone-600" data-testid="seats-left">
              {tReg('seats', { free: Math.max(0, session.capacity - confirmed) })}
            </span>
          )}
        </p>
      )}
      {session.description && <p className="max-w-3xl whitespace-pre-line">{session.description}</p>}
      {(session.recordingAnnounced || session.autoRecord) && (
        <p className="text-sm text-stone-700" data-testid="recorded-notice">
          {tReplays('recordedNotice')}
        </p>
      )}
      {replays.length > 0 && (
        <Section headingId="replays-title" title={tReplays('listTitle')} headingClassName="font-semibold" data-testid="session-replays">
          <ul className="mt-1 list-disc pl-5 text-sm">
            {replays.map((r) => (
              <li key={r.id}>
                <Link href={`/replays/${r.id}`}>{r.title ?? tReplays('watch')}</Link>
                {r.durationSeconds !== null && <span className="text-stone-600"> · {clock(r.durationSeconds)}</span>}
              </li>
            ))}
          </ul>
        </Section>
      )}
      <div className="text-sm">
        <Contributors session={session} withRoles />
      </div>
      {proposal && <ProposedBy proposal={proposal} label={tCalls('proposedBy', { names: formerNames(proposal.by, tPrivacy('formerParticipant')) })} />}
      {session.mode !== 'onsite' && session.status !== 'cancelled' && session.endsAt > new Date() && !video && (
        <p className="flex flex-wrap items-center gap-3 rounded bg-stone-100 p-3" data-testid="video-off">
          <span>{live ? tOff('notice') : tOff('noticeLater')}</span>
          {live && (
            <a href="#live-panel" className="inline-block rounded bg-live px-5 py-2.5 font-medium text-white no-underline hover:no-underline" data-testid="join-text-live">
              {tOff('join')}
            </a>
          )}
        </p>
      )}
      {session.mode !== 'onsite' && session.status !== 'cancelled' && session.endsAt > new Date() && video && (
        <p className="flex flex-wrap items-center gap-3">
          <Link
            href={`/events/${event.slug}/sessions/${session.slug}/room`}
            className="inline-block rounded bg-live px-5 py-2.5 font-medium text-white no-underline hover:no-underline"
            data-testid="join-live"
          >
            {live ? t('joinLive') : t('joinOnline')}
          </Link>
          <span className="text-sm text-stone-600">{t('joinHelp')}</span>
        </p>
      )}
      {live ? (
        <div id="live-panel" className="scroll-mt-4">
          <LivePanel
            sessionId={session.id}
            sessionPath={`/events/${event.slug}/sessions/${session.slug}`}
            snapshot={snapshot}
          />
          <NotesSection sessionId={session.id} className="mt-6 rounded-lg border border-stone-200 bg-white p-4" />
        </div>
      ) : (
        <>
          {/* After the session, its notes as they were left (nothing when there are none). */}
          <NotesSection sessionId={session.id} editable={false} />
          <p className="text-sm text-stone-600">{t('notLive')}</p>
          {/* Polls are prepared before the session starts: the moderate page, for those who run them. */}
          {staff && mayRunPolls(staff) && (
            <p className="text-sm">
              <Link href={`/events/${event.slug}/sessions/${session.slug}/moderate`} data-testid="prepare-polls">
                {staff.isModerator ? tLive('moderatorView') : tPolls('speakerLink')}
              </Link>
            </p>
          )}
        </>
      )}
    </article>
  );
}
