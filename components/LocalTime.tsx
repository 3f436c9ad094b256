'use client';

import { useSyncExternalStore } from 'react';
import { viewerTimeZone } from '@/lib/domain/time';
import { formatLocalTimes, formatZoneName } from '@/lib/format';

const noSubscription = () => () => {};
const onServer = () => undefined;

/**
 * A session's times on the viewer's own clock, beside the event's (which the page renders on the
 * server): shown only in the browser, after hydration, and only when the viewer's zone reads
 * differently (online attendees elsewhere). The server and the first render show nothing, so the
 * markup never differs at hydration. Takes its text as props (no catalogue on the light pages):
 * `template` holds `{time}` and `{zone}` (the `liveNow.localTime` message).
 */
export function LocalTime({
  start,
  end = null,
  timeZone,
  locale,
  template,
  className = 'block text-xs text-stone-600',
}: {
  start: Date;
  end?: Date | null;
  timeZone: string;
  locale: string;
  template: string;
  className?: string;
}) {
  const viewer = useSyncExternalStore(noSubscription, viewerTimeZone, onServer);
  const times = viewer ? formatLocalTimes(new Date(start), end ? new Date(end) : null, locale, timeZone, viewer) : null;
  if (!times || !viewer) return null;
  return (
    <span className={className} data-testid="local-time" data-zone={viewer}>
      {template.replace('{time}', times).replace('{zone}', formatZoneName(viewer, locale, new Date(start)))}
    </span>
  );
}
