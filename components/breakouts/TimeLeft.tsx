'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { secondsLeft, showReturnCountdown } from '@/lib/domain/breakouts';

/** The time left in a round (« 12:04 restantes »), then « Retour en plénière dans 30 s » at the end. */
export function TimeLeft({ endsAt }: { endsAt: string }) {
  const t = useTranslations('breakouts');
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = secondsLeft(endsAt, now);
  if (showReturnCountdown(endsAt, now)) {
    return (
      <strong data-testid="breakout-countdown" className="text-amber-800">
        {t('returnIn', { seconds: left })}
      </strong>
    );
  }
  const mm = Math.floor(left / 60);
  const ss = String(left % 60).padStart(2, '0');
  return <span data-testid="breakout-time-left">{t('timeLeft', { time: `${mm}:${ss}` })}</span>;
}
