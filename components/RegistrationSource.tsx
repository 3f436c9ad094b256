'use client';

import { useEffect, useRef } from 'react';
import { isRegistrationSource, VIA_PARAM } from '@/lib/domain/registration-source';

// What drove a registration, kept for the visit (docs/report.md, "What drove registrations"): a
// page of the event opened with `?via=<source>` (a Chemins mail's link, a link an organizer
// shared) keeps it in this tab's sessionStorage, first party, until the tab is closed; the
// registration form sends it. Nothing follows a person across sites, and nothing is kept once
// the tab is closed.

const keyOf = (event: string) => `chemins:via:${event}`;

function stored(event: string): string | null {
  try {
    return sessionStorage.getItem(keyOf(event));
  } catch {
    return null; // storage refused (privacy settings): the registration counts as direct
  }
}

/** On an event's pages: keep the `?via=` of the address opened, when it is a known source. */
export function KeepSource({ event }: { event: string }) {
  useEffect(() => {
    const via = new URLSearchParams(window.location.search).get(VIA_PARAM);
    if (!isRegistrationSource(via)) return;
    try {
      sessionStorage.setItem(keyOf(event), via);
    } catch {
      // storage refused: nothing kept
    }
  }, [event]);
  return null;
}

/**
 * The registration form's `source` field: the `?via=` of the form's own address (`initial`, so it
 * works without JavaScript), else what this visit kept.
 */
export function SourceField({ event, initial }: { event: string; initial?: string }) {
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const kept = stored(event);
    if (!initial && field.current && isRegistrationSource(kept)) field.current.value = kept;
  }, [event, initial]);
  return (
    <>
      <KeepSource event={event} />
      <input ref={field} type="hidden" name="source" defaultValue={initial ?? ''} />
    </>
  );
}
