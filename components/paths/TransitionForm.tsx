'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useId } from 'react';
import type { FormState } from '@/lib/field-errors';
import { useRefusalText } from '@/components/useRefusalText';

type Action = 'submit' | 'publish' | 'decline' | 'archive' | 'unpublish' | 'reopen';

/** The workflow buttons of a resource (publish, decline with a reason, archive…), bound to a server action. */
export function TransitionForm({ action, actions, label }: { action: (prev: FormState, form: FormData) => Promise<FormState>; actions: Action[]; label: string }) {
  const t = useTranslations('paths');
  const refusal = useRefusalText('paths');
  const [state, formAction, pending] = useActionState(action, null);
  const reasonId = useId();
  if (!actions.length) return null;
  const button = (a: Action, primary = false) => (
    <button
      key={a}
      type="submit"
      name="action"
      value={a}
      disabled={pending}
      className={`rounded px-3 py-1.5 text-sm disabled:opacity-60 ${primary ? 'bg-brand text-white' : a === 'decline' ? 'border border-red-700 text-red-800' : 'border border-stone-400'}`}
    >
      {a === 'reopen' ? t('statuses.draft') : t(`editor.${a}`)}
    </button>
  );
  const reasonError = state?.fields?.reason;
  return (
    <form key={state?.at ?? 0} action={formAction} className="grid gap-2" aria-label={label}>
      {state?.error && (
        <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-800">
          {refusal(state.error)}
          {reasonError && ` — ${t('errors.reason_required')}`}
        </p>
      )}
      {actions.includes('decline') && (
        <div className="flex flex-col gap-1">
          <label htmlFor={reasonId} className="text-sm font-medium">
            {t('editor.declineReason')}
          </label>
          <textarea
            id={reasonId}
            name="reason"
            rows={2}
            maxLength={2000}
            aria-invalid={reasonError ? true : undefined}
            className="rounded border border-stone-300 bg-white px-2 py-1 text-sm"
          />
        </div>
      )}
      <div className="flex flex-wrap gap-2">{actions.map((a) => button(a, a === 'publish'))}</div>
    </form>
  );
}
