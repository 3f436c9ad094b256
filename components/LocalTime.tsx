'use client';

import { useSyncExternalStore } from 'react';
import { viewerTimeZone } from '@/lib/domain/time';
import { formatLocalTimes, formatZoneName } from '@/lib/format';

const noSubscription = () => () => {};
const onServer = () => undefined;
/** The viewer's zone in the browser once hydrated; undefined on the server and at hydration. */
const useViewerZone = () => useSyncExternalStore(noSubscription, viewerTimeZone, onServer);

/**
 * A session's times on the viewer's own clock, beside the event's (which the page renders on the
 * server): shown only in the browser, after hydration, and only when the viewer's zone reads
 * differently (online attendees elsewhere). The server and the first render show nothing, so the
 * markup never differs at hydration. Takes its text as props (no catalogue on the light pages):
 * `template` holds `{time}` and `{zone}` (the `liveNow.localTime` message), or `{time}` alone
 * (`liveNow.localTimeShort`, where `<LocalZone>` names the zone once).
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
  const viewer = useViewerZone();
  const times = viewer ? formatLocalTimes(new Date(start), end ? new Date(end) : null, locale, timeZone, viewer) : null;
  if (!times || !viewer) return null;
  return (
    <span className={className} data-testid="local-time" data-zone={viewer}>
      {template.replace('{time}', times).replace('{zone}', formatZoneName(viewer, locale, new Date(start)))}
    </span>
  );
}

/**
 * The viewer's zone named once, above a list of times given with `<LocalTime>`'s short text (the
 * programme), when the viewer's clock reads differently from the event's at `at` (the event's
 * start); nothing on the server, at hydration, or in the event's zone. `template` holds `{zone}`
 * (`liveNow.localZone`).
 */
export function LocalZone({ at, timeZone, locale, template }: { at: Date; timeZone: string; locale: string; template: string }) {
  const viewer = useViewerZone();
  if (!viewer || !formatLocalTimes(new Date(at), null, locale, timeZone, viewer)) return null;
  return (
    <span className="block" data-testid="local-zone">
      {template.replace('{zone}', formatZoneName(viewer, locale, new Date(at)))}
    </span>
  );
}
