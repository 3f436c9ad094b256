'use client';

import { useEffect, useRef } from 'react';

/**
 * The confirmation after an organizer's save: announced (`role="status"`), then brought into view
 * and focused, so that it is seen on a phone too — the page may open lower, at the section saved.
 */
export function SavedNotice({ children, id = 'saved' }: { children: React.ReactNode; id?: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    // After the browser's own scroll to the address's #fragment.
    const frame = requestAnimationFrame(() => {
      el.scrollIntoView({ block: 'center' });
      el.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, []);
  return (
    <p ref={ref} id={id} role="status" aria-live="polite" tabIndex={-1} className="scroll-mt-16 rounded bg-green-50 p-3 text-green-900 outline-none focus-visible:ring-2 focus-visible:ring-green-700">
      {children}
    </p>
  );
}
