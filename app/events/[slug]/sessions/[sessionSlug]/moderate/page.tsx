import { getLocale, getTranslations } from 'next-intl/server';
import { formatShortDateTime } from '@/lib/format';
import { type ManagedReplay, ReplayManager } from '@/components/replays/ReplayManager';
import { sessionReplays } from '@/db/queries/replays';
import { clock } from '@/lib/domain/replays';
import { localDate, localTime } from '@/lib/domain/time';
import { ModeratorView } from '@/components/live/ModeratorView';
import { SpeakerPolls } from '@/components/live/PollManager';
import { mayRunPolls } from '@/lib/domain/polls';
import { takesVenueInput } from '@/lib/domain/venue-inputs';
import type { Identity } from '@/db/queries/identity';
import { SignInNotice } from '../SignInNotice';
import { type SessionParams, staffSession, titledAfterSession } from '../session';
import { QaReportButton } from '@/components/paths/QaReportButton';
import { qaToReportAction } from '@/app/resources/actions';

export const dynamic = 'force-dynamic';

export const generateMetadata = titledAfterSession('live', 'moderatorView');

/**
 * Moderator view of a session's Q&A, chat and polls (moderators and organizers of its event);
 * its speakers get the polls only (`mayRunPolls`, the rule the poll commands use).
 */
export default async function ModeratePage({ params }: { params: Promise<SessionParams> }) {
  const { event, session, path, access, who } = await staffSession(params);
  const t = await getTranslations('live');
  return (
    <article className="flex flex-col gap-4">
      <p className="text-sm">
        <a href={path}>← {session.title}</a>
      </p>
      <h1 className="text-2xl font-semibold">{t('moderatorView')}</h1>
      {!access?.actorKey ? (
        <SignInNotice text={t('moderatorsOnly')} signIn={t('signIn')} back={`${path}/moderate`} />
      ) : !access.isModerator && mayRunPolls(access) ? (
        <SpeakerPolls sessionId={session.id} />
      ) : !access.isModerator ? (
        <p role="alert" className="rounded bg-red-50 p-3">
          {t('moderatorsOnly')}
        </p>
      ) : (
        <>
          <ModeratorView sessionId={session.id} sessionPath={path} />
          {takesVenueInput(session.mode) && (
            <p className="text-sm">
              <a className="underline" href={`${path}/venue`}>
                {t('venueDesk')}
              </a>
            </p>
          )}
          <QaReportButton action={qaToReportAction.bind(null, session.id, `${path}/moderate`)} />
          <Replays who={who} sessionId={session.id} startsAt={session.startsAt} timeZone={event.timeZone} />
        </>
      )}
    </article>
  );
}

/** The session's replays and recordings, for its moderators. */
async function Replays({ who, sessionId, startsAt, timeZone }: { who: Identity | null; sessionId: string; startsAt: Date; timeZone: string }) {
  const [{ replays }, locale] = await Promise.all([sessionReplays(who, sessionId), getLocale()]);
  const managed: ManagedReplay[] = replays.map((r) => ({
    id: r.id,
    kind: r.kind,
    status: r.status,
    title: r.title,
    error: r.error,
    durationLabel: r.durationSeconds !== null ? clock(r.durationSeconds) : null,
    startedLabel: formatShortDateTime(r.startedAt, locale, timeZone),
  }));
  return <ReplayManager sessionId={sessionId} replays={managed} defaultStart={`${localDate(startsAt, timeZone)}T${localTime(startsAt, timeZone)}`} timeZone={timeZone} />;
}
