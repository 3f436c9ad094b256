'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';

/**
 * « Participer » at the room's QR code: asks the server for a guest identity admitted to this
 * session (`POST /api/guest` with the session's code and the optional first name), then opens the
 * session's live part, where the person asks and votes.
 */
export function RoomEntryForm({ code, target, askName, nameMax }: { code: string; target: string; askName: boolean; nameMax: number }) {
  const t = useTranslations('roomQr');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function enter(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const res = await fetch('/api/guest', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(askName && name.trim() ? { room: code, name: name.trim() } : { room: code }),
    }).catch(() => null);
    if (res?.ok) {
      window.location.assign(target);
      return;
    }
    setBusy(false);
    const status = res?.status ?? 0;
    setError(t(status === 429 ? 'errors.rateLimited' : status === 403 ? 'errors.registrationRequired' : status === 400 ? 'errors.invalid' : 'errors.failed'));
  }

  return (
    <form onSubmit={enter} className="flex flex-col gap-3" data-testid="room-entry-form">
      {askName && (
        <label className="flex flex-col gap-1">
          {t('firstName')}
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={nameMax}
            autoComplete="given-name"
            className="rounded border border-stone-300 bg-white p-3 text-base"
          />
        </label>
      )}
      <button type="submit" disabled={busy} className="rounded bg-brand px-4 py-3 text-lg font-semibold text-white disabled:opacity-50">
        {t('enter')}
      </button>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}
