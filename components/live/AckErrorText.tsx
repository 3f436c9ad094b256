'use client';

import { useTranslations } from 'next-intl';
import type { AckError } from '@/lib/realtime/protocol';

const KNOWN = new Set(['unauthenticated', 'not_registered', 'forbidden', 'not_found', 'conflict', 'muted', 'banned', 'rate_limited']);

/** A refusal in the reader's language; the server's own message when no translation fits. */
export function useAckError() {
  const t = useTranslations('live.errors');
  return (error: AckError) => {
    if (error.code === 'muted' || error.code === 'rate_limited') return `${t(error.code)} (${error.message})`;
    return KNOWN.has(error.code) ? t(error.code) : error.message;
  };
}
