import { getTranslations } from 'next-intl/server';
import { type ModeCounts, type SessionSeats, seatsByMode } from '@/lib/domain/seats';

/**
 * A hybrid session's seats, both modes on one line: « places sur place : 2 / 3 · en ligne : 1 / 3 »
 * (taken / capacity; taken alone when unlimited), with each waiting list for the organizer
 * (`waiting`). Nothing for a session with one mode.
 */
export async function HybridSeats({
  session,
  counts,
  waiting = false,
  className = 'text-xs text-stone-600',
}: {
  session: SessionSeats;
  counts: ModeCounts;
  waiting?: boolean;
  className?: string;
}) {
  if (session.mode !== 'hybrid') return null;
  const t = await getTranslations('seats');
  const [onsite, online] = seatsByMode(session, counts);
  const taken = (m: typeof onsite) => (m!.capacity === null ? String(m!.confirmed) : t('count', { confirmed: m!.confirmed, capacity: m!.capacity }));
  return (
    <p className={className} data-testid="hybrid-seats">
      {waiting
        ? t('organizerLine', { onsite: taken(onsite), online: taken(online), waitOnsite: onsite!.waitlisted, waitOnline: online!.waitlisted })
        : t('card', { onsite: taken(onsite), online: taken(online) })}
    </p>
  );
}
