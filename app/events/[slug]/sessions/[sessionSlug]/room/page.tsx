import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { RoomWithBreakouts } from '@/components/breakouts/RoomWithBreakouts';
import { NotesSection } from '@/components/notes/NotesSection';
import { liveSnapshot } from '@/db/queries/live';
import { currentRecording } from '@/db/queries/replays';
import { roomLayoutOf } from '@/lib/domain/video';
import { currentParticipant } from '@/server/auth/current';
import { livekitSettings } from '@/server/media/livekit';
import { loadSession, type SessionParams, sessionOr404 } from '../session';
import { BackLink } from '@/components/BackLink';

export async function generateMetadata({ params }: { params: Promise<SessionParams> }): Promise<Metadata> {
  const found = await loadSession(params);
  return { title: found ? `${found.session.title} — salle vidéo` : 'Chemins' };
}

/** The session's video room. Who may enter is decided when the browser asks for a token. */
export default async function RoomPage({ params }: { params: Promise<SessionParams> }) {
  const [{ session, path: sessionPath }, t, tOff, who] = await Promise.all([sessionOr404(params), getTranslations('video'), getTranslations('videoOff'), currentParticipant()]);
  const layout = roomLayoutOf(session.kind);
  const [snapshot, recording] = await Promise.all([liveSnapshot(who, session.id), currentRecording(session.id)]);
  return (
    <div className="space-y-4">
      <BackLink href={sessionPath}>{t('backToSession')}</BackLink>
      <h1 className="text-2xl font-bold">
        {session.title} <span className="text-base font-normal text-stone-600">· {t(layout)}</span>
      </h1>
      <RoomWithBreakouts
        sessionId={session.id}
        sessionPath={sessionPath}
        snapshot={snapshot}
        diffusionAbove={session.diffusionAbove}
        // The shared notes beside the stage or the workshop.
        notes={<NotesSection sessionId={session.id} className="mt-4 border-t border-stone-200 pt-3" />}
        video={livekitSettings() && who ? { layout, defaultName: who.name, recorded: session.recordingAnnounced || session.autoRecord || recording !== null } : null}
        noVideo={
          !livekitSettings() ? (
            <p data-testid="video-not-configured" className="rounded bg-stone-100 p-3">
              {tOff('room')} <Link href={sessionPath}>{t('backToSession')}</Link>
            </p>
          ) : (
            <p>
              {t('signIn')} <Link href={`/signin?callbackUrl=${encodeURIComponent(`${sessionPath}/room`)}`}>{t('signInLink')}</Link>
            </p>
          )
        }
      />
    </div>
  );
}
