'use client';

import { useTranslations } from 'next-intl';
import { useClock } from './useClock';
import type { LiveRoom } from './useLiveRoom';

/** Shows its children to people who may write; tells the others why not and what to do. */
export function WriteGate({ room, signInHref, children }: { room: LiveRoom; signInHref: string; children: React.ReactNode }) {
  const t = useTranslations('live');
  const clock = useClock();
  const you = room.state.you;
  if (!you) return null;
  if (!you.id) {
    return (
      <p className="rounded bg-stone-100 p-2 text-sm">
        {t('signInToWrite')}{' '}
        <a href={signInHref} className="underline">
          {t('signIn')}
        </a>
      </p>
    );
  }
  if (!you.canWrite) return <p className="rounded bg-stone-100 p-2 text-sm">{t('registerToWrite')}</p>;
  if (you.mutedUntil) {
    return (
      <p role="status" className="rounded bg-amber-100 p-2 text-sm">
        {t('mutedUntil', { time: clock(new Date(you.mutedUntil)) })}
      </p>
    );
  }
  return <>{children}</>;
}
