'use client';

import { useEffect, useRef, useState } from 'react';
import { addedItems, announcement } from './announce';

/** How long new items are gathered before one announcement is made. */
const BATCH_MS = 1500;

/**
 * A visually hidden polite status telling screen-reader users what was added to a live list,
 * batched so that a busy room does not flood them: one new item is read in full, several are
 * counted. The list itself is not a live region, so nothing is read twice; the first load, the
 * person's own items and (with `appendOnly`) older items loaded at the top say nothing.
 */
export function LiveAnnouncer<T extends { id: string }>({
  items,
  ready,
  own,
  one,
  many,
  appendOnly = false,
}: {
  items: T[];
  ready: boolean;
  own: (item: T) => boolean;
  one: (item: T) => string;
  many: (count: number) => string;
  appendOnly?: boolean;
}) {
  const seen = useRef<Set<string> | null>(null);
  const pending = useRef<T[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [text, setText] = useState('');

  useEffect(() => {
    if (!ready) return;
    const known = seen.current;
    seen.current = new Set(items.map((i) => i.id));
    if (known === null) return;
    const fresh = addedItems(known, items, own, appendOnly);
    if (fresh.length === 0) return;
    pending.current.push(...fresh);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const batch = pending.current;
      pending.current = [];
      setText(announcement(batch, one, many));
    }, BATCH_MS);
  }, [items, ready, own, one, many, appendOnly]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  return (
    <p role="status" className="sr-only" data-testid="live-announcer">
      {text}
    </p>
  );
}
