'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useRefusalText } from '@/components/useRefusalText';

export type Uploaded = { id: string; filename: string };

/**
 * A multipart form to `POST /api/attachments`. Without JavaScript (or without `onUploaded`) it is a
 * plain form: the route answers with a 303 back to `next` carrying the new upload's id (or the
 * refusal's code), which the page then puts in its form. With `onUploaded` (the resource form) the
 * file is sent in the page and handed over: nothing typed in the form next to it is lost (issue 34).
 */
export function UploadForm({ next, error, onUploaded }: { next: string; error?: string | null; onUploaded?: (file: Uploaded) => void }) {
  const t = useTranslations('paths');
  const tu = useTranslations('upload');
  const refusal = useRefusalText('paths');
  const [refused, setRefused] = useState<string | null>(error ?? null);
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<string | null>(null);

  const send = async (e: React.FormEvent<HTMLFormElement>) => {
    if (!onUploaded) return;
    e.preventDefault();
    const form = e.currentTarget;
    setBusy(true);
    setRefused(null);
    setAdded(null);
    try {
      const res = await fetch('/api/attachments', { method: 'POST', body: new FormData(form), headers: { accept: 'application/json' } });
      const body = (await res.json().catch(() => null)) as { data?: Uploaded; error?: { code?: string } } | null;
      if (res.status !== 201 || !body?.data) {
        setRefused(body?.error?.code ?? 'unknown');
        return;
      }
      onUploaded({ id: body.data.id, filename: body.data.filename });
      setAdded(body.data.filename);
      form.reset();
    } catch {
      setRefused('unknown');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      method="post"
      action={`/api/attachments?next=${encodeURIComponent(next)}`}
      encType="multipart/form-data"
      onSubmit={(e) => void send(e)}
      aria-busy={busy || undefined}
      className="grid gap-2 rounded-lg border border-dashed border-stone-300 bg-white p-3"
      data-testid="upload-form"
    >
      <label htmlFor="upload-file" className="text-sm font-medium">
        {t('editor.addAttachment')}
      </label>
      <input id="upload-file" name="file" type="file" required aria-describedby="upload-help" className="text-sm" />
      <p id="upload-help" className="text-xs text-stone-600">
        {t('editor.attachmentHelp')}
      </p>
      {refused && (
        <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-800" data-testid="upload-error">
          {refusal(refused)}
        </p>
      )}
      <p aria-live="polite" className="text-sm text-green-900" data-testid="upload-added">
        {added && tu('added', { name: added })}
      </p>
      <button type="submit" disabled={busy} className="justify-self-start rounded border border-brand px-3 py-1 text-sm text-brand disabled:opacity-60">
        {t('editor.upload')}
      </button>
    </form>
  );
}
