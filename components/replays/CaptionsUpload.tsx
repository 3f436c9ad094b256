'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { useRefusalText } from '@/components/useRefusalText';

type Outcome = { kind: 'saved'; cues: number } | { kind: 'invalid'; reason: string } | { kind: 'refused'; code: string } | null;

/**
 * Upload or replace a replay's captions (WebVTT), for the session's moderators and the
 * coordinators of its paths: `PUT /api/replays/{id}/captions.vtt`, which checks the file with a
 * WebVTT parser; a malformed file is refused with the parser's reason, said here.
 */
export function CaptionsUpload({ replayId, hasCaptions }: { replayId: string; hasCaptions: boolean }) {
  const t = useTranslations('replays.captionsEdit');
  const refusal = useRefusalText('replays');
  const router = useRouter();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  async function upload(form: HTMLFormElement) {
    const file = (form.elements.namedItem('captions') as HTMLInputElement | null)?.files?.[0];
    if (!file) return setOutcome({ kind: 'invalid', reason: t('noFile') });
    setBusy(true);
    setOutcome(null);
    try {
      const res = await fetch(`/api/replays/${replayId}/captions.vtt`, { method: 'PUT', headers: { 'content-type': 'text/vtt' }, body: await file.text() });
      const body = await res.json().catch(() => null);
      if (res.ok) {
        setOutcome({ kind: 'saved', cues: Number(body?.cues ?? 0) });
        form.reset();
        router.refresh();
      } else if (body?.error?.code === 'invalid_vtt') {
        setOutcome({ kind: 'invalid', reason: String(body.error.fields?.captions ?? body.error.message) });
      } else {
        setOutcome({ kind: 'refused', code: body?.error?.code ?? 'internal' });
      }
    } catch {
      setOutcome({ kind: 'refused', code: 'internal' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={`${id}-title`} className="space-y-2 rounded-lg border border-stone-200 bg-white p-3" data-testid="captions-upload">
      <h2 id={`${id}-title`} className="font-semibold">
        {hasCaptions ? t('replace') : t('add')}
      </h2>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          void upload(e.currentTarget);
        }}
      >
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor={`${id}-file`} className="text-sm font-medium">
            {t('file')}
          </label>
          <p id={`${id}-hint`} className="text-xs text-stone-600">
            {t('hint')}
          </p>
          <input id={`${id}-file`} name="captions" type="file" accept=".vtt,text/vtt" aria-describedby={`${id}-hint`} className="max-w-full text-sm" />
        </div>
        <button type="submit" disabled={busy} className="rounded bg-brand px-3 py-1.5 text-sm text-white disabled:opacity-50">
          {busy ? t('sending') : t('send')}
        </button>
      </form>
      {outcome?.kind === 'saved' && (
        <p role="status" className="text-sm text-green-800" data-testid="captions-saved">
          {t('saved', { count: outcome.cues })}
        </p>
      )}
      {outcome?.kind === 'invalid' && (
        <p role="alert" className="text-sm text-red-800" data-testid="captions-invalid">
          {t('invalid', { reason: outcome.reason })}
        </p>
      )}
      {outcome?.kind === 'refused' && (
        <p role="alert" className="text-sm text-red-800">
          {t('refused', { message: refusal(outcome.code) })}
        </p>
      )}
    </section>
  );
}
