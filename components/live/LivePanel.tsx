'use client';

import { useTranslations } from 'next-intl';
import { useLiveSession } from './useLiveSession';
import { VideoCheck } from './VideoCheck';

export function LivePanel({
  sessionId,
  signedIn,
  videoConfigured,
}: {
  sessionId: string;
  signedIn: boolean;
  videoConfigured: boolean;
}) {
  const t = useTranslations('session');
  const live = useLiveSession(sessionId);
  return (
    <section aria-labelledby="live-title" className="rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="live-title" className="flex items-center gap-2 text-lg font-semibold">
        <span className="inline-block h-2.5 w-2.5 rounded-full bg-live" aria-hidden /> {t('liveTitle')}
      </h2>
      <p role="status" aria-live="polite" className="mt-2" data-testid="presence">
        {live.status === 'joined' && <span data-count={live.presence}>{t('presence', { count: live.presence })}</span>}
        {live.status === 'connecting' && t('connecting')}
        {live.status === 'disconnected' && t('disconnected')}
        {live.status === 'error' && live.message}
      </p>
      <div className="mt-4">
        <h3 className="font-medium">{t('videoTitle')}</h3>
        {!videoConfigured ? (
          <p className="text-sm text-stone-600" data-testid="video-not-configured">
            {t('videoNotConfigured')}
          </p>
        ) : !signedIn ? (
          <p className="text-sm text-stone-600">{t('videoSignIn')}</p>
        ) : (
          <VideoCheck sessionId={sessionId} />
        )}
      </div>
    </section>
  );
}
