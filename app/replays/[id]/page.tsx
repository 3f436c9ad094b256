import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatDay, formatTime } from '@/lib/format';
import { LicenceBadge } from '@/components/paths/Badges';
import { ReplayPlayer } from '@/components/replays/ReplayPlayer';
import { CaptionsUpload } from '@/components/replays/CaptionsUpload';
import { mayEditCaptions } from '@/db/queries/captions/replays';
import { replayTimeline } from '@/db/queries/replays';
import { countReplayView } from '@/db/queries/report';
import { getSessionById } from '@/db/queries/events';
import { clock, replayPlayer } from '@/lib/domain/replays';
import { captionLangOf } from '@/lib/domain/captions';
import { localDate } from '@/lib/domain/time';
import { DomainError } from '@/lib/errors';
import { currentParticipant } from '@/server/auth/current';
import { Section } from '@/components/Section';
import { BackLink } from '@/components/BackLink';

type Params = { id: string };

async function load(id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  try {
    const identity = await currentParticipant();
    const timeline = await replayTimeline(identity, id);
    const session = (await getSessionById(timeline.replay.sessionId))!;
    // The session's moderators and its paths' coordinators replace the captions here.
    const editsCaptions = await mayEditCaptions(identity, session.id, session.eventId);
    return { ...timeline, session, editsCaptions };
  } catch (err) {
    if (err instanceof DomainError) return null;
    throw err;
  }
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const found = await load((await params).id);
  const t = await getTranslations('replays');
  return { title: found ? `${t('title')} — ${found.replay.title ?? found.session.title}` : 'Chemins' };
}

/**
 * `/replays/{id}`: a session's replay with its questions and chat beside it, as they appeared
 * (for whoever may follow the session). `?t=` starts at that second.
 */
export default async function ReplayPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<{ t?: string }> }) {
  const found = await load((await params).id);
  if (!found) notFound();
  const { replay, session, items, chapters, editsCaptions } = found;
  // The organizer's report counts replay views per day: a counter, no person (docs/report.md).
  const [t, tc, locale] = await Promise.all([getTranslations('replays'), getTranslations('captions'), getLocale(), countReplayView(replay.id)]);
  const start = Math.max(0, Math.min(Number((await searchParams).t) || 0, replay.durationSeconds ?? Infinity));
  const sessionPath = `/events/${session.eventSlug}/sessions/${session.slug}`;
  const tz = session.timeZone;
  const title = replay.title ?? session.title;
  return (
    <article className="space-y-4" data-testid="replay">
      <BackLink href={sessionPath}>{session.title}</BackLink>
      <header className="space-y-1">
        <p className="text-sm uppercase tracking-wide text-stone-500">
          {t('title')} · {session.eventTitle}
        </p>
        <h1 className="text-2xl font-bold">{title}</h1>
        <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-stone-600">
          <span className="first-letter:uppercase">
            {formatDay(localDate(replay.startedAt, tz), locale, tz)}, {formatTime(replay.startedAt, locale, tz)} ({tz})
          </span>
          {replay.durationSeconds !== null && <span>{t('duration', { time: clock(replay.durationSeconds) })}</span>}
          <LicenceBadge licence={replay.licence} withLabel />
        </p>
      </header>
      <ReplayPlayer
        player={replayPlayer(replay)}
        items={items}
        chapters={chapters}
        start={start}
        title={title}
        captions={replay.captions ? { src: `/api/replays/${replay.id}/captions.vtt`, lang: captionLangOf(session.language), label: tc('trackLabel') } : null}
      />
      {editsCaptions && <CaptionsUpload replayId={replay.id} hasCaptions={Boolean(replay.captions)} />}
      {replay.transcript && (
        <Section headingId="transcript-title" title={t('transcript')} headingClassName="font-semibold">
          <p className="max-w-3xl whitespace-pre-line text-sm">{replay.transcript}</p>
        </Section>
      )}
    </article>
  );
}
