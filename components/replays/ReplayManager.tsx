'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useRefusalText } from '@/components/useRefusalText';
import { fieldInstant } from '@/lib/domain/time';
import { Section } from '@/components/Section';

export type ManagedReplay = {
  id: string;
  kind: 'recording' | 'upload' | 'link';
  status: 'recording' | 'ready' | 'failed';
  title: string | null;
  error: string | null;
  durationLabel: string | null;
  startedLabel: string;
};

const input = 'w-full rounded border border-stone-300 px-2 py-1';
const button = 'rounded bg-brand px-3 py-1.5 text-white disabled:opacity-50';

/**
 * The session's replays for its moderators: recordings (under way, ready or failed, with egress's
 * reason), uploads and links; add a link or upload a video, with the moment of the session it
 * starts at (its timeline is aligned on it); delete one.
 */
export function ReplayManager({
  sessionId,
  replays,
  defaultStart,
  timeZone,
}: {
  sessionId: string;
  replays: ManagedReplay[];
  /** The session's start, as the field's value in the event's wall-clock time. */
  defaultStart: string;
  /** The event's: the start typed is its wall-clock time, whatever the browser's zone. */
  timeZone: string;
}) {
  const t = useTranslations('replays');
  const refusal = useRefusalText('replays');
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function send(run: () => Promise<Response>) {
    setBusy(true);
    setError(null);
    try {
      const res = await run();
      if (!res.ok) {
        const body = await res.json().catch(() => null);
        const code: string | undefined = body?.error?.code;
        setError(refusal(code));
        return false;
      }
      router.refresh();
      return true;
    } catch {
      setError(refusal(null));
      return false;
    } finally {
      setBusy(false);
    }
  }

  // Anything else than a datetime-local value goes as typed: the API refuses it with its reason.
  const startedAt = (form: FormData) => {
    const value = String(form.get('startedAt') ?? '');
    return fieldInstant(value, timeZone)?.toISOString() ?? value;
  };
  const meta = (form: FormData) => ({
    title: String(form.get('title') ?? '').trim() || undefined,
    licence: String(form.get('licence') ?? 'all-rights-reserved'),
  });

  return (
    <Section headingId="replays-manage-title" title={t('listTitle')} headingClassName="text-lg font-semibold" className="space-y-4 rounded-lg border border-stone-200 bg-white p-4" data-testid="replay-manager">
      {replays.length === 0 ? (
        <p className="text-sm text-stone-600">{t('none')}</p>
      ) : (
        <ul className="space-y-2 text-sm">
          {replays.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center gap-2" data-testid="managed-replay" data-status={r.status}>
              <span className="font-medium">{r.title ?? t(`kinds.${r.kind}`)}</span>
              <span className="text-stone-600">
                {t(`kinds.${r.kind}`)} · {r.startedLabel}
                {r.durationLabel ? ` · ${r.durationLabel}` : ''}
              </span>
              <span className={r.status === 'failed' ? 'text-red-800' : 'text-stone-700'}>{t(`statuses.${r.status}`)}</span>
              {r.status === 'failed' && r.error && <span className="text-red-800">({r.error})</span>}
              {r.status === 'ready' && <a href={`/replays/${r.id}`}>{t('watch')}</a>}
              {r.status !== 'recording' && (
                <button
                  type="button"
                  className="rounded border border-stone-300 px-2 py-0.5 text-xs"
                  disabled={busy}
                  onClick={() => window.confirm(t('deleteConfirm')) && void send(() => fetch(`/api/replays/${r.id}`, { method: 'DELETE' }))}
                >
                  {t('delete')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-800">
          {t('refused', { message: error })}
        </p>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        <form
          className="space-y-2 text-sm"
          onSubmit={(e) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            const el = e.currentTarget;
            void send(() =>
              fetch(`/api/sessions/${sessionId}/replays`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ url: String(form.get('url')), startedAt: startedAt(form), ...meta(form) }),
              }),
            ).then((ok) => ok && el.reset());
          }}
        >
          <h3 className="font-medium">{t('addLink')}</h3>
          <label className="block">
            {t('url')}
            <input name="url" type="url" required className={input} />
          </label>
          <Common t={t} defaultStart={defaultStart} />
          <button type="submit" className={button} disabled={busy}>
            {t('add')}
          </button>
        </form>
        <form
          className="space-y-2 text-sm"
          onSubmit={(e) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            const file = form.get('file');
            if (!(file instanceof File) || file.size === 0) return;
            const el = e.currentTarget;
            const query = new URLSearchParams({ startedAt: startedAt(form), licence: meta(form).licence });
            const title = meta(form).title;
            if (title) query.set('title', title);
            void send(() =>
              fetch(`/api/sessions/${sessionId}/replays/upload?${query}`, {
                method: 'POST',
                headers: { 'content-type': file.type || 'application/octet-stream' },
                body: file,
              }),
            ).then((ok) => ok && el.reset());
          }}
        >
          <h3 className="font-medium">{t('upload')}</h3>
          <label className="block">
            {t('file')}
            <input name="file" type="file" accept="video/webm,video/mp4,video/ogg" required className={input} />
          </label>
          <Common t={t} defaultStart={defaultStart} />
          <button type="submit" className={button} disabled={busy}>
            {busy ? t('sending') : t('add')}
          </button>
        </form>
      </div>
    </Section>
  );
}

function Common({ t, defaultStart }: { t: ReturnType<typeof useTranslations<'replays'>>; defaultStart: string }) {
  return (
    <>
      <label className="block">
        {t('startedAt')}
        <input name="startedAt" type="datetime-local" step="1" required defaultValue={defaultStart} className={input} />
        <span className="block text-xs text-stone-600">{t('startedAtHelp')}</span>
      </label>
      <label className="block">
        {t('titleField')}
        <input name="title" maxLength={200} className={input} />
      </label>
      <label className="block">
        {t('licence')}
        <select name="licence" defaultValue="CC-BY-SA-4.0" className={input}>
          {['CC-BY-4.0', 'CC-BY-SA-4.0', 'CC-BY-NC-SA-4.0', 'CC0-1.0', 'etalab-2.0', 'all-rights-reserved'].map((l) => (
            <option key={l} value={l}>
              {l === 'all-rights-reserved' ? t('allRightsReserved') : l}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
