import { getTranslations } from 'next-intl/server';
import { isLive } from '@/lib/domain/time';
import { livekitSettings } from '@/server/livekit';

type S = { status: string; visibility: string; startsAt: Date; endsAt: Date; videoLiveSince?: Date | null; mode?: string };

export async function SessionBadges({ session, full = false, now = new Date() }: { session: S; full?: boolean; now?: Date }) {
  const [t, tOff] = await Promise.all([getTranslations('badge'), getTranslations('videoOff')]);
  // Live online without video on this server: the marker says what there is (questions and chat).
  const textOnly = session.mode !== undefined && session.mode !== 'onsite' && !livekitSettings();
  const badges: { key: string; label: string; className: string }[] = [];
  if (isLive(session, now)) badges.push({ key: 'live', label: textOnly ? tOff('badge') : t('live'), className: 'bg-live text-white' });
  if (session.status === 'tentative') badges.push({ key: 'tentative', label: t('tentative'), className: 'bg-amber-100 text-amber-900' });
  if (session.status === 'cancelled') badges.push({ key: 'cancelled', label: t('cancelled'), className: 'bg-stone-200 text-stone-700' });
  if (session.visibility === 'invitation') badges.push({ key: 'invitation', label: t('invitation'), className: 'bg-indigo-100 text-indigo-900' });
  if (full && session.status !== 'cancelled') badges.push({ key: 'full', label: t('full'), className: 'bg-orange-100 text-orange-900' });
  if (!badges.length) return null;
  return (
    <span className="inline-flex flex-wrap gap-1 align-middle">
      {badges.map((b) => (
        <span key={b.key} data-badge={b.key} className={`rounded px-1.5 py-0.5 text-xs font-medium ${b.className}`}>
          {b.label}
        </span>
      ))}
    </span>
  );
}
