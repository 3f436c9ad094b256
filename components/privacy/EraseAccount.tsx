'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';

type State = { step: 'start' } | { step: 'confirm' } | { step: 'sending' } | { step: 'done' } | { step: 'failed'; code: string };

/** Delete my account, in two steps: ask, then confirm (with the choice to keep one's name on published work). */
export function EraseAccount() {
  const t = useTranslations('privacy.me');
  const [state, setState] = useState<State>({ step: 'start' });
  const [keepName, setKeepName] = useState(false);
  const keepId = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);
  // The confirmation step takes the focus (keyboard and screen-reader users land on it).
  useEffect(() => {
    if (state.step === 'confirm') confirmRef.current?.focus();
  }, [state.step]);

  async function erase() {
    setState({ step: 'sending' });
    try {
      const res = await fetch('/api/me/erase', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ confirm: true, keepName }),
      });
      if (res.ok) {
        // No refresh here: the page would render as signed out and take this confirmation away; its link home reloads the header.
        setState({ step: 'done' });
        return;
      }
      const body = (await res.json().catch(() => null)) as { error?: { code?: string } } | null;
      setState({ step: 'failed', code: body?.error?.code ?? String(res.status) });
    } catch {
      setState({ step: 'failed', code: 'network' });
    }
  }

  if (state.step === 'done') {
    return (
      <div role="status" className="rounded bg-green-50 p-3 text-green-900">
        <p>{t('deleted')}</p>
        <Link href="/">{t('home')}</Link>
      </div>
    );
  }
  if (state.step === 'start') {
    return (
      <button type="button" className="rounded border border-red-700 px-4 py-2 text-red-800" onClick={() => setState({ step: 'confirm' })}>
        {t('deleteStart')}
      </button>
    );
  }
  return (
    <div role="group" aria-labelledby="erase-confirm-title" className="space-y-3 rounded border border-red-300 bg-red-50 p-4">
      <h3 id="erase-confirm-title" className="font-semibold">
        {t('confirmTitle')}
      </h3>
      <p>{t('confirmText')}</p>
      <p className="flex items-center gap-2">
        <input id={keepId} type="checkbox" checked={keepName} onChange={(e) => setKeepName(e.target.checked)} />
        <label htmlFor={keepId}>{t('keepName')}</label>
      </p>
      {state.step === 'failed' && (
        <p role="alert" className="text-red-900">
          {t('failed', { code: state.code })}
        </p>
      )}
      <p className="flex gap-3">
        <button ref={confirmRef} type="button" className="rounded bg-red-800 px-4 py-2 text-white" disabled={state.step === 'sending'} onClick={erase}>
          {state.step === 'sending' ? t('deleting') : t('confirm')}
        </button>
        <button type="button" className="rounded border border-stone-400 px-4 py-2" onClick={() => setState({ step: 'start' })}>
          {t('cancel')}
        </button>
      </p>
    </div>
  );
}
