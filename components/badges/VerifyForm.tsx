'use client';

import { useActionState } from 'react';
import type { VerifyOutcome } from '@/app/badges/actions';

type Labels = { label: string; submit: string; valid: string; revoked: string; invalid: string; unreadable: string; limited: string };

/** Paste a badge's JSON and check it (server action): the verdict in plain words, then the reasons. */
export function VerifyForm({ action, labels }: { action: (prev: VerifyOutcome, form: FormData) => Promise<VerifyOutcome>; labels: Labels }) {
  const [outcome, submit, pending] = useActionState(action, null);
  return (
    <form action={submit} className="mt-3 space-y-2">
      <label className="block text-sm font-medium" htmlFor="credential">
        {labels.label}
      </label>
      <textarea id="credential" name="credential" required rows={6} className="w-full rounded border border-stone-300 p-2 font-mono text-xs" />
      <button disabled={pending} className="rounded bg-brand px-3 py-1 text-white">
        {labels.submit}
      </button>
      {outcome && (
        <div role="status" data-testid="paste-verdict" data-state={outcome.state} className={`rounded p-3 ${outcome.state === 'valid' ? 'bg-green-50 text-green-900' : 'bg-red-50 text-red-900'}`}>
          <p className="font-semibold">{labels[outcome.state]}</p>
          {outcome.errors.length > 0 && (
            <ul className="mt-1 list-disc pl-6 text-sm">
              {outcome.errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
