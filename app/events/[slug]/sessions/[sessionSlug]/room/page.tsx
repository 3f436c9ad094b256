import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LiveSide } from '@/components/live/LiveSide';
import { NotesSection } from '@/components/notes/NotesSection';
import { VideoRoom } from '@/components/video/VideoRoom';
import { getProgrammeSession } from '@/db/queries/events';
import { liveSnapshot } from '@/db/queries/live';
import { currentRecording } from '@/db/queries/replays';
import { roomLayoutOf } from '@/lib/domain/video';
import { currentParticipant } from '@/server/auth/current';
import { livekitSettings } from '@/server/media/livekit';

type Params = { slug: string; sessionSlug: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const found = await getProgrammeSession(await params);
  return { title: found ? `${found.session.title} — salle vidéo` : 'Chemins' };
}

/** The session's video room. Who may enter is decided when the browser asks for a token. */
export default async function RoomPage({ params }: { params: Promise<Params> }) {
  const found = await getProgrammeSession(await params);
  if (!found) notFound();
  const { event, session } = found;
  const [t, tOff, who] = await Promise.all([getTranslations('video'), getTranslations('videoOff'), currentParticipant()]);
  const sessionPath = `/events/${event.slug}/sessions/${session.slug}`;
  const layout = roomLayoutOf(session.kind);
  const [snapshot, recording] = await Promise.all([liveSnapshot(who, session.id), currentRecording(session.id)]);
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href={sessionPath}>← {t('backToSession')}</Link>
      </p>
      <h1 className="text-2xl font-bold">
        {session.title} <span className="text-base font-normal text-stone-600">· {t(layout)}</span>
      </h1>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <section aria-label={t('title')}>
          {!livekitSettings() ? (
            <p data-testid="video-not-configured" className="rounded bg-stone-100 p-3">
              {tOff('room')}{' '}
              <Link href={sessionPath}>{t('backToSession')}</Link>
            </p>
          ) : !who ? (
            <p>
              {t('signIn')}{' '}
              <Link href={`/signin?callbackUrl=${encodeURIComponent(`${sessionPath}/room`)}`}>{t('signInLink')}</Link>
            </p>
          ) : (
            <VideoRoom sessionId={session.id} layout={layout} defaultName={who.name} recorded={session.recordingAnnounced || session.autoRecord || recording !== null} />
          )}
        </section>
        <aside data-slot="live-side" aria-labelledby="live-side-title" className="rounded-lg border border-stone-200 bg-white p-3">
          <h2 id="live-side-title" className="sr-only">
            {t('sideTitle')}
          </h2>
          <LiveSide sessionId={session.id} sessionPath={sessionPath} snapshot={snapshot} />
          {/* The shared notes beside the stage or the workshop. */}
          <NotesSection sessionId={session.id} className="mt-4 border-t border-stone-200 pt-3" />
        </aside>
      </div>
    </div>
  );
}
