'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { ConfirmAction } from '@/components/ConfirmAction';
import { useClock } from '@/components/live/useClock';
import { useRefusalText } from '@/components/useRefusalText';
import { formerName } from '@/lib/domain/erased';
import { NotesEditor } from './NotesEditor';
import { Section } from '@/components/Section';


export type NotesHistoryEntry = { id: number; author: string; at: string; bytes: number };

export type NotesLiveProps = {
  sessionId: string;
  /** A breakout group's notes instead of the session's. */
  groupId?: string;
  documentName?: string;
  userName: string;
  locked: boolean;
  /** Writes while the notes are unlocked (the live rooms' writers). */
  mayWrite: boolean;
  /** The session's moderators (and its event's organizers): lock and history. */
  isModerator: boolean;
};

/** The live notes (the editor) and, for moderators, their lock and history. */
export function NotesLive({ sessionId, groupId, documentName, userName, locked: lockedAtFirst, mayWrite, isModerator }: NotesLiveProps) {
  const [locked, setLocked] = useState(lockedAtFirst);
  return (
    <div className="flex min-w-0 flex-col gap-3">
      <NotesEditor sessionId={sessionId} documentName={documentName} userName={userName} locked={locked} mayWrite={mayWrite} moderator={isModerator} />
      {isModerator && <NotesModeration sessionId={sessionId} groupId={groupId} locked={locked} onLocked={setLocked} />}
    </div>
  );
}

/** `{ error: { code } }`'s code, else null. */
async function refusalOf(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: { code?: unknown } };
    return typeof body.error?.code === 'string' ? body.error.code : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The history's entries, or a refusal's code. */
async function fetchHistory(url: string): Promise<NotesHistoryEntry[] | string> {
  try {
    const res = await fetch(url);
    if (!res.ok) return await refusalOf(res);
    return ((await res.json()) as { entries: NotesHistoryEntry[] }).entries;
  } catch {
    return 'network';
  }
}

async function post(url: string, body: unknown): Promise<string | null> {
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return res.ok ? null : await refusalOf(res);
  } catch {
    return 'network';
  }
}

/** Lock or unlock the notes; their history, each version restorable (with a confirmation). */
function NotesModeration({ sessionId, groupId, locked, onLocked }: { sessionId: string; groupId?: string; locked: boolean; onLocked: (l: boolean) => void }) {
  const t = useTranslations('notes.moderation');
  const refusal = useRefusalText('notes');
  const clock = useClock();
  const former = useTranslations('privacy')('formerParticipant');
  const [entries, setEntries] = useState<NotesHistoryEntry[] | null>(null);
  const [said, setSaid] = useState<{ key: 'lockedNotice' | 'unlockedNotice' | 'restored' } | { code: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const base = `/api/sessions/${sessionId}/notes`;
  const group = groupId ? { groupId } : {};

  const historyUrl = `${base}/history${groupId ? `?group=${groupId}` : ''}`;
  const show = (got: NotesHistoryEntry[] | string) => (typeof got === 'string' ? setSaid({ code: got }) : setEntries(got));
  const load = async () => show(await fetchHistory(historyUrl));
  useEffect(() => {
    let current = true;
    void fetchHistory(historyUrl).then((got) => {
      if (!current) return;
      if (typeof got === 'string') setSaid({ code: got });
      else setEntries(got);
    });
    return () => {
      current = false;
    };
  }, [historyUrl]);

  const toggle = async () => {
    setBusy(true);
    const code = await post(`${base}/lock`, { locked: !locked, ...group });
    setBusy(false);
    if (code) return setSaid({ code });
    onLocked(!locked);
    setSaid({ key: !locked ? 'lockedNotice' : 'unlockedNotice' });
  };
  const restore = async (entry: NotesHistoryEntry) => {
    const code = await post(`${base}/restore`, { entryId: entry.id, ...group });
    setSaid(code ? { code } : { key: 'restored' });
    if (!code) await load();
  };

  return (
    <Section headingId="notes-moderation-title" title={t('title')} level={3} headingClassName="font-semibold" className="space-y-2 rounded border border-stone-200 p-3 text-sm" data-testid="notes-moderation">
      <p className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          aria-pressed={locked}
          disabled={busy}
          onClick={() => void toggle()}
          className="rounded border border-stone-300 px-3 py-1.5 aria-pressed:bg-amber-100"
          data-testid="notes-lock"
        >
          {locked ? t('unlock') : t('lock')}
        </button>
        {locked && <span>{t('lockedNotice')}</span>}
      </p>
      <p role="status" data-testid="notes-moderation-said">
        {said && ('code' in said ? t('failed', { message: refusal(said.code) }) : t(said.key))}
      </p>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h4 className="font-semibold">{t('historyTitle')}</h4>
        <button type="button" className="underline" onClick={() => void load()} data-testid="notes-history-refresh">
          {t('refresh')}
        </button>
      </div>
      {entries !== null &&
        (entries.length === 0 ? (
          <p>{t('historyEmpty')}</p>
        ) : (
          <ol className="space-y-1" data-testid="notes-history">
            {entries.map((e) => {
              const time = clock(new Date(e.at));
              const name = formerName(e.author, former);
              return (
                <li key={e.id} className="flex flex-wrap items-center justify-between gap-2 border-b border-stone-100 py-1">
                  <span>{t('historyEntry', { name, time, size: e.bytes })}</span>
                  <ConfirmAction
                    trigger={t('restore')}
                    title={t('restoreTitle', { name, time })}
                    description={t('restoreDescription')}
                    confirm={t('restoreConfirm')}
                    cancel={t('cancel')}
                    onConfirm={() => restore(e)}
                    triggerClassName="underline"
                    testId="notes-restore"
                  />
                </li>
              );
            })}
          </ol>
        ))}
    </Section>
  );
}
