'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/**
 * Keeps a room screen current: the server page is rendered again every `seconds` (now and next,
 * presence counts) without reloading the page. Without JavaScript the page's meta refresh does it.
 */
export function ScreenRefresh({ seconds }: { seconds: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = window.setInterval(() => router.refresh(), seconds * 1000);
    return () => window.clearInterval(timer);
  }, [router, seconds]);
  return null;
}
