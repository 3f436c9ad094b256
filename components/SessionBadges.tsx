import { getTranslations } from 'next-intl/server';
import { BADGE_CLASS, type Badge, BadgeList } from '@/components/BadgeList';
import { isLive } from '@/lib/domain/time';
import { livekitSettings } from '@/server/media/livekit';

type S = { status: string; visibility: string; startsAt: Date; endsAt: Date; videoLiveSince?: Date | null; mode?: string };

export async function SessionBadges({ session, full = false, now = new Date() }: { session: S; full?: boolean; now?: Date }) {
  const [t, tOff] = await Promise.all([getTranslations('badge'), getTranslations('videoOff')]);
  // Live online without video on this server: the marker says what there is (questions and chat).
  const textOnly = session.mode !== undefined && session.mode !== 'onsite' && !livekitSettings();
  const badges: Badge[] = [];
  if (isLive(session, now)) badges.push({ key: 'live', label: textOnly ? tOff('badge') : t('live'), className: BADGE_CLASS.live });
  if (session.status === 'tentative') badges.push({ key: 'tentative', label: t('tentative'), className: BADGE_CLASS.tentative });
  if (session.status === 'cancelled') badges.push({ key: 'cancelled', label: t('cancelled'), className: BADGE_CLASS.cancelled });
  if (session.visibility === 'invitation') badges.push({ key: 'invitation', label: t('invitation'), className: BADGE_CLASS.invitation });
  if (full && session.status !== 'cancelled') badges.push({ key: 'full', label: t('full'), className: BADGE_CLASS.full });
  return <BadgeList badges={badges} />;
}
