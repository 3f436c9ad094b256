'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { FormState } from '@/lib/field-errors';
import { useRefusalText } from '@/components/useRefusalText';

/** After a session: one click turns its Q&A export into a draft meeting report on the session's paths. */
export function QaReportButton({ action }: { action: (prev: FormState, form: FormData) => Promise<FormState> }) {
  const t = useTranslations('paths');
  const refusal = useRefusalText('paths');
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3" data-testid="qa-report">
      <button type="submit" disabled={pending} className="rounded border border-brand px-3 py-1.5 text-sm text-brand disabled:opacity-60">
        {t('editor.qaToReport')}
      </button>
      <span className="text-xs text-stone-600">{t('editor.qaToReportHelp')}</span>
      {state?.error && (
        <p role="alert" className="w-full rounded bg-red-50 p-2 text-sm text-red-800">
          {state.error === 'no_path' ? t('editor.qaToReportNoPaths') : refusal(state.error)}
        </p>
      )}
    </form>
  );
}
