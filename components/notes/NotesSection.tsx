import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { notesDocumentName } from '@/lib/domain/notes';
import { notesReader } from '@/server/notes/reader';
import { NotesPanel } from './NotesPanel';

/**
 * A session's shared notes (or a breakout group's) as a section of a page, for those who may read
 * them (the live rooms' readers), else nothing. The server renders the stored notes as HTML for
 * readers without JavaScript and until the person opens the live notes, with their Markdown
 * export; then the live editor (`NotesPanel`) takes their place, and moderators get the lock and
 * the history.
 *
 * `editable`: the live editor (a live session); otherwise the notes as they were left, if any.
 */
export async function NotesSection({ sessionId, groupId, editable = true, className }: { sessionId: string; groupId?: string; editable?: boolean; className?: string }) {
  const documentName = notesDocumentName(sessionId, groupId);
  const reader = await notesReader(documentName, (await headers()).get('cookie'));
  if (!reader) return null;
  if (!editable && reader.notes.empty) return null;
  const t = await getTranslations('notes');
  const markdownHref = `/api/sessions/${sessionId}/notes.md${groupId ? `?group=${groupId}` : ''}`;
  const stored = (
    <div className="notes-content rounded border border-stone-200 bg-white p-3" data-testid="notes-html">
      {!reader.notes.empty ? <div dangerouslySetInnerHTML={{ __html: reader.notes.html }} /> : <p className="text-stone-600">{t('empty')}</p>}
    </div>
  );
  return (
    <section aria-labelledby={`notes-title-${documentName}`} className={`flex min-w-0 flex-col gap-2 ${className ?? ''}`} data-testid="notes-section" id="notes">
      <h2 id={`notes-title-${documentName}`} className="text-lg font-semibold">
        {t('title')}
      </h2>
      {editable ? (
        <>
          <p className="text-sm text-stone-600">{t('intro')}</p>
          <noscript>
            <p className="rounded bg-amber-100 p-2 text-sm">{t('needsJs')}</p>
          </noscript>
          <NotesPanel
            sessionId={sessionId}
            groupId={groupId}
            documentName={documentName}
            userName={reader.name}
            locked={reader.locked}
            mayWrite={reader.mayWrite}
            isModerator={reader.moderator}
            preview={stored}
          />
        </>
      ) : (
        stored
      )}
      <p className="text-sm">
        <a href={markdownHref} download>
          {t('markdown')}
        </a>
      </p>
    </section>
  );
}
