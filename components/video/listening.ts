'use client';

import { useSyncExternalStore } from 'react';

// What this page listens to (issue 29): the interpretation channel chosen on the stage (null: the
// original) and the channels on offer, shared by the stage (components/video/StageAudio.tsx) and
// the captions (components/live/Captions.tsx), which show the chosen language's lines.

export type Listening = { chosen: string | null; channels: readonly string[] };
const ORIGINAL: Listening = { chosen: null, channels: [] };
let current: Listening = ORIGINAL;
const listeners = new Set<() => void>();

export function setListening(next: Partial<Listening>) {
  const merged = { ...current, ...next };
  if (merged.chosen === current.chosen && merged.channels.join() === current.channels.join()) return;
  current = merged;
  for (const l of listeners) l();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The channel chosen and those on offer, re-read when either changes. */
export function useListening(): Listening {
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => ORIGINAL,
  );
}
