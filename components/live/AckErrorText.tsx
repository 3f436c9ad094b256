'use client';

import { useTranslations } from 'next-intl';
import { refusalText } from '@/lib/refusal';
import type { AckError } from '@/lib/realtime/protocol';

/**
 * A refusal in the reader's language, from its code (`live.errors`, else `errors`, else the generic
 * text); `first`: a namespace read before `live` (the moderator view's `moderation`).
 */
export function useAckError(first?: string) {
  const t = useTranslations();
  return (error: AckError) => refusalText(t as never, error.code, first ? [first, 'live'] : 'live');
}
