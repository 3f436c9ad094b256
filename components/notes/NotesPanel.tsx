'use client';

import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { NotesLiveProps } from './NotesLive';

export type { NotesHistoryEntry } from './NotesLive';

// The live notes (Tiptap, Yjs, Hocuspocus, the moderators' history: the heaviest script of the
// page) load when the person opens them; until then, the notes as stored, which is also what a
// browser without JavaScript shows (the live page's weight budget, bench/page-weight).
const NotesLive = dynamic(() => import('./NotesLive').then((m) => m.NotesLive), { ssr: false });

/** The notes as stored, and the button that opens them live; then the editor and, for moderators, the lock and history. */
export function NotesPanel({ preview, ...live }: NotesLiveProps & { preview: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const t = useTranslations('notes');
  if (open) return <NotesLive {...live} />;
  return (
    <div className="flex min-w-0 flex-col gap-3">
      {preview}
      <button type="button" data-testid="notes-open" onClick={() => setOpen(true)} className="self-start rounded border border-stone-400 bg-white px-3 py-2 text-sm font-medium">
        {t(live.mayWrite && !live.locked ? 'openToWrite' : 'openLive')}
      </button>
    </div>
  );
}
